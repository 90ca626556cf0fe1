import type { RuleViolation } from './transition-rejected';

export function violation(field: string, message: string): RuleViolation {
  return { field, message };
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Pushes a violation unless `value` is a non-empty string. */
export function requireText(out: RuleViolation[], field: string, value: unknown, why: string): void {
  if (!isNonEmptyString(value)) out.push(violation(field, why));
}

/** Ids end up in idempotency keys `{trajectoryId}:{kind}:…` (domain.md §7.7), so they cannot hold ':'. */
export function isKeySafeId(value: unknown): value is string {
  return isNonEmptyString(value) && !value.includes(':');
}

export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) twice.add(value);
    seen.add(value);
  }
  return [...twice];
}
