import type { ArrangementTerms } from '../shared/arrangement-terms';
import { deadlineFrom } from '../shared/policy-time';
import { requireText, violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import { directionOf } from '../trajectory/arrangement-change';
import { payableArrangementViolations } from '../trajectory/arrangement-rules';
import { currentDecision } from '../trajectory/care-decision';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { openEscalation } from '../trajectory/escalation';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { isInCare } from '../trajectory/trajectory-status';

/** Scaling up or down to another arrangement (op- en afschalen, domain.md §3.8), or its resubmission. */
export interface RequestArrangementChange extends CommandBase {
  type: 'requestArrangementChange';
  arrangement: ArrangementTerms;
  intensityCode?: string;
  reasonCode: string;
}

function requestViolations(state: TrajectoryState, command: RequestArrangementChange): RuleViolation[] {
  const out = payableArrangementViolations(state, command.arrangement, 'arrangement');
  const decision = currentDecision(state);
  if (out.length === 0 && decision !== undefined) {
    const same =
      command.arrangement.code === decision.arrangement.code &&
      command.arrangement.tariffCents === decision.arrangement.tariffCents;
    if (same) out.push(violation('arrangement', 'the requested arrangement is the current one'));
  }
  requireText(out, 'reasonCode', command.reasonCode, 'a scaling request states its reason (R-SCALE-08)');
  // R-ROLE-02: in Wmo the municipality sets the intensity, so a provider cannot ask for another arrangement.
  if (state.domain === 'WMO' && command.actor.role !== 'LOCAL_TEAM') {
    out.push(violation('actor.role', 'in Wmo support the municipality sets the intensity (R-ROLE-02)'));
  }
  return out;
}

/** A scale-up or scale-down request (R-SCALE-08: it needs approval and runs the approval loop). */
function request(draft: TransitionDraft, command: RequestArrangementChange): void {
  const state = draft.state;
  const decision = currentDecision(state);
  if (decision === undefined) return;
  const deadlineAt = deadlineFrom(state.policy, draft.now, state.policy.approvalDeadline);
  const resubmission = state.pendingChange;
  if (resubmission !== undefined) {
    resubmission.to = { ...command.arrangement };
    resubmission.direction = directionOf(resubmission.from, command.arrangement);
    resubmission.round += 1;
    resubmission.status = 'SUBMITTED';
    resubmission.deadlineAt = deadlineAt;
    resubmission.reasonCode = command.reasonCode;
    if (command.intensityCode !== undefined) resubmission.intensityCode = command.intensityCode;
  } else {
    state.changeCount += 1;
    state.pendingChange = {
      id: `${state.trajectoryId}-chg-${state.changeCount}`,
      number: state.changeCount,
      direction: directionOf(decision.arrangement, command.arrangement),
      from: { ...decision.arrangement },
      to: { ...command.arrangement },
      ...(command.intensityCode !== undefined ? { intensityCode: command.intensityCode } : {}),
      reasonCode: command.reasonCode,
      requestedByRef: command.actor.ref,
      requestedAt: draft.at,
      round: 1,
      status: 'SUBMITTED',
      deadlineAt,
    };
  }
  const change = state.pendingChange!;
  recordAudit(draft, 'ARRANGEMENT_CHANGE_REQUESTED', command.actor, {
    changeId: change.id,
    direction: change.direction,
    fromCode: change.from.code,
    toCode: change.to.code,
    fromTariffCents: change.from.tariffCents,
    toTariffCents: change.to.tariffCents,
    round: change.round,
    deadlineAt,
  });
  notify(draft, 'ARRANGEMENT_CHANGE_REQUESTED', 'LOCAL_TEAM', { changeId: change.id });
}

export const requestArrangementChange: CommandSpec<RequestArrangementChange> = {
  // R-ROLE-02 narrows this per domain (requestViolations): Wmo changes come from the municipality.
  roles: ['LOCAL_TEAM', 'PROVIDER'],
  isOpen: (state) =>
    isInCare(state.status) &&
    openEscalation(state) === undefined &&
    (state.pendingChange === undefined || state.pendingChange.status === 'CHANGES_REQUESTED'),
  violations: requestViolations,
  apply: request,
};
