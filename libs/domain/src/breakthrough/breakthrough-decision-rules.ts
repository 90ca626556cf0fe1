import { canonicalInstant } from '../shared/policy-time';
import type { RuleViolation } from '../shared/transition-rejected';
import { BREAKTHROUGH_DECISION_CODES } from './breakthrough-decision';
import type { BreakthroughDecision, BreakthroughDecisionCode } from './breakthrough-decision';
import type { EscalationContext } from './escalation-trigger';

/** Where a table decision lands: the escalation's context, and whether a provisional start awaits settling. */
export interface DecisionSituation {
  context: EscalationContext;
  /** PROVISIONAL: the table authorised a provisional start and now settles the arrangement (decisions.md 3). */
  status: 'OPEN' | 'PROVISIONAL';
  /** Whether the local team's offer is on record, for AUTHORISE_PROVISIONAL_START without one of its own. */
  hasOfferedArrangement: boolean;
  now: Date;
}

/**
 * Which decisions fit which case (domain.md §4.4 against §7.4). DEFAULT: a scaling case cannot move the
 * client to another provider (that is a switch or transfer, R-END-03) or start provisionally (care runs);
 * settling a provisional start approves the asked arrangement, sets another, or rejects the ask.
 */
export function decisionsFor(
  situation: Pick<DecisionSituation, 'context' | 'status'>,
): BreakthroughDecisionCode[] {
  if (situation.status === 'PROVISIONAL') {
    return ['APPROVE_AS_SUBMITTED', 'APPROVE_WITH_ARRANGEMENT', 'REJECT'];
  }
  if (situation.context === 'SCALING') {
    return BREAKTHROUGH_DECISION_CODES.filter(
      (c) => c !== 'ASSIGN_OTHER_PROVIDER' && c !== 'AUTHORISE_PROVISIONAL_START',
    );
  }
  return [...BREAKTHROUGH_DECISION_CODES];
}

function text(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

function codeViolations(d: Record<string, unknown>, situation: DecisionSituation): RuleViolation[] {
  const out: RuleViolation[] = [];
  switch (d.code as BreakthroughDecisionCode) {
    case 'APPROVE_WITH_ARRANGEMENT':
      if (typeof d.arrangement !== 'object' || d.arrangement === null) {
        out.push({
          field: 'decision.arrangement',
          message: 'the table sets the arrangement and its tariff (§4.4)',
        });
      }
      break;
    case 'RECLASSIFY':
      if (
        !['A', 'B', 'C'].includes(d.segment as string) &&
        !['LOW', 'HIGH'].includes(d.complexity as string)
      ) {
        out.push({
          field: 'decision.segment',
          message: 'a new segment (A, B, C) or complexity (LOW, HIGH) is required',
        });
      }
      if (d.segment !== undefined && !['A', 'B', 'C'].includes(d.segment as string)) {
        out.push({ field: 'decision.segment', message: 'segment A, B or C' });
      }
      if (d.complexity !== undefined && !['LOW', 'HIGH'].includes(d.complexity as string)) {
        out.push({ field: 'decision.complexity', message: 'complexity LOW or HIGH' });
      }
      break;
    case 'ASSIGN_OTHER_PROVIDER':
      if (!text(d.leadProviderId)) {
        out.push({ field: 'decision.leadProviderId', message: 'the other provider is required' });
      }
      if (d.familyConsent !== true) {
        out.push({
          field: 'decision.familyConsent',
          message: "only with the family's consent: the family chooses (§4.4, R-ROLE-05)",
        });
      }
      break;
    case 'RETURN_WITH_INSTRUCTIONS': {
      const codes = d.instructionCodes;
      if (!Array.isArray(codes) || codes.length === 0 || !codes.every(text)) {
        out.push({ field: 'decision.instructionCodes', message: 'binding instructions are required (§4.4)' });
      }
      if (d.resubmitBy !== undefined) {
        const by = canonicalInstant(d.resubmitBy);
        if (by === undefined) out.push({ field: 'decision.resubmitBy', message: 'not an ISO-8601 instant' });
        else if (by <= situation.now.toISOString()) {
          out.push({ field: 'decision.resubmitBy', message: 'the new deadline lies in the past' });
        }
      }
      break;
    }
    case 'AUTHORISE_PROVISIONAL_START':
      if (
        (typeof d.offeredArrangement !== 'object' || d.offeredArrangement === null) &&
        !situation.hasOfferedArrangement
      ) {
        out.push({
          field: 'decision.offeredArrangement',
          message: "care starts on the local team's offer (decisions.md 3); none is on record",
        });
      }
      break;
    default:
      break;
  }
  return out;
}

/**
 * Violations of a table decision that do not depend on the trajectory's details: a named chair of the
 * table, a recorded rationale (§4.3), a code that fits the case, and the fields each code needs.
 */
export function breakthroughDecisionViolations(
  decision: unknown,
  situation: DecisionSituation,
): RuleViolation[] {
  if (typeof decision !== 'object' || decision === null) {
    return [{ field: 'decision', message: 'a decision is required' }];
  }
  const d = decision as Record<string, unknown> & Partial<BreakthroughDecision>;
  const out: RuleViolation[] = [];
  if (!BREAKTHROUGH_DECISION_CODES.includes(d.code as BreakthroughDecisionCode)) {
    return [{ field: 'decision.code', message: `one of ${BREAKTHROUGH_DECISION_CODES.join(', ')} (§4.4)` }];
  }
  if (d.decidedBy?.role !== 'BREAKTHROUGH_TABLE' || !text(d.decidedBy?.ref)) {
    out.push({
      field: 'decision.decidedBy',
      message: 'only the breakthrough table decides, by a named chair (§4.3)',
    });
  }
  if (!text(d.rationaleRef)) {
    out.push({ field: 'decision.rationaleRef', message: 'the table records its rationale (§4.3, §4.6)' });
  }
  if (d.memberRefs !== undefined && (!Array.isArray(d.memberRefs) || !d.memberRefs.every(text))) {
    out.push({ field: 'decision.memberRefs', message: 'a list of pseudonymous member refs' });
  }
  const allowed = decisionsFor(situation);
  if (!allowed.includes(d.code as BreakthroughDecisionCode)) {
    out.push({
      field: 'decision.code',
      message: `${String(d.code)} does not fit a ${situation.status === 'PROVISIONAL' ? 'provisional-start settlement' : `${situation.context} case`}; allowed: ${allowed.join(', ')}`,
    });
    return out;
  }
  return [...out, ...codeViolations(d, situation)];
}
