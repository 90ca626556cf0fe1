import { isTrajectoryPricedPreset } from '../payments';
import type { ActorRole } from './actor';
import { currentDecision } from './care-decision';
import { openEscalation } from './escalation';
import type { TrajectoryCommandType } from './trajectory-command';
import { TRAJECTORY_COMMAND_TYPES } from './trajectory-command';
import type { TrajectoryState } from './trajectory-state';
import { isInCare } from './trajectory-status';

/**
 * Who may send which command (domain.md §3.7, §4.3 DEFAULT). The client acts through the case system or
 * the local team; the access worker may record the family's choices on their behalf (R-ROLE-05, R-ROLE-07).
 */
export const ROLES_BY_COMMAND: Readonly<Record<TrajectoryCommandType, readonly ActorRole[]>> = {
  beginDrafting: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  // D1 (domain.md §2.3): the local team decides whether a plan is needed.
  recordPlanExemption: ['LOCAL_TEAM'],
  withdraw: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  // R-PLAN-04: drafted by the resident, supported by the local team and/or the provider.
  submitPlan: ['LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM'],
  signPlan: ['CASE_SYSTEM', 'LOCAL_TEAM', 'PROVIDER'],
  // R-ROLE-03: the local team approves; it also returns or rejects.
  requestChanges: ['LOCAL_TEAM'],
  approvePlan: ['LOCAL_TEAM'],
  rejectPlan: ['LOCAL_TEAM'],
  // §4.3 DEFAULT: the local team, the lead provider and the system escalate; the resident asks the coordinator.
  escalate: ['LOCAL_TEAM', 'PROVIDER', 'SYSTEM'],
  confirmStart: ['PROVIDER'],
  recordEvaluation: ['LOCAL_TEAM', 'PROVIDER'],
  // R-ROLE-02 narrows this per domain (command-rules): Wmo changes come from the municipality.
  requestArrangementChange: ['LOCAL_TEAM', 'PROVIDER'],
  decideArrangementChange: ['LOCAL_TEAM'],
  // D10: the municipality reassesses.
  renewIndication: ['LOCAL_TEAM'],
  confirmCompletion: ['LOCAL_TEAM'],
  reportDropout: ['LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM'],
  // D9: the municipality closes and restarts (R-SCALE-03).
  reportNewCareNeed: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  // R-END-03: the client switches (through the case system or the local team); the municipality transfers.
  switchProvider: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  transferClient: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  // domain.md §7.8: the municipality's manual WITHHOLD; R-END-05: a price correction by agreement.
  withholdPayment: ['FINANCE'],
  amendDecisionPrice: ['FINANCE'],
};

function hasFinalTranche(state: TrajectoryState): boolean {
  const decision = currentDecision(state);
  return decision !== undefined && isTrajectoryPricedPreset(decision.paymentPolicy.preset);
}

/** Whether the state allows the action at all, whatever its input (domain.md §7.4 "From" column). */
export function isActionOpen(state: TrajectoryState, type: TrajectoryCommandType): boolean {
  const status = state.status;
  const escalation = openEscalation(state);
  const change = state.pendingChange;
  switch (type) {
    case 'beginDrafting':
    case 'recordPlanExemption':
      return status === 'INTAKE';
    case 'withdraw':
      return status === 'INTAKE' || status === 'DRAFTING';
    case 'submitPlan':
      return status === 'DRAFTING' || status === 'CHANGES_REQUESTED';
    case 'signPlan':
    case 'requestChanges':
    case 'approvePlan':
    case 'rejectPlan':
      return status === 'AWAITING_APPROVAL';
    case 'escalate':
      if (escalation !== undefined) return false;
      if (status === 'AWAITING_APPROVAL' || status === 'CHANGES_REQUESTED' || status === 'DECIDED') {
        return true;
      }
      return isInCare(status) && change !== undefined;
    case 'confirmStart':
      return status === 'DECIDED' || (status === 'ESCALATED' && escalation?.context === 'START');
    case 'recordEvaluation':
      return status === 'ACTIVE';
    case 'requestArrangementChange':
      return (
        isInCare(status) &&
        escalation === undefined &&
        (change === undefined || change.status === 'CHANGES_REQUESTED')
      );
    case 'decideArrangementChange':
      return isInCare(status) && change?.status === 'SUBMITTED';
    case 'renewIndication':
      return status === 'REASSESSMENT' && change === undefined && escalation === undefined;
    case 'confirmCompletion':
    case 'reportDropout':
    case 'reportNewCareNeed':
    case 'switchProvider':
    case 'transferClient':
      return isInCare(status);
    case 'withholdPayment':
      return isInCare(status) && hasFinalTranche(state) && state.finalTrancheWithhold === undefined;
    case 'amendDecisionPrice':
      return status === 'DECIDED' || isInCare(status);
    default:
      return false;
  }
}

/** The actions the current state allows, in the order of domain.md §7.4. */
export function allowedActions(state: TrajectoryState): TrajectoryCommandType[] {
  return TRAJECTORY_COMMAND_TYPES.filter((type) => isActionOpen(state, type));
}
