import jwt from 'jsonwebtoken';
import type { AppConfig } from '@app/config';
import type { Role } from '@app/contracts';

export interface DevTokenRequest {
  sub: string;
  roles: Role[];
  municipalities?: string[];
  providerId?: string;
  /** A CLIENT token's pseudonymous client id. */
  clientId?: string;
  expiresIn?: string;
}

/** Mints an HS256 token the local API accepts (development and tests only; production uses RS256/JWKS). */
export function mintDevToken(config: AppConfig, request: DevTokenRequest): string {
  if (!config.auth.jwtSecret)
    throw new Error('JWT_SECRET is not configured (a JWKS setup cannot mint tokens)');
  const { sub, roles, municipalities = [], providerId, clientId, expiresIn = '8h' } = request;
  const claims = {
    roles,
    municipalities,
    ...(providerId ? { providerId } : {}),
    ...(clientId ? { clientId } : {}),
  };
  return jwt.sign(claims, config.auth.jwtSecret, {
    algorithm: 'HS256',
    subject: sub,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    expiresIn: expiresIn as jwt.SignOptions['expiresIn'],
  });
}
