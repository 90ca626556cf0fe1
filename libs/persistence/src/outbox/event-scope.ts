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
 * The SQL condition of a scope over `lifecycle_event` aliased `e`, with its parameters numbered from
 * `firstParam`. One definition for the feed and (as its SQL twin in the fan-out) for subscriptions.
 */
export function scopeCondition(scope: EventScope, firstParam: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'region':
      return { sql: 'true', params: [] };
    case 'municipalities':
      return { sql: `e.municipality_code = ANY($${firstParam}::text[])`, params: [scope.codes] };
    case 'provider':
      return {
        sql: `e.provider_id = $${firstParam} AND (e.audience IS NULL OR e.audience = ANY($${firstParam + 1}::text[]))`,
        params: [scope.providerId, PROVIDER_AUDIENCES],
      };
  }
}
