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
import { eventsOfTransition } from '@app/notify';
import {
  appendEvents,
  eventsKnownColumns,
  insertEvents,
  inTrajectoryStream,
  type EventsKnown,
} from '../outbox/event-outbox';

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

  /**
   * What one trajectory transition produced: audit records, its row, its state, its escalations and
   * notifications, and its lifecycle events. Four round trips whatever the transition holds: the stream lock,
   * one statement with every row write (and what the event outbox needs to know), the events, the commit.
   */
  async recordTransition(input: BookkeepingInput): Promise<void> {
    const notifications = input.notifications.map((n) => withStartDeadline(n, input.row));
    const drafts = eventsOfTransition({
      audit: input.audit,
      notifications,
      municipalityCode: input.row.municipalityCode,
      providerId: input.row.providerId,
    });
    await inTrajectoryStream(this.dataSource, input.row.trajectoryId, async (tx) => {
      const write = new CombinedWrite();
      write.insertOnce(AUDIT_EVENT, input.audit.map(auditRow));
      write.upsertForward(TRAJECTORY_ROW, [input.row]);
      if (input.state) write.state(input.row.seq, input.state);
      write.upsertForward(ESCALATION_ROW, input.escalations, { updated_at: new Date().toISOString() });
      write.insertOnce(NOTIFICATION_ROW, notifications);
      const known = await write.run<EventsKnown>(
        tx,
        drafts.length === 0
          ? undefined
          : (next) => eventsKnownColumns(next(input.row.trajectoryId), next(drafts.map((d) => d.id))),
      );
      if (known) await insertEvents(tx, drafts, known);
    });
  }

  /** The table case's own facts: its audit stream, notifications, chair, reminder and overdue flag. */
  async recordCaseTransition(input: CaseBookkeepingInput): Promise<void> {
    const trajectoryId = input.audit[0]?.trajectoryId ?? input.notifications[0]?.trajectoryId;
    const writeCase = async (tx: EntityManager): Promise<void> => {
      const write = new CombinedWrite();
      write.insertOnce(AUDIT_EVENT, input.audit.map(auditRow));
      write.insertOnce(NOTIFICATION_ROW, input.notifications);
      const e = input.escalation;
      // The row itself is written by the trajectory; it may not exist yet when the case opens first.
      write.custom(
        (p) => `UPDATE escalation SET chair_ref = ${p(e.chairRef)}, reminder_sent = ${p(e.reminderSent)},
                  overdue = ${p(e.overdue)}, updated_at = now()
                WHERE escalation_id = ${p(e.escalationId)}`,
      );
      await write.run(tx);
      if (trajectoryId) await appendEvents(tx, { ...input, ...(await tenantOf(tx, trajectoryId)) });
    };
    await (trajectoryId
      ? inTrajectoryStream(this.dataSource, trajectoryId, writeCase)
      : this.dataSource.transaction(writeCase));
  }
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

/**
 * The row writes of one transition as one statement: each table's rows a data-modifying CTE (run once and in
 * full, whether or not the final SELECT reads it), idempotent as before. One round trip instead of one per row.
 */
class CombinedWrite {
  private readonly parts: string[] = [];
  private readonly values: unknown[] = [];

  private param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  private rows(rows: unknown[][]): string {
    return rows.map((row) => `(${row.map((v) => this.param(v)).join(', ')})`).join(', ');
  }

  /** INSERT … ON CONFLICT (key) DO NOTHING: rows written once, never changed by a retry. */
  insertOnce<C extends Columns>(schema: RowSchema<C>, rows: RowOf<C>[]): void {
    if (rows.length === 0) return;
    this.parts.push(
      `INSERT INTO ${schema.table} (${schema.columnNames.join(', ')})
       VALUES ${this.rows(rows.map((r) => schema.values(r)))}
       ON CONFLICT (${schema.key}) DO NOTHING`,
    );
  }

  /**
   * INSERT … ON CONFLICT DO UPDATE, applied only when the incoming row is newer (higher seq); identity columns
   * are never updated. `extra` columns are the writer's own (e.g. when it wrote).
   */
  upsertForward<C extends Columns>(
    schema: RowSchema<C>,
    rows: RowOf<C>[],
    extra: Record<string, unknown> = {},
  ): void {
    if (rows.length === 0) return;
    const columns = [...schema.columnNames, ...Object.keys(extra)];
    const updates = columns
      .filter((c) => !schema.key.split(', ').includes(c) && !schema.immutableColumns.has(c))
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ');
    const values = rows.map((r) => [...schema.values(r), ...Object.values(extra)]);
    this.parts.push(
      `INSERT INTO ${schema.table} (${columns.join(', ')}) VALUES ${this.rows(values)}
       ON CONFLICT (${schema.key}) DO UPDATE SET ${updates} WHERE ${schema.table}.seq < EXCLUDED.seq`,
    );
  }

  /**
   * The state the API reads `GET /trajectories/:id` from (issue 20). Forward only, by (seq, updatedAt): a
   * transition without an audit record keeps the seq and moves updatedAt; a replayed older write changes nothing.
   */
  state(seq: number, state: NonNullable<BookkeepingInput['state']>): void {
    this.parts.push(
      `INSERT INTO trajectory_state (trajectory_id, seq, updated_at, state)
       VALUES (${this.param(state.trajectoryId)}, ${this.param(seq)}, ${this.param(state.updatedAt)}, ${this.param(JSON.stringify(state))})
       ON CONFLICT (trajectory_id) DO UPDATE
         SET seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at, state = EXCLUDED.state, written_at = now()
         WHERE (trajectory_state.seq, trajectory_state.updated_at) < (EXCLUDED.seq, EXCLUDED.updated_at)`,
    );
  }

  /** A write of its own, its values bound through `param`. */
  custom(sql: (param: (value: unknown) => string) => string): void {
    this.parts.push(sql((v) => this.param(v)));
  }

  /**
   * Runs every write in one statement. `select` adds columns to its result, given a function that binds a
   * parameter; their row is returned.
   */
  async run<R>(
    tx: EntityManager,
    select?: (param: (value: unknown) => string) => string,
  ): Promise<R | undefined> {
    if (this.parts.length === 0 && !select) return undefined;
    const columns = select ? select((v) => this.param(v)) : '1 AS written';
    const ctes = this.parts.map((sql, i) => `w${i} AS (${sql})`);
    const statement = `${ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n` : ''}SELECT ${columns}`;
    const rows: R[] = await tx.query(statement, this.values);
    return select ? rows[0] : undefined;
  }
}
