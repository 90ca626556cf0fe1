import type { DataSource, EntityManager } from 'typeorm';
import { TRANCHE_KINDS, type TrancheKind } from '@app/domain';
import { decodeCursor, encodeCursor, Page, pageSize } from './cursor';
import { amsterdamDate, isoInstant, monthPeriod } from './dates';
import { isActorRef, setLedgerActor, updateReturning } from './ledger-actor';
import { LedgerError } from './ledger-error';
import type {
  IssuePaymentInput,
  PaymentDeclaration,
  PaymentInstructionView,
  PaymentStatus,
} from '@app/contracts';
import { sameFacts, validatePayment } from './ledger-inputs';
import { PAYMENT_COLUMNS, PaymentRow, toPaymentView } from './payment-instruction';
import { isPaymentStatus, WITHHOLDABLE_STATUSES } from './payment-status';

export interface PaymentFilter {
  trajectoryId?: string;
  status?: PaymentStatus;
  kind?: TrancheKind;
  /** 'YYYY-MM': payments due in that calendar month. */
  period?: string;
  municipalityCode?: string;
  /** Tenant scope: only these municipalities (an empty list matches nothing). */
  municipalityCodes?: readonly string[];
  providerId?: string;
  cursor?: string;
  limit?: number;
}

/** Identify a payment by its idempotency key, or by trajectory + kind when that is unambiguous. */
export interface WithholdInput {
  trajectoryId?: string;
  idempotencyKey?: string;
  kind?: TrancheKind;
  /** The written reason (domain.md §7.8); pseudonymous, no personal data. */
  reason: string;
  actor: string;
}

export interface PaymentEventView {
  id: string;
  fromStatus: PaymentStatus | null;
  toStatus: PaymentStatus;
  actor: string;
  reason: string | null;
  exportBatchId: string | null;
  at: string;
}

export const RELEASE_ACTOR = 'system:release';

/** A tranche in the ledger, and whether this call wrote it (false: it was there already). */
export interface IssuedPayment {
  payment: PaymentInstructionView;
  inserted: boolean;
}

/** The honoured 323 line of a tranche and its 325 (issue 17), as JSON; null when the tranche was not declared. */
const DECLARATION_OF_PAYMENT = `(
  SELECT json_build_object('status', l.status, 'referenceNumber', l.reference_number,
           'declarationMessageId', l.message_id, 'answerMessageId', a.id,
           'answeredAt', to_char(l.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  FROM chain_declaration_line l LEFT JOIN chain_message a ON a.answer_to = l.message_id AND a.message_code = '325'
  WHERE l.payment_id = p.id AND l.status = 'HONOURED' LIMIT 1)`;

/**
 * Reads and status changes of the payment ledger, shared by the API, the CLI and the activities. Plain class
 * over a TypeORM DataSource; raw SQL so the locking and the idempotency are explicit.
 */
export class PaymentLedger {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: PaymentFilter): Promise<Page<PaymentInstructionView>> {
    const limit = pageSize(filter.limit);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.trajectoryId !== undefined) add('p.trajectory_id = ?', filter.trajectoryId);
    if (filter.status !== undefined) {
      if (!isPaymentStatus(filter.status))
        throw new LedgerError('INVALID_INPUT', `unknown status ${filter.status}`);
      add('p.status = ?', filter.status);
    }
    if (filter.kind !== undefined) {
      if (!TRANCHE_KINDS.includes(filter.kind))
        throw new LedgerError('INVALID_INPUT', `unknown kind ${filter.kind}`);
      add('p.tranche_kind = ?', filter.kind);
    }
    if (filter.period !== undefined) {
      const month = monthPeriod(filter.period);
      add('p.due_date >= ?::date', month.start);
      add('p.due_date < ?::date', month.next);
    }
    if (filter.municipalityCode !== undefined) add('p.municipality_code = ?', filter.municipalityCode);
    if (filter.municipalityCodes !== undefined)
      add('p.municipality_code = ANY(?)', [...filter.municipalityCodes]);
    if (filter.providerId !== undefined) add('p.provider_id = ?', filter.providerId);
    if (filter.cursor !== undefined) add('p.id > ?::bigint', decodeCursor(filter.cursor));
    params.push(limit + 1);
    const rows: (PaymentRow & { declaration: PaymentDeclaration | null })[] = await this.dataSource.query(
      `SELECT ${PAYMENT_COLUMNS}, ${DECLARATION_OF_PAYMENT} AS declaration FROM payment_instruction p
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY p.id LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map((r) => ({ ...toPaymentView(r), declaration: r.declaration }));
    const more = rows.length > limit;
    return { items, nextCursor: more ? encodeCursor(items[items.length - 1].id) : null };
  }

  async getByKey(idempotencyKey: string): Promise<PaymentInstructionView> {
    const [row]: PaymentRow[] = await this.dataSource.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment_instruction p WHERE p.idempotency_key = $1`,
      [idempotencyKey],
    );
    if (!row) throw new LedgerError('NOT_FOUND', `no payment with idempotency key ${idempotencyKey}`);
    return toPaymentView(row);
  }

  /** The status history of one payment, oldest first. */
  async events(idempotencyKey: string): Promise<PaymentEventView[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id::text AS id, from_status, to_status, actor, reason, export_batch_id::text AS export_batch_id, at
       FROM payment_event WHERE idempotency_key = $1 ORDER BY id`,
      [idempotencyKey],
    );
    return rows.map((r) => ({
      id: r.id as string,
      fromStatus: (r.from_status as PaymentStatus | null) ?? null,
      toStatus: r.to_status as PaymentStatus,
      actor: r.actor as string,
      reason: (r.reason as string | null) ?? null,
      exportBatchId: (r.export_batch_id as string | null) ?? null,
      at: isoInstant(r.at as Date),
    }));
  }

  /**
   * Writes one tranche, or returns the existing row for its idempotency key: INSERT … ON CONFLICT
   * (idempotency_key) DO NOTHING, then SELECT, in one transaction, so 20 concurrent calls with one key still
   * leave one row (the losers wait for the winner's commit and read its row). A row with the key but other
   * money facts is a key collision: CONFLICT, never silently accepted.
   *
   * New rows start SCHEDULED, whatever the due date: SCHEDULED rows become RELEASED when due (`releaseDue`,
   * also run by every finance export), and the export takes RELEASED rows only. `inserted` says whether this
   * call wrote the row.
   */
  async issue(input: IssuePaymentInput, actor: string): Promise<IssuedPayment> {
    const p = validatePayment(input);
    const issued = await this.dataSource.transaction(async (tx) => {
      await setLedgerActor(tx, actor, p.status === 'CANCELLED' ? null : p.basis);
      const inserted: unknown[] = await tx.query(
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
      return { payment: toPaymentView(stored), inserted: inserted.length > 0 };
    });
    if (!sameFacts(issued.payment, p)) {
      const row = issued.payment;
      throw new LedgerError(
        'CONFLICT',
        `idempotency key ${p.idempotencyKey} exists with other facts (${row.kind}, ${row.amountCents} cents, v${row.decisionVersion})`,
      );
    }
    return issued;
  }

  /**
   * Manual WITHHOLD with a written reason (domain.md §7.8), only from SCHEDULED or RELEASED: money already
   * exported to finance is not withheld here. Idempotent: withholding a WITHHELD payment returns it as is.
   * The payment_event row (actor, reason) is written in the same transaction.
   */
  async withhold(input: WithholdInput): Promise<PaymentInstructionView> {
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    if (reason.length === 0) throw new LedgerError('INVALID_INPUT', 'a withhold needs a written reason');
    if (reason.length > 2000) throw new LedgerError('INVALID_INPUT', 'reason is longer than 2000 characters');
    if (!isActorRef(input.actor)) throw new LedgerError('INVALID_INPUT', 'actor must be a pseudonymous ref');
    return this.dataSource.transaction(async (tx) => {
      const row = await this.lockTarget(tx, input);
      if (row.status === 'WITHHELD') return toPaymentView(row);
      if (!(WITHHOLDABLE_STATUSES as readonly string[]).includes(row.status)) {
        throw new LedgerError(
          'INVALID_TRANSITION',
          `payment ${row.idempotency_key} is ${row.status}; only SCHEDULED or RELEASED payments can be withheld`,
        );
      }
      await setLedgerActor(tx, input.actor, reason);
      const [updated] = await updateReturning<PaymentRow>(
        tx,
        `UPDATE payment_instruction p SET status = 'WITHHELD', status_reason = $2
         WHERE p.id = $1::bigint RETURNING ${PAYMENT_COLUMNS}`,
        [row.id, reason],
      );
      return toPaymentView(updated);
    });
  }

  /**
   * SCHEDULED payments whose due date (Amsterdam calendar day) has come become RELEASED, ready for the
   * finance export. Optionally limited to one period. Returns how many were released.
   */
  async releaseDue(now: Date, options: { period?: string; tx?: EntityManager } = {}): Promise<number> {
    const run = async (tx: EntityManager): Promise<number> => {
      await setLedgerActor(tx, RELEASE_ACTOR, `due date reached on ${amsterdamDate(now)}`);
      const params: unknown[] = [amsterdamDate(now)];
      let scope = '';
      if (options.period !== undefined) {
        const month = monthPeriod(options.period);
        params.push(month.start, month.next);
        scope = 'AND due_date >= $2::date AND due_date < $3::date';
      }
      // Locks in id order and skips rows another transaction holds (a withhold, a concurrent export), so
      // two releases never deadlock; a skipped row is released by the next run.
      const released = await updateReturning<{ id: string }>(
        tx,
        `UPDATE payment_instruction SET status = 'RELEASED'
         WHERE id IN (
           SELECT id FROM payment_instruction
           WHERE status = 'SCHEDULED' AND due_date <= $1::date ${scope}
           ORDER BY id FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        params,
      );
      return released.length;
    };
    return options.tx ? run(options.tx) : this.dataSource.transaction(run);
  }

  private async lockTarget(tx: EntityManager, input: WithholdInput): Promise<PaymentRow> {
    if (input.idempotencyKey !== undefined) {
      const [row]: PaymentRow[] = await tx.query(
        `SELECT ${PAYMENT_COLUMNS} FROM payment_instruction p WHERE p.idempotency_key = $1 FOR UPDATE`,
        [input.idempotencyKey],
      );
      if (!row) throw new LedgerError('NOT_FOUND', `no payment with idempotency key ${input.idempotencyKey}`);
      if (input.trajectoryId !== undefined && row.trajectory_id !== input.trajectoryId) {
        throw new LedgerError(
          'NOT_FOUND',
          `payment ${input.idempotencyKey} is not of trajectory ${input.trajectoryId}`,
        );
      }
      return row;
    }
    if (input.trajectoryId === undefined || input.kind === undefined) {
      throw new LedgerError(
        'INVALID_INPUT',
        'name the payment by idempotencyKey, or by trajectoryId and kind',
      );
    }
    const rows: PaymentRow[] = await tx.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment_instruction p
       WHERE p.trajectory_id = $1 AND p.tranche_kind = $2 ORDER BY p.id FOR UPDATE`,
      [input.trajectoryId, input.kind],
    );
    if (rows.length === 0)
      throw new LedgerError('NOT_FOUND', `trajectory ${input.trajectoryId} has no ${input.kind} payment`);
    // Prefer the one payment that can still be withheld (or already is); otherwise report why none can.
    const open = rows.filter(
      (r) => r.status === 'WITHHELD' || (WITHHOLDABLE_STATUSES as readonly string[]).includes(r.status),
    );
    if (open.length > 1) {
      throw new LedgerError(
        'INVALID_INPUT',
        `trajectory ${input.trajectoryId} has ${open.length} open ${input.kind} payments; name one by idempotencyKey`,
      );
    }
    return open[0] ?? rows[rows.length - 1];
  }
}
