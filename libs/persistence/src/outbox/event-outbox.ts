import type { EntityManager } from 'typeorm';
import {
  eventsOfTransition,
  type LifecycleEvent,
  type LifecycleEventDraft,
  type TransitionFacts,
} from '@app/notify';
import { PROVIDER_AUDIENCES } from './event-scope';

/** The channel workers LISTEN on, so a delivery starts at commit instead of at the next poll. */
export const OUTBOX_CHANNEL = 'outbox_wakeup';

/**
 * Serialises the bookkeeping writes of one trajectory (its own workflow and its table cases'). Must be the
 * transaction's first statement: the transaction id is assigned at its first write, so the writes of one
 * trajectory get increasing transaction ids in commit order, which keeps the feed's (tx_id, position) order
 * the trajectory's order too.
 */
export async function lockTrajectoryStream(tx: EntityManager, trajectoryId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 16))`, [trajectoryId]);
}

/**
 * Appends the events of one transition to `lifecycle_event`, in the bookkeeping transaction (after
 * `lockTrajectoryStream`), numbers them per trajectory without gaps, and queues one delivery per matching
 * webhook subscription. Idempotent: events already written (a retry, a replay) are skipped by their id.
 */
export async function appendEvents(tx: EntityManager, facts: TransitionFacts): Promise<number> {
  return appendEventDrafts(tx, eventsOfTransition(facts));
}

/**
 * Appends events of one trajectory (after `lockTrajectoryStream` in the same transaction): numbered per
 * trajectory, fanned out to the matching subscriptions, skipped when already written.
 */
export async function appendEventDrafts(
  tx: EntityManager,
  drafts: readonly LifecycleEventDraft[],
): Promise<number> {
  if (drafts.length === 0) return 0;
  const trajectoryId = drafts[0].data.trajectoryId;
  const existing = new Set<string>(
    (
      await tx.query(`SELECT event_id FROM lifecycle_event WHERE event_id = ANY($1::text[])`, [
        drafts.map((d) => d.id),
      ])
    ).map((r: { event_id: string }) => r.event_id),
  );
  const fresh = drafts.filter((d) => !existing.has(d.id));
  if (fresh.length === 0) return 0;
  const [{ last }] = await tx.query(
    `SELECT coalesce(max(sequence), 0)::int AS last FROM lifecycle_event WHERE trajectory_id = $1`,
    [trajectoryId],
  );
  const events: LifecycleEvent[] = fresh.map((d, i) => ({
    ...d,
    data: { ...d.data, sequence: last + i + 1 },
  }));
  const values: unknown[] = [];
  const rows = events.map((e, i) => {
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
    const p = i * 9;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 9})`;
  });
  const inserted: { position: string }[] = await tx.query(
    `INSERT INTO lifecycle_event
       (event_id, type, trajectory_id, sequence, municipality_code, provider_id, audience, occurred_at, body)
     VALUES ${rows.join(', ')} RETURNING position`,
    values,
  );
  const queued: unknown[] = await tx.query(
    `INSERT INTO webhook_delivery (subscription_id, event_position, trajectory_id)
     SELECT s.id, e.position, e.trajectory_id
     FROM lifecycle_event e
     JOIN webhook_subscription s ON s.deleted_at IS NULL AND e.type = ANY (s.event_types)
       AND (s.municipality_code = e.municipality_code
            OR (s.provider_id = e.provider_id AND (e.audience IS NULL OR e.audience = ANY ($2::text[]))))
     WHERE e.position = ANY ($1::bigint[])
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [inserted.map((r) => r.position), PROVIDER_AUDIENCES],
  );
  // Delivered at commit (and dropped on rollback): wakes the dispatchers without waiting for their poll.
  await tx.query(`SELECT pg_notify($1, $2)`, [OUTBOX_CHANNEL, queued.length > 0 ? 'webhook' : 'event']);
  return events.length;
}
