import { decisionTerms, recordPaymentEvent } from '../finance/payment-issuing';
import { canonicalInstant } from '../shared/policy-time';
import { violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import { currentDecision } from '../trajectory/care-decision';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { openEscalation } from '../trajectory/escalation';
import { recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { scheduleEvaluation, scheduleReassessment, startPeriodSchedule } from './care-scheduling';

/** The lead provider confirms the start of care (→ ACTIVE; the start tranches). */
export interface ConfirmStart extends CommandBase {
  type: 'confirmStart';
  startedAt?: string;
}

function confirmStartViolations(state: TrajectoryState, command: ConfirmStart, now: Date): RuleViolation[] {
  const decision = currentDecision(state);
  if (decision === undefined) return [violation('decision', 'no care decision to start on')];
  const out: RuleViolation[] = [];
  // domain.md §7.4 guard "Decision valid".
  if (now.toISOString() >= decision.validTo) {
    out.push(violation('decision', `decision v${decision.version} has expired`));
  }
  if (command.startedAt !== undefined) {
    const started = canonicalInstant(command.startedAt);
    if (started === undefined) out.push(violation('startedAt', 'not an ISO-8601 instant'));
    else if (started > now.toISOString()) out.push(violation('startedAt', 'the start lies in the future'));
    else if (started < decision.decisionDate) {
      out.push(violation('startedAt', 'care cannot start before the decision'));
    }
  }
  return out;
}

/**
 * The provider starts care (domain.md §2.2 step 7): start tranches from the payment rules (the initial
 * share, or period 1), the first evaluation (§7.5), the yearly reassessment for high complexity
 * (R-TIME-02), and the period schedule for period prices. A START escalation is withdrawn.
 */
function start(draft: TransitionDraft, command: ConfirmStart): void {
  const state = draft.state;
  const decision = currentDecision(state);
  if (decision === undefined) return;
  const startedAt = command.startedAt !== undefined ? new Date(command.startedAt).toISOString() : draft.at;
  const escalation = openEscalation(state);
  if (escalation !== undefined && escalation.context === 'START' && escalation.status === 'OPEN') {
    escalation.status = 'WITHDRAWN';
    escalation.endedAt = draft.at;
    draft.effects.push({
      kind: 'WITHDRAW_BREAKTHROUGH',
      trajectoryId: state.trajectoryId,
      escalationId: escalation.id,
      reason: 'PROVIDER_STARTED',
    });
  }
  state.startedAt = startedAt;
  state.status = 'ACTIVE';
  delete state.providerStartDeadlineAt;
  scheduleEvaluation(draft, startedAt, true);
  scheduleReassessment(draft, startedAt);
  recordAudit(draft, 'CARE_STARTED', command.actor, {
    startedAt,
    nextEvaluationAt: state.care.nextEvaluationAt ?? null,
    reassessmentAt: state.care.reassessmentAt ?? null,
  });
  recordPaymentEvent(draft, { type: 'START_CONFIRMED', decision: decisionTerms(decision) });
  startPeriodSchedule(draft, startedAt);
}

export const confirmStart: CommandSpec<ConfirmStart> = {
  roles: ['PROVIDER'],
  isOpen: (state) =>
    state.status === 'DECIDED' ||
    (state.status === 'ESCALATED' && openEscalation(state)?.context === 'START'),
  violations: confirmStartViolations,
  apply: start,
};
