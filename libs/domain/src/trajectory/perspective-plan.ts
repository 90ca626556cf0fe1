import type { SignatureParty } from '../policy';
import type { ArrangementTerms } from '../shared/arrangement-terms';

export { SIGNATURE_PARTIES } from '../policy';
export type { SignatureParty } from '../policy';

/** Who proposed or set the intensity (R-ROLE-02): the provider for Jeugd, the municipality for Wmo. */
export type IntensityProposer = 'PROVIDER' | 'MUNICIPALITY' | 'LOCAL_TEAM';

/**
 * One desired result of the plan (resultaat, domain.md §7.2 PlanResult). Free text about a person never
 * enters workflow state (decisions.md 11): `descriptionRef` points at the text in PostgreSQL.
 */
export interface PlanResult {
  id: string;
  lifeDomain?: string;
  resultAreaCode?: string;
  subResultCode?: string;
  /** Not every result can be SMART ([000:L94-95]). */
  smart: boolean;
  targetDate?: string;
  descriptionRef?: string;
}

/** The content of a plan version as submitted (R-PLAN-01). */
export interface PlanDraft {
  results: PlanResult[];
  profileCode: string;
  intensityCode: string;
  /** Rules 1: the caller's statement. Rules 2: set from the submitting actor (a body's value is ignored). */
  intensityProposedBy?: IntensityProposer;
  arrangement: ArrangementTerms;
  leadProviderId: string;
  /**
   * R-ROLE-05: the family chose the lead provider (hoofdaannemer), attested by the submitter. Not needed when
   * the choice was recorded before (plan/choose-lead-provider.ts) and the plan names that provider.
   */
  leadProviderChosenByFamily?: boolean;
  /** Declared subcontractors (onderaannemers); an undeclared provider cannot appear (P10). */
  subcontractorIds: string[];
  requiredSignatures: SignatureParty[];
  /** ISO instant; the decision's validTo follows it unless the case is high-complexity (§7.2). */
  plannedEndAt?: string;
}

export interface Signature {
  party: SignatureParty;
  actorRef: string;
  signedAt: string;
}

/** domain.md §7.2 PerspectivePlan `status`. Only the current version is kept in state. */
export type PlanStatus = 'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED' | 'SUPERSEDED';

/**
 * The perspective plan (perspectiefplan): the resident's own plan, versioned because it is a dynamic
 * document ([001:L610]). Approved by the local team or, after escalation, by the breakthrough table.
 */
export interface PerspectivePlan extends PlanDraft {
  version: number;
  status: PlanStatus;
  submittedAt: string;
  submittedByRef: string;
  signatures: Signature[];
  approvedAt?: string;
  approvedBy?: 'LOCAL_TEAM' | 'BREAKTHROUGH_TABLE';
}

/** domain.md §7.2 ApprovalRound `reasonCode`. */
export type ChangeReasonCode =
  'TARIFF_OR_INTENSITY' | 'RESULTS_UNCLEAR' | 'MISSING_INFO' | 'MISSING_SIGNATURE' | 'SEGMENT_FIT' | 'OTHER';
export const CHANGE_REASON_CODES: readonly ChangeReasonCode[] = [
  'TARIFF_OR_INTENSITY',
  'RESULTS_UNCLEAR',
  'MISSING_INFO',
  'MISSING_SIGNATURE',
  'SEGMENT_FIT',
  'OTHER',
];

/** One submission and its answer ("heen en weer", domain.md §7.2 ApprovalRound). */
export interface ApprovalRound {
  planVersion: number;
  round: number;
  submittedByRef: string;
  submittedAt: string;
  decision?: 'APPROVED' | 'CHANGES_REQUESTED' | 'REJECTED' | 'ESCALATED';
  decidedByRef?: string;
  decidedAt?: string;
  reasonCode?: ChangeReasonCode;
  commentRef?: string;
}

/** A recorded exemption from the plan (R-PLAN-05, decisions.md 6). */
export interface PlanExemption {
  requestType: string;
  reasonCode: string;
  recordedAt: string;
  recordedByRef: string;
}
