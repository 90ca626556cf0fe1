import { returningRows } from '@app/contracts';
import type { DataSource } from 'typeorm';
import type { LifecycleEvent } from '@app/notify';
import { tenantCondition } from './event-scope';
import type { SubscriptionFilter } from './webhook-subscriptions';

/** Which attempt an outcome belongs to. */
export interface AttemptRef {
  id: string;
  attempts: number;
}

/** One delivery attempt handed to a sender: the event, where it goes and the sealed secrets to sign with. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  attempts: number;
  event: LifecycleEvent;
  url: string;
  secretSealed: string;
  /** Still valid for signing during a rotation's overlap, else null. */
  previousSecretSealed: string | null;
}

export interface DeadLetter {
  deliveryId: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  trajectoryId: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deadAt: string;
  /** Later events of the same trajectory held back behind this one (order is kept). */
  heldBehind: number;
}

export interface DeliveryBacklog {
  /**
   * Deliveries a dispatcher could send now: due, of an active subscription, and the next of their trajectory
   * (not waiting for a retry, not paused, not behind an earlier event). A receiver that is down adds none.
   */
  dueNow: number;
  /** How long the oldest of those has been sendable (since its retry time or its predecessor's delivery). */
  oldestDueSeconds: number;
  pending: number;
  dead: number;
  deliveredLast15Minutes: number;
  lagSecondsP50: number | null;
  lagSecondsP99: number | null;
}

/**
 * The webhook deliveries queue in PostgreSQL (issue 16; README "Events and webhooks" argues why here and not
 * in Temporal). Claims use `FOR UPDATE SKIP LOCKED` plus a lease, so any number of workers share the queue and
 * a worker that dies mid-delivery only delays it until the lease lapses (at least once). Per subscription and
 * trajectory only the oldest undelivered event is ever claimed: events arrive in the trajectory's order, and a
 * dead letter holds the later ones back until it is replayed.
 */
export class WebhookDeliveries {
  constructor(private readonly dataSource: DataSource) {}

  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = returningRows<{
      id: string;
      subscription_id: string;
      attempts: number;
      body: LifecycleEvent;
      url: string;
      secret_sealed: string;
      previous_secret_sealed: string | null;
    }>(
      await this.dataSource.query(
        `WITH due AS (
           SELECT d.id FROM webhook_delivery d
           JOIN webhook_subscription s ON s.id = d.subscription_id AND s.status = 'ACTIVE' AND s.deleted_at IS NULL
           WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
             AND (d.lease_until IS NULL OR d.lease_until < now())
             AND NOT EXISTS (
               SELECT 1 FROM webhook_delivery p
               WHERE p.subscription_id = d.subscription_id AND p.trajectory_id = d.trajectory_id
                 AND p.event_position < d.event_position AND p.status <> 'DELIVERED')
           ORDER BY d.next_attempt_at, d.event_position
           LIMIT $1
           FOR UPDATE OF d SKIP LOCKED)
         UPDATE webhook_delivery d
         SET lease_until = now() + $2 * interval '1 millisecond', attempts = d.attempts + 1
         FROM due, lifecycle_event e, webhook_subscription s
         WHERE d.id = due.id AND e.position = d.event_position AND s.id = d.subscription_id
         RETURNING d.id::text AS id, d.subscription_id, d.attempts, e.body, s.url, s.secret_sealed,
           CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret_sealed END
             AS previous_secret_sealed`,
        [limit, leaseMs],
      ),
    );
    return rows
      .map((r) => ({
        id: r.id,
        subscriptionId: r.subscription_id,
        attempts: r.attempts,
        event: r.body,
        url: r.url,
        secretSealed: r.secret_sealed,
        previousSecretSealed: r.previous_secret_sealed,
      }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Outcomes are fenced by the attempt: a worker whose lease lapsed cannot overwrite a newer attempt's. */
  async delivered(claim: AttemptRef, statusCode: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = now(), lease_until = NULL,
         last_status_code = $3, last_error = NULL
       WHERE id = $1 AND status = 'PENDING' AND attempts = $2`,
      [claim.id, claim.attempts, statusCode],
    );
  }

  /** A failed attempt: try again after `retryInMs`, or, when the schedule is spent (undefined), a dead letter. */
  async failed(
    claim: AttemptRef,
    outcome: { statusCode: number | null; error: string },
    retryInMs: number | undefined,
  ): Promise<void> {
    await this.dataSource.query(
      retryInMs === undefined
        ? `UPDATE webhook_delivery SET status = 'DEAD', dead_at = now(), lease_until = NULL,
             last_status_code = $3, last_error = $4
           WHERE id = $1 AND status = 'PENDING' AND attempts = $2`
        : `UPDATE webhook_delivery SET next_attempt_at = now() + $5 * interval '1 millisecond',
             lease_until = NULL, last_status_code = $3, last_error = $4
           WHERE id = $1 AND status = 'PENDING' AND attempts = $2`,
      [
        claim.id,
        claim.attempts,
        outcome.statusCode,
        outcome.error.slice(0, 300),
        ...(retryInMs === undefined ? [] : [retryInMs]),
      ],
    );
  }

  /**
   * The receiver answered 410 Gone (Standard Webhooks: "disable this endpoint"): the subscription is paused, so
   * its deliveries wait instead of being retried into dead letters, and the attempt does not count.
   */
  async receiverGone(claim: AttemptRef & { subscriptionId: string }): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_subscription SET status = 'PAUSED', updated_at = now() WHERE id = $1 AND deleted_at IS NULL`,
        [claim.subscriptionId],
      );
      await tx.query(
        `UPDATE webhook_delivery SET attempts = greatest(attempts - 1, 0), lease_until = NULL,
           last_status_code = 410, last_error = 'HTTP 410: the receiver asked to stop; subscription paused'
         WHERE id = $1 AND status = 'PENDING' AND attempts = $2`,
        [claim.id, claim.attempts],
      );
    });
  }

  async deadLetters(filter: SubscriptionFilter, subscriptionId?: string, limit = 500): Promise<DeadLetter[]> {
    const tenant = tenantCondition(filter, 3, 's');
    const rows: {
      id: string;
      subscription_id: string;
      event_id: string;
      type: string;
      trajectory_id: string;
      attempts: number;
      last_status_code: number | null;
      last_error: string | null;
      dead_at: Date;
      held: number;
    }[] = await this.dataSource.query(
      `SELECT d.id::text AS id, d.subscription_id, e.event_id, e.type, d.trajectory_id, d.attempts,
         d.last_status_code, d.last_error, d.dead_at,
         (SELECT count(*)::int FROM webhook_delivery h
          WHERE h.subscription_id = d.subscription_id AND h.trajectory_id = d.trajectory_id
            AND h.event_position > d.event_position AND h.status = 'PENDING') AS held
       FROM webhook_delivery d
       JOIN lifecycle_event e ON e.position = d.event_position
       JOIN webhook_subscription s ON s.id = d.subscription_id AND s.deleted_at IS NULL
       WHERE d.status = 'DEAD' AND ($1::uuid IS NULL OR d.subscription_id = $1::uuid) AND ${tenant.sql}
       ORDER BY d.dead_at, d.id LIMIT $2`,
      [subscriptionId ?? null, limit, ...tenant.params],
    );
    return rows.map((r) => ({
      deliveryId: r.id,
      subscriptionId: r.subscription_id,
      eventId: r.event_id,
      eventType: r.type,
      trajectoryId: r.trajectory_id,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      deadAt: r.dead_at.toISOString(),
      heldBehind: r.held,
    }));
  }

  /** Dead letters of a subscription (all, or the given ones) get a fresh schedule; returns how many. */
  async replay(subscriptionId: string, deliveryIds?: readonly string[]): Promise<number> {
    const rows = returningRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now(),
           dead_at = NULL, lease_until = NULL
         WHERE subscription_id = $1 AND status = 'DEAD' AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
         RETURNING id`,
        [subscriptionId, deliveryIds ?? null],
      ),
    );
    if (rows.length > 0) await this.dataSource.query(`SELECT pg_notify('outbox_wakeup', 'webhook')`);
    return rows.length;
  }

  /**
   * Forgets deliveries delivered more than `days` ago (their events stay in the feed). Pending ones and dead
   * letters are kept whatever their age: they are work still to do.
   */
  async purgeDelivered(days: number): Promise<number> {
    const rows = returningRows<{ id: string }>(
      await this.dataSource.query(
        `DELETE FROM webhook_delivery WHERE status = 'DELIVERED' AND delivered_at < now() - $1 * interval '1 day'
         RETURNING id`,
        [days],
      ),
    );
    // A fan-out whose snapshot still saw a subscription live can queue a delivery just after its deletion.
    const orphans = returningRows<{ id: string }>(
      await this.dataSource.query(
        `DELETE FROM webhook_delivery d USING webhook_subscription s
         WHERE s.id = d.subscription_id AND s.deleted_at IS NOT NULL AND d.status <> 'DELIVERED'
         RETURNING d.id`,
      ),
    );
    return rows.length + orphans.length;
  }

  async backlog(): Promise<DeliveryBacklog> {
    const [row] = await this.dataSource.query(
      `WITH heads AS (
         SELECT greatest(d.next_attempt_at, (
                  SELECT max(p.delivered_at) FROM webhook_delivery p
                  WHERE p.subscription_id = d.subscription_id AND p.trajectory_id = d.trajectory_id
                    AND p.event_position < d.event_position)) AS eligible_since
         FROM webhook_delivery d
         JOIN webhook_subscription s ON s.id = d.subscription_id AND s.status = 'ACTIVE' AND s.deleted_at IS NULL
         WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
           AND NOT EXISTS (
             SELECT 1 FROM webhook_delivery p
             WHERE p.subscription_id = d.subscription_id AND p.trajectory_id = d.trajectory_id
               AND p.event_position < d.event_position AND p.status <> 'DELIVERED')),
       h AS (
         SELECT count(*)::int AS due_now,
                coalesce(extract(epoch FROM now() - min(eligible_since)), 0)::float AS oldest_due
         FROM heads)
       SELECT
         h.due_now, h.oldest_due,
         (SELECT count(*)::int FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
            AND s.deleted_at IS NULL WHERE d.status = 'PENDING') AS pending,
         (SELECT count(*)::int FROM webhook_delivery WHERE status = 'DEAD') AS dead,
         l.delivered, l.p50, l.p99
       FROM (SELECT count(*)::int AS delivered,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - e.recorded_at)) AS p50,
               percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - e.recorded_at)) AS p99
             FROM webhook_delivery d JOIN lifecycle_event e ON e.position = d.event_position
             WHERE d.delivered_at > now() - interval '15 minutes') l, h`,
    );
    return {
      dueNow: row.due_now,
      oldestDueSeconds: Number(row.oldest_due),
      pending: row.pending,
      dead: row.dead,
      deliveredLast15Minutes: row.delivered,
      lagSecondsP50: row.p50 === null ? null : Number(row.p50),
      lagSecondsP99: row.p99 === null ? null : Number(row.p99),
    };
  }
}
