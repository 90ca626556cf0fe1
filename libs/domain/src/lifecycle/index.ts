/**
 * The pure lifecycle core of one trajectory, domain.md §7.3–§7.5: every entry point maps (state, input,
 * now) to a Transition { state, effects }. No clock, no I/O, no framework: it runs inside Temporal's
 * deterministic workflow sandbox, and the workflow is a thin shell that executes the effects. The commands
 * and timers are listed once, in commands.ts and trajectory-timers.ts.
 */
export { createTrajectory, creationInstant, RECEIPT_TOLERANCE_MS } from './create-trajectory';
export { upgradeRules } from './upgrade-rules';
export { WAITS } from './trajectory-waits';
export type { WaitKind } from './trajectory-waits';
export { applyCommand } from './apply-command';
export { assertCommandAllowed, isDuplicateCommand } from './assert-command-allowed';
export { applyDueTimers, nextDeadline } from './apply-due-timers';
export { allowedActions, isActionOpen, ROLES_BY_COMMAND } from './command-access';
export { COMMANDS, TRAJECTORY_COMMAND_TYPES, isCommandType } from './commands';
export type { CommandOf, TrajectoryCommand, TrajectoryCommandType } from './commands';
export { isAtEvaluationBoundary, trajectoryView } from './trajectory-view';
export type { Blocker, BlockingParty, TrajectoryDeadlines, TrajectoryView } from './trajectory-view';
export { pendingTimers, TIMER_ORDER, TIMERS } from './trajectory-timers';
export type { PendingTimer, TimerKind } from './trajectory-timers';
export type { ProviderRegisterFacts, ProviderStanding } from '../plan/provider-register-facts';
export { nextStatutoryDeadline, STATUTORY_PERIODS, statutoryClocks } from '../decision/statutory-clocks';
export type { StatutoryClock, StatutoryClockKind } from '../decision/statutory-clocks';
