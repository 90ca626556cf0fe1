import { DataSource } from 'typeorm';
import { createBookkeepingActivities } from './bookkeeping.activities';
import { createPaymentActivities } from './payments.activities';

/** Every activity the trajectory worker registers, built from its dependencies. */
export function createActivities(deps: { dataSource: DataSource }) {
  return {
    ...createBookkeepingActivities(deps.dataSource),
    ...createPaymentActivities(deps.dataSource),
  };
}

export type TrajectoryActivities = ReturnType<typeof createActivities>;
