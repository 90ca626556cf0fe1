/**
 * The region's versioned trajectory policy: timers, limits and rules that a trajectory freezes when it
 * starts (decisions.md 2). Pure and JSON-serialisable, for use inside workflows.
 */
export { policyDurationKind, policyDurationProblem, resolveDeadline } from './policy-duration';
export type { PolicyDuration, PolicyDurationKind } from './policy-duration';
export {
  EVALUATION_OUTCOME_CODES,
  OVERRIDABLE_POLICY_FIELDS,
  SIGNATURE_PARTIES,
  TRAJECTORY_SPLIT_PRESETS,
} from './trajectory-policy';
export type {
  DecisionValidityPolicy,
  EvaluationOutcomeCode,
  OverridablePolicyField,
  PaymentPeriodLength,
  SignatureParty,
  TrajectoryPolicy,
  TrajectoryPolicyOverrides,
  TrajectorySplitPreset,
} from './trajectory-policy';
export { DEFAULT_TRAJECTORY_POLICY } from './default-trajectory-policy';
export {
  assertValidTrajectoryPolicy,
  PolicyValidationError,
  validateTrajectoryPolicy,
} from './validate-trajectory-policy';
export { mergePolicyOverrides } from './merge-policy-overrides';
export {
  decisionValidTo,
  evaluationIntervalFor,
  evaluationOverdueAt,
  isLocalTeamRequired,
  isPlanExemptRequestType,
  paymentPeriodFor,
  policyHolidays,
  resolvePolicyDeadline,
  WAIT_DEFAULTS,
  waitPolicy,
} from './policy-rules';
export type { WaitPolicy } from './policy-rules';
export { regionPolicy } from './region-policy';
export type { RegionPolicyRecord } from './region-policy';
