export * from './config';
export * from './payload-keys';
export * from './delivery-config';
export * from './oidc-config';
export * from './steering-config';
