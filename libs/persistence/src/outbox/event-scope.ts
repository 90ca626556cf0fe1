/**
 * Whose events a reader or a subscription sees: the whole region (FINANCE, OPERATOR without municipalities),
 * some municipalities, or one provider. A provider sees the state changes of the trajectories where it was
 * the lead provider when they happened, and the notices addressed to providers (PROVIDER, DRAFTERS).
 */
export type EventScope =
  | { kind: 'region' }
  | { kind: 'municipalities'; codes: readonly string[] }
  | { kind: 'provider'; providerId: string };

/** Notice audiences a provider receives; every other notice is for the municipality's roles. */
export const PROVIDER_AUDIENCES = ['PROVIDER', 'DRAFTERS'] as const;

/**
 * The SQL condition "belongs to this tenant" over any table with `municipality_code` and `provider_id` columns
 * (events, subscriptions, contacts), optionally aliased, with its parameters numbered from `firstParam`.
 */
export function tenantCondition(
  scope: EventScope,
  firstParam = 1,
  alias = '',
): { sql: string; params: unknown[] } {
  const at = alias ? `${alias}.` : '';
  switch (scope.kind) {
    case 'region':
      return { sql: 'true', params: [] };
    case 'municipalities':
      return { sql: `${at}municipality_code = ANY($${firstParam}::text[])`, params: [scope.codes] };
    case 'provider':
      return { sql: `${at}provider_id = $${firstParam}`, params: [scope.providerId] };
  }
}

/**
 * The events a scope sees, over `lifecycle_event` aliased `e`: its tenant's, and for a provider only state
 * changes and the notices for providers. The fan-out in event-outbox.ts states the same rule for subscriptions.
 */
export function scopeCondition(scope: EventScope, firstParam: number): { sql: string; params: unknown[] } {
  const tenant = tenantCondition(scope, firstParam, 'e');
  if (scope.kind !== 'provider') return tenant;
  return {
    sql: `${tenant.sql} AND (e.audience IS NULL OR e.audience = ANY($${firstParam + tenant.params.length}::text[]))`,
    params: [...tenant.params, PROVIDER_AUDIENCES],
  };
}
