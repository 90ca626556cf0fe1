import type { EscalationTrigger } from '../breakthrough/escalation-trigger';
import type { Actor } from './actor';
import type { ArrangementTerms } from './arrangement-terms';
import type { EvaluationInput } from './evaluation';
import type { ChangeReasonCode, PlanDraft, SignatureParty } from './perspective-plan';

interface CommandBase {
  actor: Actor;
  /** Client-supplied; a command id seen before makes the command a no-op (a safe retry). */
  commandId?: string;
}

/** The commands of domain.md §7.4, one per row (the API sends them as Temporal updates). */
export type TrajectoryCommand =
  | (CommandBase & { type: 'beginDrafting' })
  | (CommandBase & { type: 'recordPlanExemption'; reasonCode: string })
  | (CommandBase & { type: 'withdraw'; reasonCode?: string })
  | (CommandBase & {
      type: 'submitPlan';
      plan: PlanDraft;
      /** From the provider catalogue: the lead provider is under a client intake freeze (cliëntenstop). */
      leadProviderIntakeFrozen?: boolean;
    })
  | (CommandBase & { type: 'signPlan'; planVersion: number; party: SignatureParty })
  | (CommandBase & {
      type: 'requestChanges';
      planVersion: number;
      reasonCode: ChangeReasonCode;
      commentRef?: string;
      /** The local team's counter-offer, shown to the table as "offered" (decisions.md 3). */
      offeredArrangement?: ArrangementTerms;
    })
  | (CommandBase & { type: 'approvePlan'; planVersion: number })
  | (CommandBase & {
      type: 'rejectPlan';
      planVersion: number;
      reasonCode: ChangeReasonCode;
      commentRef?: string;
    })
  | (CommandBase & {
      type: 'escalate';
      trigger: EscalationTrigger;
      commentRef?: string;
      offeredArrangement?: ArrangementTerms;
    })
  | (CommandBase & { type: 'confirmStart'; startedAt?: string })
  | (CommandBase & { type: 'recordEvaluation'; evaluation: EvaluationInput })
  | (CommandBase & {
      type: 'requestArrangementChange';
      arrangement: ArrangementTerms;
      intensityCode?: string;
      reasonCode: string;
    })
  | (CommandBase & {
      type: 'decideArrangementChange';
      changeId: string;
      decision: 'APPROVE' | 'REQUEST_CHANGES' | 'REJECT';
      /** Required for REQUEST_CHANGES and REJECT. */
      reasonCode?: ChangeReasonCode;
      commentRef?: string;
    })
  | (CommandBase & { type: 'renewIndication'; arrangement?: ArrangementTerms })
  | (CommandBase & { type: 'confirmCompletion'; finalEvaluation: EvaluationInput })
  | (CommandBase & { type: 'reportDropout'; reasonCode: string })
  | (CommandBase & {
      type: 'reportNewCareNeed';
      successorCaseReference: string;
      successorTrajectoryId?: string;
      successorRequestType?: string;
      /** Only the local team may confirm it; then the old final tranche is paid (domain.md §7.8). */
      oldPlanCompleted: boolean;
    })
  | (CommandBase & {
      type: 'switchProvider';
      newLeadProviderId: string;
      /** R-ROLE-05 / R-END-03: the client switches by their own choice. */
      chosenByFamily: boolean;
      successorCaseReference: string;
      successorTrajectoryId?: string;
    })
  | (CommandBase & {
      type: 'transferClient';
      newLeadProviderId: string;
      reasonCode: string;
      successorCaseReference: string;
      successorTrajectoryId?: string;
    })
  | (CommandBase & { type: 'withholdPayment'; reasonRef: string })
  | (CommandBase & {
      type: 'amendDecisionPrice';
      tariffCents: number;
      /** R-END-05: a retroactive correction happens by agreement with the provider. */
      providerAgreed: boolean;
      reasonRef: string;
    });

export type TrajectoryCommandType = TrajectoryCommand['type'];

export type CommandOf<T extends TrajectoryCommandType> = Extract<TrajectoryCommand, { type: T }>;

export const TRAJECTORY_COMMAND_TYPES: readonly TrajectoryCommandType[] = [
  'beginDrafting',
  'recordPlanExemption',
  'withdraw',
  'submitPlan',
  'signPlan',
  'requestChanges',
  'approvePlan',
  'rejectPlan',
  'escalate',
  'confirmStart',
  'recordEvaluation',
  'requestArrangementChange',
  'decideArrangementChange',
  'renewIndication',
  'confirmCompletion',
  'reportDropout',
  'reportNewCareNeed',
  'switchProvider',
  'transferClient',
  'withholdPayment',
  'amendDecisionPrice',
];
