import { closeTrajectory } from '../closure/closing';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { noViolations } from '../trajectory/command';

/** The request is withdrawn before care starts (→ CLOSED WITHDRAWN_BEFORE_START). */
export interface Withdraw extends CommandBase {
  type: 'withdraw';
  reasonCode?: string;
}

export const withdraw: CommandSpec<Withdraw> = {
  roles: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  isOpen: (state) => state.status === 'INTAKE' || state.status === 'DRAFTING',
  violations: noViolations,
  apply(draft, command) {
    closeTrajectory(draft, 'WITHDRAWN_BEFORE_START', command.actor, {
      details: { reasonCode: command.reasonCode ?? null },
    });
  },
};
