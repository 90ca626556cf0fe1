/**
 * Who acts on a trajectory (domain.md §3.7, §1.4). Tokens carry these roles; the API allows each action to
 * named roles only, and the workflow checks the role again as a domain rule.
 */
export const ROLES = [
  'CASE_SYSTEM',
  'LOCAL_TEAM',
  'PROVIDER',
  'BREAKTHROUGH_TABLE',
  'FINANCE',
  'OPERATOR',
] as const;
export type Role = (typeof ROLES)[number];
