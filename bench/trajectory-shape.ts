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
  /** Starts the evaluation clock anew (start of care, an evaluation): the timer fires EVALUATION_TIMER later. */
  armsTimer?: boolean;
  /**
   * The deadline the trajectory has after this step, i.e. whether the workflow waits with a timer:
   * 'long' (approval, provider start, table case: months ahead, never fires here), 'evaluation' (the
   * evaluation clock) or 'none' (INTAKE, DRAFTING). The one timer is cancelled by the next command and
   * armed again after it, so this is where most of the TIMER_STARTED/TIMER_CANCELED events come from.
   */
  deadline: 'none' | 'long' | 'evaluation';
  /** The step changes a search attribute (status, deadlines, escalated): an UpsertWorkflowSearchAttributes. */
  searchAttributes?: boolean;
  /** A payment activity after the bookkeeping write. */
  payment?: ShapePayment;
  /** The trajectory is complete after this step. */
  closes?: boolean;
  /** Issues a care decision: a second bookkeeping write (recordCareDecision). */
  decision?: boolean;
  /** The run continues as new once this step's effects are written (an evaluation boundary). */
  continuesAsNew?: boolean;
  /** Starts the breakthrough table's case, a child workflow. */
  startsChild?: boolean;
  /** The Update goes to the child workflow, which signals the decision back to the trajectory. */
  onChild?: boolean;
}

export type TrajectoryVariant = 'standard' | 'escalation' | 'scaling';

/** History version 2 (issue 20): an evaluation no longer continues the run as new. */
const EVALUATION: ShapeStep = {
  command: 'recordEvaluation',
  deadline: 'evaluation',
  searchAttributes: true,
  afterTimer: true,
  armsTimer: true,
};

/**
 * The plain path, as test/api-lifecycle.e2e.test.ts drives it: drafting, plan, two signatures, approval,
 * start of care with the initial payment, two evaluations (each after its timer) and completion with the
 * final evaluation, which pays the final tranche and closes. The local team records the family's choice of
 * lead provider, which then submits the plan (in youth care it proposes the intensity). submitPlan is only allowed in DRAFTING, so
 * beginDrafting (`POST …/drafting`) is an update of its own; completion is its own command
 * (`POST …/completion`, confirmCompletion), not an evaluation with outcome COMPLETE.
 */
const STANDARD: readonly ShapeStep[] = [
  // Rules 2: drafting has a deadline too (libs/domain/src/lifecycle/trajectory-waits.ts).
  { command: 'beginDrafting', deadline: 'long', searchAttributes: true },
  // The family's choice of lead provider, so that the provider can read and submit (R-ROLE-05, R-ROLE-02).
  { command: 'chooseLeadProvider', deadline: 'long' },
  { command: 'submitPlan', deadline: 'long', searchAttributes: true },
  { command: 'signPlan', deadline: 'long' },
  { command: 'signPlan', deadline: 'long' },
  { command: 'approvePlan', deadline: 'long', searchAttributes: true, decision: true },
  {
    command: 'confirmStart',
    deadline: 'evaluation',
    searchAttributes: true,
    payment: 'INITIAL',
    armsTimer: true,
  },
  EVALUATION,
  EVALUATION,
  { command: 'confirmCompletion', deadline: 'none', searchAttributes: true, payment: 'FINAL', closes: true },
];

/**
 * 10 % of trajectories: the local team escalates a financial dispute and the breakthrough table approves
 * the plan instead. escalate opens the table's case, a child workflow (breakthroughCaseWorkflow) with its
 * own bookkeeping write; the table's decision is an Update on that child, which signals the trajectory;
 * the API answers once the trajectory shows it (apps/api/src/escalations/escalations.controller.ts).
 */
const ESCALATION: readonly ShapeStep[] = STANDARD.flatMap((step) =>
  step.command === 'approvePlan'
    ? [
        { command: 'escalate', deadline: 'long', searchAttributes: true, startsChild: true },
        {
          command: 'decideEscalation',
          deadline: 'long',
          searchAttributes: true,
          onChild: true,
          decision: true,
        },
      ]
    : [step],
);

/**
 * 10 %: the first evaluation scales up; the arrangement change is requested and approved (a new decision
 * version), and a trajectory-priced scale-up pays an ADJUSTMENT tranche now
 * (libs/domain/src/payments/scaling-adjustment.ts).
 */
const SCALING: readonly ShapeStep[] = STANDARD.flatMap((step, index) =>
  index === STANDARD.findIndex((s) => s.command === 'recordEvaluation')
    ? [
        step,
        { command: 'requestArrangementChange', deadline: 'evaluation' },
        { command: 'decideArrangementChange', deadline: 'evaluation', payment: 'ADJUSTMENT', decision: true },
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
 * How often both drivers ask whether an evaluation is due (the platform: GET /trajectories/:id, i.e. a
 * workflow query; the baseline: the same query through the client) and, on the platform, whether the final
 * payment is in the ledger.
 */
export const POLL_MS = 200;

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

/** The first index of each variant below n: the trajectories whose histories a run reads back. */
export function sampleIndexes(n: number): number[] {
  return [0, 3, 7].filter((i) => i < n);
}

export interface ShapeCounts {
  /** Updates accepted (the table's decision is an Update on the child workflow). */
  updates: number;
  /** Local (bookkeeping) plus regular (payment) activities. */
  activities: number;
  /** Timers started (most are cancelled by the next command; `timersFired` fire). */
  timers: number;
  localActivities: number;
  remoteActivities: number;
  timersFired: number;
  searchAttributeUpserts: number;
  continueAsNew: number;
  childWorkflows: number;
}

/**
 * What one trajectory of a variant puts into Temporal, derived from its steps the way trajectoryWorkflow
 * behaves (checked against real histories: `extra.historyCensus` in the result files). Standard path: 9
 * updates, 13 local + 2 regular activities, 9 timers started (2 fire), 8 search-attribute upserts, 2
 * continue-as-new, 3 runs.
 */
export function countsOf(variant: TrajectoryVariant, steps: readonly ShapeStep[] = SHAPES[variant]) {
  const fired = steps.filter((s) => s.afterTimer).length;
  const decisions = steps.filter((s) => s.decision).length;
  const children = steps.filter((s) => s.startsChild).length;
  const local =
    (BOOKKEEPING.onStart ? 1 : 0) +
    steps.length +
    decisions +
    (BOOKKEEPING.onTimer ? fired : 0) +
    // The table case writes its decision once.
    children;
  const remote = steps.filter((s) => s.payment !== undefined).length;
  const counts: ShapeCounts = {
    updates: steps.length,
    activities: local + remote,
    // Armed after every step that leaves a deadline (until the next command cancels it), plus the grace
    // deadline armed after a due evaluation.
    timers: steps.filter((s) => s.deadline !== 'none' && !s.closes).length + fired,
    localActivities: local,
    remoteActivities: remote,
    timersFired: fired,
    // One upsert on start (the published map starts empty) and one per step that changes one.
    searchAttributeUpserts: 1 + steps.filter((s) => s.searchAttributes).length,
    continueAsNew: steps.filter((s) => s.continuesAsNew).length,
    childWorkflows: children,
  };
  return counts;
}

/** What a run of n trajectories did in total, and per trajectory on average: for the result files. */
export function shapeCounts(
  n: number,
  variantOf: (index: number) => TrajectoryVariant = variantFor,
  stepsOf: (variant: TrajectoryVariant) => readonly ShapeStep[] = (v) => SHAPES[v],
): ShapeCounts & { perTrajectory: ShapeCounts; mix: Record<string, number> } {
  const total = countsOf('standard', []);
  for (const key of Object.keys(total) as (keyof ShapeCounts)[]) total[key] = 0;
  const perTrajectory = { ...total };
  const mix: Record<string, number> = { standard: 0, escalation: 0, scaling: 0 };
  for (let i = 0; i < n; i++) {
    const variant = variantOf(i);
    const c = countsOf(variant, stepsOf(variant));
    mix[variant]++;
    for (const key of Object.keys(total) as (keyof ShapeCounts)[]) total[key] += c[key];
  }
  for (const key of Object.keys(total) as (keyof ShapeCounts)[])
    perTrajectory[key] = Math.round((total[key] / Math.max(n, 1)) * 100) / 100;
  return { ...total, perTrajectory, mix };
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
