import { ApplicationFailure } from '@temporalio/workflow';
import { TransitionRejected } from '@app/domain';

/**
 * A rejected command leaves the workflow as a typed, non-retryable ApplicationFailure: `type` is the
 * rejection code (INVALID_TRANSITION → HTTP 409, DOMAIN_RULE_VIOLATION → 422) and the details carry the
 * current state, the allowed actions and the field violations for the API's error body.
 */
export function asFailure(error: unknown): unknown {
  if (error instanceof TransitionRejected) {
    return ApplicationFailure.create({
      message: error.message,
      type: error.code,
      nonRetryable: true,
      details: [error.toJSON()],
    });
  }
  return error;
}

/** Runs a validator body, translating a domain rejection into the failure the caller can map. */
export function validating(check: () => void): void {
  try {
    check();
  } catch (error) {
    throw asFailure(error);
  }
}
