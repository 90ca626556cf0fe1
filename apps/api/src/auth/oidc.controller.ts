import { Controller, Get, HttpCode, HttpStatus, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorBody } from '../common/api-error';
import type { Request, Response } from 'express';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { ApiException } from '../common/domain-errors';
import { Public } from './decorators';
import { OidcClient, OidcError, randomToken } from './oidc-client';
import { readCookie } from './session-cookie';
import { principalOf } from './token-verifier';
import {
  csrfMatches,
  csrfTokenOf,
  CSRF_HEADER,
  LOGIN_COOKIE,
  SESSION_COOKIE,
  WebSessions,
} from './web-sessions';

/** Where a sign-in may return to: a page of this product, nothing else (no open redirect). */
function pageOrHome(next: unknown): string {
  return typeof next === 'string' && /^\/ui(\/[A-Za-z0-9._~%/-]*)?(\?[A-Za-z0-9._~%=&-]*)?$/.test(next)
    ? next
    : '/ui';
}

/**
 * Sign-in of people on the pages with the municipality's OpenID Connect provider (issue 18): authorization code
 * flow with PKCE, the session in an HttpOnly cookie, sign-out at both ends. Roles, municipalities and the
 * provider come from the ID token's configured claims, checked like a bearer token's (principalOf); nothing
 * else of the token is kept (no name, no e-mail address). Browser routes: public, the session is their subject.
 */
@ApiTags('sign-in')
@Controller('auth')
export class OidcController {
  private readonly logger = new Logger('auth');
  private readonly client?: OidcClient;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: WebSessions,
  ) {
    const { oidc } = config;
    if (oidc.issuer) this.client = new OidcClient({ ...oidc, issuer: oidc.issuer });
  }

  private get secure(): boolean {
    return this.config.delivery.publicBaseUrl.startsWith('https://');
  }

  private cookie(res: Response, name: string, value: string, path: string, maxAgeSeconds: number): void {
    res.cookie(name, value, {
      httpOnly: true,
      secure: this.secure,
      sameSite: 'lax',
      path,
      maxAge: maxAgeSeconds * 1000,
    });
  }

  private oidc(): OidcClient {
    if (!this.client) {
      throw new ApiException(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        'Sign-in with an identity provider is not configured',
      );
    }
    return this.client;
  }

  /** What the sign-in page offers: the identity provider, and the token paste of local development. */
  @Get('options')
  @Public()
  @ApiOperation({
    summary: 'What the sign-in page offers: the identity provider and/or the development token paste',
  })
  @ApiOkResponse({
    schema: { type: 'object', properties: { oidc: { type: 'boolean' }, tokenSignIn: { type: 'boolean' } } },
  })
  options(): { oidc: boolean; tokenSignIn: boolean } {
    return { oidc: this.client !== undefined, tokenSignIn: this.config.oidc.tokenSignIn };
  }

  @Get('login')
  @Public()
  @ApiOperation({
    summary: 'Start the sign-in at the identity provider (OpenID Connect, authorization code flow with PKCE)',
  })
  @ApiQuery({
    name: 'next',
    required: false,
    description: 'The page (/ui/…) to return to',
    example: '/ui/docket',
  })
  @ApiFoundResponse({ description: "To the identity provider's authorization endpoint" })
  @ApiNotFoundResponse({
    type: ApiErrorBody,
    description: 'No identity provider is configured (OIDC_ISSUER)',
  })
  async login(@Query('next') next: unknown, @Res() res: Response): Promise<void> {
    const client = this.oidc();
    const nonce = randomToken();
    const verifier = randomToken(48);
    const state = await this.sessions.beginLogin({
      nonce,
      codeVerifier: verifier,
      returnTo: pageOrHome(next),
    });
    this.cookie(res, LOGIN_COOKIE, state, '/auth', 600);
    res.redirect(HttpStatus.FOUND, await client.authorizationUrl({ state, nonce, verifier }));
  }

  @Get('callback')
  @Public()
  @ApiOperation({
    summary: 'The identity provider returns here: the session cookie is set, then back to the page',
  })
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiFoundResponse({ description: 'To the page the sign-in began on, or /ui?signin=failed' })
  @ApiNotFoundResponse({
    type: ApiErrorBody,
    description: 'No identity provider is configured (OIDC_ISSUER)',
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const client = this.oidc();
    const { code, state, error } = req.query as Record<string, unknown>;
    res.clearCookie(LOGIN_COOKIE, { path: '/auth' });
    const fail = (reason: string) => {
      this.logger.warn(`sign-in refused: ${reason}`);
      res.redirect(HttpStatus.FOUND, '/ui?signin=failed');
    };
    if (typeof error === 'string') return fail(`the identity provider answered ${error.slice(0, 64)}`);
    if (typeof code !== 'string' || typeof state !== 'string' || code.length > 2048 || state.length > 64) {
      return fail('no code and state');
    }
    // The state must be this browser's own sign-in (a code injected from elsewhere has another or none).
    if (readCookie(req.header('cookie'), LOGIN_COOKIE) !== state)
      return fail('the state is not this browser’s');
    const login = await this.sessions.takeLogin(state);
    if (!login) return fail('the sign-in expired or was used');
    let claims: Record<string, unknown>;
    try {
      claims = await client.signIn({ code, verifier: login.codeVerifier, nonce: login.nonce });
    } catch (e) {
      if (e instanceof OidcError) return fail(e.message);
      throw e;
    }
    const names = this.config.oidc.claims;
    const principal = principalOf({
      sub: claims.sub,
      roles: claims[names.roles],
      municipalities: claims[names.municipalities] ?? [],
      providerId: claims[names.providerId] ?? undefined,
      clientId: claims[names.clientId] ?? undefined,
    });
    if (!principal) return fail('the identity provider gave no roles this product knows, or odd claims');
    const id = await this.sessions.create({ ...principal, via: 'session' }, this.config.oidc.sessionHours);
    this.cookie(res, SESSION_COOKIE, id, '/', this.config.oidc.sessionHours * 3600);
    res.redirect(HttpStatus.FOUND, login.returnTo);
  }

  /** The signed-in person, for the pages: roles, tenants, expiry and the CSRF token to send back. */
  @Get('session')
  @Public()
  @ApiOperation({ summary: 'The signed-in person of this browser: roles, tenants, expiry, the CSRF token' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        signedIn: { type: 'boolean' },
        subject: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
        municipalities: { type: 'array', items: { type: 'string' } },
        providerId: { type: 'string' },
        clientId: { type: 'string', description: 'A resident: the pseudonymous client id' },
        expiresAt: { type: 'string', format: 'date-time' },
        csrfToken: { type: 'string', description: 'Send it in X-CSRF-Token with every change' },
      },
    },
  })
  async session(@Req() req: Request) {
    const id = readCookie(req.header('cookie'), SESSION_COOKIE);
    const principal = id ? await this.sessions.principal(id) : undefined;
    if (!id || !principal) return { signedIn: false };
    const { via: _via, ...who } = principal;
    void _via;
    return { signedIn: true, ...who, csrfToken: csrfTokenOf(id) };
  }

  /** Ends the session here (every replica at once) and names the identity provider's sign-out page. */
  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Sign out: the session ends on every replica; names the identity provider's sign-out page",
  })
  @ApiOkResponse({
    schema: { type: 'object', properties: { signedOut: { type: 'boolean' }, logoutUrl: { type: 'string' } } },
  })
  @ApiForbiddenResponse({
    type: ApiErrorBody,
    description: 'A session without its CSRF token (X-CSRF-Token)',
  })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const id = readCookie(req.header('cookie'), SESSION_COOKIE);
    if (id) {
      if (!csrfMatches(id, req.header(CSRF_HEADER))) {
        throw new ApiException(
          HttpStatus.FORBIDDEN,
          'CSRF_REJECTED',
          'Send the session’s CSRF token in X-CSRF-Token',
        );
      }
      await this.sessions.end(id);
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    const logoutUrl = this.client
      ? await this.client.logoutUrl(`${this.config.delivery.publicBaseUrl}/ui`)
      : undefined;
    return { signedOut: true, ...(logoutUrl ? { logoutUrl } : {}) };
  }
}
