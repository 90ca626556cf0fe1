import type { DataSource, EntityManager } from 'typeorm';
import {
  AUDIT_EVENT,
  ESCALATION_ROW,
  NOTIFICATION_ROW,
  TRAJECTORY_ROW,
  type AuditEventRow,
  type AuditRecord,
  type BookkeepingInput,
  type CaseBookkeepingInput,
  type NotificationRow,
  type TrajectoryRow,
  type Columns,
  type RowOf,
  type RowSchema,
} from '@app/contracts';
import { appendEvents, lockTrajectoryStream } from '../outbox/event-outbox';

/**
 * The writes of the audit trail, the read model and the outbox (tables audit_event, trajectory, escalation,
 * notification), each a whole transition in one transaction. Idempotent: audit rows are keyed by
 * (trajectory, stream, seq), rows only move forward by seq, notifications have deterministic ids; so a
 * retry, a replay after a worker crash or a duplicate call changes nothing. The columns and values come
 * from the row schemas of libs/contracts. The lifecycle events of the transition (issue 16) are written in the
 * same transaction, so an event exists exactly when its audit row does.
 */
export class ReadModelWriter {
  constructor(private readonly dataSource: DataSource) {}

  /** What one trajectory transition produced: audit records, its row, its escalations and notifications. */
  async recordTransition(input: BookkeepingInput): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await lockTrajectoryStream(tx, input.row.trajectoryId);
      for (const a of input.audit) await insertOnce(tx, AUDIT_EVENT, auditRow(a));
      await upsertForward(tx, TRAJECTORY_ROW, input.row);
      if (input.state) await writeState(tx, input.row.seq, input.state);
      const now = new Date().toISOString();
      for (const e of input.escalations) await upsertForward(tx, ESCALATION_ROW, e, { updated_at: now });
      const notifications = input.notifications.map((n) => withStartDeadline(n, input.row));
      for (const n of notifications) await insertOnce(tx, NOTIFICATION_ROW, n);
      await appendEvents(tx, {
        audit: input.audit,
        notifications,
        municipalityCode: input.row.municipalityCode,
        providerId: input.row.providerId,
      });
    });
  }

  /** The table case's own facts: its audit stream, notifications, chair, reminder and overdue flag. */
  async recordCaseTransition(input: CaseBookkeepingInput): Promise<void> {
    const trajectoryId = input.audit[0]?.trajectoryId ?? input.notifications[0]?.trajectoryId;
    await this.dataSource.transaction(async (tx) => {
      if (trajectoryId) await lockTrajectoryStream(tx, trajectoryId);
      for (const a of input.audit) await insertOnce(tx, AUDIT_EVENT, auditRow(a));
      for (const n of input.notifications) await insertOnce(tx, NOTIFICATION_ROW, n);
      if (trajectoryId) await appendEvents(tx, { ...input, ...(await tenantOf(tx, trajectoryId)) });
      const e = input.escalation;
      // The row itself is written by the trajectory; it may not exist yet when the case opens first.
      await tx.query(
        `UPDATE escalation SET chair_ref = $2, reminder_sent = $3, overdue = $4, updated_at = now()
         WHERE escalation_id = $1`,
        [e.escalationId, e.chairRef, e.reminderSent, e.overdue],
      );
    });
  }
}

/**
 * The state the API reads `GET /trajectories/:id` from (issue 20). Forward only, by (seq, updatedAt): a
 * transition without an audit record keeps the seq and moves updatedAt; a replayed older write changes nothing.
 */
async function writeState(
  tx: EntityManager,
  seq: number,
  state: NonNullable<BookkeepingInput['state']>,
): Promise<void> {
  await tx.query(
    `INSERT INTO trajectory_state (trajectory_id, seq, updated_at, state) VALUES ($1, $2, $3, $4)
     ON CONFLICT (trajectory_id) DO UPDATE
       SET seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at, state = EXCLUDED.state, written_at = now()
       WHERE (trajectory_state.seq, trajectory_state.updated_at) < (EXCLUDED.seq, EXCLUDED.updated_at)`,
    [state.trajectoryId, seq, state.updatedAt, JSON.stringify(state)],
  );
}

/**
 * The decision's notice tells the provider by when to start: the start deadline the same transition set (the
 * row's), added to its ids, so the mail and the webhook both carry it. Deterministic in the input: a retry
 * writes the same.
 */
function withStartDeadline(n: NotificationRow, row: TrajectoryRow): NotificationRow {
  if (n.topic !== 'DECISION_ISSUED' || !row.providerStartDeadline || n.ids.startDeadlineAt) return n;
  return { ...n, ids: { ...n.ids, startDeadlineAt: row.providerStartDeadline } };
}

/**
 * The case's tenant, from the trajectory's row: the trajectory writes it before it starts the case (its
 * bookkeeping is the transition's first step), so a missing row is a transient state worth a retry.
 */
async function tenantOf(
  tx: EntityManager,
  trajectoryId: string,
): Promise<{ municipalityCode: string; providerId: string | null }> {
  const rows: { municipality_code: string; provider_id: string | null }[] = await tx.query(
    `SELECT municipality_code, provider_id FROM trajectory WHERE trajectory_id = $1`,
    [trajectoryId],
  );
  if (rows.length === 0) throw new Error(`the read-model row of ${trajectoryId} is not written yet`);
  return { municipalityCode: rows[0].municipality_code, providerId: rows[0].provider_id };
}

function auditRow(a: AuditRecord): AuditEventRow {
  return {
    ...a,
    stream: a.stream ?? 'trajectory',
    planVersion: a.planVersion ?? null,
    decisionVersion: a.decisionVersion ?? null,
  };
}

/** INSERT … ON CONFLICT (key) DO NOTHING: a row written once, never changed by a retry. */
async function insertOnce<C extends Columns>(
  tx: EntityManager,
  schema: RowSchema<C>,
  row: RowOf<C>,
): Promise<void> {
  const placeholders = schema.columnNames.map((_, i) => `$${i + 1}`).join(', ');
  await tx.query(
    `INSERT INTO ${schema.table} (${schema.columnNames.join(', ')}) VALUES (${placeholders})
     ON CONFLICT (${schema.key}) DO NOTHING`,
    schema.values(row),
  );
}

/**
 * INSERT … ON CONFLICT DO UPDATE, applied only when the incoming row is newer (higher seq); identity columns
 * are never updated. `extra` columns are the writer's own (e.g. when it wrote).
 */
async function upsertForward<C extends Columns>(
  tx: EntityManager,
  schema: RowSchema<C>,
  row: RowOf<C>,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const columns = [...schema.columnNames, ...Object.keys(extra)];
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
  const updates = columns
    .filter((c) => !schema.key.split(', ').includes(c) && !schema.immutableColumns.has(c))
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  await tx.query(
    `INSERT INTO ${schema.table} (${columns.join(', ')}) VALUES (${placeholders})
     ON CONFLICT (${schema.key}) DO UPDATE SET ${updates} WHERE ${schema.table}.seq < EXCLUDED.seq`,
    [...schema.values(row), ...Object.values(extra)],
  );
}
