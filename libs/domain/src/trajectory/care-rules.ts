import { payableArrangementViolations } from './arrangement-rules';
import { currentDecision } from './care-decision';
import { evaluationViolations } from './evaluation-rules';
import { reasonViolations } from './plan-rules';
import { canonicalInstant } from './policy-time';
import { isKeySafeId, isNonEmptyString, requireText, violation } from './rule-helpers';
import type { CommandOf } from './trajectory-command';
import type { TrajectoryState } from './trajectory-state';
import type { RuleViolation } from './transition-rejected';

export function confirmStartViolations(
  state: TrajectoryState,
  command: CommandOf<'confirmStart'>,
  now: Date,
): RuleViolation[] {
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

export function arrangementChangeViolations(
  state: TrajectoryState,
  command: CommandOf<'requestArrangementChange'>,
): RuleViolation[] {
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

export function decideChangeViolations(
  state: TrajectoryState,
  command: CommandOf<'decideArrangementChange'>,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (command.changeId !== state.pendingChange?.id) {
    out.push(violation('changeId', `the pending change is ${state.pendingChange?.id ?? 'none'}`));
  }
  if (!['APPROVE', 'REQUEST_CHANGES', 'REJECT'].includes(command.decision)) {
    out.push(violation('decision', 'APPROVE, REQUEST_CHANGES or REJECT'));
  } else if (command.decision !== 'APPROVE') {
    out.push(...reasonViolations(command.reasonCode, command.commentRef));
  }
  return out;
}

export function renewViolations(
  state: TrajectoryState,
  command: CommandOf<'renewIndication'>,
): RuleViolation[] {
  return command.arrangement === undefined
    ? []
    : payableArrangementViolations(state, command.arrangement, 'arrangement');
}

export function completionViolations(
  state: TrajectoryState,
  command: CommandOf<'confirmCompletion'>,
): RuleViolation[] {
  const out = evaluationViolations(state, command.finalEvaluation, 'finalEvaluation', true);
  if (command.finalEvaluation?.outcome !== undefined && command.finalEvaluation.outcome !== 'COMPLETE') {
    out.push(violation('finalEvaluation.outcome', 'completion per plan records outcome COMPLETE'));
  }
  return out;
}

function successorViolations(
  state: TrajectoryState,
  command: { successorCaseReference: string; successorTrajectoryId?: string },
): RuleViolation[] {
  const out: RuleViolation[] = [];
  requireText(
    out,
    'successorCaseReference',
    command.successorCaseReference,
    'the successor needs its case reference',
  );
  if (command.successorTrajectoryId !== undefined) {
    if (!isKeySafeId(command.successorTrajectoryId)) {
      out.push(violation('successorTrajectoryId', 'a non-empty id without ":"'));
    } else if (command.successorTrajectoryId === state.trajectoryId) {
      out.push(violation('successorTrajectoryId', 'a successor is another trajectory'));
    }
  }
  return out;
}

function newProviderViolations(state: TrajectoryState, newLeadProviderId: unknown): RuleViolation[] {
  if (!isNonEmptyString(newLeadProviderId)) {
    return [violation('newLeadProviderId', 'the new lead provider is required')];
  }
  if (newLeadProviderId === state.leadProviderId) {
    return [violation('newLeadProviderId', 'the new lead provider is the current one')];
  }
  return [];
}

export function closureViolations(
  state: TrajectoryState,
  command: CommandOf<'reportDropout' | 'reportNewCareNeed' | 'switchProvider' | 'transferClient'>,
): RuleViolation[] {
  switch (command.type) {
    case 'reportDropout': {
      const out: RuleViolation[] = [];
      requireText(out, 'reasonCode', command.reasonCode, 'a dropout is recorded with its reason (K-O1)');
      return out;
    }
    case 'reportNewCareNeed': {
      const out = successorViolations(state, command);
      if (typeof command.oldPlanCompleted !== 'boolean') {
        out.push(violation('oldPlanCompleted', 'say whether the old plan was completed (domain.md §7.8)'));
      } else if (command.oldPlanCompleted && command.actor.role !== 'LOCAL_TEAM') {
        out.push(
          violation('oldPlanCompleted', 'only the local team confirms the old plan was completed (§7.8)'),
        );
      }
      return out;
    }
    case 'switchProvider': {
      const out = [
        ...successorViolations(state, command),
        ...newProviderViolations(state, command.newLeadProviderId),
      ];
      if (command.chosenByFamily !== true) {
        out.push(
          violation('chosenByFamily', 'the client switches by their own choice (R-ROLE-05, R-END-03)'),
        );
      }
      return out;
    }
    case 'transferClient': {
      const out = [
        ...successorViolations(state, command),
        ...newProviderViolations(state, command.newLeadProviderId),
      ];
      requireText(out, 'reasonCode', command.reasonCode, 'a transfer is a sanction with a reason (R-END-03)');
      return out;
    }
  }
}

export function withholdViolations(command: CommandOf<'withholdPayment'>): RuleViolation[] {
  const out: RuleViolation[] = [];
  requireText(out, 'reasonRef', command.reasonRef, 'a WITHHOLD needs a written reason (domain.md §7.8)');
  return out;
}

export function amendPriceViolations(
  state: TrajectoryState,
  command: CommandOf<'amendDecisionPrice'>,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const decision = currentDecision(state);
  if (!Number.isSafeInteger(command.tariffCents) || command.tariffCents < 0) {
    out.push(violation('tariffCents', 'a non-negative whole number of cents'));
  } else if (decision !== undefined && command.tariffCents === decision.arrangement.tariffCents) {
    out.push(violation('tariffCents', 'the decision already carries this price'));
  }
  if (command.providerAgreed !== true) {
    out.push(
      violation('providerAgreed', 'a retroactive price correction needs the provider’s agreement (R-END-05)'),
    );
  }
  requireText(out, 'reasonRef', command.reasonRef, 'a price correction needs a written reason (R-END-05)');
  return out;
}
