import { Inject, Injectable } from '@nestjs/common';
import { createHash, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import jwt, { JwtHeader, SigningKeyCallback } from 'jsonwebtoken';
import jwksClient, { JwksClient } from 'jwks-rsa';
import { AppConfig } from '@app/config';
import { CLIENT_ID, containsBsn, MUNICIPALITY_CODE, ROLES, type Role } from '@app/contracts';
import { APP_CONFIG } from '@app/platform';
import type { Principal, TokenClaims } from './principal';

/** Verifies bearer JWTs (HS256 locally, RS256 via JWKS) and API keys, and turns them into a Principal. */
@Injectable()
export class TokenVerifier {
  private readonly jwks?: JwksClient;
  /**
   * The HS256 secret as a KeyObject, made once. Given a string, jsonwebtoken first tries
   * crypto.createPublicKey on it for every request and only falls back to a secret key after that throws:
   * the biggest single CPU cost of a request in the benchmark's profile (bench/README.md).
   */
  private readonly secretKey?: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.auth.jwksUrl)
      this.jwks = jwksClient({ jwksUri: config.auth.jwksUrl, cache: true, rateLimit: true });
    else if (config.auth.jwtSecret) this.secretKey = createSecretKey(Buffer.from(config.auth.jwtSecret));
  }

  async verifyBearer(token: string): Promise<Principal | undefined> {
    const { auth } = this.config;
    const claims = await new Promise<TokenClaims | undefined>((resolve) => {
      jwt.verify(
        token,
        this.jwks
          ? (header: JwtHeader, cb: SigningKeyCallback) => this.signingKey(header, cb)
          : (this.secretKey ?? auth.jwtSecret!),
        { algorithms: this.jwks ? ['RS256'] : ['HS256'], issuer: auth.issuer, audience: auth.audience },
        (error, decoded) => resolve(error ? undefined : (decoded as TokenClaims)),
      );
    });
    return claims === undefined ? undefined : principalOf(claims);
  }

  verifyApiKey(key: string): Principal | undefined {
    const digest = createHash('sha256').update(key).digest();
    const match = this.config.auth.apiKeys.find((k) => timingSafeEqual(Buffer.from(k.sha256, 'hex'), digest));
    if (!match) return undefined;
    return {
      subject: `api-key:${match.name}`,
      roles: ['CASE_SYSTEM'],
      municipalities: match.municipalities,
      via: 'api-key',
    };
  }

  private signingKey(header: JwtHeader, cb: SigningKeyCallback): void {
    this.jwks!.getSigningKey(header.kid)
      .then((key) => cb(null, key.getPublicKey()))
      .catch((error: Error) => cb(error));
  }
}

/**
 * A resident acts under a pseudonym of its own, never the portal's subject: what the trajectory records (its
 * signature, its choice, its answers) names `resident-<16 hex>`, one per person, so a client and their legal
 * representative stay two signers and nothing of the portal's account reaches Temporal or the database.
 */
export function residentRef(subject: string): string {
  return `resident-${createHash('sha256').update(`resident:${subject}`).digest('hex').slice(0, 16)}`;
}

/** A subject is an opaque id of the identity provider (Entra: 43 characters, Keycloak: a UUID). */
const SUBJECT = /^[\x21-\x7e]{1,128}$/;
const PROVIDER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const MAX_MUNICIPALITIES = 500;

/**
 * The claims schema: a signature proves who issued a token, not that its content fits this API. A subject of
 * visible ASCII up to 128 characters (it becomes the actor reference of audit rows, varchar(200)), one to ten
 * roles all known to this API, municipality codes and a provider id in their id formats, none BSN-shaped. Any
 * other token is unauthenticated (401), so odd claims never reach a workflow or the database.
 */
export function principalOf(claims: Partial<Record<keyof TokenClaims, unknown>>): Principal | undefined {
  const { sub, roles, municipalities = [], providerId, clientId } = claims;
  if (typeof sub !== 'string' || !SUBJECT.test(sub) || containsBsn(sub)) return undefined;
  if (!Array.isArray(roles) || roles.length === 0 || roles.length > 10) return undefined;
  if (!roles.every((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r)))
    return undefined;
  if (!Array.isArray(municipalities) || municipalities.length > MAX_MUNICIPALITIES) return undefined;
  if (!municipalities.every((m): m is string => typeof m === 'string' && MUNICIPALITY_CODE.test(m)))
    return undefined;
  if (
    providerId !== undefined &&
    (typeof providerId !== 'string' || !PROVIDER_ID.test(providerId) || containsBsn(providerId))
  )
    return undefined;
  if (roles.includes('CLIENT') || clientId !== undefined) {
    // A resident is never also staff, and is one client of one municipality (a client id is unique within its
    // municipality only): no clientId, not exactly one municipality or a role beside CLIENT makes the token
    // unusable rather than wider.
    if (roles.some((r) => r !== 'CLIENT') || providerId !== undefined || municipalities.length !== 1)
      return undefined;
    if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId) || containsBsn(clientId)) return undefined;
    return { subject: residentRef(sub), roles: ['CLIENT'], municipalities, clientId, via: 'jwt' };
  }
  return { subject: sub, roles: [...new Set(roles)], municipalities, providerId, via: 'jwt' };
}
