import type { MonitoringFacts, TrajectoryFact } from './monitoring-facts';
import { indicatorFigures, indicatorsCsv } from './indicator-figures';
import { monitoringIndicators, type MonitoringFilter } from './monitoring-indicators';
import { percentile } from './statistics';

const FILTER: MonitoringFilter = { municipality: null, provider: null, domain: null, from: null, to: null };
const PERIOD = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };

function trajectory(id: string, overrides: Partial<TrajectoryFact> = {}): TrajectoryFact {
  return {
    trajectoryId: id,
    clientId: `c-${id}`,
    municipalityCode: 'GM0405',
    providerId: 'PRV-A',
    domain: 'JEUGD',
    status: 'ACTIVE',
    createdAt: '2026-02-01T00:00:00.000Z',
    closedAt: null,
    closureReason: null,
    firstSubmittedAt: '2026-02-02T00:00:00.000Z',
    decidedAt: '2026-02-12T00:00:00.000Z',
    startedAt: '2026-02-15T00:00:00.000Z',
    arrangementCode: 'ARR-M',
    tariffCents: 540_000,
    outcome: null,
    evaluationOverdue: false,
    predecessorTrajectoryId: null,
    successorTrajectoryId: null,
    changesRequested: 0,
    ledgerCents: 360_000,
    ...overrides,
  };
}

function closed(id: string, reason: string, overrides: Partial<TrajectoryFact> = {}): TrajectoryFact {
  return trajectory(id, {
    status: 'CLOSED',
    closedAt: '2026-06-01T00:00:00.000Z',
    closureReason: reason,
    outcome: {
      dropout: reason === 'EARLY_DROPOUT',
      goalAttainment: reason === 'EARLY_DROPOUT' ? 0 : 1,
      clientSatisfaction: reason === 'EARLY_DROPOUT' ? 'NEGATIVE' : 'POSITIVE',
    },
    ...overrides,
  });
}

function facts(overrides: Partial<MonitoringFacts> = {}): MonitoringFacts {
  return {
    period: PERIOD,
    now: '2026-07-01T00:00:00.000Z',
    trajectories: [],
    escalations: [],
    careEvents: [],
    clientTrajectories: [],
    arrangements: [{ code: 'ARR-M', pricingBasis: 'PER_TRAJECTORY' }],
    satisfactionOccasions: [],
    ...overrides,
  };
}

describe('monitoring indicators (domain.md §6)', () => {
  it('K-O1..3: dropout, goal attainment and satisfaction over trajectories closed in the period, per provider', () => {
    const result = monitoringIndicators(
      facts({
        trajectories: [
          closed('t1', 'COMPLETED_PER_PLAN'),
          closed('t2', 'EARLY_DROPOUT'),
          closed('t3', 'COMPLETED_PER_PLAN', {
            providerId: 'PRV-B',
            outcome: { dropout: false, goalAttainment: 0.5, clientSatisfaction: 'NOT_ASKED' },
          }),
          closed('t4', 'EARLY_DROPOUT', { closedAt: '2025-12-31T23:59:59.000Z' }),
          trajectory('t5'),
        ],
      }),
      FILTER,
    );
    expect(result.outcomes.overall).toEqual({
      closed: 3,
      dropouts: 1,
      dropoutRate: 0.3333,
      goalAttainmentMeasured: 3,
      goalAttainment: 0.5,
      satisfactionRespondents: 2,
      satisfactionPositive: 1,
      clientSatisfaction: 0.5,
    });
    expect(result.outcomes.byProvider.map((p) => [p.providerId, p.closed, p.dropoutRate])).toEqual([
      ['PRV-A', 2, 0.5],
      ['PRV-B', 1, 0],
    ]);
  });

  it('lead times per stage count the cases whose stage ended in the period, in calendar days', () => {
    const result = monitoringIndicators(
      facts({
        trajectories: [
          trajectory('t1'),
          trajectory('t2', { decidedAt: '2026-02-22T00:00:00.000Z', startedAt: null }),
          trajectory('t3', {
            decidedAt: '2025-12-01T00:00:00.000Z',
            createdAt: '2025-11-01T00:00:00.000Z',
            firstSubmittedAt: '2025-11-05T00:00:00.000Z',
            startedAt: '2025-12-05T00:00:00.000Z',
          }),
        ],
        escalations: [
          {
            escalationId: 't2-esc-1',
            trajectoryId: 't2',
            providerId: 'PRV-A',
            trigger: 'FINANCIAL_DISPUTE',
            context: 'PLAN',
            status: 'DECIDED',
            raisedAt: '2026-02-10T00:00:00.000Z',
            decidedAt: '2026-02-22T12:00:00.000Z',
            decisionCode: 'APPROVE_AS_SUBMITTED',
            overdue: false,
          },
        ],
      }),
      FILTER,
    );
    const byStage = Object.fromEntries(result.leadTimes.map((l) => [l.stage, l]));
    expect(byStage.INTAKE_TO_DECISION).toEqual({
      stage: 'INTAKE_TO_DECISION',
      n: 2,
      medianDays: 16,
      p90Days: 21,
      meanDays: 16,
    });
    expect(byStage.FIRST_SUBMISSION_TO_APPROVAL).toMatchObject({ n: 2, medianDays: 15 });
    expect(byStage.TABLE_RAISED_TO_DECISION).toMatchObject({ n: 1, medianDays: 12.5 });
    expect(byStage.DECISION_TO_START).toMatchObject({ n: 1, medianDays: 3 });
    expect(result.escalations).toMatchObject({
      raised: 1,
      plansSubmitted: 2,
      plansEscalated: 1,
      escalationRate: 0.5,
      byTrigger: [{ trigger: 'FINANCIAL_DISPUTE', raised: 1, decided: 1, open: 0 }],
      byDecision: [{ code: 'APPROVE_AS_SUBMITTED', decisions: 1 }],
    });
  });

  it('K-P2 round trips: CHANGES_REQUESTED per plan decided in the period, with their distribution', () => {
    const result = monitoringIndicators(
      facts({
        trajectories: [
          trajectory('t1', { changesRequested: 0 }),
          trajectory('t2', { changesRequested: 2 }),
          trajectory('t3', { changesRequested: 2 }),
          trajectory('t4', { changesRequested: 5, decidedAt: null }),
        ],
      }),
      FILTER,
    );
    expect(result.roundTrips).toEqual({
      plans: 3,
      meanRoundTrips: 1.33,
      maxRoundTrips: 2,
      returnedShare: 0.6667,
      distribution: [
        { roundTrips: 0, plans: 1 },
        { roundTrips: 2, plans: 2 },
      ],
    });
  });

  it('K-P6/K-P7 evaluations and K-Q3 scaling from the care events in the period', () => {
    const result = monitoringIndicators(
      facts({
        trajectories: [
          trajectory('t1', { evaluationOverdue: true }),
          trajectory('t2', { providerId: 'PRV-B' }),
        ],
        careEvents: [
          { kind: 'EVALUATION_OVERDUE', trajectoryId: 't1', at: '2026-03-01T00:00:00.000Z' },
          {
            kind: 'EVALUATION_RECORDED',
            trajectoryId: 't1',
            at: '2026-03-02T00:00:00.000Z',
            localTeamParticipated: true,
          },
          {
            kind: 'EVALUATION_RECORDED',
            trajectoryId: 't2',
            at: '2026-03-02T00:00:00.000Z',
            localTeamParticipated: false,
          },
          { kind: 'SCALED', trajectoryId: 't1', at: '2026-03-03T00:00:00.000Z', direction: 'UP' },
          { kind: 'SCALED', trajectoryId: 't2', at: '2026-03-03T00:00:00.000Z', direction: 'DOWN' },
          { kind: 'SCALED', trajectoryId: 't2', at: '2025-03-03T00:00:00.000Z', direction: 'DOWN' },
        ],
      }),
      FILTER,
    );
    expect(result.evaluations).toMatchObject({
      overdueNow: 1,
      overdueEvents: 1,
      recorded: 2,
      localTeamParticipated: 1,
      localTeamParticipationRate: 0.5,
    });
    expect(result.scaling).toEqual({
      up: 1,
      down: 1,
      lateral: 0,
      downShare: 0.5,
      byProvider: [
        { providerId: 'PRV-A', up: 1, down: 0, lateral: 0 },
        { providerId: 'PRV-B', up: 0, down: 1, lateral: 0 },
      ],
    });
  });

  it('cost per trajectory and per arrangement against its tariff, for care started in the period', () => {
    const result = monitoringIndicators(
      facts({
        trajectories: [
          trajectory('t1', { ledgerCents: 540_000 }),
          trajectory('t2', { ledgerCents: 360_000 }),
          trajectory('t3', { startedAt: null, ledgerCents: 0 }),
        ],
      }),
      FILTER,
    );
    expect(result.costs).toEqual({
      trajectories: 2,
      ledgerCents: 900_000,
      meanCostCents: 450_000,
      medianCostCents: 450_000,
      byArrangement: [
        {
          arrangementCode: 'ARR-M',
          pricingBasis: 'PER_TRAJECTORY',
          trajectories: 2,
          ledgerCents: 900_000,
          meanCostCents: 450_000,
          meanTariffCents: 540_000,
          costToTariff: 0.8333,
        },
      ],
    });
  });

  it('re-entry (decisions.md 9): same client, same domain, within 12 months; successors are no re-entry', () => {
    const closures = [
      closed('t1', 'COMPLETED_PER_PLAN', { clientId: 'c-1' }),
      closed('t2', 'COMPLETED_PER_PLAN', { clientId: 'c-2' }),
      closed('t3', 'EARLY_DROPOUT', { clientId: 'c-3', providerId: 'PRV-B' }),
      closed('t4', 'RESTARTED_FOR_NEW_NEED', { clientId: 'c-4', successorTrajectoryId: 't4b' }),
    ];
    const result = monitoringIndicators(
      facts({
        trajectories: closures,
        clientTrajectories: [
          {
            clientId: 'c-1',
            domain: 'JEUGD',
            trajectoryId: 't1b',
            createdAt: '2027-05-31T00:00:00.000Z',
            predecessorTrajectoryId: null,
          },
          {
            clientId: 'c-2',
            domain: 'WMO',
            trajectoryId: 't2b',
            createdAt: '2026-08-01T00:00:00.000Z',
            predecessorTrajectoryId: null,
          },
          {
            clientId: 'c-3',
            domain: 'JEUGD',
            trajectoryId: 't3b',
            createdAt: '2027-06-02T00:00:00.000Z',
            predecessorTrajectoryId: null,
          },
          {
            clientId: 'c-4',
            domain: 'JEUGD',
            trajectoryId: 't4b',
            createdAt: '2026-06-01T00:00:00.000Z',
            predecessorTrajectoryId: 't4',
          },
        ],
      }),
      FILTER,
    );
    expect(result.reentry.overall).toEqual({ closures: 3, reentries: 1, rate: 0.3333, windowOpen: 2 });
    expect(result.reentry.byProvider).toEqual([
      { providerId: 'PRV-A', closures: 2, reentries: 1, rate: 0.5, windowOpen: 1 },
      { providerId: 'PRV-B', closures: 1, reentries: 0, rate: 0, windowOpen: 1 },
    ]);
  });

  it('no data gives counts of zero and rates of null, never NaN', () => {
    const result = monitoringIndicators(facts(), FILTER);
    const values = indicatorFigures(result).map((f) => f.value);
    expect(values.every((v) => v === null || Number.isFinite(v))).toBe(true);
    expect(result.outcomes.overall.dropoutRate).toBeNull();
  });

  it('addresses every number by a path and writes them as CSV, one row per figure', () => {
    const result = monitoringIndicators(
      facts({ trajectories: [closed('t1', 'EARLY_DROPOUT', { providerId: null })] }),
      { ...FILTER, municipality: 'GM0405' },
    );
    const figures = new Map(indicatorFigures(result).map((f) => [f.figure, f.value]));
    expect(figures.get('outcomes.overall.dropoutRate')).toBe(1);
    expect(figures.get('outcomes.byProvider[-].dropoutRate')).toBe(1);
    expect(figures.get('leadTimes[DECISION_TO_START].n')).toBe(1);
    expect(figures.get('reentry.overall.windowOpen')).toBe(1);
    expect(figures.get('trajectories')).toBe(1);
    const csv = indicatorsCsv(result).split('\r\n');
    expect(csv[0]).toBe('section,group,measure,value');
    expect(csv).toContain('filter,,municipality,GM0405');
    expect(csv).toContain('outcomes.byProvider,-,dropoutRate,1');
    expect(csv).toContain('outcomes,,overall.goalAttainment,0');
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([4], 0.9)).toBe(4);
    expect(percentile([], 0.9)).toBeNull();
  });
});
