import type { ArrangementFact, MonitoringPeriod, TrajectoryFact } from './monitoring-facts';
import { inPeriod } from './monitoring-facts';
import { groupBy, mean, median, rate } from './statistics';

export interface ArrangementCostFigures {
  arrangementCode: string;
  pricingBasis: string | null;
  trajectories: number;
  ledgerCents: number;
  meanCostCents: number | null;
  /** The mean tariff of the decisions (an AVERAGE price per unit of the pricing basis, R-TAR-05). */
  meanTariffCents: number | null;
  /** Σ ledger ÷ Σ tariff: above 1 the trajectories cost more than one tariff unit (per-month bases will). */
  costToTariff: number | null;
}

/**
 * Cost (domain.md §6.6 K-F2/K-F5, §6.3 "value of assignments"): for the trajectories whose care STARTED in
 * the period, the money the payment ledger holds for them (every instruction not CANCELLED or WITHHELD, all
 * tranches so far), per trajectory and per current arrangement against the arrangement's tariff.
 */
export interface CostFigures {
  trajectories: number;
  ledgerCents: number;
  meanCostCents: number | null;
  medianCostCents: number | null;
  byArrangement: ArrangementCostFigures[];
}

const cents = (value: number | null) => (value === null ? null : Math.round(value));

export function costFigures(
  trajectories: readonly TrajectoryFact[],
  arrangements: readonly ArrangementFact[],
  period: MonitoringPeriod,
): CostFigures {
  const started = trajectories.filter((t) => inPeriod(t.startedAt, period));
  const basisOf = new Map(arrangements.map((a) => [a.code, a.pricingBasis]));
  const costs = started.map((t) => t.ledgerCents);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    trajectories: started.length,
    ledgerCents: sum(costs),
    meanCostCents: cents(mean(costs)),
    medianCostCents: cents(median(costs)),
    byArrangement: groupBy(started, (t) => t.arrangementCode)
      .filter((entry): entry is [string, TrajectoryFact[]] => entry[0] !== null)
      .map(([code, group]) => {
        const ledger = sum(group.map((t) => t.ledgerCents));
        const tariffs = group.map((t) => t.tariffCents).filter((c): c is number => c !== null);
        return {
          arrangementCode: code,
          pricingBasis: basisOf.get(code) ?? null,
          trajectories: group.length,
          ledgerCents: ledger,
          meanCostCents: cents(mean(group.map((t) => t.ledgerCents))),
          meanTariffCents: cents(mean(tariffs)),
          costToTariff: tariffs.length === group.length ? rate(ledger, sum(tariffs)) : null,
        };
      }),
  };
}
