import type { DataSource } from 'typeorm';
import type { LifecycleEvent } from '@app/notify';
import { scopeCondition, type EventScope } from './event-scope';

/** A point in the feed: the writing transaction and the row position of the last event read. */
export interface FeedCursor {
  txId: string;
  position: string;
}

export const FEED_START: FeedCursor = { txId: '0', position: '0' };

/** Opaque to callers: base64url of `<tx id>.<position>`. */
export function encodeFeedCursor(cursor: FeedCursor): string {
  return Buffer.from(`${cursor.txId}.${cursor.position}`, 'utf8').toString('base64url');
}

/** The cursor in a caller's `after`, or undefined when it is not one this feed gave out. */
export function decodeFeedCursor(text: string): FeedCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) return undefined;
  const match = /^(\d{1,19})\.(\d{1,19})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match) return undefined;
  // Both are unsigned 64-bit in PostgreSQL (xid8, bigserial); past that range a cursor cannot be real.
  if (BigInt(match[1]) > 18446744073709551615n || BigInt(match[2]) > 9223372036854775807n) return undefined;
  return { txId: match[1], position: match[2] };
}

export interface FeedPage {
  events: LifecycleEvent[];
  /** Where to continue; equal to the request's cursor when nothing new was visible. */
  next: FeedCursor;
}

/**
 * Reads the events after `after` that the scope sees, oldest first. Only events of transactions older than
 * every running one are returned, so a later page never holds an event that belongs before this one (no gaps
 * under concurrent writers); an event is visible within a transaction's duration after its commit.
 */
export async function readEventFeed(
  dataSource: DataSource,
  scope: EventScope,
  after: FeedCursor,
  limit: number,
  types?: readonly string[],
): Promise<FeedPage> {
  const scoped = scopeCondition(scope, 4);
  const params: unknown[] = [after.txId, after.position, limit, ...scoped.params];
  const typeFilter = types && types.length > 0 ? `AND e.type = ANY($${params.push(types)}::text[])` : '';
  const rows: { tx_id: string; position: string; body: LifecycleEvent }[] = await dataSource.query(
    `SELECT e.tx_id::text AS tx_id, e.position::text AS position, e.body
     FROM lifecycle_event e
     WHERE (e.tx_id, e.position) > ($1::xid8, $2::bigint)
       AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
       AND ${scoped.sql} ${typeFilter}
     ORDER BY e.tx_id, e.position
     LIMIT $3`,
    params,
  );
  const last = rows[rows.length - 1];
  return {
    events: rows.map((r) => r.body),
    next: last ? { txId: last.tx_id, position: last.position } : after,
  };
}
