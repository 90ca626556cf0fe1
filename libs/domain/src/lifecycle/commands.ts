import { confirmCompletion } from '../care/confirm-completion';
import { confirmStart } from '../care/confirm-start';
import { decideEvaluationProposal } from '../care/decide-evaluation-proposal';
import { recordEvaluation } from '../care/record-evaluation';
import { reportDropout } from '../closure/report-dropout';
import { reportNewCareNeed } from '../closure/report-new-care-need';
import { switchProvider } from '../closure/switch-provider';
import { transferClient } from '../closure/transfer-client';
import { escalate } from '../escalation/escalate';
import { amendDecisionPrice } from '../finance/amend-decision-price';
import { withholdPayment } from '../finance/withhold-payment';
import { approvePlan } from '../plan/approve-plan';
import { beginDrafting } from '../plan/begin-drafting';
import { chooseLeadProvider } from '../plan/choose-lead-provider';
import { recordPlanExemption } from '../plan/record-plan-exemption';
import { rejectPlan } from '../plan/reject-plan';
import { requestChanges } from '../plan/request-changes';
import { signPlan } from '../plan/sign-plan';
import { submitPlan } from '../plan/submit-plan';
import { withdraw } from '../plan/withdraw';
import { decideArrangementChange } from '../scaling/decide-arrangement-change';
import { renewIndication } from '../scaling/renew-indication';
import { requestArrangementChange } from '../scaling/request-arrangement-change';
import type { CommandOfSpec, CommandSpec } from '../trajectory/command';

/**
 * Every command of domain.md §7.4, in the order of its rows (the order `allowedActions` lists them in).
 * Adding a command: its descriptor in the feature folder, one line here, one route in the API (README,
 * "Adding a command"). The Temporal Update of the same name is derived from this list.
 */
export const COMMANDS = {
  beginDrafting,
  recordPlanExemption,
  withdraw,
  chooseLeadProvider,
  submitPlan,
  signPlan,
  requestChanges,
  approvePlan,
  rejectPlan,
  escalate,
  confirmStart,
  recordEvaluation,
  decideEvaluationProposal,
  requestArrangementChange,
  decideArrangementChange,
  renewIndication,
  confirmCompletion,
  reportDropout,
  reportNewCareNeed,
  switchProvider,
  transferClient,
  withholdPayment,
  amendDecisionPrice,
} satisfies Record<string, CommandSpec<never>>;

type Commands = typeof COMMANDS;

/** The keys whose descriptor handles another command type; the line below fails to compile unless none. */
type MisnamedCommands = {
  [K in keyof Commands]: CommandOfSpec<Commands[K]>['type'] extends K ? never : K;
}[keyof Commands];
const everyKeyIsItsCommandType: [MisnamedCommands] extends [never] ? true : MisnamedCommands = true;
void everyKeyIsItsCommandType;

export type TrajectoryCommandType = keyof Commands;

/** The commands of domain.md §7.4, one per row (the API sends them as Temporal updates). */
export type TrajectoryCommand = {
  [T in TrajectoryCommandType]: CommandOfSpec<Commands[T]>;
}[TrajectoryCommandType];

export type CommandOf<T extends TrajectoryCommandType> = CommandOfSpec<Commands[T]>;

export const TRAJECTORY_COMMAND_TYPES = Object.keys(COMMANDS) as readonly TrajectoryCommandType[];

export function isCommandType(value: unknown): value is TrajectoryCommandType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(COMMANDS, value);
}

/**
 * The descriptor of a command's type. One cast, here: TypeScript cannot correlate `COMMANDS[command.type]`
 * with `command` across the union, although the registry's type guarantees they belong together.
 */
export function commandSpec<T extends TrajectoryCommandType>(type: T): CommandSpec<CommandOf<T>> {
  return COMMANDS[type] as unknown as CommandSpec<CommandOf<T>>;
}
