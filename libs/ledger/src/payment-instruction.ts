import type { PaymentInstructionView, PaymentStatus } from '@app/contracts';
import type { TrancheKind } from '@app/domain';
import { centsFromDb } from './cents';
import { isoInstant } from './dates';

/** The select list every payment query uses: dates as text (no time-zone shifts), ids and cents as text. */
export const PAYMENT_COLUMNS = `
  p.id::text AS id, p.idempotency_key, p.trajectory_id, p.municipality_code, p.provider_id, p.tranche_kind,
  p.amount_cents::text AS amount_cents, p.basis, p.decision_version, p.period, p.due_date::text AS due_date,
  p.status, p.status_reason, p.export_batch_id::text AS export_batch_id, p.created_at, p.updated_at`;

export interface PaymentRow {
  id: string;
  idempotency_key: string;
  trajectory_id: string;
  municipality_code: string;
  provider_id: string;
  tranche_kind: string;
  amount_cents: string;
  basis: string;
  decision_version: number;
  period: number | null;
  due_date: string;
  status: string;
  status_reason: string | null;
  export_batch_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export function toPaymentView(row: PaymentRow): PaymentInstructionView {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    trajectoryId: row.trajectory_id,
    municipalityCode: row.municipality_code,
    providerId: row.provider_id,
    kind: row.tranche_kind as TrancheKind,
    amountCents: centsFromDb(row.amount_cents, 'amount_cents'),
    basis: row.basis,
    decisionVersion: row.decision_version,
    period: row.period,
    dueDate: row.due_date,
    status: row.status as PaymentStatus,
    statusReason: row.status_reason,
    exportBatchId: row.export_batch_id,
    createdAt: isoInstant(row.created_at),
    updatedAt: isoInstant(row.updated_at),
  };
}
