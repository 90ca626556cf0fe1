/**
 * Why a command was refused:
 * - INVALID_TRANSITION: the current state does not allow the action at all (API → 409, domain.md §7.4);
 * - DOMAIN_RULE_VIOLATION: the action is allowed here but its input breaks a rule (API → 422).
 */
export type RejectionCode = 'INVALID_TRANSITION' | 'DOMAIN_RULE_VIOLATION';

export interface RuleViolation {
  field: string;
  message: string;
}

/** JSON form of a rejection, for ApplicationFailure details and API problem bodies. */
export interface TransitionRejectedDetails {
  code: RejectionCode;
  action: string;
  currentStatus: string;
  allowedActions: string[];
  violations: RuleViolation[];
}

/**
 * Thrown by the update validator and by `applyCommand`. A plain Error subclass (no framework class) so it
 * can be thrown inside Temporal's workflow sandbox; the shell maps it to an ApplicationFailure whose
 * `type` is `code` and whose details are `toJSON()`.
 */
export class TransitionRejected extends Error {
  override readonly name = 'TransitionRejected';
  readonly code: RejectionCode;
  readonly action: string;
  readonly currentStatus: string;
  readonly allowedActions: string[];
  readonly violations: RuleViolation[];

  constructor(details: TransitionRejectedDetails) {
    const summary = details.violations.map((v) => `${v.field}: ${v.message}`).join('; ');
    super(`${details.code}: ${details.action} in ${details.currentStatus}${summary ? ` (${summary})` : ''}`);
    // Keeps `instanceof` working when the code is compiled to ES5-style classes.
    Object.setPrototypeOf(this, TransitionRejected.prototype);
    this.code = details.code;
    this.action = details.action;
    this.currentStatus = details.currentStatus;
    this.allowedActions = [...details.allowedActions];
    this.violations = details.violations.map((v) => ({ ...v }));
  }

  toJSON(): TransitionRejectedDetails {
    return {
      code: this.code,
      action: this.action,
      currentStatus: this.currentStatus,
      allowedActions: [...this.allowedActions],
      violations: this.violations.map((v) => ({ ...v })),
    };
  }
}
