import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TransitionRejectedDetails } from '@app/domain';

/** A refused update as the API sees it: the failure `type` (the rejection code) and its first detail. */
export interface UpdateRejection {
  error: WorkflowUpdateFailedError;
  type: string | undefined;
  details: TransitionRejectedDetails;
}

/**
 * Awaits an update that must be refused and returns the refusal. The validator's TransitionRejected
 * reaches the client as WorkflowUpdateFailedError whose cause is an ApplicationFailure (workflows/rejection.ts);
 * anything else, or an accepted update, fails the test.
 */
export async function rejectionOf(update: Promise<unknown>): Promise<UpdateRejection> {
  try {
    await update;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      return {
        error,
        type: error.cause.type ?? undefined,
        details: error.cause.details?.[0] as TransitionRejectedDetails,
      };
    }
    throw error;
  }
  throw new Error('the update was accepted, but a rejection was expected');
}
