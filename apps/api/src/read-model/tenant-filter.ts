import type { Principal } from '../auth/principal';
import { isProviderOnly, isRegionWide } from '../auth/tenant-scope';

/**
 * The SQL condition that limits read-model rows to what the caller may see (auth/tenant-scope.ts):
 * region-wide, its municipalities, or as a provider its own trajectories. `params` is appended to.
 */
export function tenantCondition(principal: Principal, params: unknown[], alias = 't'): string {
  if (isRegionWide(principal)) return 'TRUE';
  if (isProviderOnly(principal)) {
    params.push(principal.providerId);
    return `${alias}.provider_id = $${params.length}`;
  }
  params.push(principal.municipalities);
  const byMunicipality = `${alias}.municipality_code = ANY($${params.length})`;
  if (principal.roles.includes('PROVIDER') && principal.providerId) {
    params.push(principal.providerId);
    return `(${byMunicipality} OR ${alias}.provider_id = $${params.length})`;
  }
  return byMunicipality;
}
