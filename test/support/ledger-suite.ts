import { DataSource } from 'typeorm';
import { createPaymentActivities, type PaymentActivities } from '../../activities/payments.activities';
import {
  paymentPolicyFor,
  paymentScheduleFor,
  type PaymentHistoryEvent,
  type PaymentPolicy,
} from '@app/domain';
import { PaymentExportService, PaymentLedger, ReconciliationService } from '@app/ledger';
import { dataSourceOptions } from '@app/persistence';
import { decisionInput, issueTranches, newTrajectoryId } from './payment-fixtures';
import { migrateTestDatabase, openDataSource, requireEnv } from './stack';

/** The ledger's services on the suite's PostgreSQL, opened in `beforeAll`. */
export interface LedgerHandles {
  db: DataSource;
  /** A pool as large as the races the tests run, so 20 calls really run at once. */
  wide: DataSource;
  /** The worker's payment activities, on the wide pool. */
  activities: PaymentActivities;
  ledger: PaymentLedger;
  exports: PaymentExportService;
  reconciliation: ReconciliationService;
}

/**
 * The shared setup of the payment-ledger test files: registers the hooks that migrate the database and
 * open (and close) the ledger's services, and gives the helpers that build trajectories in the ledger.
 */
export function useLedgerSuite() {
  let handles: LedgerHandles | undefined;
  const get = (): LedgerHandles => {
    if (handles === undefined) throw new Error('the ledger suite is used before its beforeAll ran');
    return handles;
  };

  beforeAll(async () => {
    await migrateTestDatabase();
    const db = await openDataSource();
    const wide = await new DataSource(dataSourceOptions(requireEnv('DATABASE_URL'), 20)).initialize();
    handles = {
      db,
      wide,
      activities: createPaymentActivities(wide),
      ledger: new PaymentLedger(db),
      exports: new PaymentExportService(db),
      reconciliation: new ReconciliationService(db),
    };
  });

  afterAll(async () => {
    await handles?.wide.destroy();
    await handles?.db.destroy();
  });

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await get().db.query(sql, params))[0].n);

  /**
   * Trajectories these tests make wrong on purpose (rows without a care decision, tranches removed or added
   * to provoke a deviation) carry this prefix: the suite-wide reconciliation (test/suite-reconciliation.test.ts)
   * leaves out exactly these.
   */
  const plantedTrajectoryId = () => `planted-${newTrajectoryId()}`;

  /** Records the decisions and issues every tranche the rules make due for `history`. */
  async function consistentTrajectory(
    policy: PaymentPolicy,
    history: PaymentHistoryEvent[],
    dueDate = '2026-11-02',
    trajectoryId = newTrajectoryId(),
  ) {
    const { activities } = get();
    for (const event of history) {
      if ('decision' in event) {
        const cause = event.type === 'PRICE_CORRECTED' ? 'PRICE_CORRECTION' : undefined;
        await activities.recordCareDecision(decisionInput(trajectoryId, policy, event.decision, { cause }));
      }
    }
    const schedule = paymentScheduleFor(policy, history);
    const rows = await issueTranches(activities, trajectoryId, schedule.tranches, dueDate);
    return { trajectoryId, schedule, rows };
  }

  /** consistentTrajectory under a planted- id, for the tests that then break it. */
  const plantedTrajectory = (policy: PaymentPolicy, history: PaymentHistoryEvent[]) =>
    consistentTrajectory(policy, history, undefined, plantedTrajectoryId());

  return {
    handles: get,
    count,
    plantedTrajectoryId,
    consistentTrajectory,
    plantedTrajectory,
    recovery: paymentPolicyFor('WF_RECOVERY'),
  };
}
