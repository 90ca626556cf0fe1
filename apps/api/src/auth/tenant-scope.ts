import type { Principal } from './principal';

/** What a caller may see of a trajectory: its municipalities, or as a provider only its own trajectories. */
export interface TenantFacts {
  municipalityCode: string;
  providerId?: string | null;
}

/**
 * FINANCE and OPERATOR without municipalities act region-wide; everyone else only for their municipalities;
 * a PROVIDER only where it is the lead provider. Callers answer 404 on false, so existence is not revealed.
 */
export function canSee(principal: Principal, facts: TenantFacts): boolean {
  if (principal.roles.includes('PROVIDER') && principal.providerId) {
    if (facts.providerId === principal.providerId) return true;
  }
  if (isRegionWide(principal)) return true;
  return principal.municipalities.includes(facts.municipalityCode);
}

/** FINANCE and OPERATOR callers without municipalities act for the whole region. */
export function isRegionWide(principal: Principal): boolean {
  return (
    principal.municipalities.length === 0 && principal.roles.some((r) => r === 'FINANCE' || r === 'OPERATOR')
  );
}

/** Whether the caller can only see trajectories through its provider id (no municipality, not region-wide). */
export function isProviderOnly(principal: Principal): boolean {
  return (
    principal.municipalities.length === 0 && !isRegionWide(principal) && principal.providerId !== undefined
  );
}
