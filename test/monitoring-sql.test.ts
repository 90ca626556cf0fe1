import type { DataSource } from 'typeorm';
import {
  indicatorFigures,
  monitoringIndicators,
  withheldBelowMinimum,
  type MonitoringIndicators,
} from '@app/domain';
import type { Principal } from '../apps/api/src/auth/principal';
import { isProviderScoped } from '../apps/api/src/auth/tenant-scope';
import { MonitoringFiguresReader } from '../apps/api/src/monitoring/monitoring-figures.reader';
import type { MonitoringQueryDto } from '../apps/api/src/monitoring/monitoring-query.dto';
import { MonitoringService, periodOf } from '../apps/api/src/monitoring/monitoring.service';
import { MonitoringFactsReader } from './support/monitoring-facts-reference';
import { migrateTestDatabase, openDataSource } from './support/stack';

/**
 * Issue 19: "the dashboard's figures equal the SQL's on the suite's own data". GET /monitoring/indicators
 * aggregates in PostgreSQL; the domain's pure functions (libs/domain/src/monitoring) stay the specification. This
 * file runs after every other (test/support/sequencer.js), over everything the suite's lifecycles, tables,
 * evaluations, scaling, payments and family answers left in the database, and holds the SQL to the pure functions
 * fed with the rows — for several callers, filters and periods. Values agree to the figures' last decimal (the
 * two sum floating-point days in a different order).
 */
const operator: Principal = {
  subject: 'monitoring-sql',
  roles: ['OPERATOR'],
  municipalities: [],
  via: 'jwt',
};

const CASES: [string, Principal, MonitoringQueryDto][] = [
  ['the whole region, all time', operator, {}],
  ['the whole region, this year in dates', operator, { from: '2026-01-01', to: '2026-12-31' }],
  ['one municipality', operator, { municipality: 'GM0405' }],
  ['a lead provider filter and youth care', operator, { provider: 'PRV-HORIZON', domain: 'JEUGD' }],
  [
    'a provider itself',
    { subject: 'prv', roles: ['PROVIDER'], municipalities: [], providerId: 'PRV-HORIZON', via: 'jwt' },
    {},
  ],
  [
    'a local team, the last hours as instants',
    { subject: 'lt', roles: ['LOCAL_TEAM'], municipalities: ['GM0405', 'GM0420'], via: 'jwt' },
    { from: new Date(Date.now() - 6 * 3_600_000).toISOString(), to: new Date().toISOString() },
  ],
];

describe('monitoring figures in SQL equal the domain’s pure functions on the suite’s data', () => {
  let db: DataSource;
  beforeAll(async () => {
    await migrateTestDatabase();
    db = await openDataSource();
  });
  afterAll(() => db?.destroy());

  async function reference(
    principal: Principal,
    q: MonitoringQueryDto,
    now: Date,
  ): Promise<MonitoringIndicators> {
    const reader = new MonitoringFactsReader(db);
    const period = periodOf(q);
    const scope = reader.scope(principal, q, period);
    const [trajectories, escalations, careEvents, clientTrajectories, arrangements, satisfactionOccasions] =
      await Promise.all([
        reader.trajectories(scope),
        reader.escalations(scope),
        reader.careEvents(scope),
        reader.clientTrajectories(scope),
        reader.arrangements(),
        reader.satisfactionOccasions(scope),
      ]);
    const figures = monitoringIndicators(
      {
        period,
        now: now.toISOString(),
        trajectories,
        escalations,
        careEvents,
        clientTrajectories,
        arrangements,
        satisfactionOccasions,
      },
      {
        municipality: q.municipality ?? null,
        provider: q.provider ?? null,
        domain: q.domain ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
      },
    );
    if (!isProviderScoped(principal)) return figures;
    const family = figures.familySatisfaction;
    return {
      ...figures,
      familySatisfaction: {
        overall: withheldBelowMinimum(family.overall),
        byProvider: family.byProvider.map((p) => ({ ...withheldBelowMinimum(p), providerId: p.providerId })),
      },
    };
  }

  it.each(CASES)('%s', async (_, principal, q) => {
    const now = new Date();
    const sql = await new MonitoringService(new MonitoringFiguresReader(db)).indicators(principal, q, now);
    const expected = await reference(principal, q, now);
    // The suite left something to count (the figures are not trivially empty).
    if (principal === operator && Object.keys(q).length === 0)
      expect(expected.trajectories).toBeGreaterThan(10);
    const got = indicatorFigures(sql);
    const want = indicatorFigures(expected);
    // The same figures, in the same order (the CSV's rows)…
    expect(got.map((f) => f.figure)).toEqual(want.map((f) => f.figure));
    // …with the same values.
    const differing = got.filter((f, i) => {
      const w = want[i].value;
      if (f.value === null || w === null) return f.value !== w;
      return Math.abs(f.value - w) > 0.0101;
    });
    expect(differing.map((f, i) => ({ ...f, expected: want[got.indexOf(f)].value, i }))).toEqual([]);
    expect(sql.period).toEqual(expected.period);
    expect(sql.filter).toEqual(expected.filter);
  });
});
