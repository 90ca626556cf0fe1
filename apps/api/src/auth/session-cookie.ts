import { SetMetadata } from '@nestjs/common';

export const SESSION_COOKIE_KEY = 'auth:session-cookie';

/**
 * Lets a route also take the caller's bearer token from an HttpOnly cookie of this name. Only for callers that
 * cannot send an Authorization header: the Temporal Web UI's codec requests include cookies but not our
 * token. Opt-in per route, so a cookie can never authenticate anything else (no cross-site request forgery on
 * the API's commands); the cookie itself is SameSite=Strict and scoped to its path.
 */
export const AcceptsSessionCookie = (cookieName: string) => SetMetadata(SESSION_COOKIE_KEY, cookieName);

/** The value of one cookie of a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
