import type { DataSource, EntityManager } from 'typeorm';
import {
  eventsOfTransition,
  isNoticeEventType,
  type LifecycleEvent,
  type LifecycleEventDraft,
  type TransitionFacts,
} from '@app/notify';
import { PROVIDER_AUDIENCES } from './event-scope';

/** The channel workers LISTEN on, so a delivery starts at commit instead of at the next poll. */
export const OUTBOX_CHANNEL = 'outbox_wakeup';

/**
 * What a wake-up on `OUTBOX_CHANNEL` is for; its payload lists them, comma-separated: `webhook` (deliveries
 * were queued), `mail` (notifications to compose). A commit that queued neither sends none, so the dispatchers
 * do not poll for nothing after every transition (issue 20). Writers before this sent `event` for "anything":
 * listeners treat an unknown payload as every topic.
 */
export type OutboxTopic = 'webhook' | 'mail';
export const OUTBOX_TOPICS: readonly OutboxTopic[] = ['webhook', 'mail'];

/** The node-postgres connection under a TypeORM query runner, for what TypeORM cannot send. */
interface PgConnection {
  query(sql: string): Promise<unknown>;
  escapeLiteral(value: string): string;
}

/**
 * Runs `work` in a transaction that holds the trajectory's stream lock, and commits it. The lock serialises
 * the bookkeeping writes of one trajectory (its own workflow, its table cases', its chain messages). It is the
 * transaction's first statement: the transaction id is assigned at its first write, so the writes of one
 * trajectory get increasing transaction ids in commit order, which keeps the feed's (tx_id, position) order
 * the trajectory's order too. The begin and the lock go in one round trip (issue 20: one of the bookkeeping
 * write's five): two statements in one simple-protocol message, the id as a literal escaped by node-postgres.
 * Any failure rolls back before the connection goes back to the pool.
 */
export async function inTrajectoryStream<T>(
  dataSource: DataSource,
  trajectoryId: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const connection = (await runner.connect()) as PgConnection;
  try {
    await connection.query(
      `START TRANSACTION; SELECT pg_advisory_xact_lock(hashtextextended(${connection.escapeLiteral(trajectoryId)}, 16))`,
    );
    const result = await work(runner.manager);
    await connection.query('COMMIT');
    return result;
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * Appends the events of one transition to `lifecycle_event`, in the bookkeeping transaction (inside
 * `inTrajectoryStream`), numbers them per trajectory without gaps, and queues one delivery per matching
 * webhook subscription. Idempotent: events already written (a retry, a replay) are skipped by their id.
 */
export async function appendEvents(tx: EntityManager, facts: TransitionFacts): Promise<number> {
  return appendEventDrafts(tx, eventsOfTransition(facts));
}

/**
 * Appends events of one trajectory (inside `inTrajectoryStream`): numbered per trajectory, fanned out to the
 * matching subscriptions, skipped when already written. Two statements: what is
 * already there, then the insert with its deliveries and the wake-up.
 */
export async function appendEventDrafts(
  tx: EntityManager,
  drafts: readonly LifecycleEventDraft[],
): Promise<number> {
  if (drafts.length === 0) return 0;
  const [known] = await tx.query(`SELECT ${eventsKnownColumns('$1', '$2')}`, [
    drafts[0].data.trajectoryId,
    drafts.map((d) => d.id),
  ]);
  return insertEvents(tx, drafts, known as EventsKnown);
}

/** What `insertEvents` needs to know of a trajectory's events: the last sequence, the ids already written. */
export interface EventsKnown {
  last: number;
  existing: string[];
}

/**
 * The SELECT list that reads `EventsKnown`, given the placeholders of the trajectory id and of the drafts'
 * ids, so a caller can append it to a statement of its own (ReadModelWriter does, saving a round trip).
 */
export function eventsKnownColumns(trajectoryId: string, ids: string): string {
  return `(SELECT coalesce(max(sequence), 0)::int FROM lifecycle_event WHERE trajectory_id = ${trajectoryId}) AS last,
    ARRAY(SELECT event_id FROM lifecycle_event WHERE event_id = ANY(${ids}::text[])) AS existing`;
}

/**
 * Inserts the drafts not yet written, numbered after `known.last`, queues a delivery per matching
 * subscription and wakes the dispatchers with work (at commit), in one statement: the webhook dispatcher when
 * a delivery was queued, the mail dispatcher when a notice is among the events (its notification row was
 * written in the same transaction).
 */
export async function insertEvents(
  tx: EntityManager,
  drafts: readonly LifecycleEventDraft[],
  known: EventsKnown,
): Promise<number> {
  const existing = new Set(known.existing);
  const fresh = drafts.filter((d) => !existing.has(d.id));
  if (fresh.length === 0) return 0;
  const events: LifecycleEvent[] = fresh.map((d, i) => ({
    ...d,
    data: { ...d.data, sequence: known.last + i + 1 },
  }));
  const mail: OutboxTopic | null = events.some((e) => isNoticeEventType(e.type)) ? 'mail' : null;
  const values: unknown[] = [PROVIDER_AUDIENCES, OUTBOX_CHANNEL, mail];
  const rows = events.map((e) => {
    const first = values.length + 1;
    values.push(
      e.id,
      e.type,
      e.data.trajectoryId,
      e.data.sequence,
      e.data.municipalityCode,
      e.data.providerId,
      e.data.audience ?? null,
      e.timestamp,
      JSON.stringify(e),
    );
    return `(${Array.from({ length: 9 }, (_, i) => `$${first + i}`).join(', ')})`;
  });
  // Data-modifying CTEs run once and in full; the deliveries are matched on the rows just inserted.
  await tx.query(
    `WITH inserted AS (
       INSERT INTO lifecycle_event
         (event_id, type, trajectory_id, sequence, municipality_code, provider_id, audience, occurred_at, body)
       VALUES ${rows.join(', ')}
       RETURNING position, type, trajectory_id, municipality_code, provider_id, audience
     ), queued AS (
       INSERT INTO webhook_delivery (subscription_id, event_position, trajectory_id)
       SELECT s.id, e.position, e.trajectory_id
       FROM inserted e
       JOIN webhook_subscription s ON s.deleted_at IS NULL AND e.type = ANY (s.event_types)
         AND (s.municipality_code = e.municipality_code
              OR (s.provider_id = e.provider_id AND (e.audience IS NULL OR e.audience = ANY ($1::text[]))))
       ON CONFLICT DO NOTHING
       RETURNING id
     )
     -- Delivered at commit (and dropped on rollback): wakes the dispatchers with work without waiting for
     -- their poll; none when there is none. The CTEs above run in full whether or not a row is selected.
     SELECT pg_notify($2, topics)
     FROM (SELECT concat_ws(',', CASE WHEN EXISTS (SELECT 1 FROM queued) THEN 'webhook' END, $3::text) AS topics) t
     WHERE topics <> ''`,
    values,
  );
  return events.length;
}
