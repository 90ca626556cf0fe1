import {
  ESCALATION_TRIGGERS,
  SYSTEM_ONLY_TRIGGERS,
  TRIGGERS_BY_CONTEXT,
} from '../breakthrough/escalation-trigger';
import type { EscalationContext, EscalationTrigger } from '../breakthrough/escalation-trigger';
import type { ArrangementTerms } from '../shared/arrangement-terms';
import { violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import { arrangementViolations } from '../trajectory/arrangement-rules';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { openEscalation } from '../trajectory/escalation';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { isInCare } from '../trajectory/trajectory-status';
import { raiseEscalation } from './escalation-raising';

/** Someone sends the case to the breakthrough table with a trigger code (domain.md §4.2). */
export interface Escalate extends CommandBase {
  type: 'escalate';
  trigger: EscalationTrigger;
  commentRef?: string;
  offeredArrangement?: ArrangementTerms;
}

/** The context an escalation raised now would have (domain.md §7.4). */
export function escalationContextOf(state: TrajectoryState): EscalationContext {
  if (state.status === 'DECIDED') return 'START';
  return isInCare(state.status) ? 'SCALING' : 'PLAN';
}

export const escalate: CommandSpec<Escalate> = {
  // §4.3 DEFAULT: the local team, the lead provider and the system escalate; the resident asks the coordinator.
  roles: ['LOCAL_TEAM', 'PROVIDER', 'SYSTEM'],
  isOpen(state) {
    const status = state.status;
    if (openEscalation(state) !== undefined) return false;
    if (status === 'AWAITING_APPROVAL' || status === 'CHANGES_REQUESTED' || status === 'DECIDED') return true;
    return isInCare(status) && state.pendingChange !== undefined;
  },
  violations(state, command) {
    const out: RuleViolation[] = [];
    const context = escalationContextOf(state);
    if (!ESCALATION_TRIGGERS.includes(command.trigger)) {
      out.push(violation('trigger', `a trigger from domain.md §4.2 is required`));
    } else if (!TRIGGERS_BY_CONTEXT[context].includes(command.trigger)) {
      out.push(violation('trigger', `${command.trigger} does not apply to a ${context} escalation`));
    } else if (SYSTEM_ONLY_TRIGGERS.includes(command.trigger) && command.actor.role !== 'SYSTEM') {
      out.push(violation('trigger', `${command.trigger} is raised by the system's own timers and counters`));
    }
    if (command.offeredArrangement !== undefined) {
      out.push(...arrangementViolations(state, command.offeredArrangement, 'offeredArrangement'));
    }
    return out;
  },
  apply(draft, command) {
    raiseEscalation(draft, {
      trigger: command.trigger,
      context: escalationContextOf(draft.state),
      actor: command.actor,
      ...(command.commentRef !== undefined ? { commentRef: command.commentRef } : {}),
      ...(command.offeredArrangement !== undefined ? { offeredArrangement: command.offeredArrangement } : {}),
    });
  },
};
