export * from './entities';
export * from './data-source-options';
export * from './migrate';
export * from './read-model/read-model-writer';
export * from './data-failure';
