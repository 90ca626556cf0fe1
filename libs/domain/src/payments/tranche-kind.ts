/** The kinds of payment tranche (domain.md §7.2 Payment `tranche`). */
export const TRANCHE_KINDS = ['INITIAL', 'FINAL', 'PERIOD', 'ADJUSTMENT', 'ANNUAL'] as const;

export type TrancheKind = (typeof TRANCHE_KINDS)[number];

/**
 * Why an ADJUSTMENT exists. SCALING adjustments are never negative (domain.md §7.8: no reclaim);
 * PRICE_CORRECTION is the one declared adjustment that may be negative (R-END-05, R-TAR-05).
 */
export type AdjustmentCause = 'SCALING' | 'PRICE_CORRECTION';
