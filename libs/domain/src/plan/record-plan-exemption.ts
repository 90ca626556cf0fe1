import { isPlanExemptRequestType } from '../policy';
import { requireText, violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { recordAudit } from '../trajectory/transition-draft';
import { startDraftingClock } from './drafting-clock';

/** R-PLAN-05, decisions.md 6: no plan is needed for this request; recorded with its reason and audited. */
export interface RecordPlanExemption extends CommandBase {
  type: 'recordPlanExemption';
  reasonCode: string;
}

export const recordPlanExemption: CommandSpec<RecordPlanExemption> = {
  // D1 (domain.md §2.3): the local team decides whether a plan is needed.
  roles: ['LOCAL_TEAM'],
  isOpen: (state) => state.status === 'INTAKE',
  violations(state, command) {
    const out: RuleViolation[] = [];
    // R-PLAN-05, decisions.md 6: only the configured request types need no plan.
    if (!isPlanExemptRequestType(state.policy, state.requestType)) {
      out.push(
        violation('requestType', `request type ${state.requestType} is not exempt from a plan (R-PLAN-05)`),
      );
    }
    requireText(
      out,
      'reasonCode',
      command.reasonCode,
      'an exemption is recorded with its reason (decisions.md 6)',
    );
    return out;
  },
  apply(draft, command) {
    const state = draft.state;
    state.status = 'DRAFTING';
    startDraftingClock(draft);
    state.planRequired = false;
    state.exemption = {
      requestType: state.requestType,
      reasonCode: command.reasonCode,
      recordedAt: draft.at,
      recordedByRef: command.actor.ref,
    };
    recordAudit(draft, 'PLAN_EXEMPTION_RECORDED', command.actor, {
      requestType: state.requestType,
      reasonCode: command.reasonCode,
    });
  },
};
