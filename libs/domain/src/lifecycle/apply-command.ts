import { closeDraft, openDraft } from '../trajectory/transition-draft';
import type { Transition, TrajectoryState } from '../trajectory/trajectory-state';
import { assertCommandAllowed, isDuplicateCommand } from './assert-command-allowed';
import { commandSpec } from './commands';
import type { TrajectoryCommand } from './commands';

/** DEFAULT: how many recent command ids a trajectory remembers for safe retries. */
const REMEMBERED_COMMAND_IDS = 50;

/**
 * Applies a command (domain.md §7.4): the same checks as assertCommandAllowed, then the descriptor's
 * transition. A repeated commandId returns the state unchanged with no effects.
 */
export function applyCommand(state: TrajectoryState, command: TrajectoryCommand, now: Date): Transition {
  assertCommandAllowed(state, command, now);
  if (isDuplicateCommand(state, command)) return { state, effects: [] };
  const draft = openDraft(state, now);
  commandSpec(command.type).apply(draft, command);
  if (typeof command.commandId === 'string') {
    draft.state.recentCommandIds = [...draft.state.recentCommandIds, command.commandId].slice(
      -REMEMBERED_COMMAND_IDS,
    );
  }
  return closeDraft(draft);
}
