/**
 * The domain of perspective-plan approvals, pure TypeScript (no framework, no clock, no I/O), so that it runs
 * inside Temporal's deterministic workflow sandbox as well as in the API and the worker. Imported everywhere
 * as `@app/domain`; each folder below is one concept and lists its public names in its own index.
 */
export * from './calendar';
export * from './policy';
export * from './payments';
export * from './monitoring';
export * from './breakthrough';
export * from './trajectory';
