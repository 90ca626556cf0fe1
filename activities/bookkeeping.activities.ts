import type { DataSource } from 'typeorm';
import type { TrajectoryActivities } from '@app/contracts';
import { ReadModelWriter } from '@app/persistence';

export type BookkeepingActivities = Pick<TrajectoryActivities, 'recordTransition' | 'recordCaseTransition'>;

/**
 * Bookkeeping activities: what one transition produced (audit records, read-model rows, notifications) goes to
 * PostgreSQL in one idempotent write of libs/persistence; a retry or a replay changes nothing.
 */
export function createBookkeepingActivities(dataSource: DataSource): BookkeepingActivities {
  const readModel = new ReadModelWriter(dataSource);
  return {
    recordTransition: (input) => readModel.recordTransition(input),
    recordCaseTransition: (input) => readModel.recordCaseTransition(input),
  };
}
