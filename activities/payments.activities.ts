import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import { PaymentRuleError } from '../libs/domain/src/payments';
import {
  isActorRef,
  LedgerError,
  PAYMENT_COLUMNS,
  PaymentLedger,
  setLedgerActor,
  toPaymentView,
  type PaymentInstructionView,
  type PaymentRow,
} from '../libs/ledger/src';
import {
  invalid,
  sameFacts,
  toDecisionRecord,
  validateDecision,
  validatePayment,
  type CareDecisionRecord,
  type IssuePaymentInput,
  type RecordCareDecisionInput,
  type WithholdPaymentInput,
} from '../libs/ledger/src/ledger-inputs';

export type { CareDecisionRecord, IssuePaymentInput, RecordCareDecisionInput, WithholdPaymentInput };

/** The actor of the ledger rows the workflow writes. */
const WORKFLOW_ACTOR = 'system:trajectory-workflow';

/** Refusals are permanent (retrying the same input cannot succeed); database outages stay retryable. */
function asFailure(error: unknown): unknown {
  if (error instanceof LedgerError) return ApplicationFailure.nonRetryable(error.message, error.code);
  if (error instanceof PaymentRuleError) return ApplicationFailure.nonRetryable(error.message, error.code);
  return error;
}

/** Test-only fault injection; see issuePayment. Inert unless NODE_ENV is exactly 'test'. */
function crashAfterLedgerWriteRequested(idempotencyKey: string): boolean {
  const marker = process.env.CRASH_AFTER_LEDGER_WRITE;
  return (
    process.env.NODE_ENV === 'test' &&
    typeof marker === 'string' &&
    marker.length > 0 &&
    idempotencyKey.includes(marker)
  );
}

/**
 * Payment activities: thin, idempotent adapters from the trajectory workflow to the ledger in PostgreSQL.
 * Every write is keyed (care decision: trajectory + version; payment: idempotency key), so a retry, a replay
 * after a worker crash or a duplicate concurrent call leaves exactly one row and returns it.
 */
export function createPaymentActivities(dataSource: DataSource) {
  const ledger = new PaymentLedger(dataSource);

  return {
    /** Records a care decision version; idempotent on (trajectoryId, version). Returns the stored version. */
    async recordCareDecision(input: RecordCareDecisionInput): Promise<CareDecisionRecord> {
      try {
        const params = validateDecision(input);
        const [row] = await dataSource.transaction(async (tx: EntityManager) => {
          await tx.query(
            `INSERT INTO care_decision
               (trajectory_id, version, decision_number, cause, decision_date, valid_from, valid_to,
                arrangement_code, tariff_cents, pricing_basis, payment_policy, total_budget_cents, provider_id,
                municipality_code, provisional, amends_version)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
             ON CONFLICT (trajectory_id, version) DO NOTHING`,
            params,
          );
          return tx.query(
            `SELECT trajectory_id, version, decision_number, cause, decision_date::text AS decision_date,
                    valid_from::text AS valid_from, valid_to::text AS valid_to, arrangement_code,
                    tariff_cents::text AS tariff_cents, pricing_basis, payment_policy,
                    total_budget_cents::text AS total_budget_cents, provider_id, municipality_code, provisional,
                    amends_version
             FROM care_decision WHERE trajectory_id = $1 AND version = $2`,
            [input.trajectoryId, input.version],
          );
        });
        const record = toDecisionRecord(row);
        if (record.tariffCents !== input.tariffCents || record.arrangementCode !== input.arrangementCode) {
          throw new LedgerError(
            'CONFLICT',
            `decision v${input.version} of ${input.trajectoryId} exists with other terms (${record.arrangementCode}, ${record.tariffCents} cents)`,
          );
        }
        return record;
      } catch (error) {
        throw asFailure(error);
      }
    },

    /**
     * Writes one tranche to the ledger, or returns the existing row for its idempotency key: INSERT … ON
     * CONFLICT (idempotency_key) DO NOTHING, then SELECT, in one transaction, so 20 concurrent calls with one
     * key still leave one row (the losers wait for the winner's commit and read its row).
     *
     * New rows start SCHEDULED, whatever the due date: SCHEDULED rows become RELEASED when due
     * (`releaseDuePayments`, also run by every finance export), and the export takes RELEASED rows only.
     *
     * TEST-ONLY FAULT INJECTION (for the crash-recovery test): when NODE_ENV === 'test' and
     * CRASH_AFTER_LEDGER_WRITE is a non-empty substring of the idempotency key, the process SIGKILLs itself
     * right after the ledger transaction that INSERTED the row commits, before returning; the retried
     * activity on a new worker then finds the row. A call that finds the row already there does not crash,
     * so a worker restarted with the same environment cannot crash-loop. Inert in any other environment.
     */
    async issuePayment(input: IssuePaymentInput): Promise<PaymentInstructionView> {
      try {
        const p = validatePayment(input);
        const { row, inserted } = await dataSource.transaction(async (tx: EntityManager) => {
          await setLedgerActor(tx, WORKFLOW_ACTOR, p.status === 'CANCELLED' ? null : p.basis);
          const insertedRows: unknown[] = await tx.query(
            `INSERT INTO payment_instruction
               (idempotency_key, trajectory_id, municipality_code, provider_id, tranche_kind, amount_cents, basis,
                decision_version, period, due_date, status, status_reason)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10::date,$11,$12)
             ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
            [
              p.idempotencyKey,
              p.trajectoryId,
              p.municipalityCode,
              p.providerId,
              p.kind,
              p.amountCents,
              p.basis,
              p.decisionVersion,
              p.period ?? null,
              p.dueDate,
              p.status,
              p.status === 'CANCELLED' ? (p.statusReason ?? '').trim() : null,
            ],
          );
          const [stored]: PaymentRow[] = await tx.query(
            `SELECT ${PAYMENT_COLUMNS} FROM payment_instruction p WHERE p.idempotency_key = $1`,
            [p.idempotencyKey],
          );
          return { row: toPaymentView(stored), inserted: insertedRows.length > 0 };
        });
        if (inserted && crashAfterLedgerWriteRequested(p.idempotencyKey))
          process.kill(process.pid, 'SIGKILL');
        if (!sameFacts(row, p)) {
          throw new LedgerError(
            'CONFLICT',
            `idempotency key ${p.idempotencyKey} exists with other facts (${row.kind}, ${row.amountCents} cents, v${row.decisionVersion})`,
          );
        }
        return row;
      } catch (error) {
        throw asFailure(error);
      }
    },

    /** Manual WITHHOLD with a written reason and a payment_event record (domain.md §7.8). Idempotent. */
    async withholdPayment(input: WithholdPaymentInput): Promise<PaymentInstructionView> {
      try {
        if (!isActorRef(input.actor)) invalid('actor must be a pseudonymous ref');
        return await ledger.withhold(input);
      } catch (error) {
        throw asFailure(error);
      }
    },

    /** SCHEDULED payments due on or before `now` (Amsterdam date) become RELEASED. Returns how many. */
    async releaseDuePayments(now: string | Date): Promise<number> {
      try {
        const instant = now instanceof Date ? now : new Date(now);
        if (Number.isNaN(instant.getTime())) invalid(`now must be an ISO instant, got ${String(now)}`);
        return await ledger.releaseDue(instant);
      } catch (error) {
        throw asFailure(error);
      }
    },
  };
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
