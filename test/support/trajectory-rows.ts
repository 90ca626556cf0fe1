import type { DataSource } from 'typeorm';

/**
 * What a trajectory left in PostgreSQL: the ledger, its care decisions, the audit trail, the read model,
 * the table's docket and the outbox. Money as numbers of cents, dates as text, ordered as written.
 */
export interface PaymentRow {
  kind: string;
  amount: number;
  status: string;
  decisionVersion: number;
  period: number | null;
  dueDate: string;
  statusReason: string | null;
}

export async function paymentRows(db: DataSource, trajectoryId: string): Promise<PaymentRow[]> {
  const rows: Record<string, string | number | null>[] = await db.query(
    `SELECT tranche_kind, amount_cents::text AS amount, status, decision_version, period,
            due_date::text AS due_date, status_reason
     FROM payment_instruction WHERE trajectory_id = $1 ORDER BY id`,
    [trajectoryId],
  );
  return rows.map((r) => ({
    kind: String(r.tranche_kind),
    amount: Number(r.amount),
    status: String(r.status),
    decisionVersion: Number(r.decision_version),
    period: r.period === null ? null : Number(r.period),
    dueDate: String(r.due_date),
    statusReason: r.status_reason === null ? null : String(r.status_reason),
  }));
}

/** kind:amount:status per tranche, the shape most money assertions need. */
export async function ledger(db: DataSource, trajectoryId: string): Promise<string[]> {
  return (await paymentRows(db, trajectoryId)).map((p) => `${p.kind}:${p.amount}:${p.status}`);
}

export interface CareDecisionRow {
  version: number;
  cause: string;
  arrangementCode: string;
  tariffCents: number;
  providerId: string;
  provisional: boolean;
  amendsVersion: number | null;
  validFrom: string;
  validTo: string | null;
}

export async function careDecisionRows(db: DataSource, trajectoryId: string): Promise<CareDecisionRow[]> {
  const rows: Record<string, string | number | boolean | null>[] = await db.query(
    `SELECT version, cause, arrangement_code, tariff_cents::text AS tariff, provider_id, provisional,
            amends_version, valid_from::text AS valid_from, valid_to::text AS valid_to
     FROM care_decision WHERE trajectory_id = $1 ORDER BY version`,
    [trajectoryId],
  );
  return rows.map((r) => ({
    version: Number(r.version),
    cause: String(r.cause),
    arrangementCode: String(r.arrangement_code),
    tariffCents: Number(r.tariff),
    providerId: String(r.provider_id),
    provisional: r.provisional === true,
    amendsVersion: r.amends_version === null ? null : Number(r.amends_version),
    validFrom: String(r.valid_from),
    validTo: r.valid_to === null ? null : String(r.valid_to),
  }));
}

/** Audit event types of the trajectory's own trail (or of a table case's stream), in seq order. */
export async function auditTypes(
  db: DataSource,
  trajectoryId: string,
  stream = 'trajectory',
): Promise<string[]> {
  const rows: { type: string }[] = await db.query(
    `SELECT type FROM audit_event WHERE trajectory_id = $1 AND stream = $2 ORDER BY seq`,
    [trajectoryId, stream],
  );
  return rows.map((r) => r.type);
}

/** topic→audience of every notification for the trajectory (its own and its table cases'). */
export async function notifications(db: DataSource, trajectoryId: string): Promise<string[]> {
  const rows: { topic: string; audience: string }[] = await db.query(
    `SELECT topic, audience FROM notification WHERE trajectory_id = $1 ORDER BY created_at, id`,
    [trajectoryId],
  );
  return rows.map((r) => `${r.topic}→${r.audience}`);
}

/** The read-model row (lists and worklists). */
export async function trajectoryRow(
  db: DataSource,
  trajectoryId: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db.query(`SELECT * FROM trajectory WHERE trajectory_id = $1`, [trajectoryId]);
  return row;
}

/** The breakthrough table's docket row of one escalation. */
export async function escalationRow(
  db: DataSource,
  escalationId: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await db.query(`SELECT * FROM escalation WHERE escalation_id = $1`, [escalationId]);
  return row;
}
