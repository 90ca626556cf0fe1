import { createHash, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { OidcConfig } from '@app/config';

/** The identity provider's endpoints, from its discovery document. */
interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

/** Why a sign-in failed: the person sees a clear page, the log the reason (ids only). */
export class OidcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OidcError';
  }
}

export const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** A random value for state, nonce and the PKCE verifier (RFC 7636: 43-128 characters). */
export function randomToken(bytes = 32): string {
  return base64url(randomBytes(bytes));
}

/** RFC 7636 S256: BASE64URL(SHA256(verifier)). */
export function codeChallenge(verifier: string): string {
  return base64url(createHash('sha256').update(verifier).digest());
}

/**
 * The relying party of the authorization code flow with PKCE (OpenID Connect Core 1.0 §3.1), by hand over
 * `fetch`, `node:crypto` and `jsonwebtoken`: the maintained client libraries are ES modules only, which the
 * compiled API loads but Jest (our test runner, CommonJS) does not. What it checks is what §3.1.3.7 asks:
 * the ID token's signature against the provider's published keys (RS256/ES256/PS256), issuer, audience,
 * expiry and the nonce of this sign-in.
 */
export class OidcClient {
  private discovery?: Promise<Discovery>;
  private keys = new Map<string, KeyObject>();

  constructor(private readonly config: OidcConfig & { issuer: string }) {}

  private async endpoints(): Promise<Discovery> {
    this.discovery ??= (async () => {
      const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new OidcError(`discovery at ${url} answered ${res.status}`);
      const doc = (await res.json()) as Discovery;
      if (doc.issuer.replace(/\/$/, '') !== this.config.issuer.replace(/\/$/, '')) {
        throw new OidcError(`discovery names issuer ${doc.issuer}, configured ${this.config.issuer}`);
      }
      return doc;
    })().catch((error: unknown) => {
      this.discovery = undefined;
      throw error;
    });
    return this.discovery;
  }

  /** Where to send the browser: the provider's authorization endpoint with state, nonce and the S256 challenge. */
  async authorizationUrl(input: { state: string; nonce: string; verifier: string }): Promise<string> {
    const d = await this.endpoints();
    const url = new URL(d.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.config.redirectUrl,
      scope: this.config.scopes,
      state: input.state,
      nonce: input.nonce,
      code_challenge: codeChallenge(input.verifier),
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  /** Exchanges the code (with the PKCE verifier) and returns the verified ID token's claims. */
  async signIn(input: { code: string; verifier: string; nonce: string }): Promise<Record<string, unknown>> {
    const d = await this.endpoints();
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: this.config.redirectUrl,
      code_verifier: input.verifier,
      client_id: this.config.clientId,
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (this.config.clientSecret) {
      const basic = `${encodeURIComponent(this.config.clientId)}:${encodeURIComponent(this.config.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
    }
    const res = await fetch(d.token_endpoint, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const tokens = (await res.json().catch(() => ({}))) as { id_token?: string; error?: string };
    if (!res.ok || typeof tokens.id_token !== 'string') {
      throw new OidcError(`the token endpoint refused the code (${res.status} ${tokens.error ?? ''})`.trim());
    }
    return this.verifyIdToken(tokens.id_token, input.nonce, d);
  }

  /** The provider's sign-out page (RP-initiated logout), when it has one. */
  async logoutUrl(postLogoutRedirect: string): Promise<string | undefined> {
    const d = await this.endpoints().catch(() => undefined);
    if (!d?.end_session_endpoint) return undefined;
    const url = new URL(d.end_session_endpoint);
    url.search = new URLSearchParams({
      client_id: this.config.clientId,
      post_logout_redirect_uri: postLogoutRedirect,
    }).toString();
    return url.toString();
  }

  private async verifyIdToken(
    idToken: string,
    nonce: string,
    d: Discovery,
  ): Promise<Record<string, unknown>> {
    const decoded = jwt.decode(idToken, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw new OidcError('the ID token is not a JWT');
    const key = await this.key(d, decoded.header.kid);
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(idToken, key, {
        algorithms: ['RS256', 'ES256', 'PS256'],
        issuer: d.issuer,
        audience: this.config.clientId,
        clockTolerance: 30,
      }) as jwt.JwtPayload;
    } catch (error) {
      throw new OidcError(`the ID token does not verify: ${(error as Error).message}`);
    }
    if (claims.nonce !== nonce) throw new OidcError('the ID token is not of this sign-in (nonce)');
    if (typeof claims.sub !== 'string' || claims.sub === '')
      throw new OidcError('the ID token has no subject');
    return claims;
  }

  /** The signing key `kid` from the provider's JWKS; fetched again once when a key rotated in. */
  private async key(d: Discovery, kid: string | undefined): Promise<KeyObject> {
    const cached = kid ? this.keys.get(kid) : undefined;
    if (cached) return cached;
    const res = await fetch(d.jwks_uri, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new OidcError(`the provider's keys answered ${res.status}`);
    const { keys } = (await res.json()) as {
      keys: (Record<string, unknown> & { kid?: string; use?: string })[];
    };
    this.keys.clear();
    for (const jwk of keys) {
      if (jwk.use !== undefined && jwk.use !== 'sig') continue;
      try {
        this.keys.set(jwk.kid ?? '', createPublicKey({ key: jwk as never, format: 'jwk' }));
      } catch {
        // A key type node cannot read is not one we verify with.
      }
    }
    const key =
      this.keys.get(kid ?? '') ??
      (kid === undefined && this.keys.size === 1 ? [...this.keys.values()][0] : undefined);
    if (!key) throw new OidcError(`the provider publishes no key ${kid ?? '(none named)'}`);
    return key;
  }
}
