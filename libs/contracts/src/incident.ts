import { defineQuery, defineUpdate } from '@temporalio/workflow';

/**
 * The failure type of an activity refused on its data (a value too long, a constraint): retrying the same
 * write cannot succeed. Activities raise it non-retryable; the workflow opens an incident instead of retrying
 * for ever (a "poison pill") or failing the trajectory.
 */
export const DATA_REJECTED = 'DATA_REJECTED';

/**
 * A step of a trajectory that stopped on its data and waits for an operator: the trajectory keeps answering
 * queries and accepting commands (their effects queue behind the failed step, in order); an operator retries
 * the step once the cause is fixed (a migration, a corrected reference). Codes only, never the data.
 */
export interface TrajectoryIncident {
  /** The effect that failed, e.g. `recordTransition` or `issuePayment`. */
  step: string;
  failureType: string;
  /** The failure's safe message: SQLSTATE and what refused, never the value. */
  message: string;
  openedAt: string;
  /** Retries an operator asked for so far in this incident. */
  retries: number;
}

export interface RetryIncidentRequest {
  /** Pseudonymous reference of the operator. */
  requestedBy: string;
}

export const getIncidentQuery = defineQuery<TrajectoryIncident | null>('getIncident');

/** Operators: run the failed step again (validator refuses when no incident is open). */
export const retryIncidentUpdate = defineUpdate<{ retried: true }, [RetryIncidentRequest]>('retryIncident');
