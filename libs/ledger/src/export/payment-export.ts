import type { DataSource, EntityManager } from 'typeorm';
import { sumCents } from '@app/domain';
import { centsFromDb } from '../cents';
import { amsterdamDate, isoInstant, monthPeriod, type MonthPeriod } from '../dates';
import { isActorRef, setLedgerActor, updateReturning } from '../ledger-actor';
import { LedgerError } from '../ledger-error';
import { PAYMENT_COLUMNS, PaymentRow, toPaymentView } from '../payment-instruction';
import { PaymentLedger } from '../payment-ledger';
import { renderCsv } from './csv-export';
import { renderDeclaration } from './declaration-323';
import type { ExportLine } from './export-line';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface ExportBatchView {
  id: string;
  /** 'YYYY-MM' */
  period: string;
  format: ExportFormat;
  createdAt: string;
  createdBy: string;
  rowCount: number;
  /** Signed sum of the exported amounts in cents. */
  totalCents: number;
  contentType: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface ExportResult {
  batch: ExportBatchView;
  /** The file as finance receives it (CSV text, or the 323-shaped JSON document as text). */
  content: string;
}

interface ExportRow extends PaymentRow {
  declaration_reference: string | null;
  declaration_answered_on: string | null;
  decision_number: string | null;
  decision_valid_from: string | null;
  decision_valid_to: string | null;
  client_pseudonym: string | null;
  domain: string | null;
  product_category: string | null;
  product_code: string | null;
  unit_code: string | null;
  frequency_code: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BATCH_COLUMNS = `id::text AS id, period, format, created_at, created_by, row_count, total_cents::text AS total_cents,
  content_type, confirmed_at, confirmed_by`;

function toBatchView(r: Record<string, unknown>): ExportBatchView {
  return {
    id: r.id as string,
    period: r.period as string,
    format: r.format as ExportFormat,
    createdAt: isoInstant(r.created_at as Date),
    createdBy: r.created_by as string,
    rowCount: Number(r.row_count),
    totalCents: centsFromDb(r.total_cents as string, 'total_cents'),
    contentType: r.content_type as string,
    confirmedAt: r.confirmed_at ? isoInstant(r.confirmed_at as Date) : null,
    confirmedBy: (r.confirmed_by as string | null) ?? null,
  };
}

/**
 * Exports released payments to finance per period and records the confirmation.
 *
 * One transaction per export: release the period's due payments, create the batch, lock the period's
 * RELEASED rows with `FOR UPDATE SKIP LOCKED`, mark them EXPORTED with the batch id and store the rendered
 * file. A row is therefore in at most one batch: a second export of the same period finds no RELEASED rows
 * left, and two concurrent exports lock disjoint rows.
 */
export class PaymentExportService {
  private readonly ledger: PaymentLedger;

  constructor(private readonly dataSource: DataSource) {
    this.ledger = new PaymentLedger(dataSource);
  }

  async export(input: {
    period: string;
    format: ExportFormat;
    actor: string;
    now?: Date;
  }): Promise<ExportResult> {
    const month = monthPeriod(input.period);
    if (!EXPORT_FORMATS.includes(input.format))
      throw new LedgerError('INVALID_INPUT', `format must be csv or json`);
    if (!isActorRef(input.actor)) throw new LedgerError('INVALID_INPUT', 'actor must be a pseudonymous ref');
    const now = input.now ?? new Date();
    return this.dataSource.transaction(async (tx) => {
      await this.ledger.releaseDue(now, { period: month.period, tx });
      const [created] = await tx.query(
        `INSERT INTO export_batch (period, format, created_by, content_type) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
        [month.period, input.format, input.actor, CONTENT_TYPES[input.format]],
      );
      const batchId = created.id as string;
      const lines = await this.lockReleased(tx, month);
      if (lines.length > 0) {
        await setLedgerActor(tx, input.actor, `export batch ${batchId} for ${month.period}`);
        await tx.query(
          `UPDATE payment_instruction SET status = 'EXPORTED', export_batch_id = $1::uuid WHERE id = ANY($2::bigint[])`,
          [batchId, lines.map((l) => l.payment.id)],
        );
      }
      const content =
        input.format === 'csv'
          ? renderCsv(batchId, month, lines)
          : JSON.stringify(renderDeclaration(batchId, month, amsterdamDate(now), lines), null, 2);
      const total = sumCents(lines.map((l) => l.payment.amountCents));
      const [row] = await updateReturning<Record<string, unknown>>(
        tx,
        `UPDATE export_batch SET row_count = $2, total_cents = $3, content = $4 WHERE id = $1::uuid RETURNING ${BATCH_COLUMNS}`,
        [batchId, lines.length, total, content],
      );
      return { batch: toBatchView(row), content };
    });
  }

  /** The batches of a month (or the latest of all), newest first, without their content. */
  async list(period?: string, limit = 100): Promise<ExportBatchView[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${BATCH_COLUMNS} FROM export_batch WHERE ($1::text IS NULL OR period = $1)
        ORDER BY created_at DESC, id LIMIT $2`,
      [period ?? null, limit],
    );
    return rows.map(toBatchView);
  }

  async get(batchId: string): Promise<ExportResult> {
    if (!UUID.test(batchId)) throw new LedgerError('NOT_FOUND', `no export batch ${batchId}`);
    const [row] = await this.dataSource.query(
      `SELECT ${BATCH_COLUMNS}, content FROM export_batch WHERE id = $1::uuid`,
      [batchId],
    );
    if (!row) throw new LedgerError('NOT_FOUND', `no export batch ${batchId}`);
    return { batch: toBatchView(row), content: row.content as string };
  }

  /**
   * Finance confirms a batch: its EXPORTED payments become CONFIRMED. Idempotent: confirming a confirmed
   * batch returns it unchanged, so a retried call from finance is harmless.
   */
  async confirm(batchId: string, actor: string): Promise<ExportBatchView> {
    if (!isActorRef(actor)) throw new LedgerError('INVALID_INPUT', 'actor must be a pseudonymous ref');
    if (!UUID.test(batchId)) throw new LedgerError('NOT_FOUND', `no export batch ${batchId}`);
    return this.dataSource.transaction(async (tx) => {
      const [locked] = await tx.query(
        `SELECT ${BATCH_COLUMNS} FROM export_batch WHERE id = $1::uuid FOR UPDATE`,
        [batchId],
      );
      if (!locked) throw new LedgerError('NOT_FOUND', `no export batch ${batchId}`);
      if (locked.confirmed_at) return toBatchView(locked);
      await setLedgerActor(tx, actor, `finance confirmed export batch ${batchId}`);
      await tx.query(
        `UPDATE payment_instruction SET status = 'CONFIRMED' WHERE export_batch_id = $1::uuid AND status = 'EXPORTED'`,
        [batchId],
      );
      const [row] = await updateReturning<Record<string, unknown>>(
        tx,
        `UPDATE export_batch SET confirmed_at = now(), confirmed_by = $2 WHERE id = $1::uuid RETURNING ${BATCH_COLUMNS}`,
        [batchId, actor],
      );
      return toBatchView(row);
    });
  }

  private async lockReleased(tx: EntityManager, month: MonthPeriod): Promise<ExportLine[]> {
    const rows: ExportRow[] = await tx.query(
      `SELECT ${PAYMENT_COLUMNS},
              d.decision_number, d.valid_from::text AS decision_valid_from, d.valid_to::text AS decision_valid_to,
              t.client_id AS client_pseudonym,
              a.domain, a.product_category, a.product_code, a.unit_code, a.frequency_code,
              dl.reference_number AS declaration_reference,
              to_char(dl.answered_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS declaration_answered_on
       FROM payment_instruction p
       LEFT JOIN care_decision d ON d.trajectory_id = p.trajectory_id AND d.version = p.decision_version
       LEFT JOIN LATERAL (
         SELECT domain, product_category, product_code, unit_code, frequency_code FROM arrangement
         WHERE code = d.arrangement_code AND valid_from <= d.valid_from
           AND (valid_to IS NULL OR valid_to >= d.valid_from)
         LIMIT 1) a ON true
       LEFT JOIN trajectory t ON t.trajectory_id = p.trajectory_id
       LEFT JOIN chain_declaration_line dl ON dl.payment_id = p.id AND dl.status = 'HONOURED'
       WHERE p.status = 'RELEASED' AND p.due_date >= $1::date AND p.due_date < $2::date
       ORDER BY p.id
       FOR UPDATE OF p SKIP LOCKED`,
      [month.start, month.next],
    );
    return rows.map((r) => ({
      payment: toPaymentView(r),
      decisionNumber: r.decision_number,
      decisionValidFrom: r.decision_valid_from,
      decisionValidTo: r.decision_valid_to,
      clientPseudonym: r.client_pseudonym,
      domain: r.domain,
      productCategory: r.product_category,
      productCode: r.product_code,
      unitCode: r.unit_code,
      frequencyCode: r.frequency_code,
      declarationReference: r.declaration_reference,
      declarationAnsweredOn: r.declaration_answered_on,
    }));
  }
}
