/**
 * The signals of the steering figures (issue 19), as the region sets them; the defaults are domain.md §6.6's.
 */
export interface SteeringConfig {
  /** `STEERING_STACKED_COST_CENTS`: K-F4 signals a client above this yearly value (DEFAULT €100,000, [001:L384]). */
  stackedCostThresholdCents: number;
  /**
   * `STEERING_MIX_DEVIATION_PERCENT`: K-F3 signals a provider whose intensity mix is more than this far from
   * the region's (total variation distance, in percent; DEFAULT 25).
   */
  mixDeviationPercent: number;
  /**
   * `STEERING_AVERAGING_BALANCE_PERCENT`: K-F1 signals a provider paid less than this share of the cost it
   * reported for a region and year (DEFAULT 90).
   */
  averagingBalancePercent: number;
}
