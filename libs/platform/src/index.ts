export * from './app-config.module';
export * from './database.module';
export * from './json-logger';
export * from './temporal-runtime';
export * from './dev-token';
export * from './request-context';
export * from './workflow-bundle';
