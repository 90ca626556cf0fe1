import { requireText } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { isInCare } from '../trajectory/trajectory-status';
import { closeTrajectory } from './closing';

/** Early dropout (vroegtijdige uitval): the final tranche is cancelled, nothing reclaimed (R-END-01, §7.8). */
export interface ReportDropout extends CommandBase {
  type: 'reportDropout';
  reasonCode: string;
}

export const reportDropout: CommandSpec<ReportDropout> = {
  roles: ['LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM'],
  isOpen: (state) => isInCare(state.status),
  violations(_state, command) {
    const out: RuleViolation[] = [];
    requireText(out, 'reasonCode', command.reasonCode, 'a dropout is recorded with its reason (K-O1)');
    return out;
  },
  apply(draft, command) {
    closeTrajectory(draft, 'EARLY_DROPOUT', command.actor, { details: { reasonCode: command.reasonCode } });
  },
};
