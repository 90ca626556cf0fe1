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
  /**
   * `STEERING_PRACTICE_VARIATION_PERCENT`: K-Q6 signals a municipality whose first choices of arrangement are more
   * than this far from the region's for the same profiles (total variation distance, in percent; DEFAULT 25).
   */
  practiceVariationPercent: number;
  /**
   * `STEERING_REFRESH_SECONDS`: how often the API rewrites the steering rollups (DEFAULT 300). A read finds them
   * older than twice this (no replica refreshed them) and refreshes first; 0 refreshes before every read.
   */
  refreshSeconds: number;
}
