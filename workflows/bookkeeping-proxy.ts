import { proxyLocalActivities } from '@temporalio/workflow';
import type { TrajectoryActivities } from '@app/contracts';

/**
 * Bookkeeping writes (audit, read model, outbox) of the trajectory and its table cases: local activities, so
 * they add no history events of their own; idempotent, so a replay or retry changes nothing.
 */
export const bookkeeping = proxyLocalActivities<TrajectoryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});
