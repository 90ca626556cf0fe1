import type { NationalHolidays, TimeZoneRule } from '../calendar';
import type { PolicyDuration } from './policy-duration';

/** domain.md §7.2 Signature `party`. */
export type SignatureParty = 'CLIENT' | 'LEGAL_REPRESENTATIVE' | 'LEAD_PROVIDER' | 'LOCAL_TEAM';
export const SIGNATURE_PARTIES: readonly SignatureParty[] = [
  'CLIENT',
  'LEGAL_REPRESENTATIVE',
  'LEAD_PROVIDER',
  'LOCAL_TEAM',
];

/** Trajectory payment split presets (domain.md §7.7, decisions.md 1). */
export type TrajectorySplitPreset = 'WF_RECOVERY' | 'FRIESLAND_70_30' | 'WBW_50_50';
export const TRAJECTORY_SPLIT_PRESETS: readonly TrajectorySplitPreset[] = [
  'WF_RECOVERY',
  'FRIESLAND_70_30',
  'WBW_50_50',
];

/** Evaluation outcomes (domain.md §7.2 Evaluation). */
export type EvaluationOutcomeCode =
  'CONTINUE' | 'SCALE_UP' | 'SCALE_DOWN' | 'COMPLETE' | 'TERMINATE' | 'REASSESS';
export const EVALUATION_OUTCOME_CODES: readonly EvaluationOutcomeCode[] = [
  'CONTINUE',
  'SCALE_UP',
  'SCALE_DOWN',
  'COMPLETE',
  'TERMINATE',
  'REASSESS',
];

/** Arrangement period lengths (domain.md §7.2 Arrangement `periodLength`). */
export type PaymentPeriodLength = 'P1M' | 'P4W' | 'P1Y';

/** How long a CareDecision (beschikking) is valid (domain.md §7.2 CareDecision `validTo`). */
export interface DecisionValidityPolicy {
  /** High-complexity indications: one year (R-TIME-02). */
  readonly highComplexity: PolicyDuration;
  /** Other decisions end with the plan; this applies only when no planned end is known (DEFAULT). */
  readonly withoutPlannedEnd: PolicyDuration;
}

/**
 * The versioned timer and rule settings of a region, frozen into a trajectory when it starts
 * (decisions.md 2: "a trajectory keeps the policy version it started with"). Plain JSON: it travels in
 * workflow inputs and continue-as-new state. Defaults and their sources: default-trajectory-policy.ts.
 */
export interface TrajectoryPolicy {
  readonly policyId: string;
  readonly version: string;
  readonly regionId: string;
  /** The region's clock for working days and months. */
  readonly timeZone: TimeZoneRule;
  /**
   * Which national holidays count: 'NL' (by rule, any year 2014-2199) or 'NONE'. Absent in policies from
   * before the rule existed: they are read as 'NL' (their lists held exactly the rule's 2025-2027 days).
   */
  readonly nationalHolidays?: NationalHolidays;
  /** The region's own extra days off, as ISO dates 'YYYY-MM-DD' on the local calendar. */
  readonly holidays: readonly string[];
  /** Local team decision on a submitted plan version, from submission. */
  readonly approvalDeadline: PolicyDuration;
  /** Submissions of the same plan before automatic escalation (ROUND_TRIP_LIMIT). */
  readonly roundTripLimit: number;
  /** Breakthrough table decision, from the escalation. */
  readonly breakthroughDeadline: PolicyDuration;
  /** Reminder to the table, also from the escalation; must come before the deadline. */
  readonly breakthroughReminder: PolicyDuration;
  /** Provider start after the decision (301 sent), then PROVIDER_NOT_STARTING. */
  readonly providerStartDeadline: PolicyDuration;
  /** Signature collection after approval in principle, then MISSING_SIGNATURES. */
  readonly signatureDeadline: PolicyDuration;
  /**
   * The waits that version 2026.1 had no deadline for; absent in its snapshots, where WAIT_DEFAULTS apply
   * (policy-rules.ts `waitPolicy`). The local team's start of the plan after intake, then reminders.
   */
  readonly intakeDeadline?: PolicyDuration;
  /** The drafters' first submission after drafting began, then reminders. */
  readonly draftingDeadline?: PolicyDuration;
  /** The drafters' resubmission after the local team returned the plan, then APPROVAL_SLA_EXCEEDED. */
  readonly resubmissionDeadline?: PolicyDuration;
  /** How long before a deadline the waiting party is reminded (at the latest halfway through the wait). */
  readonly reminderLead?: PolicyDuration;
  /** After a deadline whose outcome is to keep waiting: how often the waiting party is reminded again. */
  readonly reminderInterval?: PolicyDuration;
  /**
   * The signature deadlock [001:L287] as the region resolves it: which required signatures must precede the
   * local team's approval ('ALL': every one, R-ROLE-04). The others may follow until care starts.
   */
  readonly signaturesBeforeApproval?: 'ALL' | readonly SignatureParty[];
  /** First evaluation, from the start of care. */
  readonly firstEvaluation: PolicyDuration;
  /** Between later evaluations, unless the trajectory overrides it. */
  readonly evaluationInterval: PolicyDuration;
  /** Between evaluations of an intensive (Wmo) indication. */
  readonly intensiveEvaluationInterval: PolicyDuration;
  /** How long after its due date an evaluation not yet held is flagged overdue. */
  readonly evaluationGrace: PolicyDuration;
  /** Reassessment of a high-complexity indication, from the start of care. */
  readonly highComplexityReassessment: PolicyDuration;
  readonly decisionValidity: DecisionValidityPolicy;
  /** Request types that need no perspective plan (R-PLAN-05). */
  readonly planExemptionRequestTypes: readonly string[];
  /** Evaluation outcomes that need the local team present. */
  readonly localTeamRequiredForOutcomes: readonly EvaluationOutcomeCode[];
  /** Whether the final evaluation needs the local team present. */
  readonly localTeamRequiredAtFinalEvaluation: boolean;
  /** The region's split for trajectory-priced arrangements. */
  readonly regionTrajectorySplit: TrajectorySplitPreset;
  /** The length of one payment period per arrangement period code. */
  readonly paymentPeriods: Readonly<Record<PaymentPeriodLength, PolicyDuration>>;
  /** Fields a trajectory changed with mergePolicyOverrides; empty for a region's policy as published. */
  readonly overriddenFields: readonly OverridablePolicyField[];
}

/**
 * What a single trajectory may change: its timers and limits. Region facts (calendar, holidays, payment
 * split, exemption list, local-team rule) change only with a new policy version.
 */
export const OVERRIDABLE_POLICY_FIELDS = [
  'approvalDeadline',
  'roundTripLimit',
  'breakthroughDeadline',
  'breakthroughReminder',
  'providerStartDeadline',
  'signatureDeadline',
  'intakeDeadline',
  'draftingDeadline',
  'resubmissionDeadline',
  'firstEvaluation',
  'evaluationInterval',
  'intensiveEvaluationInterval',
  'evaluationGrace',
  'highComplexityReassessment',
  'decisionValidity',
] as const;

export type OverridablePolicyField = (typeof OVERRIDABLE_POLICY_FIELDS)[number];

/** Per-trajectory overrides; `decisionValidity` may be given in part. */
export type TrajectoryPolicyOverrides = {
  readonly [K in OverridablePolicyField]?: K extends 'decisionValidity'
    ? Partial<DecisionValidityPolicy>
    : TrajectoryPolicy[K];
};
