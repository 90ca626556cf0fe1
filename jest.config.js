/**
 * One Jest run, two kinds of test:
 * - `*.spec.ts` next to the code: pure unit tests and time-skipping workflow tests;
 * - `test/**\/*.test.ts`: integration and e2e tests against the real Temporal dev server and PostgreSQL
 *   that `scripts/test.mjs` starts (their addresses arrive in TEMPORAL_ADDRESS and DATABASE_URL).
 */
module.exports = {
  testEnvironment: 'node',
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
