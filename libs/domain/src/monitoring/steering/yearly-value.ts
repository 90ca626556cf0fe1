/**
 * K-F4 adds up what a client's concurrent decisions cost in a year. A tariff is a price per unit of its pricing
 * basis (domain.md §7.2): a trajectory is priced whole (its tariff is its value; one trajectory rarely outlasts
 * a year), a month twelve times a year, four weeks thirteen times; a yearly average is already a year. Task
 * funding has no price per client and adds nothing.
 */
export const YEARLY_FACTOR: Readonly<Record<string, number>> = {
  PER_TRAJECTORY: 1,
  PER_MONTH: 12,
  PER_4_WEEKS: 13,
  PER_YEAR_AVERAGE: 1,
  TASK: 0,
};

/** The SQL expression of the yearly value of a decision row aliased `alias` (tariff_cents, pricing_basis). */
export function yearlyValueSql(alias: string): string {
  const cases = Object.entries(YEARLY_FACTOR)
    .map(([basis, factor]) => `WHEN '${basis}' THEN ${factor}`)
    .join(' ');
  return `(${alias}.tariff_cents * CASE ${alias}.pricing_basis ${cases} ELSE 0 END)`;
}
