import {
  rate,
  roundOrNull,
  type CostFigures,
  type EscalationFigures,
  type EvaluationFigures,
  type FamilySatisfactionFigures,
  type FamilySatisfactionSection,
  type LeadTimeFigures,
  type LeadTimeStage,
  type OutcomeFigures,
  type OutcomeSection,
  type ReentryCounts,
  type ReentryFigures,
  type RoundTripFigures,
  type ScalingFigures,
} from '@app/domain';

/**
 * The SQL aggregates of monitoring-figures.reader.ts turned into the domain's figure types, rounded with the
 * domain's own helpers (statistics.ts) exactly where the pure functions round. Rows of a GROUPING SETS query come
 * overall first (`overall` = 1), then per provider.
 */
type Row = Record<string, unknown>;

const int = (v: unknown) => Number(v ?? 0);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const provider = (r: Row) => (r.provider_id as string | null) ?? null;
const mean = (sum: unknown, n: number) => (n === 0 || sum === null ? null : Number(sum) / n);

function split(rows: readonly Row[]): { overall: Row | undefined; byProvider: Row[] } {
  return {
    overall: rows.find((r) => int(r.overall) === 1),
    byProvider: rows.filter((r) => int(r.overall) === 0),
  };
}

function outcome(r: Row | undefined): OutcomeFigures {
  const closed = int(r?.closed);
  const dropouts = int(r?.dropouts);
  const measured = int(r?.measured);
  const positive = int(r?.positive);
  const respondents = positive + int(r?.negative);
  return {
    closed,
    dropouts,
    dropoutRate: rate(dropouts, closed),
    goalAttainmentMeasured: measured,
    goalAttainment: roundOrNull(mean(r?.attainment, measured), 4),
    satisfactionRespondents: respondents,
    satisfactionPositive: positive,
    clientSatisfaction: rate(positive, respondents),
  };
}

export function outcomeSection(rows: readonly Row[]): OutcomeSection {
  const { overall, byProvider } = split(rows);
  return {
    overall: outcome(overall),
    byProvider: byProvider.map((r) => ({ providerId: provider(r), ...outcome(r) })),
  };
}

/** The stages in the order of lead-time-figures.ts; a stage without cases has n 0 and no figures. */
const STAGES: readonly LeadTimeStage[] = [
  'INTAKE_TO_DECISION',
  'FIRST_SUBMISSION_TO_APPROVAL',
  'TABLE_RAISED_TO_DECISION',
  'DECISION_TO_START',
];

export function leadTimes(rows: readonly Row[]): LeadTimeFigures[] {
  return STAGES.map((stage) => {
    const r = rows.find((x) => x.stage === stage);
    return {
      stage,
      n: int(r?.n),
      medianDays: roundOrNull(num(r?.median), 2),
      p90Days: roundOrNull(num(r?.p90), 2),
      meanDays: roundOrNull(num(r?.mean), 2),
    };
  });
}

export function roundTrips(rows: readonly Row[]): RoundTripFigures {
  const distribution = rows.map((r) => ({ roundTrips: int(r.round_trips), plans: int(r.plans) }));
  const plans = distribution.reduce((n, d) => n + d.plans, 0);
  const total = distribution.reduce((n, d) => n + d.roundTrips * d.plans, 0);
  return {
    plans,
    meanRoundTrips: roundOrNull(mean(total, plans), 2),
    maxRoundTrips: plans === 0 ? null : Math.max(...distribution.map((d) => d.roundTrips)),
    returnedShare: rate(
      distribution.filter((d) => d.roundTrips > 0).reduce((n, d) => n + d.plans, 0),
      plans,
    ),
    distribution,
  };
}

export function escalations(
  totals: Row,
  byTrigger: readonly Row[],
  byDecision: readonly Row[],
): EscalationFigures {
  const plansSubmitted = int(totals.submitted);
  const plansEscalated = int(totals.escalated);
  return {
    raised: int(totals.raised),
    plansSubmitted,
    plansEscalated,
    escalationRate: rate(plansEscalated, plansSubmitted),
    overdueOpen: int(totals.overdue_open),
    byTrigger: byTrigger.map((r) => ({
      trigger: String(r.trigger),
      raised: int(r.raised),
      open: int(r.open),
      decided: int(r.decided),
      withdrawn: int(r.withdrawn),
      overdue: int(r.overdue),
    })),
    byDecision: byDecision.map((r) => ({ code: String(r.code), decisions: int(r.decisions) })),
  };
}

export function evaluations(rows: readonly Row[]): EvaluationFigures {
  const { overall, byProvider } = split(rows);
  const recorded = int(overall?.recorded);
  const participated = int(overall?.participated);
  return {
    overdueNow: int(overall?.overdue_now),
    overdueEvents: int(overall?.overdue_events),
    recorded,
    localTeamParticipated: participated,
    localTeamParticipationRate: rate(participated, recorded),
    byProvider: byProvider.map((r) => ({
      providerId: provider(r),
      overdueNow: int(r.overdue_now),
      overdueEvents: int(r.overdue_events),
      recorded: int(r.recorded),
    })),
  };
}

export function scaling(rows: readonly Row[]): ScalingFigures {
  const { overall, byProvider } = split(rows);
  const directions = (r: Row | undefined) => ({
    up: int(r?.up),
    down: int(r?.down),
    lateral: int(r?.lateral),
  });
  const all = directions(overall);
  return {
    ...all,
    downShare: rate(all.down, all.up + all.down),
    byProvider: byProvider.map((r) => ({ providerId: provider(r), ...directions(r) })),
  };
}

const cents = (value: number | null) => (value === null ? null : Math.round(value));

export function costs(rows: readonly Row[]): CostFigures {
  const { overall, byProvider: byArrangement } = split(rows);
  const trajectories = int(overall?.trajectories);
  const ledgerCents = int(overall?.cents);
  return {
    trajectories,
    ledgerCents,
    meanCostCents: cents(mean(ledgerCents, trajectories)),
    medianCostCents: cents(num(overall?.median)),
    byArrangement: byArrangement.map((r) => {
      const n = int(r.trajectories);
      const ledger = int(r.cents);
      const tariffs = int(r.tariffs);
      return {
        arrangementCode: String(r.arrangement_code),
        pricingBasis: (r.pricing_basis as string | null) ?? null,
        trajectories: n,
        ledgerCents: ledger,
        meanCostCents: cents(mean(ledger, n)),
        meanTariffCents: cents(mean(r.tariff_cents, tariffs)),
        costToTariff: tariffs === n ? rate(ledger, int(r.tariff_cents)) : null,
      };
    }),
  };
}

export function reentry(rows: readonly Row[]): ReentryFigures {
  const { overall, byProvider } = split(rows);
  const counts = (r: Row | undefined): ReentryCounts => {
    const closures = int(r?.closures);
    const reentries = int(r?.reentries);
    return { closures, reentries, rate: rate(reentries, closures), windowOpen: int(r?.window_open) };
  };
  return {
    overall: counts(overall),
    byProvider: byProvider.map((r) => ({ providerId: provider(r), ...counts(r) })),
  };
}

export function familySatisfaction(rows: readonly Row[]): FamilySatisfactionSection {
  const { overall, byProvider } = split(rows);
  const figures = (r: Row | undefined): FamilySatisfactionFigures => {
    const asked = int(r?.asked);
    const answered = int(r?.answered);
    const open = int(r?.open);
    const answers = int(r?.answers);
    const positive = int(r?.positive);
    return {
      asked,
      answered,
      open,
      responseRate: rate(answered, asked - open),
      answers,
      positive,
      satisfaction: rate(positive, answers),
      suppressed: false,
    };
  };
  return {
    overall: figures(overall),
    byProvider: byProvider.map((r) => ({ providerId: provider(r), ...figures(r) })),
  };
}
