import {
  allHandlersFinished,
  type defineUpdate,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  breakthroughDecidedSignal,
  getTrajectoryQuery,
  getTrajectoryStateQuery,
  changedSearchAttributes,
  continuedHistoryVersion,
  LEAN_HISTORY,
  newTrajectoryInput,
  publishedAtStart,
  START_ATTRIBUTES_HISTORY,
  trajectorySearchAttributes,
  trajectoryUpdates,
  upgradeRulesSignal,
  type BreakthroughDecisionMessage,
  type TrajectoryResult,
  type TrajectoryWorkflowInput,
} from '@app/contracts';
import {
  applyBreakthroughDecision,
  applyCommand,
  applyDueTimers,
  assertBreakthroughDecisionAllowed,
  assertCommandAllowed,
  createTrajectory,
  creationInstant,
  CURRENT_RULES,
  isAtEvaluationBoundary,
  nextDeadline,
  rulesOf,
  TRAJECTORY_COMMAND_TYPES,
  TransitionRejected,
  trajectoryView,
  upgradeRules,
  type TrajectoryCommand,
  type TrajectoryEffect,
  type TrajectoryState,
  type TrajectoryView,
  type Transition,
} from '@app/domain';
import { asFailure, validating } from './rejection';
import { IncidentDesk } from './incidents';
import { runEffects, type EffectProgress, type SuccessorStarter } from './trajectory-effects';
import { DeadlineTimer } from './deadline-timer';

/** A timer that woke without anything due waits at least this long before it looks again (no hot loop). */
const MIN_RECHECK_MS = 1000;

/**
 * History version 2: a run continues as new once its history holds this many events, or earlier when Temporal
 * suggests it. A standard trajectory makes about 100 in its whole life, so most never continue; the bound keeps
 * the replay a worker does after losing a run from its cache short (1,000 events replay in tens of ms), far
 * below Temporal's own limits (it suggests continuing at 4,096 events or 4 MB, refuses at 51,200 or 50 MB).
 */
const DEFAULT_RUN_EVENT_BOUND = 1000;

/** Patch id (issue 14): an update that escalates answers after the table's case workflow started. */
const ANSWER_AFTER_TABLE_CASE_STARTED = 'answer-after-table-case-started';

/**
 * Patch id (issue 14): new trajectories run under rules 2 (a deadline on every wait, libs/domain
 * trajectory/rules-version.ts); a run begun under rules 1 moves to them the first time new code runs it, when
 * a command, a timer or the operators' `upgradeRules` signal wakes it. Recorded histories replay as rules 1.
 */
const RULES_2 = 'rules-2-deadline-on-every-wait';

/**
 * One client trajectory (traject), from intake to closure (domain.md §2, §7.3–7.6).
 *
 * A thin shell around the pure lifecycle core in libs/domain: commands arrive as Temporal Updates (validated
 * before they enter history), timers are one durable timer for the earliest deadline, and the effects of
 * every transition (audit, read model, decisions, payments, table cases, successors) run as activities and
 * child workflows.
 *
 * History version 2 (`input.historyVersion`, issue 20) keeps the history lean: the run continues as new only
 * when Temporal suggests it or after `runEventBound` events, the deadline timer stays armed while its deadline
 * does not change, and the search attributes are upserted once per workflow task with only what changed.
 * Version 3 adds: the trajectory is created at the instant its start was received (`start.receivedAt`, when
 * just before its first task), so its starter could set every search attribute and the first task upserts
 * none. Version 1, which runs begun before issue 20 replay and finish under, continues as new at each
 * evaluation, starts a new timer on every wake-up, and upserts after every transition; it moves to version 2
 * at its next continue-as-new. Otherwise a run continues, and starts its successor, under its own version:
 * only the API moves new trajectories to a newer one (continuedHistoryVersion).
 */
export async function trajectoryWorkflow(input: TrajectoryWorkflowInput): Promise<TrajectoryResult> {
  let state: TrajectoryState;
  const version = input.historyVersion ?? 1;
  const lean = version >= LEAN_HISTORY;
  // Every run of version 2 runs new code, so the patches before it always hold there. Asked with patched(),
  // each would cost a version-2 run a marker and a TemporalChangeVersion upsert.
  const isPatched = (patch: string): boolean => lean || patched(patch);
  const pending: TrajectoryEffect[] = [];
  const tableDecisions: BreakthroughDecisionMessage[] = [];
  let published = new Map<string, string>();
  // Effects handed to the shell so far, and those it has run: an update can wait for its own effects.
  let committedEffects = 0;
  let ranEffects = 0;

  let attributesChanged = false;
  const publishAttributes = (): void => {
    if (!attributesChanged) return;
    attributesChanged = false;
    const updates = changedSearchAttributes(
      trajectorySearchAttributes(state, trajectoryView(state, new Date())),
      published,
    );
    if (updates.length > 0) upsertSearchAttributes(updates);
  };
  const commit = (transition: Transition): void => {
    state = transition.state;
    pending.push(...transition.effects);
    committedEffects += transition.effects.length;
    attributesChanged = true;
    // Version 2 publishes once per workflow task, before the workflow waits (publishAttributes in the loop).
    if (!lean) publishAttributes();
  };

  if (input.carried) {
    state = input.carried;
    changedSearchAttributes(trajectorySearchAttributes(state, trajectoryView(state, new Date())), published);
  } else if (version >= START_ATTRIBUTES_HISTORY) {
    // Version 3: created at its receipt, as its starter computed the search attributes it set; only what
    // differs from those (a start that waited, a starter without receivedAt) is upserted.
    const created = createTrajectory(input.start, creationInstant(input.start, new Date()), 2);
    published = publishedAtStart(
      trajectorySearchAttributes(created.state, trajectoryView(created.state, new Date())),
      workflowInfo().typedSearchAttributes,
    );
    commit(created);
  } else {
    commit(createTrajectory(input.start, new Date(), isPatched(RULES_2) ? 2 : 1));
  }
  let upgradeAsked = false;
  /** Moves a run begun under rules 1 to the current rules; true when it did. */
  const upgradeIfPatched = (): boolean => {
    if (rulesOf(state) === CURRENT_RULES || !isPatched(RULES_2)) return false;
    commit(upgradeRules(state, new Date()));
    return true;
  };
  const evaluationsAtRunStart = state!.evaluations.length;

  const incidents = new IncidentDesk();
  setHandler(getTrajectoryQuery, () => trajectoryView(state, new Date()));
  setHandler(getTrajectoryStateQuery, () => state);
  setHandler(breakthroughDecidedSignal, (message) => void tableDecisions.push(message));
  setHandler(upgradeRulesSignal, () => void (upgradeAsked = true));
  for (const type of TRAJECTORY_COMMAND_TYPES) {
    const toCommand = (payload: object) => ({ ...payload, type }) as TrajectoryCommand;
    // Every command update has the same shape: a payload in, the new view out.
    const update = trajectoryUpdates[type] as ReturnType<typeof defineUpdate<TrajectoryView, [object]>>;
    setHandler(
      update,
      async (payload) => {
        upgradeIfPatched();
        let transition: Transition;
        try {
          transition = applyCommand(state, toCommand(payload), new Date());
        } catch (error) {
          throw asFailure(error);
        }
        commit(transition);
        // A command that sends the case to the table answers once the table's case exists, so that the
        // caller's next step (the table's decision) finds it. Patched: earlier runs answered at once.
        if (
          transition.effects.some((e) => e.kind === 'START_BREAKTHROUGH') &&
          isPatched(ANSWER_AFTER_TABLE_CASE_STARTED)
        ) {
          const target = committedEffects;
          await condition(() => ranEffects >= target);
        }
        return trajectoryView(state, new Date());
      },
      {
        validator: (payload) => validating(() => assertCommandAllowed(state, toCommand(payload), new Date())),
      },
    );
  }

  // A continued run and a successor keep this run's history version (only the API moves versions on).
  const successor: SuccessorStarter = {
    workflow: trajectoryWorkflow,
    historyVersion: continuedHistoryVersion(input),
  };
  const wake = () => pending.length > 0 || tableDecisions.length > 0 || upgradeAsked;
  let recheckFloor = 0;
  const timer = new DeadlineTimer();
  for (;;) {
    applyTableDecisions(tableDecisions, () => state, commit);
    publishAttributes();
    if (pending.length > 0) {
      const effects = pending.splice(0, pending.length);
      const at = state!;
      const progress: EffectProgress = { done: 0 };
      await incidents.runUntilDone(
        () => runEffects(at, trajectoryView(at, new Date()), effects, successor, progress),
        () => progress.step ?? 'recordTransition',
      );
      ranEffects += effects.length;
      continue;
    }
    if (state!.status === 'CLOSED') break;
    upgradeAsked = false;
    if (upgradeIfPatched()) continue;
    const continueNow = lean
      ? runIsLong(input.runEventBound ?? DEFAULT_RUN_EVENT_BOUND)
      : state!.evaluations.length > evaluationsAtRunStart && isAtEvaluationBoundary(state!);
    if (continueNow) {
      await condition(allHandlersFinished);
      if (pending.length === 0 && tableDecisions.length === 0) {
        publishAttributes();
        return continueAsNew<typeof trajectoryWorkflow>({
          ...newTrajectoryInput(input.start, successor.historyVersion),
          carried: state!,
          ...(input.runEventBound !== undefined ? { runEventBound: input.runEventBound } : {}),
        });
      }
      continue;
    }
    const deadline = earliest(nextDeadline(state!), tableDeadlineAhead(state!));
    let fired: boolean;
    if (lean) {
      // The timer stays armed while the deadline (and the recheck floor) stays the same.
      timer.arm(deadline === undefined ? undefined : { deadline, floorMs: recheckFloor });
      await condition(() => wake() || timer.fired);
      fired = timer.takeFired();
    } else {
      const timeout =
        deadline === undefined ? undefined : Math.max(Date.parse(deadline) - Date.now(), recheckFloor);
      fired = !(await (timeout === undefined ? condition(wake).then(() => true) : condition(wake, timeout)));
    }
    if (!fired) {
      recheckFloor = 0;
      continue;
    }
    const before = pending.length;
    commit(applyDueTimers(state!, new Date()));
    recheckFloor = pending.length === before ? MIN_RECHECK_MS : 0;
  }

  await condition(allHandlersFinished);
  publishAttributes();
  const final = state!;
  return {
    trajectoryId: final.trajectoryId,
    status: final.status,
    closureReason: final.closure?.reason,
    successorTrajectoryId: final.successorTrajectoryId,
  };
}

/** The table's decisions arrive as signals from its case workflow; each returns to the trajectory here. */
function applyTableDecisions(
  queue: BreakthroughDecisionMessage[],
  current: () => TrajectoryState,
  commit: (t: Transition) => void,
): void {
  while (queue.length > 0) {
    const { escalationId, decision } = queue.shift()!;
    try {
      assertBreakthroughDecisionAllowed(current(), escalationId, decision, new Date());
      commit(applyBreakthroughDecision(current(), escalationId, decision, new Date()));
    } catch (error) {
      if (!(error instanceof TransitionRejected)) throw error;
      // Only possible when the trajectory moved on (e.g. closed) while the table decided.
      log.warn('table decision no longer applies', {
        escalationId,
        code: error.code,
        status: error.currentStatus,
      });
    }
  }
}

/**
 * The open table case's deadline while it lies ahead. The table's own workflow marks the case overdue, but
 * the trajectory's queries compute `openEscalation.overdue` from workflow time, which only moves when this
 * workflow wakes; without a wake-up at the deadline the view would show an overdue case as on time.
 */
function tableDeadlineAhead(state: TrajectoryState): string | undefined {
  const open = state.escalations.find((e) => e.status === 'OPEN' || e.status === 'PROVISIONAL');
  return open !== undefined && Date.parse(open.deadlineAt) > Date.now() ? open.deadlineAt : undefined;
}

/** Version 2's continue-as-new: when Temporal suggests it, or once the run holds `bound` events. */
function runIsLong(bound: number): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= bound;
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  return b === undefined || a <= b ? a : b;
}
