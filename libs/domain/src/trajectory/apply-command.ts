import { assertCommandAllowed, isDuplicateCommand } from './assert-command-allowed';
import { confirmCompletion, confirmStart, recordEvaluation } from './care-transitions';
import { reportDropout, reportNewCareNeed, switchProvider, transferClient } from './closure-transitions';
import { amendDecisionPrice, withholdPayment } from './finance-transitions';
import {
  approvePlan,
  beginDrafting,
  escalate,
  recordPlanExemption,
  rejectPlan,
  requestChanges,
  signPlan,
  submitPlan,
  withdraw,
} from './plan-transitions';
import { decideArrangementChange, renewIndication, requestArrangementChange } from './scaling-transitions';
import { closeDraft, openDraft } from './transition-draft';
import type { TransitionDraft } from './transition-draft';
import type { TrajectoryCommand } from './trajectory-command';
import type { Transition, TrajectoryState } from './trajectory-state';

/** DEFAULT: how many recent command ids a trajectory remembers for safe retries. */
const REMEMBERED_COMMAND_IDS = 50;

function dispatch(draft: TransitionDraft, command: TrajectoryCommand): void {
  switch (command.type) {
    case 'beginDrafting':
      return beginDrafting(draft, command);
    case 'recordPlanExemption':
      return recordPlanExemption(draft, command);
    case 'withdraw':
      return withdraw(draft, command);
    case 'submitPlan':
      return submitPlan(draft, command);
    case 'signPlan':
      return signPlan(draft, command);
    case 'requestChanges':
      return requestChanges(draft, command);
    case 'approvePlan':
      return approvePlan(draft, command);
    case 'rejectPlan':
      return rejectPlan(draft, command);
    case 'escalate':
      return escalate(draft, command);
    case 'confirmStart':
      return confirmStart(draft, command);
    case 'recordEvaluation':
      return recordEvaluation(draft, command);
    case 'requestArrangementChange':
      return requestArrangementChange(draft, command);
    case 'decideArrangementChange':
      return decideArrangementChange(draft, command);
    case 'renewIndication':
      return renewIndication(draft, command);
    case 'confirmCompletion':
      return confirmCompletion(draft, command);
    case 'reportDropout':
      return reportDropout(draft, command);
    case 'reportNewCareNeed':
      return reportNewCareNeed(draft, command);
    case 'switchProvider':
      return switchProvider(draft, command);
    case 'transferClient':
      return transferClient(draft, command);
    case 'withholdPayment':
      return withholdPayment(draft, command);
    case 'amendDecisionPrice':
      return amendDecisionPrice(draft, command);
  }
}

/**
 * Applies a command (domain.md §7.4): the same checks as assertCommandAllowed, then the transition. A
 * repeated commandId returns the state unchanged with no effects.
 */
export function applyCommand(state: TrajectoryState, command: TrajectoryCommand, now: Date): Transition {
  assertCommandAllowed(state, command, now);
  if (isDuplicateCommand(state, command)) return { state, effects: [] };
  const draft = openDraft(state, now);
  dispatch(draft, command);
  if (typeof command.commandId === 'string') {
    draft.state.recentCommandIds = [...draft.state.recentCommandIds, command.commandId].slice(
      -REMEMBERED_COMMAND_IDS,
    );
  }
  return closeDraft(draft);
}
