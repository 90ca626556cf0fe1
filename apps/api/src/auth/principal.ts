import type { Role } from '@app/contracts';

/** The authenticated caller: a pseudonymous subject, its roles and the tenants it acts for. */
export interface Principal {
  subject: string;
  roles: Role[];
  /** CBS codes of the municipalities this caller acts for (empty for a provider or for FINANCE of all). */
  municipalities: string[];
  /** Set for PROVIDER callers: they see only trajectories where they are the lead provider. */
  providerId?: string;
  /**
   * Set for CLIENT callers (the resident or their representative): the pseudonymous client id the
   * municipality's portal gives them; they see only the trajectories of that client in their municipality.
   */
  clientId?: string;
  via: 'jwt' | 'api-key' | 'session';
}

/** Claims of the bearer JWTs this API accepts (see scripts/mint-token.ts for local tokens). */
export interface TokenClaims {
  sub: string;
  roles: string[];
  municipalities?: string[];
  providerId?: string;
  clientId?: string;
}
