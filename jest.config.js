/**
 * One Jest run, two kinds of test:
 * - `*.spec.ts` next to the code: pure unit tests and time-skipping workflow tests;
 * - `test/**\/*.test.ts`: integration and e2e tests against the real Temporal dev server and PostgreSQL
 *   that `scripts/test.mjs` starts (their addresses arrive in TEMPORAL_ADDRESS and DATABASE_URL).
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  testEnvironment: 'node',
  // The `@app/*` aliases of tsconfig.json, so tests resolve them exactly as the compiler does.
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  roots: [
    '<rootDir>/apps',
    '<rootDir>/libs',
    '<rootDir>/workflows',
    '<rootDir>/activities',
    '<rootDir>/test',
  ],
  testMatch: ['**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
  testSequencer: '<rootDir>/test/support/sequencer.js',
};
