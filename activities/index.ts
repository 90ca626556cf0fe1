import type { DataSource } from 'typeorm';
import type { TrajectoryActivities } from '@app/contracts';
import { createBookkeepingActivities } from './bookkeeping.activities';
import { createPaymentActivities } from './payments.activities';

/** Every activity the trajectory worker registers, built from its dependencies (libs/contracts says which). */
export function createActivities(deps: { dataSource: DataSource }): TrajectoryActivities {
  return {
    ...createBookkeepingActivities(deps.dataSource),
    ...createPaymentActivities(deps.dataSource),
  };
}
