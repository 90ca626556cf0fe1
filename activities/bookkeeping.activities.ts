import type { DataSource } from 'typeorm';
import type { TrajectoryActivities } from '@app/contracts';
import { ChainAssignments, ReadModelWriter } from '@app/persistence';
import { warnChain } from './chain-log';
import { classified } from './activity-failure';

export type BookkeepingActivities = Pick<TrajectoryActivities, 'recordTransition' | 'recordCaseTransition'>;

/**
 * Bookkeeping activities: what one transition produced (audit records, read-model rows, notifications) goes to
 * PostgreSQL in one idempotent write of libs/persistence; a retry or a replay changes nothing. A write the
 * database refuses on its data fails without retry (DATA_REJECTED), so the workflow opens an incident.
 */
export function createBookkeepingActivities(dataSource: DataSource): BookkeepingActivities {
  const readModel = new ReadModelWriter(dataSource);
  const chain = new ChainAssignments(dataSource, warnChain);
  return {
    // After the transition's own write: a closure ends the assignment (301) or refuses an open request (319).
    recordTransition: (input) =>
      classified(async () => {
        await readModel.recordTransition(input);
        await chain.transitionRecorded(input);
      }),
    recordCaseTransition: (input) => classified(() => readModel.recordCaseTransition(input)),
  };
}
