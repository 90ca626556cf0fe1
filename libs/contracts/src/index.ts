export * from './task-queue';
export * from './workflow-ids';
export * from './search-attributes';
export * from './trajectory-messages';
export * from './bookkeeping';
export * from './roles';
export * from './ledger-messages';
export * from './trajectory-activities';
