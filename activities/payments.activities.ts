import type { DataSource } from 'typeorm';
import type { TrajectoryActivities } from '@app/contracts';
import { CareDecisionLedger, LedgerError, PaymentLedger } from '@app/ledger';
import { ChainAssignments } from '@app/persistence';
import { warnChain } from './chain-log';
import { classified } from './activity-failure';

/** The actor of the ledger rows the workflow writes. */
const WORKFLOW_ACTOR = 'system:trajectory-workflow';

/**
 * TEST-ONLY FAULT INJECTION (for the crash-recovery test): when NODE_ENV === 'test' and
 * CRASH_AFTER_LEDGER_WRITE is a non-empty substring of the idempotency key, the worker SIGKILLs itself right
 * after the ledger transaction that INSERTED the row commits, before returning; the retried activity on a
 * new worker then finds the row. A call that finds the row already there does not crash, so a worker
 * restarted with the same environment cannot crash-loop. Inert in any other environment.
 */
function crashAfterLedgerWriteRequested(idempotencyKey: string): boolean {
  const marker = process.env.CRASH_AFTER_LEDGER_WRITE;
  return (
    process.env.NODE_ENV === 'test' &&
    typeof marker === 'string' &&
    marker.length > 0 &&
    idempotencyKey.includes(marker)
  );
}

export type PaymentActivities = Pick<
  TrajectoryActivities,
  'recordCareDecision' | 'issuePayment' | 'withholdPayment' | 'releaseDuePayments'
>;

/**
 * Payment activities: thin, idempotent adapters from the trajectory workflow to the ledger in PostgreSQL
 * (libs/ledger). Every write is keyed (care decision: trajectory + version; payment: idempotency key), so a
 * retry, a replay after a worker crash or a duplicate concurrent call leaves exactly one row and returns it.
 */
export function createPaymentActivities(dataSource: DataSource): PaymentActivities {
  const payments = new PaymentLedger(dataSource);
  const decisions = new CareDecisionLedger(dataSource);
  const chain = new ChainAssignments(dataSource, warnChain);
  return {
    // R-ROLE-09: the decision and its 301 go out together. The 301 is written in its own transaction right
    // after the decision's; both are idempotent on the version, so a retry after a crash between them
    // writes the missing one and nothing twice.
    recordCareDecision: (input) =>
      classified(async () => {
        const record = await decisions.record(input);
        await chain.decisionRecorded(record);
        return record;
      }),

    issuePayment: (input) =>
      classified(async () => {
        const { payment, inserted } = await payments.issue(input, WORKFLOW_ACTOR);
        if (inserted && crashAfterLedgerWriteRequested(payment.idempotencyKey)) {
          process.kill(process.pid, 'SIGKILL');
        }
        return payment;
      }),

    withholdPayment: (input) => classified(() => payments.withhold(input)),

    releaseDuePayments: (now) =>
      classified(() => {
        const instant = now instanceof Date ? now : new Date(now);
        if (Number.isNaN(instant.getTime())) {
          throw new LedgerError('INVALID_INPUT', `now must be an ISO instant, got ${String(now)}`);
        }
        return payments.releaseDue(instant);
      }),
  };
}
