import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '@app/contracts';
import { ApiException } from '../common/domain-errors';
import { RateLimits } from '../perimeter/rate-limits';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import type { Principal } from './principal';
import { readCookie, SESSION_COOKIE_KEY } from './session-cookie';
import { TokenVerifier } from './token-verifier';
import { csrfMatches, CSRF_HEADER, SESSION_COOKIE, WebSessions } from './web-sessions';

/** Methods that change something: with a page session they need its CSRF token (and our own origin). */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Global guard: every route needs a valid bearer JWT or API key and one of the roles its @Roles names.
 * Routes without @Roles are refused, so a new endpoint cannot be open by accident.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly limits: RateLimits,
    private readonly sessions: WebSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const cookie = this.reflector.getAllAndOverride<string | undefined>(SESSION_COOKIE_KEY, targets);
    this.limits.assertNotGuessing(req);
    const principal = await this.authenticate(req, cookie);
    if (!principal) {
      this.limits.failedAuthentication(req);
      throw new ApiException(
        HttpStatus.UNAUTHORIZED,
        'UNAUTHENTICATED',
        'A valid bearer token or API key is required',
      );
    }
    req.principal = principal;
    this.limits.caller(principal);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!principal.roles.some((r) => allowed.includes(r))) {
      throw new ApiException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Your role may not perform this action');
    }
    return true;
  }

  private async authenticate(req: Request, cookie?: string): Promise<Principal | undefined> {
    const header = req.header('authorization');
    if (header?.startsWith('Bearer ')) return this.verifier.verifyBearer(header.slice(7).trim());
    const apiKey = req.header('x-api-key');
    if (apiKey) return this.verifier.verifyApiKey(apiKey);
    // Only on routes that opt in (@AcceptsSessionCookie): the token an operator left in an HttpOnly cookie.
    const fromCookie = cookie ? readCookie(req.header('cookie'), cookie) : undefined;
    if (fromCookie) return this.verifier.verifyBearer(fromCookie);
    // A person signed in on the pages (issue 18). The cookie goes along with any request the browser makes,
    // also one another site triggers: a change needs the session's CSRF token and, when the browser names
    // one, our own origin.
    const sessionId = readCookie(req.header('cookie'), SESSION_COOKIE);
    if (!sessionId) return undefined;
    const principal = await this.sessions.principal(sessionId);
    if (!principal) return undefined;
    if (UNSAFE_METHODS.has(req.method)) {
      const origin = req.header('origin');
      if (origin !== undefined && origin !== new URL(this.config.delivery.publicBaseUrl).origin) {
        throw new ApiException(
          HttpStatus.FORBIDDEN,
          'CSRF_REJECTED',
          'A change from another site is refused',
        );
      }
      if (!csrfMatches(sessionId, req.header(CSRF_HEADER))) {
        throw new ApiException(
          HttpStatus.FORBIDDEN,
          'CSRF_REJECTED',
          'Send the session’s CSRF token (GET /auth/session) in X-CSRF-Token',
        );
      }
    }
    const { expiresAt: _expiresAt, ...who } = principal;
    void _expiresAt;
    return who;
  }
}
