import { annualInstalmentCents, instalmentOfYear } from './annual-instalment';
import { assertDecisionFitsPolicy } from './care-decision-terms';
import type { CareDecisionTerms } from './care-decision-terms';
import { PRESET_RULE } from './payment-policy-preset';
import { instalmentsPerYearOf } from './payment-policy';
import type { PaymentPolicy } from './payment-policy';
import { PaymentRuleError } from './payment-rule-error';
import type { PlannedTranche } from './planned-tranche';

/**
 * The tranche for period `periodIndex` (1-based, counted from the start of care) of a period-priced
 * trajectory, at the rate of `decision`, which must be the decision in force when the period begins
 * (domain.md §7.8: a new rate applies from the next period boundary). Periods are paid when they begin and
 * are never pro-rated or reclaimed when care ends inside one (DEFAULT, like §7.8 "no reclaim").
 *
 * - MONTHLY / PERIOD_4W_BLOCKS: one PERIOD tranche of the decision's rate per month or per 4 weeks (the
 *   client-following rate per period, cliëntvolgend tarief per periode, R-TAR-07).
 * - ANNUAL_HIGH_COMPLEX: the ANNUAL instalment of the annual price that falls in this period (R-TAR-08).
 */
export function periodTranche(
  policy: PaymentPolicy,
  decision: CareDecisionTerms,
  periodIndex: number,
): PlannedTranche {
  assertDecisionFitsPolicy(policy, decision);
  if (!Number.isSafeInteger(periodIndex) || periodIndex < 1) {
    throw new PaymentRuleError(
      'INVALID_PERIOD',
      `periodIndex must be a positive integer, got ${String(periodIndex)}`,
    );
  }
  const rule = PRESET_RULE[policy.preset];
  const tariff = decision.tariffCents;
  switch (policy.preset) {
    case 'MONTHLY':
    case 'PERIOD_4W_BLOCKS':
      return {
        kind: 'PERIOD',
        amountCents: tariff,
        basis: `period ${periodIndex} (${String(policy.periodLength)}) at ${tariff} cents per period (${rule})`,
        decisionVersion: decision.decisionVersion,
        period: periodIndex,
      };
    case 'ANNUAL_HIGH_COMPLEX': {
      // domain.md §7.7 ANNUAL_HIGH_COMPLEX (DEFAULT): 12 monthly instalments sum exactly to the annual price.
      const perYear = instalmentsPerYearOf(policy);
      const instalment = instalmentOfYear(periodIndex, perYear);
      return {
        kind: 'ANNUAL',
        amountCents: annualInstalmentCents(tariff, instalment, perYear),
        basis: `instalment ${instalment}/${perYear} of annual price ${tariff} cents, period ${periodIndex} (${rule})`,
        decisionVersion: decision.decisionVersion,
        period: periodIndex,
      };
    }
    default:
      throw new PaymentRuleError('NOT_A_PERIODIC_POLICY', `${policy.preset} has no period tranches`);
  }
}
