import { allHandlersFinished, condition, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import {
  assignBreakthroughCaseUpdate,
  breakthroughDecidedSignal,
  getBreakthroughCaseQuery,
  recordBreakthroughDecisionUpdate,
  withdrawBreakthroughCaseSignal,
  type BreakthroughCaseInput,
  type CaseBookkeepingInput,
} from '@app/contracts';
import {
  applyCaseCommand,
  applyCaseTimers,
  assertCaseCommandAllowed,
  isLiveCase,
  nextCaseDeadline,
  openBreakthroughCase,
  type BreakthroughCaseCommand,
  type BreakthroughCaseEffect,
  type BreakthroughCaseState,
  type BreakthroughCaseTransition,
} from '@app/domain';
import { bookkeeping } from './bookkeeping-proxy';
import { IncidentDesk } from './incidents';
import { asFailure, validating } from './rejection';

const TRAJECTORY_SYSTEM = { role: 'SYSTEM', ref: 'trajectory' } as const;

/**
 * One case at the breakthrough table (doorbraaktafel), a child of the trajectory (domain.md §4, §7.6).
 * It reminds the table half-way, marks itself overdue at its deadline and notifies contract management,
 * and then keeps waiting: it never decides by itself (decisions.md 10). Each decision is sent to the
 * trajectory; a provisional start keeps the case open until the table settles it.
 */
export async function breakthroughCaseWorkflow(input: BreakthroughCaseInput): Promise<BreakthroughCaseState> {
  let state: BreakthroughCaseState;
  const pending: BreakthroughCaseEffect[] = [];
  const commit = (t: BreakthroughCaseTransition): void => {
    state = t.state;
    pending.push(...t.effects);
  };
  const apply = (command: BreakthroughCaseCommand): BreakthroughCaseState => {
    try {
      commit(applyCaseCommand(state, command, new Date()));
    } catch (error) {
      throw asFailure(error);
    }
    return state;
  };
  const check = (command: BreakthroughCaseCommand) =>
    validating(() => assertCaseCommandAllowed(state, command, new Date()));

  commit(openBreakthroughCase(input.docket, new Date()));
  const incidents = new IncidentDesk();
  setHandler(getBreakthroughCaseQuery, () => state);
  setHandler(assignBreakthroughCaseUpdate, (p) => apply({ type: 'assign', ...p }), {
    validator: (p) => check({ type: 'assign', ...p }),
  });
  setHandler(recordBreakthroughDecisionUpdate, (p) => apply({ type: 'recordDecision', ...p }), {
    validator: (p) => check({ type: 'recordDecision', ...p }),
  });
  setHandler(withdrawBreakthroughCaseSignal, ({ reason }) => {
    if (isLive(state))
      commit(applyCaseCommand(state, { type: 'withdraw', actor: TRAJECTORY_SYSTEM, reason }, new Date()));
  });

  while (isLive(state!) || pending.length > 0) {
    if (pending.length > 0) {
      const at = state!;
      const effects = pending.splice(0, pending.length);
      // Only the bookkeeping write can be refused on its data, and it comes before the signals: a retry of
      // the whole batch sends nothing twice.
      await incidents.runUntilDone(
        () => runCaseEffects(input, at, effects),
        () => 'recordCaseTransition',
      );
      continue;
    }
    const deadline = nextCaseDeadline(state!);
    const timeout = deadline === undefined ? undefined : Math.max(Date.parse(deadline) - Date.now(), 0);
    const woke =
      timeout === undefined
        ? await condition(() => pending.length > 0).then(() => true)
        : await condition(() => pending.length > 0, timeout);
    if (!woke) commit(applyCaseTimers(state!, new Date()));
  }
  await condition(allHandlersFinished);
  return state!;
}

function isLive(state: BreakthroughCaseState): boolean {
  return isLiveCase(state.status);
}

async function runCaseEffects(
  input: BreakthroughCaseInput,
  state: BreakthroughCaseState,
  effects: BreakthroughCaseEffect[],
): Promise<void> {
  const write: CaseBookkeepingInput = {
    audit: [],
    notifications: [],
    escalation: {
      escalationId: state.docket.escalationId,
      chairRef: state.chairRef ?? null,
      reminderSent: state.reminderSent,
      overdue: state.overdue,
    },
  };
  let seq = 0;
  for (const e of effects) {
    if (e.kind === 'AUDIT') {
      seq = e.seq;
      write.audit.push({
        trajectoryId: e.trajectoryId,
        stream: e.escalationId,
        seq: e.seq,
        type: e.type,
        actorRole: e.actor.role,
        actorRef: e.actor.ref,
        at: e.at,
        details: e.details,
      });
    } else if (e.kind === 'NOTIFY') {
      write.notifications.push({
        id: `${e.escalationId}:${seq}:${e.topic}:${e.audience}`,
        trajectoryId: e.trajectoryId,
        topic: e.topic,
        audience: e.audience,
        ids: e.ids,
        createdAt: state.updatedAt,
      });
    }
  }
  await bookkeeping.recordCaseTransition(write);
  for (const e of effects) {
    if (e.kind !== 'DECISION_RECORDED') continue;
    // The decision returns to the trajectory (domain.md §7.6); a signal survives the parent's continue-as-new.
    await getExternalWorkflowHandle(input.parentWorkflowId).signal(breakthroughDecidedSignal, {
      escalationId: e.escalationId,
      decision: e.decision,
    });
  }
}
