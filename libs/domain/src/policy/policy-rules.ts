import type { HolidayCalendar } from '../calendar';
import { policyDurationProblem, PolicyDuration, resolveDeadline } from './policy-duration';
import type {
  EvaluationOutcomeCode,
  PaymentPeriodLength,
  SignatureParty,
  TrajectoryPolicy,
} from './trajectory-policy';

/** The policy's days off: the national holidays by rule (unless 'NONE') and the region's own days. */
export function policyHolidays(
  policy: Pick<TrajectoryPolicy, 'nationalHolidays' | 'holidays'>,
): HolidayCalendar {
  return { national: policy.nationalHolidays ?? 'NL', extra: policy.holidays };
}

/** `resolveDeadline` on the policy's own holidays and time zone. */
export function resolvePolicyDeadline(policy: TrajectoryPolicy, from: Date, spec: PolicyDuration): Date {
  return resolveDeadline(from, spec, policyHolidays(policy), policy.timeZone);
}

/**
 * The interval to the next evaluation. A per-trajectory override (frequency by vulnerability, R-TIME-05)
 * wins; otherwise intensive indications use the shorter interval (domain.md §7.5, R-TIME-04).
 */
export function evaluationIntervalFor(
  policy: TrajectoryPolicy,
  options: { readonly intensive: boolean; readonly override?: PolicyDuration },
): PolicyDuration {
  if (options.override !== undefined) {
    const problem = policyDurationProblem(options.override);
    if (problem !== undefined) throw new RangeError(`evaluation interval override: ${problem}`);
    return options.override;
  }
  return options.intensive ? policy.intensiveEvaluationInterval : policy.evaluationInterval;
}

/** When an evaluation due at `dueAt` and not yet held counts as overdue (policy.evaluationGrace). */
export function evaluationOverdueAt(policy: TrajectoryPolicy, dueAt: Date): Date {
  return resolvePolicyDeadline(policy, dueAt, policy.evaluationGrace);
}

/**
 * A CareDecision's `validTo` (domain.md §7.2): one year for high complexity (R-TIME-02); otherwise the
 * plan's planned end, or the policy's fallback when the plan names none.
 */
export function decisionValidTo(
  policy: TrajectoryPolicy,
  decision: { readonly validFrom: Date; readonly highComplexity: boolean; readonly plannedEndAt?: Date },
): Date {
  if (decision.highComplexity) {
    return resolvePolicyDeadline(policy, decision.validFrom, policy.decisionValidity.highComplexity);
  }
  if (decision.plannedEndAt !== undefined) return new Date(decision.plannedEndAt.getTime());
  return resolvePolicyDeadline(policy, decision.validFrom, policy.decisionValidity.withoutPlannedEnd);
}

/** Whether a request type may skip the perspective plan (R-PLAN-05, decisions.md 6; guard in §7.4). */
export function isPlanExemptRequestType(policy: TrajectoryPolicy, requestType: string): boolean {
  return policy.planExemptionRequestTypes.includes(requestType);
}

/** Whether the local team must take part in an evaluation (decisions.md 5). */
export function isLocalTeamRequired(
  policy: TrajectoryPolicy,
  evaluation: { readonly finalEvaluation: boolean; readonly outcome: EvaluationOutcomeCode },
): boolean {
  if (evaluation.finalEvaluation && policy.localTeamRequiredAtFinalEvaluation) return true;
  return policy.localTeamRequiredForOutcomes.includes(evaluation.outcome);
}

/** The length of one payment period for an arrangement's period code (domain.md §7.5 "Period payments"). */
export function paymentPeriodFor(
  policy: TrajectoryPolicy,
  periodLength: PaymentPeriodLength,
): PolicyDuration {
  return policy.paymentPeriods[periodLength];
}

/**
 * DEFAULT (not in the documents) for the waits policy version 2026.1 left without a deadline, and what a
 * snapshot without them gets: the local team starts the plan within 10 working days of intake (as it decides
 * a plan version, §4.5); drafters submit within 20 (two approval windows); a returned plan is resubmitted
 * within 10 (as the table's return, §4.4); a reminder 2 working days before a deadline, and every 5 after one
 * whose outcome is to keep waiting.
 */
export const WAIT_DEFAULTS = Object.freeze({
  intakeDeadline: { workingDays: 10 },
  draftingDeadline: { workingDays: 20 },
  resubmissionDeadline: { workingDays: 10 },
  reminderLead: { workingDays: 2 },
  reminderInterval: { workingDays: 5 },
} satisfies Record<string, PolicyDuration>);

export interface WaitPolicy {
  intakeDeadline: PolicyDuration;
  draftingDeadline: PolicyDuration;
  resubmissionDeadline: PolicyDuration;
  reminderLead: PolicyDuration;
  reminderInterval: PolicyDuration;
  signaturesBeforeApproval: 'ALL' | readonly SignatureParty[];
}

/** The policy's wait deadlines, with WAIT_DEFAULTS where an older snapshot has none. */
export function waitPolicy(policy: TrajectoryPolicy): WaitPolicy {
  return {
    intakeDeadline: policy.intakeDeadline ?? WAIT_DEFAULTS.intakeDeadline,
    draftingDeadline: policy.draftingDeadline ?? WAIT_DEFAULTS.draftingDeadline,
    resubmissionDeadline: policy.resubmissionDeadline ?? WAIT_DEFAULTS.resubmissionDeadline,
    reminderLead: policy.reminderLead ?? WAIT_DEFAULTS.reminderLead,
    reminderInterval: policy.reminderInterval ?? WAIT_DEFAULTS.reminderInterval,
    signaturesBeforeApproval: policy.signaturesBeforeApproval ?? 'ALL',
  };
}
