import type { EventScope, SubscriptionFilter, SubscriptionTenant } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { isClientScoped, isProviderScoped, isRegionWide } from '../auth/tenant-scope';
import { forbiddenTenant, invalidFields } from '../common/domain-errors';

/** The events a caller may read: its provider's, its municipalities', or the region's (tenant-scope.ts rules). */
export function eventScopeOf(principal: Principal): EventScope {
  // The feeds are for organisations (CLIENT is not admitted); a resident would see nothing, never a municipality.
  if (isClientScoped(principal)) return { kind: 'municipalities', codes: [] };
  if (isProviderScoped(principal)) return { kind: 'provider', providerId: principal.providerId ?? '' };
  if (isRegionWide(principal)) return { kind: 'region' };
  return { kind: 'municipalities', codes: principal.municipalities };
}

/**
 * The subscriptions and contacts a caller sees and manages: its provider, or its municipalities. Only an
 * OPERATOR without municipalities manages across the region — a region-wide reading role (FINANCE) combined
 * with a managing one does not widen what the caller may change.
 */
export function tenantFilterOf(principal: Principal): SubscriptionFilter {
  if (isClientScoped(principal)) return { kind: 'municipalities', codes: [] };
  if (isProviderScoped(principal)) return { kind: 'provider', providerId: principal.providerId ?? '' };
  if (principal.municipalities.length === 0 && principal.roles.includes('OPERATOR'))
    return { kind: 'region' };
  return { kind: 'municipalities', codes: principal.municipalities };
}

/** Whether a subscription or contact of `owner` is the caller's; callers answer 404 when not. */
export function ownsTenant(
  principal: Principal,
  owner: { municipalityCode: string | null; providerId: string | null },
): boolean {
  const filter = tenantFilterOf(principal);
  switch (filter.kind) {
    case 'region':
      return true;
    case 'provider':
      return owner.providerId !== null && owner.providerId === filter.providerId;
    case 'municipalities':
      return owner.municipalityCode !== null && filter.codes.includes(owner.municipalityCode);
  }
}

/**
 * The tenant a new subscription or contact belongs to. A provider always acts for itself; a municipality's
 * caller for the municipality it names (or its only one); a region-wide operator names exactly one tenant.
 */
export function tenantForNew(
  principal: Principal,
  body: { municipalityCode?: string; providerId?: string },
): SubscriptionTenant {
  const filter = tenantFilterOf(principal);
  if (body.municipalityCode !== undefined && body.providerId !== undefined) {
    throw invalidFields([
      { field: 'providerId', message: 'name a municipalityCode or a providerId, not both' },
    ]);
  }
  switch (filter.kind) {
    case 'provider':
      if (!filter.providerId) throw forbiddenTenant('a provider: the token names none');
      if (body.municipalityCode !== undefined) throw forbiddenTenant(`municipality ${body.municipalityCode}`);
      if (body.providerId !== undefined && body.providerId !== filter.providerId) {
        throw forbiddenTenant(`provider ${body.providerId}`);
      }
      return { providerId: filter.providerId };
    case 'region':
      if (body.municipalityCode !== undefined) return { municipalityCode: body.municipalityCode };
      if (body.providerId !== undefined) return { providerId: body.providerId };
      throw invalidFields([
        { field: 'municipalityCode', message: 'name the municipalityCode or providerId it is for' },
      ]);
    case 'municipalities': {
      if (body.providerId !== undefined) throw forbiddenTenant(`provider ${body.providerId}`);
      const code = body.municipalityCode ?? (filter.codes.length === 1 ? filter.codes[0] : undefined);
      if (code === undefined) {
        throw invalidFields([
          {
            field: 'municipalityCode',
            message: 'you act for several municipalities: name the one it is for',
          },
        ]);
      }
      if (!filter.codes.includes(code)) throw forbiddenTenant(`municipality ${code}`);
      return { municipalityCode: code };
    }
  }
}

/** A subscription or contact id as this API makes them (UUID); anything else is simply not found. */
export const RESOURCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
