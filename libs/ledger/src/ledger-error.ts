/** Why the ledger refused a request. The API maps it to 400/404/409, the activities to ApplicationFailure types. */
export type LedgerErrorCode =
  /** The input breaks a rule (missing reason, negative amount for a non-adjustment, bad date, …). */
  | 'INVALID_INPUT'
  /** No payment, batch, arrangement or decision with that id. */
  | 'NOT_FOUND'
  /** The status change is not allowed from the current status (e.g. withholding an EXPORTED payment). */
  | 'INVALID_TRANSITION'
  /** The idempotency key (or decision version) exists with different money facts: a bug upstream, never retried. */
  | 'CONFLICT';

/** The single error type of the ledger; callers switch on `code`. No framework class, so a CLI can use it. */
export class LedgerError extends Error {
  override readonly name = 'LedgerError';

  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
  }
}
