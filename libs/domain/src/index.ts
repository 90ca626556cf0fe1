/**
 * The domain of perspective-plan approvals, pure TypeScript (no framework, no clock, no I/O), so that it runs
 * inside Temporal's deterministic workflow sandbox as well as in the API and the worker. Imported everywhere
 * as `@app/domain`. Folders, each importing only the ones before it (lint checks it):
 * calendar, policy, payments, monitoring → shared → breakthrough (the table's case) → trajectory (the
 * record) → decision, finance, escalation, closure, care, scaling, plan (the features: their commands,
 * rules, transitions and timers) → lifecycle (the registry and the entry points) → table-outcome (what the
 * table's decision does to the trajectory).
 */
export * from './calendar';
export * from './policy';
export * from './payments';
export * from './monitoring';
export * from './shared';
export * from './breakthrough';
export * from './trajectory';
export * from './lifecycle';
export {
  applyBreakthroughDecision,
  assertBreakthroughDecisionAllowed,
} from './table-outcome/apply-breakthrough-decision';
