import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { monthsBetween, steeringReport, type SteeringReport } from '@app/domain';
import { amsterdamMonth } from '@app/ledger';
import { APP_CONFIG } from '@app/platform';
import type { Principal } from '../../auth/principal';
import { isProviderScoped } from '../../auth/tenant-scope';
import { invalidFields } from '../../common/domain-errors';
import { filterScope } from '../monitoring-filter';
import { SteeringFiguresReader, type SteeringScope } from './steering-figures.reader';
import type { SteeringQueryDto } from './steering-query.dto';
import { SteeringRefresh } from './steering-refresh';

/** A report spans at most three years of months: enough for a trend, bounded for the database. */
const MAX_MONTHS = 36;

export interface SteeringResult extends SteeringReport {
  filter: { municipality: string | null; provider: string | null; domain: string | null };
  generatedAt: string;
  /** The instant of the read model and ledger the figures were taken from (the rollups' refresh). */
  asOf: string;
}

/**
 * The steering figures (issue 19): PostgreSQL's monthly rollups (kept current by SteeringRefresh) summed over the
 * caller's scope, turned into series and signals by libs/domain's steeringReport. The API holds aggregates only —
 * a few rows per indicator, month and provider — never the scope's trajectories.
 */
@Injectable()
export class SteeringService {
  constructor(
    private readonly reader: SteeringFiguresReader,
    private readonly rollups: SteeringRefresh,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(principal: Principal, q: SteeringQueryDto, now = new Date()): Promise<SteeringResult> {
    const months = window(q, now);
    const scope = scopeOf(principal, q);
    const first = `${months[0]}-01`;
    const last = `${months[months.length - 1]}-01`;
    const threshold = this.config.steering.stackedCostThresholdCents;
    const { refreshedAt } = await this.rollups.current(now);
    // Practice variation is about local teams: a provider's scope has none to compare.
    const teams = !isProviderScoped(principal);
    const [
      stocks,
      active,
      money,
      flows,
      reported,
      stacked,
      balances,
      choices,
      regionChoices,
      durations,
      yearly,
    ] = await Promise.all([
      this.reader.stocks(scope, first, last, threshold),
      this.reader.activeClients(scope, first, last),
      this.reader.moneyFlows(scope, first, last),
      this.reader.trajectoryFlows(scope, first, last),
      this.reader.reportedFigures(scope, first, last),
      this.reader.stackedClients(scope, last, threshold),
      this.reader.averagingBalance(scope, first, last),
      teams ? this.reader.choices(scope, first, last) : [],
      teams ? this.reader.regionChoices(scope, first, last) : [],
      this.reader.durationBySegment(scope, first, last),
      this.reader.yearlyCostPerClient(scope, first, last),
    ]);
    const report = steeringReport(
      [...stocks, ...active, ...money, ...flows, ...reported],
      stacked,
      months,
      {
        stackedCostCents: threshold,
        mixDeviation: this.config.steering.mixDeviationPercent / 100,
        averagingBalance: this.config.steering.averagingBalancePercent / 100,
        practiceVariation: this.config.steering.practiceVariationPercent / 100,
      },
      balances,
      choices,
      regionChoices,
      durations,
      yearly,
    );
    // A practice-variation signal links to the trajectories behind it: the municipality's of that profile.
    const signals = await Promise.all(
      report.signals.map(async (s) =>
        s.kind === 'PRACTICE_VARIATION'
          ? {
              ...s,
              trajectoryIds: await this.reader.choiceTrajectories(
                scope,
                s.municipalityCode,
                s.profile,
                first,
                last,
              ),
            }
          : s,
      ),
    );
    return {
      filter: {
        municipality: q.municipality ?? null,
        provider: q.provider ?? null,
        domain: q.domain ?? null,
      },
      generatedAt: now.toISOString(),
      asOf: refreshedAt.toISOString(),
      ...report,
      signals,
    };
  }
}

function window(q: SteeringQueryDto, now: Date): string[] {
  const to = q.to ?? amsterdamMonth(now);
  const [y, m] = to.split('-').map(Number);
  const back = new Date(Date.UTC(y, m - 1 - 11, 1)).toISOString().slice(0, 7);
  const from = q.from ?? back;
  const months = monthsBetween(from, to);
  if (months.length === 0) throw invalidFields([{ field: 'from', message: 'from must not be after to' }]);
  if (months.length > MAX_MONTHS) {
    throw invalidFields([{ field: 'from', message: `at most ${MAX_MONTHS} months from from to to` }]);
  }
  return months;
}

function scopeOf(principal: Principal, q: SteeringQueryDto): SteeringScope {
  const { where, params } = filterScope(principal, q);
  return {
    where: where.join(' AND '),
    params,
    fixesProvider: isProviderScoped(principal) || q.provider !== undefined,
    fixesDomain: q.domain !== undefined,
  };
}
