import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  log,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  DATA_REJECTED,
  getIncidentQuery,
  retryIncidentUpdate,
  SA_INCIDENT,
  type RetryIncidentRequest,
  type TrajectoryIncident,
} from '@app/contracts';

/**
 * The incident desk of one workflow run (no "poison pill"): a step whose activity the database refused on its
 * data (DATA_REJECTED) does not retry for ever and does not fail the workflow. The desk records an incident
 * (query `getIncident`, search attribute `Incident`), keeps the workflow answering, and waits until an operator
 * sends `retryIncident`; then the step runs again. Outages never reach here: their activities keep retrying.
 *
 * Only a failure path adds history (the search-attribute upsert and the operator's update), so histories of
 * runs without incidents replay unchanged and no patch is needed.
 */
export class IncidentDesk {
  private open: TrajectoryIncident | undefined;
  private retryAsked = false;

  constructor() {
    setHandler(getIncidentQuery, () => this.open ?? null);
    setHandler(
      retryIncidentUpdate,
      (request: RetryIncidentRequest): { retried: true } => {
        log.info('incident retry asked', { by: request.requestedBy });
        this.retryAsked = true;
        return { retried: true };
      },
      {
        validator: (_request: RetryIncidentRequest) => {
          // The request is validated by the API (a pseudonymous operator reference); here only the state.
          if (this.open === undefined) {
            throw ApplicationFailure.create({
              message: 'retryIncident is not allowed: no incident is open',
              type: 'INVALID_TRANSITION',
              nonRetryable: true,
              details: [{ currentStatus: 'NO_INCIDENT', allowedActions: [] }],
            });
          }
        },
      },
    );
  }

  /**
   * Runs `step` until it succeeds, opening an incident (and waiting for an operator) on a data refusal.
   * `stepName` names what was running when it failed (a local activity's failure does not carry its name).
   */
  async runUntilDone(step: () => Promise<void>, stepName: () => string): Promise<void> {
    for (;;) {
      try {
        await step();
        if (this.open !== undefined) {
          log.info('incident resolved', { step: this.open.step, retries: this.open.retries });
          this.open = undefined;
          upsertSearchAttributes([{ key: SA_INCIDENT, value: null }]);
        }
        return;
      } catch (error) {
        const refused = dataRejection(error, stepName());
        if (refused === undefined) throw error;
        const first = this.open === undefined;
        this.open = {
          step: refused.step,
          failureType: DATA_REJECTED,
          message: refused.message,
          openedAt: this.open?.openedAt ?? new Date().toISOString(),
          retries: this.open?.retries ?? 0,
        };
        if (first) upsertSearchAttributes([{ key: SA_INCIDENT, value: true }]);
        log.error('incident opened: a step was refused on its data', {
          step: refused.step,
          failure: refused.message,
        });
        this.retryAsked = false;
        await condition(() => this.retryAsked);
        this.open.retries += 1;
      }
    }
  }
}

/**
 * The step and safe message of a DATA_REJECTED failure, else undefined. A regular activity's failure arrives
 * as an ActivityFailure around it; a local activity's (the bookkeeping writes) as the ApplicationFailure itself.
 */
export function dataRejection(error: unknown, step: string): { step: string; message: string } | undefined {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  if (!(failure instanceof ApplicationFailure) || failure.type !== DATA_REJECTED) return undefined;
  return { step: error instanceof ActivityFailure ? error.activityType : step, message: failure.message };
}

/** A failure an activity raised (wrapped or, for a local activity, as is), as opposed to a workflow bug. */
export function isActivityFailure(error: unknown): boolean {
  return error instanceof ActivityFailure || error instanceof ApplicationFailure;
}
