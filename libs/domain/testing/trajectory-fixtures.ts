/**
 * Shared builders for the trajectory specs and the workflow tests. Test support only: it lives outside
 * `src/`, so the production build never compiles it and no production code can import it.
 */
import {
  DEFAULT_TRAJECTORY_POLICY,
  TransitionRejected,
  applyCommand,
  createTrajectory,
  jsonCopy,
} from '@app/domain';
import type {
  Actor,
  ArrangementTerms,
  EvaluationInput,
  PlanDraft,
  TrajectoryCommand,
  TrajectoryEffect,
  TrajectoryPolicy,
  TrajectoryStart,
  TrajectoryState,
  Transition,
} from '@app/domain';

export const LT: Actor = { role: 'LOCAL_TEAM', ref: 'lt-worker-7' };
export const PROVIDER: Actor = { role: 'PROVIDER', ref: 'prov-user-3' };
export const CASE: Actor = { role: 'CASE_SYSTEM', ref: 'case-system' };
export const TABLE: Actor = { role: 'BREAKTHROUGH_TABLE', ref: 'table-chair-1' };
export const FINANCE: Actor = { role: 'FINANCE', ref: 'fin-officer-2' };
export const OPERATOR: Actor = { role: 'OPERATOR', ref: 'ops-1' };

/** Monday 20 April 2026, 10:00 in Amsterdam (CEST). King's Day (27 April) and 5 May follow. */
export const T0 = new Date('2026-04-20T08:00:00.000Z');

export function at(iso: string): Date {
  return new Date(iso);
}

export function plusDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function policy(overrides: Partial<TrajectoryPolicy> = {}): TrajectoryPolicy {
  return { ...jsonCopy(DEFAULT_TRAJECTORY_POLICY), ...overrides };
}

/** A recovery arrangement priced per trajectory (decisions.md 1): €9,000.00. */
export const RECOVERY: ArrangementTerms = {
  code: 'JGD-B-PROF2-MIDDEN',
  tariffCents: 900_000,
  pricingBasis: 'PER_TRAJECTORY',
  trajectoryType: 'RECOVERY',
};
export const RECOVERY_HEAVY: ArrangementTerms = {
  ...RECOVERY,
  code: 'JGD-B-PROF2-ZWAAR',
  tariffCents: 1_200_000,
};
export const RECOVERY_LIGHT: ArrangementTerms = {
  ...RECOVERY,
  code: 'JGD-B-PROF2-LICHT',
  tariffCents: 600_000,
};
export const MONTHLY: ArrangementTerms = {
  code: 'WMO-DUURZAAM-B',
  tariffCents: 85_000,
  pricingBasis: 'PER_MONTH',
  periodLength: 'P1M',
  trajectoryType: 'DURABLE',
};

export function start(overrides: Partial<TrajectoryStart> = {}): TrajectoryStart {
  return {
    trajectoryId: 'traj-0417',
    municipalityCode: '0405',
    caseReference: 'CASE-2026-0417',
    clientId: 'cl-9f3a',
    domain: 'JEUGD',
    segment: 'B',
    complexity: 'LOW',
    requestType: 'YOUTH_SUPPORT',
    intensive: false,
    policy: policy(),
    requestedBy: CASE,
    ...overrides,
  };
}

export function planDraft(overrides: Partial<PlanDraft> = {}): PlanDraft {
  return {
    results: [
      { id: 'r1', lifeDomain: 'SCHOOL', smart: true, descriptionRef: 'doc-11' },
      { id: 'r2', lifeDomain: 'FAMILY', smart: false },
    ],
    profileCode: 'PROF2',
    intensityCode: 'MIDDEN',
    intensityProposedBy: 'PROVIDER',
    arrangement: RECOVERY,
    leadProviderId: 'prov-horizon',
    leadProviderChosenByFamily: true,
    subcontractorIds: ['prov-sub-a'],
    requiredSignatures: ['CLIENT', 'LEAD_PROVIDER'],
    ...overrides,
  };
}

export function evaluation(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    resultAssessments: [
      { resultId: 'r1', attainment: 'PARTIAL' },
      { resultId: 'r2', attainment: 'NOT_ASSESSED' },
    ],
    clientSatisfaction: 'POSITIVE',
    localTeamParticipated: true,
    outcome: 'CONTINUE',
    ...overrides,
  };
}

/** A final evaluation in which every result of planDraft() was achieved. */
export const ACHIEVED: EvaluationInput = evaluation({
  outcome: 'COMPLETE',
  resultAssessments: [
    { resultId: 'r1', attainment: 'ACHIEVED' },
    { resultId: 'r2', attainment: 'ACHIEVED' },
  ],
});

/** Applies commands in turn at one instant and collects every effect. */
export function run(state: TrajectoryState, commands: TrajectoryCommand[], now: Date): Transition {
  let current = state;
  const effects: TrajectoryEffect[] = [];
  for (const command of commands) {
    const next = applyCommand(current, command, now);
    current = next.state;
    effects.push(...next.effects);
  }
  return { state: current, effects };
}

export function created(overrides: Partial<TrajectoryStart> = {}, now = T0): TrajectoryState {
  return createTrajectory(start(overrides), now).state;
}

export function submitted(
  overrides: Partial<TrajectoryStart> = {},
  plan = planDraft(),
  now = T0,
): TrajectoryState {
  return run(
    created(overrides, now),
    [
      { type: 'beginDrafting', actor: LT },
      { type: 'submitPlan', actor: submitterFor(overrides.domain ?? 'JEUGD'), plan },
    ],
    now,
  ).state;
}

/**
 * Who submits a plan version (R-ROLE-02, rules 2): in youth care the lead provider proposes the intensity and
 * so submits; in Wmo support the municipality sets it, here through its local team.
 */
export function submitterFor(domain: TrajectoryStart['domain']): Actor {
  return domain === 'JEUGD' ? PROVIDER : LT;
}

export function signedAll(state: TrajectoryState, now: Date): TrajectoryState {
  const version = state.plan!.version;
  return run(
    state,
    [
      { type: 'signPlan', actor: CASE, planVersion: version, party: 'CLIENT' },
      { type: 'signPlan', actor: PROVIDER, planVersion: version, party: 'LEAD_PROVIDER' },
    ],
    now,
  ).state;
}

export function decided(
  overrides: Partial<TrajectoryStart> = {},
  plan = planDraft(),
  now = T0,
): TrajectoryState {
  const state = signedAll(submitted(overrides, plan, now), now);
  return applyCommand(state, { type: 'approvePlan', actor: LT, planVersion: state.plan!.version }, now).state;
}

export function active(
  overrides: Partial<TrajectoryStart> = {},
  plan = planDraft(),
  now = T0,
): TrajectoryState {
  return applyCommand(decided(overrides, plan, now), { type: 'confirmStart', actor: PROVIDER }, now).state;
}

/**
 * The same state under rules 1 (trajectory-state.ts `rulesVersion`): the lifecycle's own timers without the
 * waits' reminders and deadlines between them. For specs of those timers, which rules 1 still runs when a
 * trajectory begun before issue 14 is replayed.
 */
export function rules1(state: TrajectoryState): TrajectoryState {
  const copy = { ...state };
  delete copy.rulesVersion;
  delete copy.draftingStartedAt;
  delete copy.waitReminders;
  return copy;
}

/** Runs `fn` and returns the TransitionRejected it throws; fails the test when it throws nothing else. */
export function rejection(fn: () => unknown): TransitionRejected {
  try {
    fn();
  } catch (error) {
    if (error instanceof TransitionRejected) return error;
    throw error;
  }
  throw new Error('expected a TransitionRejected');
}

export function effectsOf<K extends TrajectoryEffect['kind']>(
  effects: TrajectoryEffect[],
  kind: K,
): Extract<TrajectoryEffect, { kind: K }>[] {
  return effects.filter((e): e is Extract<TrajectoryEffect, { kind: K }> => e.kind === kind);
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** What continue-as-new does to the state: a JSON round trip. */
export function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
