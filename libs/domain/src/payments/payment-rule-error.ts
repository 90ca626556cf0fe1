/** Why a payment rule refused its input. Workflows map it to an ApplicationFailure whose `type` is the code. */
export type PaymentRuleErrorCode =
  | 'INVALID_CENTS'
  | 'AMOUNT_OVERFLOW'
  | 'INVALID_SPLIT'
  | 'INVALID_POLICY'
  | 'UNKNOWN_PRESET'
  | 'UNKNOWN_PRICING_BASIS'
  | 'NOT_A_TRAJECTORY_SPLIT'
  | 'PRESET_DOES_NOT_FIT_BASIS'
  | 'NOT_A_PERIODIC_POLICY'
  | 'INVALID_DECISION'
  | 'PRICING_BASIS_MISMATCH'
  | 'DECISION_VERSION_NOT_NEWER'
  | 'CORRECTION_CHANGES_ARRANGEMENT'
  | 'INVALID_PERIOD'
  | 'INVALID_ADJUSTMENT_SEQ'
  | 'INVALID_CLOSURE'
  | 'INVALID_HISTORY'
  | 'INVALID_KEY_PART';

/**
 * The single error type of the payment domain. A plain Error subclass (no framework class) so that it can
 * be thrown inside Temporal's workflow sandbox; callers switch on `code`, never on the message.
 */
export class PaymentRuleError extends Error {
  override readonly name = 'PaymentRuleError';

  constructor(
    readonly code: PaymentRuleErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
