/** The documented causes of a stalled case (domain.md §4.2), the triggers of an escalation. */
export type EscalationTrigger =
  | 'ROUND_TRIP_LIMIT'
  | 'APPROVAL_SLA_EXCEEDED'
  | 'FINANCIAL_DISPUTE'
  | 'MISSING_SIGNATURES'
  | 'SEGMENT_GAP'
  | 'CLASSIFICATION_DISPUTE'
  | 'PROVIDER_NOT_STARTING'
  | 'SUBCONTRACT_DISPUTE'
  | 'CLIENT_REFUSED';

export const ESCALATION_TRIGGERS: readonly EscalationTrigger[] = [
  'ROUND_TRIP_LIMIT',
  'APPROVAL_SLA_EXCEEDED',
  'FINANCIAL_DISPUTE',
  'MISSING_SIGNATURES',
  'SEGMENT_GAP',
  'CLASSIFICATION_DISPUTE',
  'PROVIDER_NOT_STARTING',
  'SUBCONTRACT_DISPUTE',
  'CLIENT_REFUSED',
];

/**
 * What is stuck: the plan approval (PLAN), the provider's start after the decision (START) or an
 * arrangement change during care (SCALING). It decides where the trajectory returns (domain.md §7.4).
 */
export type EscalationContext = 'PLAN' | 'START' | 'SCALING';

/**
 * Triggers that only the system raises, because they are facts it measures (round count, elapsed
 * working days). DEFAULT: a person escalates with the cause behind the delay instead.
 */
export const SYSTEM_ONLY_TRIGGERS: readonly EscalationTrigger[] = [
  'ROUND_TRIP_LIMIT',
  'APPROVAL_SLA_EXCEEDED',
];

/** Which triggers fit which context (domain.md §4.2 read against §7.4). DEFAULT where §4.2 is silent. */
export const TRIGGERS_BY_CONTEXT: Readonly<Record<EscalationContext, readonly EscalationTrigger[]>> = {
  PLAN: [
    'ROUND_TRIP_LIMIT',
    'APPROVAL_SLA_EXCEEDED',
    'FINANCIAL_DISPUTE',
    'MISSING_SIGNATURES',
    'SEGMENT_GAP',
    'CLASSIFICATION_DISPUTE',
    'SUBCONTRACT_DISPUTE',
    'CLIENT_REFUSED',
  ],
  START: ['PROVIDER_NOT_STARTING', 'FINANCIAL_DISPUTE', 'SUBCONTRACT_DISPUTE', 'CLIENT_REFUSED'],
  SCALING: [
    'ROUND_TRIP_LIMIT',
    'APPROVAL_SLA_EXCEEDED',
    'FINANCIAL_DISPUTE',
    'SEGMENT_GAP',
    'CLASSIFICATION_DISPUTE',
    'SUBCONTRACT_DISPUTE',
  ],
};
