import { allowedActions, isActionOpen } from './command-access';
import { commandViolations } from './command-rules';
import { isoOf } from './transition-draft';
import type { TrajectoryCommand } from './trajectory-command';
import { TRAJECTORY_COMMAND_TYPES } from './trajectory-command';
import type { TrajectoryState } from './trajectory-state';
import { TransitionRejected } from './transition-rejected';

/** Whether the command repeats one already applied (a client retry): it is then accepted as a no-op. */
export function isDuplicateCommand(state: TrajectoryState, command: TrajectoryCommand): boolean {
  return typeof command.commandId === 'string' && state.recentCommandIds.includes(command.commandId);
}

/**
 * The update validator (domain.md §7.4): cheap, changes nothing, throws TransitionRejected with
 * INVALID_TRANSITION when the state forbids the action (409) and DOMAIN_RULE_VIOLATION when the input
 * breaks a rule (422). A repeated commandId passes: applying it again is a no-op.
 */
export function assertCommandAllowed(state: TrajectoryState, command: TrajectoryCommand, now: Date): void {
  isoOf(now);
  const type = (command as { type?: unknown } | undefined)?.type;
  const known = TRAJECTORY_COMMAND_TYPES.includes(type as TrajectoryCommand['type']);
  if (known && isDuplicateCommand(state, command)) return;
  const reject = (
    code: 'INVALID_TRANSITION' | 'DOMAIN_RULE_VIOLATION',
    violations: TransitionRejected['violations'],
  ) =>
    new TransitionRejected({
      code,
      action: String(type),
      currentStatus: state.status,
      allowedActions: allowedActions(state),
      violations,
    });
  if (!known) {
    throw reject('INVALID_TRANSITION', [{ field: 'type', message: `unknown command ${String(type)}` }]);
  }
  if (!isActionOpen(state, command.type)) {
    throw reject('INVALID_TRANSITION', [
      { field: 'status', message: `${command.type} is not allowed in ${state.status} (domain.md §7.4)` },
    ]);
  }
  const violations = commandViolations(state, command, now);
  if (violations.length > 0) throw reject('DOMAIN_RULE_VIOLATION', violations);
}
