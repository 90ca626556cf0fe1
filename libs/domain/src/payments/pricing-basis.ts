/**
 * How an arrangement is priced (domain.md §7.1 principle 2, §3.2): one price per trajectory (R-TAR-01), an
 * amount per month (R-TAR-02), a client-following rate per 4 weeks (R-TAR-07), an average price per
 * resident per year (R-TAR-08), or a task budget with no client-level payments (R-TAR-11).
 * HOUR_BAND (model C, document 002) is out of scope (decisions.md 8).
 */
export const PRICING_BASES = [
  'PER_TRAJECTORY',
  'PER_MONTH',
  'PER_4_WEEKS',
  'PER_YEAR_AVERAGE',
  'TASK',
] as const;

export type PricingBasis = (typeof PRICING_BASES)[number];

export function isPricingBasis(value: unknown): value is PricingBasis {
  return typeof value === 'string' && (PRICING_BASES as readonly string[]).includes(value);
}
