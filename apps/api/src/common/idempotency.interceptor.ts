import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { concatMap, from, Observable, of, switchMap, tap } from 'rxjs';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiException } from './domain-errors';
import { IDEMPOTENCY_KEY, invalidIdempotencyKey, OWN_IDEMPOTENCY_KEY } from './idempotency-key';

/**
 * `Idempotency-Key` on any POST: the first request with a key runs and its response is remembered (per
 * caller); a repeat with the same key and the same request answers that response without acting again; the
 * same key with a different request is refused (422); a repeat while the first still runs gets 409.
 * Lifecycle commands are also deduplicated inside the workflow (the key is their Update id).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly db: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (req.method !== 'POST' || key === undefined || !req.principal) return next.handle();
    // Refused on every POST, not only where a route reads the header: an ignored key would silently not dedupe.
    if (!IDEMPOTENCY_KEY.test(key)) throw invalidIdempotencyKey();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(OWN_IDEMPOTENCY_KEY, targets)) return next.handle();

    const subject = req.principal.subject;
    const hash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? {})}`)
      .digest('hex');
    return from(this.claim(subject, key, req, hash)).pipe(
      switchMap((previous) => {
        if (previous) {
          res.status(previous.status);
          return of(previous.body);
        }
        // Remembered before the answer leaves, not on 'finish': a caller that repeats the request the moment it
        // has the first answer must get that answer replayed, not 409 REQUEST_IN_PROGRESS. Nest has set the
        // status by now (201 for POST, or the handler's own with passthrough). Only a success is remembered: a
        // failed request frees its key, so the caller can retry with it.
        return next.handle().pipe(
          concatMap(async (value: unknown) => {
            await this.remember(subject, key, res.statusCode, withoutShownOnceSecret(value));
            return value;
          }),
          tap({ error: () => void this.release(subject, key) }),
        );
      }),
    );
  }

  /** Claims the key; returns the remembered response when it was used before for the same request. */
  private async claim(
    subject: string,
    key: string,
    req: Request,
    hash: string,
  ): Promise<{ status: number; body: unknown } | undefined> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO api_idempotency (subject, idempotency_key, method, path, request_hash)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING subject`,
      [subject, key, req.method, req.originalUrl.slice(0, 400), hash],
    );
    if (inserted.length > 0) return undefined;
    const [row] = await this.db.query(
      `SELECT request_hash, status_code, response FROM api_idempotency WHERE subject = $1 AND idempotency_key = $2`,
      [subject, key],
    );
    if (!row) return undefined;
    if (row.request_hash !== hash) {
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for another request',
      );
    }
    if (row.status_code === null) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'REQUEST_IN_PROGRESS',
        'A request with this Idempotency-Key is still running',
      );
    }
    return { status: row.status_code, body: row.response };
  }

  private async remember(subject: string, key: string, status: number, body: unknown): Promise<void> {
    if (status >= 400) return this.release(subject, key);
    await this.db
      .query(
        `UPDATE api_idempotency SET status_code = $3, response = $4, completed_at = now()
         WHERE subject = $1 AND idempotency_key = $2`,
        [subject, key, status, JSON.stringify(body ?? null)],
      )
      .catch(() => undefined);
  }

  /** A failed request frees its key, so the caller can retry with it. */
  private async release(subject: string, key: string): Promise<void> {
    await this.db
      .query(
        `DELETE FROM api_idempotency WHERE subject = $1 AND idempotency_key = $2 AND status_code IS NULL`,
        [subject, key],
      )
      .catch(() => undefined);
  }
}

/**
 * A webhook signing secret is shown once and stored only sealed (issue 16): the remembered answer keeps
 * everything but the secret, so a replay of the request answers the subscription without it (rotate to get a
 * new one) and no copy of it sits in clear text in the idempotency table.
 */
function withoutShownOnceSecret(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { secret, ...rest } = body as Record<string, unknown>;
  return typeof secret === 'string' && secret.startsWith('whsec_') ? rest : body;
}
