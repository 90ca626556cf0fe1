import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import type { SteeringFigure } from '@app/domain';
import type { Principal } from '../apps/api/src/auth/principal';
import { SteeringFiguresReader } from '../apps/api/src/monitoring/steering/steering-figures.reader';
import { SteeringRefresh } from '../apps/api/src/monitoring/steering/steering-refresh';
import { SteeringService } from '../apps/api/src/monitoring/steering/steering.service';
import { CostReports, MonthlyReports } from '@app/register';
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
    // Waiting lists (K-Q4): P1 5 in Jan and 7 in Feb, P2 3 in Feb; nobody reported March. The region's
    // cooperation survey (K-C2) in Feb: P1 7.5 over 4 respondents, P2 6.0 over 6.
    const monthly = new MonthlyReports(db);
    const reported = (
      kind: 'WAITING_LIST' | 'COOPERATION_SCORE',
      p: string,
      month: string,
      value: number,
      n?: number,
    ) =>
      monthly.put(
        kind,
        { providerId: p, regionId: 'WEST-FRIESLAND', month, value, respondents: n ?? null },
        'test',
      );
    await reported('WAITING_LIST', 'P1', '2026-01', 5);
    await reported('WAITING_LIST', 'P1', '2026-02', 7);
    await reported('WAITING_LIST', 'P2', '2026-02', 3);
    await reported('COOPERATION_SCORE', 'P1', '2026-02', 75, 4);
    await reported('COOPERATION_SCORE', 'P2', '2026-02', 60, 6);
    service = steeringService(0);
    report = await service.report(operator, { from: '2026-01', to: '2026-03' });
    figures = Object.fromEntries(report.figures.map((f) => [f.id, f]));
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  /** The service as the API builds it, its rollups refreshed every `refreshSeconds` (0: before every read). */
  const steeringService = (refreshSeconds: number) => {
    const config = loadConfig({ ...process.env, STEERING_REFRESH_SECONDS: String(refreshSeconds) });
    return new SteeringService(new SteeringFiguresReader(db), new SteeringRefresh(db, config), config);
  };
  const figuresOf = (r: typeof report) => Object.fromEntries(r.figures.map((f) => [f.id, f]));

  const provider = (f: SteeringFigure, p: string) => f.byProvider.find((s) => s.providerId === p)?.values;

  it('reports the three months asked, with the thresholds it used', () => {
    expect(report.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(report.thresholds).toEqual({
      stackedCostCents: 10_000_000,
      mixDeviation: 0.25,
      averagingBalance: 0.9,
      practiceVariation: 0.25,
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

  it('K-Q4 waiting time and K-P5 decision to start, in the month care started', () => {
    // T3: referred (opened) 7 Jan, decided 8 Jan, started 10 Jan: 3 days waiting, 2 from the decision. No other
    // trajectory started: null, not 0.
    expect(figures['K-Q4'].region).toEqual([3, null, null]);
    expect(figures['K-P5'].region).toEqual([2, null, null]);
    expect(provider(figures['K-Q4'], 'P1')).toEqual([3, null, null]);
  });

  it('K-Q5 refusals: CLIENT_REFUSED escalations ÷ trajectories referred to a provider in the month', () => {
    // Jan: P2 refused T4's resident; referred in Jan: T1, T3 (P1), T4 (P2): 1 ÷ 3. Feb: T2 referred, no refusal.
    expect(figures['K-Q5'].region).toEqual([0.3333, 0, null]);
    expect(provider(figures['K-Q5'], 'P2')).toEqual([1, 0, null]);
    expect(provider(figures['K-Q5'], 'P1')).toEqual([0, null, null]);
  });

  it('K-Q7 care demand: active clients at each month’s end and the yearly value per client', () => {
    // Jan 31: c1 (T1) and c2 (T3 v2): 2 clients; €3,900 + €4,500 (each a trajectory's own year) = €8,400 ÷ 2.
    // Feb 28 and Mar 31: c1 only (T1 and T2): 1 client; €3,900 + €9,000 × 12 = €111,900.
    expect(figures['K-Q7'].region).toEqual([2, 1, 1]);
    expect(figures['K-Q7-W'].region).toEqual([420_000, 11_190_000, 11_190_000]);
    // Per lead provider: P1 has c1 and c2 in Jan, c1 after; P2 has c1 from Feb.
    expect(provider(figures['K-Q7'], 'P1')).toEqual([2, 1, 1]);
    expect(provider(figures['K-Q7'], 'P2')).toEqual([0, 1, 1]);
  });

  it('K-C1 evaluations on time: recorded before overdue ÷ every evaluation that fell due', () => {
    // Feb: T1's recorded in time: 1 ÷ 1. Mar: T2's went overdue (due, not in time); its late recording is not a
    // second evaluation: 0 ÷ 1. Jan: none due: null.
    expect(figures['K-C1'].region).toEqual([null, 1, 0]);
  });

  it('K-P8 plan exemptions and K-Q3 scaling down in high complexity', () => {
    expect(figures['K-P8'].region).toEqual([1, 0, 0]);
    // Mar: T2 (HIGH) down once and up once; the lateral change is neither: 1 ÷ 2. No scaling before: null.
    expect(figures['K-Q3'].region).toEqual([null, null, 0.5]);
    expect(provider(figures['K-Q3'], 'P2')).toEqual([null, null, 0.5]);
  });

  it('K-Q3 scalings per trajectory-year, and K-Q2 by domain and segment over the window', () => {
    // Decisions in force at each month's end: Jan T1, T3; Feb and Mar T1, T2. Scalings up or down: Mar T2's two
    // (the lateral one is neither): 2 × 12 ÷ 2 = 12 a trajectory-year. P2 (T2 alone): none in Jan, 2 × 12 ÷ 1 in Mar.
    expect(figures['K-Q3-Y'].region).toEqual([0, 0, 12]);
    expect(provider(figures['K-Q3-Y'], 'P2')).toEqual([null, 0, 24]);
    // T3 (youth, segment B): 36 days of the 173 granted.
    expect(report.durationBySegment).toEqual([
      { domain: 'JEUGD', segment: 'B', actualDays: 36, plannedDays: 173, ratio: 0.2081 },
    ]);
  });

  it('K-F3 share of the top arrangement, and K-F2 per year (a client counts once in a year)', () => {
    // Jan 31: T1 (OPV-M) and T3 (OPV-Z): the top arrangement holds 1 of 2. Feb and Mar: T1 (OPV-M, P1) and T2
    // (OPV-L, P2): 1 of 2 for the region, all of its one for each provider.
    expect(figures['K-F3-TOP'].region).toEqual([0.5, 0.5, 0.5]);
    expect(provider(figures['K-F3-TOP'], 'P1')).toEqual([0.5, 1, 1]);
    expect(provider(figures['K-F3-TOP'], 'P2')).toEqual([null, 1, 1]);
    // 2026: €1,950 + €9,000 (c1) + €2,500 + €2,000 (c2) = €15,450 over 2 clients, though c1 and c2 were each
    // paid in two months; T4's cancelled final pays for no client. P1: €6,450 over c1 and c2; P2: €9,000 over c1.
    // Nothing was due in 2025, the year before the window: no row.
    expect(report.yearlyCostPerClient).toEqual([
      { year: 2026, providerId: null, paidCents: 1_545_000, clients: 2, centsPerClient: 772_500 },
      { year: 2026, providerId: 'P1', paidCents: 645_000, clients: 2, centsPerClient: 322_500 },
      { year: 2026, providerId: 'P2', paidCents: 900_000, clients: 1, centsPerClient: 900_000 },
    ]);
  });

  it('K-Q6 practice variation: one municipality is the whole region here, so it does not differ from it', () => {
    // First decisions from Jan to Mar: T1, T2, T3, T4 (T3's v2 is not a first choice), all youth B/LOW.
    expect(report.practiceVariation).toEqual([
      expect.objectContaining({ municipalityCode: code, decisions: 4, deviation: 0 }),
    ]);
    expect(report.signals.filter((s) => s.kind === 'PRACTICE_VARIATION')).toEqual([]);
  });

  it('K-Q4 waiting list and K-C2 cooperation survey as reported; a month nobody reported is missing, not 0', () => {
    // Jan: P1's 5. Feb: 7 + 3 = 10. Mar: no report.
    expect(figures['K-Q4-L'].region).toEqual([5, 10, null]);
    expect(provider(figures['K-Q4-L'], 'P2')).toEqual([null, 3, null]);
    // Feb: (7.5 × 4 + 6.0 × 6) ÷ 10 respondents = 6.6.
    expect(figures['K-C2'].region).toEqual([null, 6.6, null]);
    expect(provider(figures['K-C2'], 'P1')).toEqual([null, 7.5, null]);
  });

  it('sees nothing of another municipality: the same report for a stranger is empty', async () => {
    const stranger: Principal = { ...operator, municipalities: ['GM9999'] };
    const theirs = await service.report(stranger, { from: '2026-01', to: '2026-03' });
    expect(theirs.figures.find((f) => f.id === 'K-F5')?.region).toEqual([0, 0, 0]);
    // Its municipality is in no region with a provider's report.
    expect(theirs.figures.find((f) => f.id === 'K-Q4-L')?.region).toEqual([null, null, null]);
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

  it('a provider sees its own trajectories only: K-F2 and K-F4 over them', async () => {
    const p1: Principal = {
      subject: 'p1-staff',
      roles: ['PROVIDER'],
      municipalities: [],
      providerId: 'P1',
      via: 'jwt',
    };
    const mine = await service.report(p1, { from: '2026-01', to: '2026-03' });
    const own = figuresOf(mine);
    // Practice variation is about local teams: none for a provider.
    expect(mine.practiceVariation).toEqual([]);
    // Jan: T1 €1,950 (c1) + T3 €2,500 (c2) ÷ 2. Feb: T3's final €2,000 (c2) ÷ 1 — T2 (P2) is not P1's.
    expect(own['K-F2'].region).toEqual([222_500, 200_000, null]);
    // c1 on P1's trajectory alone is €3,900 a year: under the threshold.
    expect(own['K-F4'].region).toEqual([0, 0, 0]);
    expect(own['K-Q1-IN'].region).toEqual([2, 0, 0]);
  });

  it('the domain filter: all of this region is youth care, so WMO has nothing and JEUGD everything', async () => {
    const wmo = figuresOf(await service.report(operator, { from: '2026-01', to: '2026-03', domain: 'WMO' }));
    expect(wmo['K-F2'].region).toEqual([null, null, null]);
    expect(wmo['K-F5'].region).toEqual([0, 0, 0]);
    const youth = figuresOf(
      await service.report(operator, { from: '2026-01', to: '2026-03', domain: 'JEUGD' }),
    );
    expect(youth['K-F2'].region).toEqual(figures['K-F2'].region);
    expect(youth['K-F5'].region).toEqual(figures['K-F5'].region);
  });

  it('reads the rollups of the last refresh until they are due, then the read model as it is now', async () => {
    const scheduled = steeringService(300);
    const before = await scheduled.report(operator, { from: '2026-01', to: '2026-03' });
    // c1 is paid by P1 as well in February (€100 on T1): one client with two providers that month.
    await db.query(
      `INSERT INTO payment_instruction (idempotency_key, trajectory_id, municipality_code, provider_id,
         tranche_kind, amount_cents, basis, decision_version, period, due_date, status, status_reason)
       VALUES ($1, $2, $3, 'P1', 'ADJUSTMENT', 10000, 'test', 1, NULL, '2026-02-20', 'SCHEDULED', NULL)`,
      [`${id(1)}:ADJUSTMENT:extra`, id(1), code],
    );
    const cached = await scheduled.report(operator, { from: '2026-01', to: '2026-03' });
    expect(cached.asOf).toBe(before.asOf);
    expect(figuresOf(cached)['K-F2'].region).toEqual([222_500, 550_000, null]);
    const fresh = await service.report(operator, { from: '2026-01', to: '2026-03' });
    expect(Date.parse(fresh.asOf)).toBeGreaterThan(Date.parse(before.asOf));
    // Feb: €2,000 (c2) + €9,000 (c1, P2) + €100 (c1, P1) = €11,100 over 2 clients, not 3: c1 counts once.
    expect(figuresOf(fresh)['K-F2'].region).toEqual([222_500, 555_000, null]);
    // P1 in Feb: €2,000 (c2) + €100 (c1) over its 2 clients.
    expect(provider(figuresOf(fresh)['K-F2'], 'P1')).toEqual([222_500, 105_000, null]);
  });

  it('answers from old rollups at once and refreshes behind the answer; waits only in a month they lack', async () => {
    const config = loadConfig({ ...process.env, STEERING_REFRESH_SECONDS: '300' });
    const refresh = new SteeringRefresh(db, config);
    const first = await refresh.current();
    // Eleven minutes on, no replica refreshed: the old rollups answer, and a refresh runs behind them.
    const later = new Date(first.refreshedAt.getTime() + 11 * 60_000);
    expect(await refresh.current(later)).toEqual(first);
    await refresh.onModuleDestroy(); // waits for the refresh behind the answer
    const after = await refresh.current();
    expect(after.refreshedAt.getTime()).toBeGreaterThan(first.refreshedAt.getTime());
    // In a month the rollups do not have yet, the read waits for a refresh of its own.
    const nextMonth = new Date(Date.UTC(later.getUTCFullYear(), later.getUTCMonth() + 1, 2));
    const waited = await refresh.current(nextMonth);
    expect(waited.refreshedAt.getTime()).toBeGreaterThan(after.refreshedAt.getTime());
  });
});
