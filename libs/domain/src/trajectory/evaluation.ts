import type { EvaluationOutcomeCode } from '../policy';

/** domain.md §7.2 PlanResult `attainment`. */
export type Attainment = 'NOT_ASSESSED' | 'ACHIEVED' | 'PARTIAL' | 'NOT_ACHIEVED';
export const ATTAINMENTS: readonly Attainment[] = ['NOT_ASSESSED', 'ACHIEVED', 'PARTIAL', 'NOT_ACHIEVED'];

/** K-O3 (domain.md §6.1). */
export type ClientSatisfaction = 'POSITIVE' | 'NEGATIVE' | 'NOT_ASKED';
export const CLIENT_SATISFACTIONS: readonly ClientSatisfaction[] = ['POSITIVE', 'NEGATIVE', 'NOT_ASKED'];

export type EvaluationOutcome = EvaluationOutcomeCode;

/** domain.md §7.2 Evaluation `type`. */
export type EvaluationType = 'PERIODIC' | 'INTERIM_REQUESTED' | 'ANNUAL_REASSESSMENT' | 'FINAL';

export interface ResultAssessment {
  resultId: string;
  attainment: Attainment;
  /** WBW practice: the reason when a result is not achieved ([001:L207]); a code, not free text. */
  reasonCode?: string;
}

/** What the API sends for an evaluation (evaluatie, domain.md §7.2 Evaluation). */
export interface EvaluationInput {
  /** One assessment per plan result, every result exactly once (P15). */
  resultAssessments: ResultAssessment[];
  clientSatisfaction: ClientSatisfaction;
  /**
   * decisions.md 5 (K-P7). Rules 1: the caller's flag. Rules 2: a fact the trajectory records itself (a local
   * team actor recorded or confirmed the evaluation); a flag the caller sends is ignored.
   */
  localTeamParticipated?: boolean;
  outcome: EvaluationOutcome;
  notesRef?: string;
}

export interface EvaluationRecord extends EvaluationInput {
  localTeamParticipated: boolean;
  number: number;
  type: EvaluationType;
  heldAt: string;
  /** The due date it answered, if it was scheduled. */
  dueAt?: string;
  planVersion: number;
  recordedByRef: string;
  /** Rules 2: the local team member who confirmed a provider's proposal (decideEvaluationProposal). */
  confirmedByRef?: string;
}

/**
 * Rules 2: a provider's evaluation whose outcome needs the local team (decisions.md 5: the final evaluation,
 * and the outcomes of `localTeamRequiredForOutcomes`) waits as a proposal until the local team decides on it.
 */
export interface EvaluationProposal {
  input: EvaluationInput;
  proposedByRef: string;
  proposedAt: string;
}
