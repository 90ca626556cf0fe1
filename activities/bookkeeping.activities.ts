import type { DataSource } from 'typeorm';
import type { TrajectoryActivities } from '@app/contracts';
import { ReadModelWriter } from '@app/persistence';
import { classified } from './activity-failure';

export type BookkeepingActivities = Pick<TrajectoryActivities, 'recordTransition' | 'recordCaseTransition'>;

/**
 * Bookkeeping activities: what one transition produced (audit records, read-model rows, notifications) goes to
 * PostgreSQL in one idempotent write of libs/persistence; a retry or a replay changes nothing. A write the
 * database refuses on its data fails without retry (DATA_REJECTED), so the workflow opens an incident.
 */
export function createBookkeepingActivities(dataSource: DataSource): BookkeepingActivities {
  const readModel = new ReadModelWriter(dataSource);
  return {
    recordTransition: (input) => classified(() => readModel.recordTransition(input)),
    recordCaseTransition: (input) => classified(() => readModel.recordCaseTransition(input)),
  };
}
