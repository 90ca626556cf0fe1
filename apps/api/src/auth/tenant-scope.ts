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
  const regionWide =
    principal.municipalities.length === 0 && principal.roles.some((r) => r === 'FINANCE' || r === 'OPERATOR');
  if (regionWide) return true;
  return principal.municipalities.includes(facts.municipalityCode);
}
