import type { Principal } from './principal';

/** What a caller may see of a trajectory: its municipalities, or as a provider only its own trajectories. */
export interface TenantFacts {
  municipalityCode: string;
  providerId?: string | null;
  /** The trajectory's pseudonymous client: needed to decide for a CLIENT caller. */
  clientId?: string | null;
}

/**
 * FINANCE and OPERATOR without municipalities act region-wide; a PROVIDER only where it is the lead provider,
 * whatever municipalities its token also names (a provider organisation never sees another provider's
 * clients); everyone else only for their municipalities. Callers answer 404 on false, so existence is not
 * revealed.
 */
export function canSee(principal: Principal, facts: TenantFacts): boolean {
  if (isClientScoped(principal)) {
    return (
      principal.clientId !== undefined &&
      facts.clientId === principal.clientId &&
      principal.municipalities.includes(facts.municipalityCode)
    );
  }
  if (isProviderScoped(principal)) {
    return principal.providerId !== undefined && facts.providerId === principal.providerId;
  }
  if (isRegionWide(principal)) return true;
  return principal.municipalities.includes(facts.municipalityCode);
}

/** FINANCE and OPERATOR callers without municipalities act for the whole region. */
export function isRegionWide(principal: Principal): boolean {
  return (
    !isProviderScoped(principal) &&
    !isClientScoped(principal) &&
    principal.municipalities.length === 0 &&
    principal.roles.some((r) => r === 'FINANCE' || r === 'OPERATOR')
  );
}

/**
 * Whether the caller sees trajectories only through its provider id: every token with the PROVIDER role.
 * Municipality claims never widen a provider's view (a token without a provider id sees nothing).
 */
export function isProviderScoped(principal: Principal): boolean {
  return principal.roles.includes('PROVIDER');
}

/** A resident (or their representative): sees only the trajectories of its own client id (issue 18). */
export function isClientScoped(principal: Principal): boolean {
  return principal.roles.includes('CLIENT');
}
