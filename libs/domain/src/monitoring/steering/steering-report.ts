import { rate, round } from '../statistics';
import { MIN_DECISIONS_FOR_MIX_SIGNAL, mixDeviation } from './intensity-mix';
import {
  MIN_DECISIONS_FOR_VARIATION_SIGNAL,
  practiceVariation,
  type ArrangementChoice,
  type PracticeVariation,
  type RegionChoice,
} from './practice-variation';
import { STEERING_INDICATORS, type SteeringIndicator } from './steering-catalogue';

/** One number PostgreSQL aggregated: an indicator in a month, for the region (providerId null) or a provider. */
export interface SteeringRow {
  indicator: string;
  month: string;
  providerId: string | null;
  /** A sum or a count; for a rate or an average its numerator, with `of` its denominator. */
  value: number;
  of: number | null;
  /** K-F3: the intensity counted. */
  key: string | null;
}

/** A client above K-F4's threshold, with the trajectories behind the sum (pseudonymous ids only). */
export interface StackedClient {
  municipalityCode: string;
  clientId: string;
  yearlyCents: number;
  trajectoryIds: string[];
}

/**
 * K-F1, the averaging balance (verevening, [001:L160], [001:L390]) of one provider in one region and year: what
 * the region's payments to it came to (released, exported or confirmed, due that year) against what the provider
 * reported its delivered care cost. Without a report the balance is null: the figure is missing, not 0.
 */
export interface AveragingBalance {
  year: number;
  providerId: string;
  regionId: string;
  paidCents: number;
  reportedCostCents: number | null;
  /** paid ÷ reported cost; below 1 the provider is paid less than its care cost. */
  balance: number | null;
}

/** K-Q2 over the window for one domain and segment: actual days against the days first granted. */
export interface DurationBySegment {
  domain: string;
  segment: string;
  actualDays: number;
  plannedDays: number;
  /** actual ÷ planned; 1 = as planned, below 1 shorter. */
  ratio: number | null;
}

export function durationBySegment(
  domain: string,
  segment: string,
  actualDays: number,
  plannedDays: number,
): DurationBySegment {
  return { domain, segment, actualDays, plannedDays, ratio: rate(actualDays, plannedDays) };
}

/** K-F2 for one year, for the region (providerId null) or a provider. */
export interface YearlyCostPerClient {
  year: number;
  providerId: string | null;
  paidCents: number;
  clients: number;
  /** Σ paid ÷ distinct clients; null without clients. */
  centsPerClient: number | null;
}

export function yearlyCostPerClient(
  year: number,
  providerId: string | null,
  paidCents: number,
  clients: number,
): YearlyCostPerClient {
  return {
    year,
    providerId,
    paidCents,
    clients,
    centsPerClient: clients === 0 ? null : Math.round(paidCents / clients),
  };
}

export interface SteeringSeries {
  providerId: string;
  values: (number | null)[];
}

export interface SteeringFigure extends SteeringIndicator {
  /** One value per month of the report; null where there is nothing to compute it from. */
  region: (number | null)[];
  byProvider: SteeringSeries[];
}

export type SteeringSignal =
  | {
      kind: 'STACKED_COST';
      indicator: 'K-F4';
      municipalityCode: string;
      clientId: string;
      yearlyCents: number;
      thresholdCents: number;
      trajectoryIds: string[];
    }
  | {
      kind: 'AVERAGING_BALANCE';
      indicator: 'K-F1';
      providerId: string;
      regionId: string;
      year: number;
      balance: number;
      threshold: number;
      paidCents: number;
      reportedCostCents: number;
    }
  | {
      kind: 'PRACTICE_VARIATION';
      indicator: 'K-Q6';
      municipalityCode: string;
      deviation: number;
      threshold: number;
      decisions: number;
      /** The profile that differs most, with the municipality's and the region's shares per arrangement. */
      profile: string;
      mix: Record<string, number>;
      regionMix: Record<string, number>;
      /** The municipality's trajectories of that profile in the window (pseudonymous ids), newest first. */
      trajectoryIds: string[];
    }
  | {
      kind: 'INTENSITY_MIX';
      indicator: 'K-F3';
      providerId: string;
      deviation: number;
      threshold: number;
      decisions: number;
      mix: Record<string, number>;
      regionMix: Record<string, number>;
    };

export interface SteeringThresholds {
  stackedCostCents: number;
  /** K-F3 as a fraction (0..1). */
  mixDeviation: number;
  /** K-F1: a balance below this (a fraction) is a signal. */
  averagingBalance: number;
  /** K-Q6 as a fraction (0..1): a municipality further than this from the region's choices is a signal. */
  practiceVariation: number;
}

export interface SteeringReport {
  months: string[];
  thresholds: SteeringThresholds;
  figures: SteeringFigure[];
  /** K-F1 per provider, region and year of the window (a yearly figure: providers report per year). */
  averagingBalance: AveragingBalance[];
  /** K-Q6 per municipality over the whole window (a month holds too few first decisions per profile). */
  practiceVariation: PracticeVariation[];
  /** K-Q2 over the whole window by domain and segment ("by type and segment"). */
  durationBySegment: DurationBySegment[];
  /** K-F2 per year of the window and the year before (a client counts once in a year). */
  yearlyCostPerClient: YearlyCostPerClient[];
  signals: SteeringSignal[];
}

/** The months from `from` to `to` inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}

type Value = (rows: SteeringRow[]) => number | null;

/** How a figure's value comes from its rows of one month and one group. */
const VALUE_OF: Record<string, Value> = {
  'K-F5': (rows) => sum(rows, 'value'),
  'K-F2': (rows) => mean(rows, 0),
  'K-F4': (rows) => sum(rows, 'value'),
  'K-F6': (rows) => sum(rows, 'value'),
  'K-F7': (rows) => rate(sum(rows, 'value'), sum(rows, 'of')),
  'K-Q2': (rows) => rate(sum(rows, 'value'), sum(rows, 'of')),
  'K-Q8': (rows) => sum(rows, 'value'),
  'K-Q1-IN': (rows) => sum(rows, 'value'),
  'K-Q1-OUT': (rows) => sum(rows, 'value'),
  'K-Q4': (rows) => mean(rows, 1),
  'K-P5': (rows) => mean(rows, 1),
  'K-Q5': (rows) => rate(sum(rows, 'value'), sum(rows, 'of')),
  'K-Q7': (rows) => sum(rows, 'value'),
  'K-Q7-W': (rows) => mean(rows, 0),
  'K-C1': (rows) => rate(sum(rows, 'value'), sum(rows, 'of')),
  'K-P8': (rows) => sum(rows, 'value'),
  'K-F3-TOP': (rows) => rate(sum(rows, 'value'), sum(rows, 'of')),
  // Scalings per trajectory-year: a month's scalings × 12 ÷ the decisions in force at its end.
  'K-Q3-Y': (rows) => {
    const of = sum(rows, 'of');
    return of === 0 ? null : round((sum(rows, 'value') * 12) / of, 4);
  },
  'K-Q3': (rows) => rate(sum(rows, 'value'), sum(rows, 'of')),
  // Reported figures: a month nobody reported is missing (null), not 0.
  'K-Q4-L': (rows) => (rows.length === 0 ? null : sum(rows, 'value')),
  'K-C2': (rows) => {
    const of = sum(rows, 'of');
    // value: Σ tenths of a point × respondents.
    return of === 0 ? null : round(sum(rows, 'value') / of / 10, 1);
  },
};

/** Σ value ÷ Σ of, rounded; null without a denominator. */
function mean(rows: SteeringRow[], decimals: number): number | null {
  const of = sum(rows, 'of');
  return of === 0 ? null : round(sum(rows, 'value') / of, decimals);
}

function sum(rows: SteeringRow[], field: 'value' | 'of'): number {
  return rows.reduce((n, r) => n + (r[field] ?? 0), 0);
}

function counts(rows: SteeringRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.key ?? '?'] = (out[r.key ?? '?'] ?? 0) + r.value;
  return out;
}

/**
 * The report from PostgreSQL's aggregates: every indicator per month for the region and each provider, and the
 * signals at the last month. K-F3 compares each provider's intensity mix with the region's of the same month
 * (the region's own series is empty: it is the yardstick). Flows without a row in a month are 0; rates and
 * averages without a denominator are null.
 */
export function steeringReport(
  rows: readonly SteeringRow[],
  stackedClients: readonly StackedClient[],
  months: readonly string[],
  thresholds: SteeringThresholds,
  averagingBalance: readonly AveragingBalance[] = [],
  choices: readonly ArrangementChoice[] = [],
  regionChoices: readonly RegionChoice[] = choices,
  durations: readonly DurationBySegment[] = [],
  yearly: readonly YearlyCostPerClient[] = [],
): SteeringReport {
  const byIndicator = new Map<string, SteeringRow[]>();
  for (const r of rows) byIndicator.set(r.indicator, [...(byIndicator.get(r.indicator) ?? []), r]);
  // Every provider of the report in every figure: a provider without segment-gap cases has 0 of them, not none.
  const providers = [...new Set(rows.map((r) => r.providerId).filter((p): p is string => p !== null))].sort();
  const figures = STEERING_INDICATORS.map((indicator): SteeringFigure => {
    const mine = byIndicator.get(indicator.id) ?? [];
    if (indicator.id === 'K-F3') {
      const ofMonth = (month: string) => mine.filter((r) => r.month === month);
      return {
        ...indicator,
        region: months.map(() => null),
        byProvider: providers.map((providerId) => ({
          providerId,
          values: months.map((month) =>
            mixDeviation(
              counts(ofMonth(month).filter((r) => r.providerId === providerId)),
              counts(ofMonth(month)),
            ),
          ),
        })),
      };
    }
    const value = VALUE_OF[indicator.id];
    const series = (providerId: string | null) =>
      months.map((month) => value(mine.filter((r) => r.month === month && r.providerId === providerId)));
    return {
      ...indicator,
      region: series(null),
      byProvider: indicator.perProvider
        ? providers.map((providerId) => ({ providerId, values: series(providerId) }))
        : [],
    };
  });
  const balanceSignals: SteeringSignal[] = averagingBalance
    .filter(
      (b) => b.balance !== null && b.reportedCostCents !== null && b.balance < thresholds.averagingBalance,
    )
    .map((b) => ({
      kind: 'AVERAGING_BALANCE',
      indicator: 'K-F1',
      providerId: b.providerId,
      regionId: b.regionId,
      year: b.year,
      balance: b.balance!,
      threshold: thresholds.averagingBalance,
      paidCents: b.paidCents,
      reportedCostCents: b.reportedCostCents!,
    }));
  const variation = practiceVariation(choices, regionChoices);
  const variationSignals: SteeringSignal[] = variation
    .filter(
      (v) =>
        v.decisions >= MIN_DECISIONS_FOR_VARIATION_SIGNAL &&
        v.deviation !== null &&
        v.deviation > thresholds.practiceVariation,
    )
    .map((v) => {
      const widest = [...v.profiles].sort((a, b) => (b.deviation ?? 0) - (a.deviation ?? 0))[0];
      return {
        kind: 'PRACTICE_VARIATION',
        indicator: 'K-Q6',
        municipalityCode: v.municipalityCode,
        deviation: v.deviation!,
        threshold: thresholds.practiceVariation,
        decisions: v.decisions,
        profile: widest.profile,
        mix: widest.mix,
        regionMix: widest.regionMix,
        trajectoryIds: [],
      };
    });
  return {
    months: [...months],
    thresholds,
    figures,
    averagingBalance: [...averagingBalance],
    practiceVariation: variation,
    durationBySegment: [...durations],
    yearlyCostPerClient: [...yearly],
    signals: [...signals(rows, stackedClients, months, thresholds), ...balanceSignals, ...variationSignals],
  };
}

function signals(
  rows: readonly SteeringRow[],
  stackedClients: readonly StackedClient[],
  months: readonly string[],
  thresholds: SteeringThresholds,
): SteeringSignal[] {
  const last = months[months.length - 1];
  const mixRows = rows.filter((r) => r.indicator === 'K-F3' && r.month === last);
  const regionCounts = counts(mixRows);
  const regionTotal = Object.values(regionCounts).reduce((a, b) => a + b, 0);
  const regionMix = Object.fromEntries(Object.entries(regionCounts).map(([k, n]) => [k, n / regionTotal]));
  const mix: SteeringSignal[] = [];
  for (const providerId of [...new Set(mixRows.map((r) => r.providerId!))].sort()) {
    const own = counts(mixRows.filter((r) => r.providerId === providerId));
    const decisions = Object.values(own).reduce((a, b) => a + b, 0);
    const deviation = mixDeviation(own, regionCounts);
    if (
      decisions < MIN_DECISIONS_FOR_MIX_SIGNAL ||
      deviation === null ||
      deviation <= thresholds.mixDeviation
    )
      continue;
    mix.push({
      kind: 'INTENSITY_MIX',
      indicator: 'K-F3',
      providerId,
      deviation,
      threshold: thresholds.mixDeviation,
      decisions,
      mix: Object.fromEntries(
        Object.entries(own).map(([k, n]) => [k, Math.round((n / decisions) * 10_000) / 10_000]),
      ),
      regionMix: Object.fromEntries(
        Object.entries(regionMix).map(([k, s]) => [k, Math.round(s * 10_000) / 10_000]),
      ),
    });
  }
  const stacked: SteeringSignal[] = stackedClients.map((c) => ({
    kind: 'STACKED_COST',
    indicator: 'K-F4',
    ...c,
    thresholdCents: thresholds.stackedCostCents,
  }));
  return [...stacked, ...mix];
}

/** The figures as CSV (RFC 4180, CRLF): one row per indicator, group (region or a provider) and month. */
export function steeringCsv(report: SteeringReport): string {
  const rows = [['indicator', 'name', 'unit', 'group', 'month', 'value']];
  for (const f of report.figures) {
    const groups: [string, (number | null)[]][] = [
      ...(f.region.some((v) => v !== null) || f.byProvider.length === 0
        ? [['region', f.region] as [string, (number | null)[]]]
        : []),
      ...f.byProvider.map((p): [string, (number | null)[]] => [`provider:${p.providerId}`, p.values]),
    ];
    for (const [group, values] of groups) {
      values.forEach((v, i) =>
        rows.push([f.id, f.name.en, f.unit, group, report.months[i], v === null ? '' : String(v)]),
      );
    }
  }
  for (const b of report.averagingBalance) {
    const group = `provider:${b.providerId}/region:${b.regionId}`;
    const value = b.balance === null ? '' : String(b.balance);
    rows.push(['K-F1', 'Averaging balance', 'share', group, String(b.year), value]);
  }
  const window = `${report.months[0]}/${report.months[report.months.length - 1]}`;
  for (const y of report.yearlyCostPerClient) {
    const group = y.providerId === null ? 'region' : `provider:${y.providerId}`;
    const value = y.centsPerClient === null ? '' : String(y.centsPerClient);
    rows.push(['K-F2', 'Cost per client (year)', 'cents', group, String(y.year), value]);
  }
  for (const d of report.durationBySegment) {
    const value = d.ratio === null ? '' : String(d.ratio);
    rows.push([
      'K-Q2',
      'Duration against planned',
      'share',
      `domain:${d.domain}/segment:${d.segment}`,
      window,
      value,
    ]);
  }
  for (const v of report.practiceVariation) {
    const value = v.deviation === null ? '' : String(v.deviation);
    rows.push(['K-Q6', 'Practice variation', 'share', `municipality:${v.municipalityCode}`, window, value]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
