import type { Principal } from '../auth/principal';
import { isClientScoped, isProviderScoped, isRegionWide } from '../auth/tenant-scope';

/**
 * The SQL condition that limits read-model rows to what the caller may see (auth/tenant-scope.ts):
 * region-wide, its municipalities, or as a provider its own trajectories only. `params` is appended to.
 */
export function tenantCondition(principal: Principal, params: unknown[], alias = 't'): string {
  if (isClientScoped(principal)) {
    if (principal.clientId === undefined) return 'FALSE';
    params.push(principal.clientId, principal.municipalities);
    return `(${alias}.client_id = $${params.length - 1} AND ${alias}.municipality_code = ANY($${params.length}))`;
  }
  if (isProviderScoped(principal)) {
    if (principal.providerId === undefined) return 'FALSE';
    params.push(principal.providerId);
    return `${alias}.provider_id = $${params.length}`;
  }
  if (isRegionWide(principal)) return 'TRUE';
  params.push(principal.municipalities);
  return `${alias}.municipality_code = ANY($${params.length})`;
}
