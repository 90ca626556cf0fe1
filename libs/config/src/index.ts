export * from './config';
export * from './payload-keys';
