export * from './codec-errors';
export * from './encryption-codec';
export * from './key-ring';
export * from './secret-box';
