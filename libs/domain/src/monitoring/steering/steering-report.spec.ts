import { mixDeviation } from './intensity-mix';
import { monthsBetween, steeringCsv, steeringReport, type SteeringRow } from './steering-report';
import { yearlyValueSql, YEARLY_FACTOR } from './yearly-value';

const THRESHOLDS = {
  stackedCostCents: 10_000_000,
  mixDeviation: 0.25,
  averagingBalance: 0.9,
  practiceVariation: 0.25,
};
const row = (
  indicator: string,
  month: string,
  providerId: string | null,
  value: number,
  of: number | null = null,
  key: string | null = null,
): SteeringRow => ({
  indicator,
  month,
  providerId,
  value,
  of,
  key,
});

describe('steering report (issue 19): from PostgreSQL aggregates to series and signals', () => {
  it('counts months across a year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('measures an intensity mix by total variation distance', () => {
    // Provider 8 ZWAAR, 2 MIDDEN against a region of 5/5: ½(|0.8 − 0.5| + |0.2 − 0.5|) = 0.3.
    expect(mixDeviation({ ZWAAR: 8, MIDDEN: 2 }, { ZWAAR: 5, MIDDEN: 5 })).toBe(0.3);
    expect(mixDeviation({}, { ZWAAR: 1 })).toBeNull();
  });

  it('signals a provider far from the region’s mix only from ten decisions in force', () => {
    const months = ['2026-01'];
    const rows = [
      // P1: 9 ZWAAR, 1 MIDDEN (10 decisions); P2: 1 ZWAAR, 9 MIDDEN; P3: 3 ZWAAR (too few to judge).
      row('K-F3', '2026-01', 'P1', 9, null, 'ZWAAR'),
      row('K-F3', '2026-01', 'P1', 1, null, 'MIDDEN'),
      row('K-F3', '2026-01', 'P2', 1, null, 'ZWAAR'),
      row('K-F3', '2026-01', 'P2', 9, null, 'MIDDEN'),
      row('K-F3', '2026-01', 'P3', 3, null, 'ZWAAR'),
    ];
    // Region: ZWAAR 13/23, MIDDEN 10/23. P1: ½(|0.9 − 0.5652| + |0.1 − 0.4348|) = 0.3348 > 0.25.
    // P2: ½(|0.1 − 0.5652| + |0.9 − 0.4348|) = 0.4652. P3: 0.4348, but 3 decisions: no signal.
    const report = steeringReport(rows, [], months, THRESHOLDS);
    const signals = report.signals.map((s) =>
      s.kind === 'INTENSITY_MIX' ? [s.providerId, s.deviation] : s.kind,
    );
    expect(signals).toEqual([
      ['P1', 0.3348],
      ['P2', 0.4652],
    ]);
    expect(report.figures.find((f) => f.id === 'K-F3')?.byProvider.map((p) => p.values[0])).toEqual([
      0.3348, 0.4652, 0.4348,
    ]);
  });

  it('writes every figure per group and month as CSV, an empty cell where there is nothing', () => {
    const report = steeringReport(
      [row('K-F2', '2026-01', null, 445_000, 2), row('K-F2', '2026-01', 'P1', 445_000, 2)],
      [],
      ['2026-01', '2026-02'],
      THRESHOLDS,
    );
    const csv = steeringCsv(report).split('\r\n');
    expect(csv[0]).toBe('indicator,name,unit,group,month,value');
    expect(csv).toContain('K-F2,Cost per client,cents,region,2026-01,222500');
    expect(csv).toContain('K-F2,Cost per client,cents,region,2026-02,');
    expect(csv).toContain('K-F2,Cost per client,cents,provider:P1,2026-01,222500');
    expect(csv).toContain('K-F5,Value of assignments,cents,region,2026-02,0');
  });

  it('signals an averaging balance below the threshold, and never a provider without a report', () => {
    const report = steeringReport([], [], ['2026-01'], THRESHOLDS, [
      // Paid €80,000 against a reported €100,000: 0.8 < 0.9.
      {
        year: 2025,
        providerId: 'P1',
        regionId: 'R',
        paidCents: 8_000_000,
        reportedCostCents: 10_000_000,
        balance: 0.8,
      },
      {
        year: 2025,
        providerId: 'P2',
        regionId: 'R',
        paidCents: 9_500_000,
        reportedCostCents: 10_000_000,
        balance: 0.95,
      },
      {
        year: 2025,
        providerId: 'P3',
        regionId: 'R',
        paidCents: 1_000_000,
        reportedCostCents: null,
        balance: null,
      },
    ]);
    expect(report.signals).toEqual([
      expect.objectContaining({ kind: 'AVERAGING_BALANCE', providerId: 'P1', balance: 0.8 }),
    ]);
    expect(steeringCsv(report)).toContain('K-F1,Averaging balance,share,provider:P3/region:R,2025,\r\n');
  });

  it('turns a tariff into a yearly value by its pricing basis, in SQL from the same table', () => {
    expect(YEARLY_FACTOR).toMatchObject({ PER_MONTH: 12, PER_4_WEEKS: 13, PER_TRAJECTORY: 1, TASK: 0 });
    expect(yearlyValueSql('d')).toContain("WHEN 'PER_MONTH' THEN 12");
  });
});
