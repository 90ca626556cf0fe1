import type { DataSource } from 'typeorm';
import { indicatorFigures } from '@app/domain';
import type { Principal } from '../apps/api/src/auth/principal';
import { MonitoringFiguresReader } from '../apps/api/src/monitoring/monitoring-figures.reader';
import type { MonitoringQueryDto } from '../apps/api/src/monitoring/monitoring-query.dto';
import { MonitoringService } from '../apps/api/src/monitoring/monitoring.service';
import { referenceIndicators } from './support/monitoring-facts-reference';
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

  it.each(CASES)('%s', async (_, principal, q) => {
    const now = new Date();
    const sql = await new MonitoringService(new MonitoringFiguresReader(db)).indicators(principal, q, now);
    const expected = await referenceIndicators(db, principal, q, now);
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
