import type { Actor } from '../shared/actor';
import type { ArrangementTerms, CareSegment, ComplexityClass } from '../shared/arrangement-terms';

/** The decision set of the breakthrough table (doorbraaktafel), domain.md §4.4 and decisions.md 3. */
export type BreakthroughDecisionCode =
  | 'APPROVE_AS_SUBMITTED'
  | 'APPROVE_WITH_ARRANGEMENT'
  | 'RECLASSIFY'
  | 'ASSIGN_OTHER_PROVIDER'
  | 'RETURN_WITH_INSTRUCTIONS'
  | 'REJECT'
  | 'AUTHORISE_PROVISIONAL_START';

export const BREAKTHROUGH_DECISION_CODES: readonly BreakthroughDecisionCode[] = [
  'APPROVE_AS_SUBMITTED',
  'APPROVE_WITH_ARRANGEMENT',
  'RECLASSIFY',
  'ASSIGN_OTHER_PROVIDER',
  'RETURN_WITH_INSTRUCTIONS',
  'REJECT',
  'AUTHORISE_PROVISIONAL_START',
];

/**
 * domain.md §4.3 DEFAULT: the table decides by a named chair with a recorded rationale. The rationale is
 * text about a case, so only its reference travels in workflow state (decisions.md 11).
 */
interface BreakthroughDecisionBase {
  /** The chair, role BREAKTHROUGH_TABLE. */
  decidedBy: Actor;
  memberRefs?: string[];
  rationaleRef: string;
}

export type BreakthroughDecision =
  | (BreakthroughDecisionBase & { code: 'APPROVE_AS_SUBMITTED' })
  | (BreakthroughDecisionBase & {
      code: 'APPROVE_WITH_ARRANGEMENT';
      /** The table sets profile, intensity and tariff (§4.4). */
      arrangement: ArrangementTerms;
      profileCode?: string;
      intensityCode?: string;
    })
  | (BreakthroughDecisionBase & {
      code: 'RECLASSIFY';
      segment?: CareSegment;
      complexity?: ComplexityClass;
      /** With an arrangement the plan is decided on it; without, the drafters rework the plan. */
      arrangement?: ArrangementTerms;
    })
  | (BreakthroughDecisionBase & {
      code: 'ASSIGN_OTHER_PROVIDER';
      leadProviderId: string;
      /** §4.4: only with the family's consent, because the family chooses ([001:L623], R-ROLE-05). */
      familyConsent: boolean;
    })
  | (BreakthroughDecisionBase & {
      code: 'RETURN_WITH_INSTRUCTIONS';
      instructionCodes: string[];
      /** ISO instant; DEFAULT: the policy's approval deadline counted from the decision. */
      resubmitBy?: string;
    })
  | (BreakthroughDecisionBase & { code: 'REJECT' })
  | (BreakthroughDecisionBase & {
      code: 'AUTHORISE_PROVISIONAL_START';
      /** The local team's offer; DEFAULT: the offer recorded on the escalation. */
      offeredArrangement?: ArrangementTerms;
    });
