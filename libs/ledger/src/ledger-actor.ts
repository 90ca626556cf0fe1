import { returningRows } from '@app/contracts';
import type { EntityManager } from 'typeorm';

const ACTOR = /^[A-Za-z0-9._:@-]{1,200}$/;

/** Actors are pseudonymous refs ("lt-hoorn-07", "system:export"), never names. */
export function isActorRef(value: unknown): value is string {
  return typeof value === 'string' && ACTOR.test(value);
}

/**
 * Names who (and why) for the payment_event rows the ledger trigger writes in this transaction. Local to
 * the transaction (`set_config(…, true)`), so a pooled connection never carries it into the next one.
 */
export async function setLedgerActor(tx: EntityManager, actor: string, reason: string | null): Promise<void> {
  await tx.query(`SELECT set_config('ledger.actor', $1, true), set_config('ledger.reason', $2, true)`, [
    actor,
    reason ?? '',
  ]);
}

/**
 * Rows of an `UPDATE … RETURNING`: TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * `[rows, affectedCount]` instead of the bare rows it gives for SELECT and INSERT.
 */
export async function updateReturning<T>(tx: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return returningRows<T>(await tx.query(sql, params));
}
