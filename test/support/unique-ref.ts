/** A reference no other test (or earlier run against the same database) uses; safe in workflow ids. */
export function uniqueRef(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
