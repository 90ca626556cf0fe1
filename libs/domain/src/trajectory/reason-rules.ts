import { isNonEmptyString, violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import { CHANGE_REASON_CODES } from './perspective-plan';
import type { ChangeReasonCode } from './perspective-plan';

/** A reason code from §7.2 ApprovalRound; OTHER needs a written comment (its reference). */
export function reasonViolations(
  reasonCode: unknown,
  commentRef: unknown,
  field = 'reasonCode',
): RuleViolation[] {
  if (!CHANGE_REASON_CODES.includes(reasonCode as ChangeReasonCode)) {
    return [violation(field, `a reason code is required: ${CHANGE_REASON_CODES.join(', ')}`)];
  }
  if (reasonCode === 'OTHER' && !isNonEmptyString(commentRef)) {
    return [violation('commentRef', 'reason OTHER needs a written rationale')];
  }
  return [];
}
