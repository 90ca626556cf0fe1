import { EUROPE_AMSTERDAM } from '../calendar';
import type { TrajectoryPolicy } from './trajectory-policy';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * DEMO: the West-Friesland policy, version 2026.2 (2026.1 listed the holidays of 2025-2027 instead of the rule). Every number is a DEFAULT of the product unless a source
 * is named; regions change them by publishing a new version (decisions.md 2). Frozen, because the module is
 * shared by every workflow in a worker's isolate and must not be changed by one of them.
 */
export const DEFAULT_TRAJECTORY_POLICY: TrajectoryPolicy = deepFreeze({
  policyId: 'trajectory-policy/WEST-FRIESLAND',
  version: '2026.2',
  regionId: 'WEST-FRIESLAND',
  timeZone: EUROPE_AMSTERDAM,
  // The Dutch national holidays by rule (dutch-public-holidays.ts); the region has no days of its own.
  nationalHolidays: 'NL',
  holidays: [],
  // domain.md §4.5 / §7.5: "10 working days" per submitted plan version, below the observed "weken" [001:L165].
  approvalDeadline: { workingDays: 10 },
  // domain.md §4.5 / §7.5: 3 submissions of the same plan, then ROUND_TRIP_LIMIT ("onnodig heen en weer" [001:L265]).
  roundTripLimit: 3,
  // domain.md §4.5 / §7.5: table decision within 10 working days ...
  breakthroughDeadline: { workingDays: 10 },
  // ... with a reminder at 5 (both counted from the escalation).
  breakthroughReminder: { workingDays: 5 },
  // domain.md §4.5 / §7.5: provider start within 10 working days of the decision, then PROVIDER_NOT_STARTING.
  providerStartDeadline: { workingDays: 10 },
  // domain.md §4.5: signatures collected within 5 working days of approval in principle [001:L287].
  signatureDeadline: { workingDays: 5 },
  // DEFAULT (policy-rules.ts WAIT_DEFAULTS): every wait for a person has a deadline (issue "no plan stalls").
  intakeDeadline: { workingDays: 10 },
  draftingDeadline: { workingDays: 20 },
  resubmissionDeadline: { workingDays: 10 },
  reminderLead: { workingDays: 2 },
  reminderInterval: { workingDays: 5 },
  // R-ROLE-04: every required party signs before the local team approves; a region may list fewer to break
  // the signature deadlock ("pas als alle partijen getekend hebben", [001:L287]).
  signaturesBeforeApproval: 'ALL',
  // domain.md §7.5: first evaluation 3 months after start, echoing "na drie maanden" [002:L38] (R-TIME-03).
  firstEvaluation: { months: 3 },
  // domain.md §7.5: every 3 months; per-trajectory override by vulnerability (R-TIME-05, [003:L220-224]).
  evaluationInterval: { months: 3 },
  // domain.md §7.5 "Intensive indication (Wmo)": shorter interval, DEFAULT monthly (R-TIME-04, [002:L25-28]).
  intensiveEvaluationInterval: { months: 1 },
  // DEFAULT, not in the documents: an evaluation still not held 10 working days after its due date is
  // overdue (sets the `evaluationOverdue` search attribute, §7.6). Two weeks to plan a meeting with the family.
  evaluationGrace: { workingDays: 10 },
  // R-TIME-02 / domain.md §7.5: high-complexity reassessment 1 year after start [001:L578].
  highComplexityReassessment: { months: 12 },
  decisionValidity: {
    // R-TIME-02: "een vaste tijdseenheid van een jaar" [001:L578].
    highComplexity: { months: 12 },
    // domain.md §7.2 CareDecision: validTo = plan end. DEFAULT when the plan names no end: 12 months, so
    // that no decision runs on without a look at least once a year (same rhythm as R-TIME-02).
    withoutPlannedEnd: { months: 12 },
  },
  // decisions.md 6 / R-PLAN-05: "enkelvoudige of eenmalige consult" [001:L510].
  planExemptionRequestTypes: ['SINGLE_CONSULTATION', 'ONE_OFF_MEDICATION_REVIEW'],
  // decisions.md 5: local team required for these outcomes ...
  localTeamRequiredForOutcomes: ['SCALE_UP', 'SCALE_DOWN', 'TERMINATE'],
  // ... and for the final evaluation; recorded (yes/no) for all others.
  localTeamRequiredAtFinalEvaluation: true,
  // decisions.md 1 and 7: WF_RECOVERY (2/3 + 1/3, [001:L416]) is the default split.
  regionTrajectorySplit: 'WF_RECOVERY',
  paymentPeriods: {
    // domain.md §7.5 "Period payments": per month [000:L10-11] ...
    P1M: { months: 1 },
    // ... or per 4 weeks (R-TIME-06, [003:L242-246]) ...
    P4W: { calendarDays: 28 },
    // ... and the yearly price of high-complexity care (R-TIME-02, §7.7 ANNUAL_HIGH_COMPLEX).
    P1Y: { months: 12 },
  },
  overriddenFields: [],
});
