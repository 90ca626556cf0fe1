import { raiseEscalation } from '../escalation/escalation-raising';
import { waitPolicy } from '../policy';
import { SYSTEM_ACTOR } from '../shared/actor';
import { deadlineFrom } from '../shared/policy-time';
import { violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import type { ChangeReasonCode } from '../trajectory/perspective-plan';
import { reasonViolations } from '../trajectory/reason-rules';
import { rulesOf } from '../trajectory/rules-version';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { isInCare } from '../trajectory/trajectory-status';
import { applyNewArrangement } from './new-arrangement';

/** The local team approves, returns or rejects the pending arrangement change (R-SCALE-08). */
export interface DecideArrangementChange extends CommandBase {
  type: 'decideArrangementChange';
  changeId: string;
  decision: 'APPROVE' | 'REQUEST_CHANGES' | 'REJECT';
  /** Required for REQUEST_CHANGES and REJECT. */
  reasonCode?: ChangeReasonCode;
  commentRef?: string;
}

function decideViolations(state: TrajectoryState, command: DecideArrangementChange): RuleViolation[] {
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

function decide(draft: TransitionDraft, command: DecideArrangementChange): void {
  const state = draft.state;
  const change = state.pendingChange;
  if (change === undefined) return;
  const details = { changeId: change.id, decision: command.decision, reasonCode: command.reasonCode ?? null };
  switch (command.decision) {
    case 'APPROVE': {
      delete state.pendingChange;
      delete state.scalingAsked;
      const decision = applyNewArrangement(draft, {
        arrangement: change.to,
        cause: 'SCALING',
        approvedBy: 'LOCAL_TEAM',
        ...(change.intensityCode !== undefined ? { intensityCode: change.intensityCode } : {}),
      });
      recordAudit(draft, 'ARRANGEMENT_CHANGE_APPROVED', command.actor, {
        ...details,
        direction: change.direction,
        decisionVersion: decision.version,
      });
      break;
    }
    case 'REQUEST_CHANGES':
      change.status = 'CHANGES_REQUESTED';
      change.lastReasonCode = command.reasonCode;
      // Rules 2: the requester resubmits within the resubmission deadline, or the change lapses.
      if (rulesOf(state) === 2) {
        change.deadlineAt = deadlineFrom(
          state.policy,
          draft.now,
          waitPolicy(state.policy).resubmissionDeadline,
        );
      } else {
        delete change.deadlineAt;
      }
      recordAudit(draft, 'ARRANGEMENT_CHANGE_RETURNED', command.actor, { ...details, round: change.round });
      // domain.md §4.5: the same round-trip limit as a plan.
      if (change.round >= state.policy.roundTripLimit) {
        raiseEscalation(draft, { trigger: 'ROUND_TRIP_LIMIT', context: 'SCALING', actor: SYSTEM_ACTOR });
      }
      break;
    case 'REJECT':
      delete state.pendingChange;
      delete state.scalingAsked;
      recordAudit(draft, 'ARRANGEMENT_CHANGE_REJECTED', command.actor, details);
      break;
  }
  notify(draft, 'ARRANGEMENT_CHANGE_DECIDED', 'PROVIDER', {
    changeId: change.id,
    decision: command.decision,
  });
}

export const decideArrangementChange: CommandSpec<DecideArrangementChange> = {
  roles: ['LOCAL_TEAM'],
  isOpen: (state) => isInCare(state.status) && state.pendingChange?.status === 'SUBMITTED',
  violations: decideViolations,
  apply: decide,
};
