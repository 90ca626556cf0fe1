/** Why the region directory or the provider register refused a request; the API maps it to 404/409/422. */
export type RegisterErrorCode =
  /** No region, municipality, provider, contract or freeze with that id. */
  | 'NOT_FOUND'
  /** The change collides with what is there (an overlapping contract, a freeze already lifted). */
  | 'CONFLICT'
  /** The request is well formed but breaks a rule (an arrangement outside the region's catalogue). */
  | 'RULE_VIOLATION';

/** The single error type of the register; callers switch on `code`. `field` names the input at fault. */
export class RegisterError extends Error {
  override readonly name = 'RegisterError';

  constructor(
    readonly code: RegisterErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
