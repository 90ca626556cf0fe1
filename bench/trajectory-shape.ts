/**
 * The per-trajectory shape both benchmark drivers follow: which commands (Temporal updates) a trajectory
 * receives, in which order, which of them write bookkeeping, pay, arm or wait for an evaluation timer.
 *
 * The ONE place to align the bare baseline with the real platform path. The baseline workflow executes
 * exactly these steps; the platform driver sends the matching HTTP calls. When trajectoryWorkflow changes
 * (another update, a bookkeeping write on start, a child workflow for the table) change it here, and the
 * baseline follows. `shapeCounts()` is written into every result file so runs stay comparable.
 */

/** A payment tranche the workflow issues as an activity (libs/domain/src/payments/tranche-kind.ts). */
export type ShapePayment = 'INITIAL' | 'FINAL' | 'ADJUSTMENT';

export interface ShapeStep {
  /** The platform command (TrajectoryCommand['type'] or a table decision) this update stands for. */
  command: string;
  /** The evaluation is due only after the timer armed by an earlier step has fired. */
  afterTimer?: boolean;
  /** Starts the next evaluation timer (start of care, a non-final evaluation). */
  armsTimer?: boolean;
  /** A payment activity after the bookkeeping write. */
  payment?: ShapePayment;
  /** The trajectory is complete after this step. */
  closes?: boolean;
}

export type TrajectoryVariant = 'standard' | 'escalation' | 'scaling';

/**
 * The plain path: drafting, plan, two signatures, approval, start of care with the initial payment, two
 * evaluations (the second completes) and the final payment. Counted from the domain code, not from the
 * first estimate (7 updates, 9 activities): submitPlan is only allowed in DRAFTING, so beginDrafting
 * (`POST …/drafting`) is an update of its own (libs/domain/src/trajectory/command-access.ts).
 */
const STANDARD: readonly ShapeStep[] = [
  { command: 'beginDrafting' },
  { command: 'submitPlan' },
  { command: 'signPlan' },
  { command: 'signPlan' },
  { command: 'approvePlan' },
  { command: 'confirmStart', payment: 'INITIAL', armsTimer: true },
  { command: 'recordEvaluation', afterTimer: true, armsTimer: true },
  { command: 'recordEvaluation', afterTimer: true, payment: 'FINAL', closes: true },
];

/**
 * 10 % of trajectories: the plan stalls and the breakthrough table approves it instead of the local team.
 * The platform opens a breakthrough-case child workflow per escalation (WORKFLOW_TYPES.breakthroughCase);
 * the baseline does not model that child yet.
 */
const ESCALATION: readonly ShapeStep[] = STANDARD.flatMap((step) =>
  step.command === 'approvePlan' ? [{ command: 'escalate' }, { command: 'decideEscalation' }] : [step],
);

/**
 * 10 %: the first evaluation scales up; the arrangement change is requested and approved, and a
 * trajectory-priced scale-up pays an ADJUSTMENT tranche now (libs/domain/src/payments/scaling-adjustment.ts).
 */
const SCALING: readonly ShapeStep[] = STANDARD.flatMap((step, index) =>
  index === STANDARD.findIndex((s) => s.command === 'recordEvaluation')
    ? [
        step,
        { command: 'requestArrangementChange' },
        { command: 'decideArrangementChange', payment: 'ADJUSTMENT' },
      ]
    : [step],
);

export const SHAPES: Readonly<Record<TrajectoryVariant, readonly ShapeStep[]>> = {
  standard: STANDARD,
  escalation: ESCALATION,
  scaling: SCALING,
};

/**
 * Bookkeeping writes that no command causes. onStart: trajectoryWorkflow writes TRAJECTORY_STARTED before
 * the first command (workflows/trajectory.workflow.ts). onTimer: a due evaluation is a transition with an
 * EVALUATION_DUE audit record (libs/domain/src/trajectory/apply-due-timers.ts), written like any other.
 */
export const BOOKKEEPING = { onStart: true, onTimer: true } as const;

/**
 * Short evaluation timers instead of months (the platform gets them through `policyOverrides` on start).
 * The dev server fires timers about 1 s late (infra.md §8), so each timer costs about 2 s of wall time.
 */
export const EVALUATION_TIMER = '1 second';

/**
 * How the platform worker runs its activities: the bookkeeping write is a local activity
 * (workflows/trajectory.workflow.ts); payments are assumed to be ordinary activities (their own retries
 * and visibility in the history). The baseline uses the same kinds.
 */
export const ACTIVITY_KINDS = { bookkeeping: 'local', payment: 'remote' } as const;

/**
 * Exactly 10 % escalation and 10 % scaling, spread evenly and deterministic by index, so the platform and
 * the baseline run the same mix at any n.
 */
export function variantFor(index: number): TrajectoryVariant {
  const slot = index % 10;
  if (slot === 3) return 'escalation';
  if (slot === 7) return 'scaling';
  return 'standard';
}

export interface ShapeCounts {
  updates: number;
  activities: number;
  timers: number;
}

/** Updates, activities and timers of one trajectory of a variant. */
export function countsOf(variant: TrajectoryVariant): ShapeCounts {
  const steps = SHAPES[variant];
  const timers = steps.filter((s) => s.armsTimer).length;
  return {
    updates: steps.length,
    activities:
      steps.length +
      steps.filter((s) => s.payment !== undefined).length +
      (BOOKKEEPING.onStart ? 1 : 0) +
      (BOOKKEEPING.onTimer ? timers : 0),
    timers,
  };
}

/** What a run of n trajectories did in total, and per trajectory on average: for the result files. */
export function shapeCounts(
  n: number,
): ShapeCounts & { perTrajectory: ShapeCounts; mix: Record<string, number> } {
  const total: ShapeCounts = { updates: 0, activities: 0, timers: 0 };
  const mix: Record<string, number> = { standard: 0, escalation: 0, scaling: 0 };
  for (let i = 0; i < n; i++) {
    const variant = variantFor(i);
    const c = countsOf(variant);
    mix[variant]++;
    total.updates += c.updates;
    total.activities += c.activities;
    total.timers += c.timers;
  }
  const per = (v: number) => Math.round((v / Math.max(n, 1)) * 100) / 100;
  return {
    ...total,
    perTrajectory: {
      updates: per(total.updates),
      activities: per(total.activities),
      timers: per(total.timers),
    },
    mix,
  };
}

/** Everything above, for the result files: a run states exactly which shape it measured. */
export function describeShape() {
  return {
    evaluationTimer: EVALUATION_TIMER,
    activityKinds: ACTIVITY_KINDS,
    bookkeeping: BOOKKEEPING,
    variants: Object.fromEntries(
      (Object.keys(SHAPES) as TrajectoryVariant[]).map((v) => [v, { ...countsOf(v), steps: SHAPES[v] }]),
    ),
  };
}
