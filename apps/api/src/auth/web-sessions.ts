import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returningRows } from '@app/contracts';
import { randomToken } from './oidc-client';
import type { Principal } from './principal';

/** The page session's cookie: a random id, HttpOnly, SameSite=Lax (the sign-in returns by a top-level GET). */
export const SESSION_COOKIE = 'pp_session';
/** The sign-in in progress: its state, bound to this browser (against login CSRF), only on /auth. */
export const LOGIN_COOKIE = 'pp_login';
/** The header pages send their CSRF token in, on every state-changing request made with the session. */
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A sign-in in progress, as /auth/login stored it for /auth/callback. */
export interface PendingLogin {
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/**
 * Page sessions and sign-ins in progress, in PostgreSQL (issue 18): every API replica sees a sign-in and a
 * sign-out at once. The cookie's id is never stored, only its SHA-256; a session holds the pseudonymous subject
 * and the claims the API authorizes by. The CSRF token is derived from the id (SHA-256 of id + purpose), so it
 * needs no storage and no one without the HttpOnly cookie can compute it.
 */
@Injectable()
export class WebSessions {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async beginLogin(login: PendingLogin): Promise<string> {
    const state = randomToken();
    await this.db.query(`DELETE FROM web_login WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO web_login (state, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, now() + interval '10 minutes')`,
      [state, login.nonce, login.codeVerifier, login.returnTo],
    );
    return state;
  }

  /** The sign-in of this state, once: a second callback with it finds nothing. */
  async takeLogin(state: string): Promise<PendingLogin | undefined> {
    const [r] = returningRows<{ nonce: string; code_verifier: string; return_to: string }>(
      await this.db.query(
        `DELETE FROM web_login WHERE state = $1 AND expires_at >= now() RETURNING nonce, code_verifier, return_to`,
        [state],
      ),
    );
    return r && { nonce: r.nonce, codeVerifier: r.code_verifier, returnTo: r.return_to };
  }

  /** A new session for this principal; returns the cookie's id. */
  async create(principal: Principal, hours: number): Promise<string> {
    const id = randomToken();
    await this.db.query(`DELETE FROM web_session WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO web_session (id_hash, subject, roles, municipalities, provider_id, client_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7))`,
      [
        sha256(id),
        principal.subject,
        principal.roles,
        principal.municipalities,
        principal.providerId ?? null,
        principal.clientId ?? null,
        hours,
      ],
    );
    return id;
  }

  async principal(id: string): Promise<(Principal & { expiresAt: string }) | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(id)) return undefined;
    const rows: {
      subject: string;
      roles: string[];
      municipalities: string[];
      provider_id: string | null;
      client_id: string | null;
      expires_at: Date;
    }[] = await this.db.query(
      `SELECT subject, roles, municipalities, provider_id, client_id, expires_at FROM web_session
         WHERE id_hash = $1 AND expires_at > now()`,
      [sha256(id)],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      subject: r.subject,
      roles: r.roles as Principal['roles'],
      municipalities: r.municipalities,
      ...(r.provider_id ? { providerId: r.provider_id } : {}),
      ...(r.client_id ? { clientId: r.client_id } : {}),
      via: 'session',
      expiresAt: new Date(r.expires_at).toISOString(),
    };
  }

  async end(id: string): Promise<void> {
    await this.db.query(`DELETE FROM web_session WHERE id_hash = $1`, [sha256(id)]);
  }
}

/** The CSRF token of a session: pages read it from /auth/session and send it back in X-CSRF-Token. */
export function csrfTokenOf(sessionId: string): string {
  return createHash('sha256').update(`${sessionId}|csrf`).digest('base64url');
}

export function csrfMatches(sessionId: string, sent: string | undefined): boolean {
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenOf(sessionId));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
