import { Inject, Injectable } from '@nestjs/common';
import { createHash, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import jwt, { JwtHeader, SigningKeyCallback } from 'jsonwebtoken';
import jwksClient, { JwksClient } from 'jwks-rsa';
import { AppConfig } from '@app/config';
import { ROLES, type Role } from '@app/contracts';
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
    if (!claims || typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) return undefined;
    const roles = claims.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    if (roles.length === 0) return undefined;
    return {
      subject: claims.sub,
      roles,
      municipalities: Array.isArray(claims.municipalities) ? claims.municipalities.map(String) : [],
      providerId: typeof claims.providerId === 'string' ? claims.providerId : undefined,
      via: 'jwt',
    };
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
