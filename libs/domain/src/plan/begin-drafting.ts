import type { CommandBase, CommandSpec } from '../trajectory/command';
import { noViolations } from '../trajectory/command';
import { recordAudit } from '../trajectory/transition-draft';
import { startDraftingClock } from './drafting-clock';

/** The local team or the case system starts the plan (domain.md §2.2 step 1): INTAKE → DRAFTING. */
export interface BeginDrafting extends CommandBase {
  type: 'beginDrafting';
}

export const beginDrafting: CommandSpec<BeginDrafting> = {
  roles: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  isOpen: (state) => state.status === 'INTAKE',
  violations: noViolations,
  apply(draft, command) {
    draft.state.status = 'DRAFTING';
    startDraftingClock(draft);
    recordAudit(draft, 'DRAFTING_STARTED', command.actor);
  },
};
