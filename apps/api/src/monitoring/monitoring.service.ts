import { HttpStatus, Injectable } from '@nestjs/common';
import { withheldBelowMinimum, type MonitoringIndicators, type MonitoringPeriod } from '@app/domain';
import type { Principal } from '../auth/principal';
import { isProviderScoped } from '../auth/tenant-scope';
import { ApiException } from '../common/domain-errors';
import { MonitoringFiguresReader } from './monitoring-figures.reader';
import type { MonitoringQueryDto } from './monitoring-query.dto';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A date is a whole day (UTC): `from` its first instant, `to` the next midnight; instants are taken as is. */
export function periodOf(q: MonitoringQueryDto): MonitoringPeriod {
  const from =
    q.from === undefined ? null : new Date(DATE_ONLY.test(q.from) ? `${q.from}T00:00:00Z` : q.from);
  const to =
    q.to === undefined
      ? null
      : DATE_ONLY.test(q.to)
        ? new Date(Date.parse(`${q.to}T00:00:00Z`) + DAY_MS)
        : new Date(q.to);
  if (from !== null && to !== null && from.getTime() >= to.getTime()) {
    throw new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'The request has invalid fields', {
      errors: [{ field: 'to', message: 'to must lie after from' }],
    });
  }
  return { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null };
}

/**
 * The ONE place where the monitoring figures of domain.md §6 are computed, for the JSON and CSV endpoints
 * and (through them) the dashboard: each section aggregated in PostgreSQL over the caller's scope
 * (monitoring-figures.reader.ts), in one snapshot; the API holds aggregates only. The section rules are those of
 * libs/domain/src/monitoring, which test/monitoring-sql.test.ts holds the SQL to.
 */
@Injectable()
export class MonitoringService {
  constructor(private readonly reader: MonitoringFiguresReader) {}

  async indicators(
    principal: Principal,
    q: MonitoringQueryDto,
    now = new Date(),
  ): Promise<MonitoringIndicators> {
    const period = periodOf(q);
    const scope = this.reader.scope(principal, q, period);
    const r = this.reader;
    const indicators: MonitoringIndicators = await r.snapshot(async (db) => {
      // One connection holds the snapshot: the sections run one after another on it.
      const trajectories = await r.trajectories(db, scope);
      const outcomes = await r.outcomes(db, scope);
      const familySatisfaction = await r.familySatisfaction(db, scope, now);
      const leadTimes = await r.leadTimes(db, scope);
      const roundTrips = await r.roundTrips(db, scope);
      const escalations = await r.escalations(db, scope);
      const evaluations = await r.evaluations(db, scope);
      const scaling = await r.scaling(db, scope);
      const costs = await r.costs(db, scope);
      const reentry = await r.reentry(db, scope, now);
      return {
        filter: {
          municipality: q.municipality ?? null,
          provider: q.provider ?? null,
          domain: q.domain ?? null,
          from: q.from ?? null,
          to: q.to ?? null,
        },
        period,
        generatedAt: now.toISOString(),
        trajectories,
        outcomes,
        familySatisfaction,
        leadTimes,
        roundTrips,
        escalations,
        evaluations,
        scaling,
        costs,
        reentry,
      };
    });
    // A provider is judged by the families: it never sees a figure small enough to give one family away.
    if (!isProviderScoped(principal)) return indicators;
    const family = indicators.familySatisfaction;
    return {
      ...indicators,
      familySatisfaction: {
        overall: withheldBelowMinimum(family.overall),
        byProvider: family.byProvider.map((p) => ({ ...withheldBelowMinimum(p), providerId: p.providerId })),
      },
    };
  }
}
