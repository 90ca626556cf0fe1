import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import type { SteeringFigure } from '@app/domain';
import type { Principal } from '../apps/api/src/auth/principal';
import { SteeringFiguresReader } from '../apps/api/src/monitoring/steering/steering-figures.reader';
import { SteeringService } from '../apps/api/src/monitoring/steering/steering.service';
import { CostReports } from '@app/register';
import { dataSourceOptions, runMigrations } from '@app/persistence';
import { createOwnDatabase } from './support/database';
import { seedSteeringRegion } from './support/steering-seed';

/**
 * The steering figures of issue 19 as PostgreSQL computes them, one indicator at a time, on the small hand-made
 * region of test/support/steering-seed.ts (its four trajectories, decisions and payments are described there).
 * Each expectation's arithmetic is in its comment.
 */
describe('steering figures in PostgreSQL (issue 19), on hand-made data', () => {
  let db: DataSource;
  let service: SteeringService;
  const code = `GMS${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
  let id: (n: number) => string;
  const operator: Principal = {
    subject: 'steering-test',
    roles: ['OPERATOR'],
    municipalities: [code],
    via: 'jwt',
  };
  let figures: Record<string, SteeringFigure>;
  let report: Awaited<ReturnType<SteeringService['report']>>;

  let database: Awaited<ReturnType<typeof createOwnDatabase>> | undefined;

  beforeAll(async () => {
    // Its hand-made ledger rows have no workflow behind them: a database of its own, so the suite-wide
    // reconciliation (test/suite-reconciliation.test.ts) never meets them.
    database = await createOwnDatabase('steering');
    await runMigrations(database.url);
    db = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
    id = await seedSteeringRegion(db, code);
    // P1 reports €10,000 of cost for 2026 in West-Friesland; P2 reports nothing.
    await new CostReports(db).put(
      { providerId: 'P1', regionId: 'WEST-FRIESLAND', year: 2026, costCents: 1_000_000 },
      'p1-finance',
    );
    service = new SteeringService(new SteeringFiguresReader(db), loadConfig());
    report = await service.report(operator, { from: '2026-01', to: '2026-03' });
    figures = Object.fromEntries(report.figures.map((f) => [f.id, f]));
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const provider = (f: SteeringFigure, p: string) => f.byProvider.find((s) => s.providerId === p)?.values;

  it('reports the three months asked, with the thresholds it used', () => {
    expect(report.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(report.thresholds).toEqual({
      stackedCostCents: 10_000_000,
      mixDeviation: 0.25,
      averagingBalance: 0.9,
    });
  });

  it('K-F5 value of assignments: Σ tariffs in force at each month’s end, the highest version, not closed', () => {
    // Jan 31: T1 €3,900 + T3 v2 €4,500 (v1 superseded) = €8,400. Feb 28 and Mar 31: T3 closed on 15 Feb, T2 in
    // force from 3 Feb: T1 €3,900 + T2 €9,000 = €12,900. T4's decision starts 1 Mar but T4 closed 10 Mar.
    expect(figures['K-F5'].region).toEqual([840_000, 1_290_000, 1_290_000]);
    expect(provider(figures['K-F5'], 'P1')).toEqual([840_000, 390_000, 390_000]);
    expect(provider(figures['K-F5'], 'P2')).toEqual([0, 900_000, 900_000]);
  });

  it('K-F2 cost per client: payments due in the month, not withheld or cancelled, ÷ the clients they pay for', () => {
    // Jan: €1,950 (c1) + €2,500 (c2) = €4,450 ÷ 2 = €2,225. Feb: €2,000 (c2) + €9,000 (c1) = €11,000 ÷ 2 = €5,500.
    // Mar: T2's period withheld, T4's final cancelled: nothing paid, no client: null, not 0.
    expect(figures['K-F2'].region).toEqual([222_500, 550_000, null]);
    expect(provider(figures['K-F2'], 'P1')).toEqual([222_500, 200_000, null]);
    expect(provider(figures['K-F2'], 'P2')).toEqual([null, 900_000, null]);
  });

  it('K-F3 intensity mix: each provider against the region of the same month', () => {
    // Jan: only P1 (MIDDEN T1, ZWAAR T3) = the region: 0. Feb: region MIDDEN 1/2, LICHT 1/2; P1 MIDDEN only:
    // ½(|1 − ½| + |0 − ½|) = 0.5; P2 LICHT only: 0.5. P2 had nothing in force in Jan: null.
    expect(provider(figures['K-F3'], 'P1')).toEqual([0, 0.5, 0.5]);
    expect(provider(figures['K-F3'], 'P2')).toEqual([null, 0.5, 0.5]);
    expect(figures['K-F3'].region).toEqual([null, null, null]);
  });

  it('K-F4 stacked cost: clients above €100,000 a year on their concurrent decisions, with the trajectories', () => {
    // c1 from Feb: T1 €3,900 (a trajectory is its own year) + T2 €9,000 × 12 = €111,900 > €100,000.
    expect(figures['K-F4'].region).toEqual([0, 1, 1]);
    expect(figures['K-F4'].byProvider).toEqual([]);
    expect(report.signals.filter((s) => s.kind === 'STACKED_COST')).toEqual([
      {
        kind: 'STACKED_COST',
        indicator: 'K-F4',
        municipalityCode: code,
        clientId: 'c1',
        yearlyCents: 11_190_000,
        thresholdCents: 10_000_000,
        trajectoryIds: [id(1), id(2)],
      },
    ]);
  });

  it('K-F6 billed periods and K-F7 final-tranche rate', () => {
    // One period due in Feb (T2), the March one withheld.
    expect(figures['K-F6'].region).toEqual([0, 1, 0]);
    // Closed in Feb: T3, its final tranche released: 1/1. Closed in Mar: T4, its final cancelled: 0/1.
    expect(figures['K-F7'].region).toEqual([null, 1, 0]);
    expect(provider(figures['K-F7'], 'P2')).toEqual([null, null, 0]);
  });

  it('K-Q2 duration against planned, and K-Q8 segment-gap cases', () => {
    // T3 closed 15 Feb after care from 10 Jan: 36 days, of the 173 its first decision granted (8 Jan to 30 Jun):
    // 36 ÷ 173 = 0.2081. T4 closed in March without care starting: no figure.
    expect(figures['K-Q2'].region).toEqual([null, 0.2081, null]);
    expect(figures['K-Q8'].region).toEqual([0, 1, 0]);
    expect(provider(figures['K-Q8'], 'P2')).toEqual([0, 1, 0]);
  });

  it('K-Q1 inflow and outflow per month', () => {
    // Opened: Jan T1, T3, T4; Feb T2. Closed: Feb T3; Mar T4.
    expect(figures['K-Q1-IN'].region).toEqual([3, 1, 0]);
    expect(figures['K-Q1-OUT'].region).toEqual([0, 1, 1]);
    expect(provider(figures['K-Q1-IN'], 'P2')).toEqual([1, 1, 0]);
  });

  it('K-F1 averaging balance: released payments of the year against the cost the provider reported', () => {
    // P1: €1,950 + €2,500 + €2,000 released = €6,450 against €10,000 reported: 0.645, under 0.9: a signal.
    // P2: €9,000 released (the withheld period and the cancelled final do not count), no report: no figure.
    // (Other suites' P1/P2 rows elsewhere in West-Friesland are outside this operator's municipality.)
    expect(report.averagingBalance).toEqual([
      {
        year: 2026,
        providerId: 'P1',
        regionId: 'WEST-FRIESLAND',
        paidCents: 645_000,
        reportedCostCents: 1_000_000,
        balance: 0.645,
      },
      {
        year: 2026,
        providerId: 'P2',
        regionId: 'WEST-FRIESLAND',
        paidCents: 900_000,
        reportedCostCents: null,
        balance: null,
      },
    ]);
    expect(report.signals.filter((s) => s.kind === 'AVERAGING_BALANCE')).toEqual([
      expect.objectContaining({ providerId: 'P1', balance: 0.645, threshold: 0.9 }),
    ]);
  });

  it('sees nothing of another municipality: the same report for a stranger is empty', async () => {
    const stranger: Principal = { ...operator, municipalities: ['GM9999'] };
    const theirs = await service.report(stranger, { from: '2026-01', to: '2026-03' });
    expect(theirs.figures.find((f) => f.id === 'K-F5')?.region).toEqual([0, 0, 0]);
    expect(theirs.signals).toEqual([]);
  });

  it('refuses a window backwards or longer than three years (400 naming from)', async () => {
    await expect(service.report(operator, { from: '2026-05', to: '2026-03' })).rejects.toMatchObject({
      extra: { errors: [expect.objectContaining({ field: 'from' })] },
    });
    await expect(service.report(operator, { from: '2020-01', to: '2026-03' })).rejects.toMatchObject({
      extra: { errors: [expect.objectContaining({ field: 'from' })] },
    });
  });
});
