import { violation } from '../shared/rule-helpers';
import { TransitionRejected } from '../shared/transition-rejected';
import type { RuleViolation } from '../shared/transition-rejected';
import { isoOf } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { allowedActions } from './command-access';
import { commandSpec, isCommandType } from './commands';
import type { TrajectoryCommand } from './commands';

/** Whether the command repeats one already applied (a client retry): it is then accepted as a no-op. */
export function isDuplicateCommand(state: TrajectoryState, command: TrajectoryCommand): boolean {
  return typeof command.commandId === 'string' && state.recentCommandIds.includes(command.commandId);
}

function roleViolations(command: TrajectoryCommand): RuleViolation[] {
  const actor = command.actor as Partial<TrajectoryCommand['actor']> | undefined;
  if (typeof actor?.ref !== 'string' || actor.ref.trim() === '') {
    return [violation('actor.ref', 'a pseudonymous actor ref is required')];
  }
  const roles = commandSpec(command.type).roles;
  if (roles.includes(actor.role as never)) return [];
  return [
    violation(
      'actor.role',
      `${String(actor.role)} may not ${command.type}; allowed: ${roles.join(', ')} (domain.md §3.7)`,
    ),
  ];
}

/** Every domain rule the command breaks in the current state: the role first, then its input. */
export function commandViolations(
  state: TrajectoryState,
  command: TrajectoryCommand,
  now: Date,
): RuleViolation[] {
  const roles = roleViolations(command);
  return roles.length > 0 ? roles : commandSpec(command.type).violations(state, command, now);
}

/**
 * The update validator (domain.md §7.4): cheap, changes nothing, throws TransitionRejected with
 * INVALID_TRANSITION when the state forbids the action (409) and DOMAIN_RULE_VIOLATION when the input
 * breaks a rule (422). A repeated commandId passes: applying it again is a no-op.
 */
export function assertCommandAllowed(state: TrajectoryState, command: TrajectoryCommand, now: Date): void {
  isoOf(now);
  const type = (command as { type?: unknown } | undefined)?.type;
  const known = isCommandType(type);
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
  if (!commandSpec(command.type).isOpen(state)) {
    throw reject('INVALID_TRANSITION', [
      { field: 'status', message: `${command.type} is not allowed in ${state.status} (domain.md §7.4)` },
    ]);
  }
  const violations = commandViolations(state, command, now);
  if (violations.length > 0) throw reject('DOMAIN_RULE_VIOLATION', violations);
}
