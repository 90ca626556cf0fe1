// Registered as `testSequencer` in jest.config.js.
const Sequencer = require('@jest/test-sequencer').default;

/**
 * The suite-wide reconciliation (test/suite-reconciliation.test.ts) checks the ledger every other test file
 * left behind, so it must run after all of them, workflow specs under workflows/ included; the monitoring's SQL
 * is compared with the domain's functions over the same rows (test/monitoring-sql.test.ts). Every other
 * file keeps Jest's own order (failed first, then slowest first).
 */
const LAST = /[\\/]test[\\/](suite-reconciliation|monitoring-sql)\.test\.ts$/;

class RunReconciliationLast extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((t) => !LAST.test(t.path)), ...sorted.filter((t) => LAST.test(t.path))];
  }
}

module.exports = RunReconciliationLast;
