import { jsonCopy } from '../shared/json-copy';
import { TransitionRejected } from '../shared/transition-rejected';
import type { Actor } from '../shared/actor';
import type { RuleViolation } from '../shared/transition-rejected';
import type {
  BreakthroughCaseCommand,
  BreakthroughCaseEffect,
  BreakthroughCaseState,
  BreakthroughCaseTransition,
} from './breakthrough-case';
import type { BreakthroughDocket } from './breakthrough-docket';
import { breakthroughDecisionViolations } from './breakthrough-decision-rules';
import { breakthroughDeadlines } from './breakthrough-timing';
import { isLiveCase } from './breakthrough-case';

interface CaseDraft {
  state: BreakthroughCaseState;
  effects: BreakthroughCaseEffect[];
  at: string;
  now: Date;
}

function open(state: BreakthroughCaseState, now: Date): CaseDraft {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  return { state: jsonCopy(state), effects: [], at: now.toISOString(), now: new Date(now.getTime()) };
}

function close(draft: CaseDraft): BreakthroughCaseTransition {
  if (draft.effects.length > 0) draft.state.updatedAt = draft.at;
  return { state: draft.state, effects: jsonCopy(draft.effects) };
}

function audit(
  draft: CaseDraft,
  type: string,
  actor: Actor,
  details: Record<string, string | number | boolean | null | string[]>,
) {
  draft.state.auditSeq += 1;
  draft.effects.push({
    kind: 'AUDIT',
    escalationId: draft.state.docket.escalationId,
    trajectoryId: draft.state.docket.trajectoryId,
    seq: draft.state.auditSeq,
    type,
    actor: { role: actor.role, ref: actor.ref },
    at: draft.at,
    details,
  });
}

function notify(
  draft: CaseDraft,
  topic: Extract<BreakthroughCaseEffect, { kind: 'NOTIFY' }>['topic'],
  audience: 'BREAKTHROUGH_TABLE' | 'CONTRACT_MANAGEMENT',
): void {
  const { escalationId, trajectoryId } = draft.state.docket;
  draft.effects.push({ kind: 'NOTIFY', escalationId, trajectoryId, topic, audience, ids: { escalationId } });
}

const TABLE_SYSTEM: Actor = { role: 'SYSTEM', ref: 'breakthrough-timers' };

/** Opens the table's case from the docket the trajectory sent (START_BREAKTHROUGH). */
export function openBreakthroughCase(docket: BreakthroughDocket, now: Date): BreakthroughCaseTransition {
  const at = now.toISOString();
  const draft = open(
    {
      schemaVersion: 1,
      docket,
      status: 'OPEN',
      deadlineAt: docket.deadlineAt,
      reminderAt: docket.reminderAt,
      reminderSent: false,
      overdue: false,
      memberRefs: [],
      decisions: [],
      auditSeq: 0,
      createdAt: at,
      updatedAt: at,
    },
    now,
  );
  audit(draft, 'CASE_OPENED', docket.raisedBy, {
    trigger: docket.trigger,
    context: docket.context,
    roundCount: docket.roundCount,
    workingDaysWaiting: docket.workingDaysWaiting,
    deadlineAt: docket.deadlineAt,
  });
  notify(draft, 'CASE_OPENED', 'BREAKTHROUGH_TABLE');
  return close(draft);
}

function isLive(state: BreakthroughCaseState): boolean {
  return isLiveCase(state.status);
}

/** The validator of the table's updates: 409 when the case is over, 422 when the input breaks a rule. */
export function assertCaseCommandAllowed(
  state: BreakthroughCaseState,
  command: BreakthroughCaseCommand,
  now: Date,
): void {
  const reject = (code: TransitionRejected['code'], violations: RuleViolation[]) =>
    new TransitionRejected({
      code,
      action: String(command?.type),
      currentStatus: state.status,
      allowedActions: isLive(state) ? ['assign', 'recordDecision', 'withdraw'] : [],
      violations,
    });
  if (!isLive(state)) {
    throw reject('INVALID_TRANSITION', [{ field: 'status', message: `the case is ${state.status}` }]);
  }
  const violations: RuleViolation[] = [];
  switch (command.type) {
    case 'assign':
      if (command.actor?.role !== 'BREAKTHROUGH_TABLE') {
        violations.push({ field: 'actor.role', message: 'the table assigns its own chair (§4.3)' });
      }
      if (typeof command.chairRef !== 'string' || command.chairRef.trim() === '') {
        violations.push({ field: 'chairRef', message: 'a named chair is required (§4.3)' });
      }
      break;
    case 'recordDecision':
      violations.push(
        ...breakthroughDecisionViolations(command.decision, {
          context: state.docket.context,
          status: state.status === 'PROVISIONAL' ? 'PROVISIONAL' : 'OPEN',
          hasOfferedArrangement: state.docket.offeredArrangement !== undefined,
          now,
        }),
      );
      break;
    case 'withdraw':
      if (!['SYSTEM', 'LOCAL_TEAM', 'OPERATOR'].includes(command.actor?.role)) {
        violations.push({
          field: 'actor.role',
          message: 'the trajectory (system), the local team or an operator withdraws',
        });
      }
      break;
    default:
      throw reject('INVALID_TRANSITION', [{ field: 'type', message: 'unknown command' }]);
  }
  if (violations.length > 0) throw reject('DOMAIN_RULE_VIOLATION', violations);
}

/** Applies assign, recordDecision or withdraw to the table's case. */
export function applyCaseCommand(
  state: BreakthroughCaseState,
  command: BreakthroughCaseCommand,
  now: Date,
): BreakthroughCaseTransition {
  assertCaseCommandAllowed(state, command, now);
  const draft = open(state, now);
  const s = draft.state;
  switch (command.type) {
    case 'assign':
      s.chairRef = command.chairRef;
      s.memberRefs = [...(command.memberRefs ?? [])];
      audit(draft, 'CASE_ASSIGNED', command.actor, { chairRef: command.chairRef, memberRefs: s.memberRefs });
      notify(draft, 'CASE_ASSIGNED', 'BREAKTHROUGH_TABLE');
      break;
    case 'recordDecision': {
      const d = command.decision;
      const provisional = d.code === 'AUTHORISE_PROVISIONAL_START' && s.status !== 'PROVISIONAL';
      s.decisions.push({ decision: jsonCopy(d), decidedAt: draft.at });
      if (provisional) {
        // decisions.md 3: care starts now; the table still settles the arrangement, on a fresh clock.
        const next = breakthroughDeadlines(s.docket.timing, draft.now);
        s.status = 'PROVISIONAL';
        s.deadlineAt = next.deadlineAt;
        s.reminderAt = next.reminderAt;
        s.reminderSent = false;
        s.overdue = false;
      } else {
        s.status = 'DECIDED';
        s.endedAt = draft.at;
      }
      audit(draft, 'CASE_DECIDED', d.decidedBy, {
        code: d.code,
        rationaleRef: d.rationaleRef,
        memberRefs: d.memberRefs ?? s.memberRefs,
        final: !provisional,
      });
      draft.effects.push({
        kind: 'DECISION_RECORDED',
        escalationId: s.docket.escalationId,
        trajectoryId: s.docket.trajectoryId,
        decision: d,
        final: !provisional,
      });
      break;
    }
    case 'withdraw':
      s.status = 'WITHDRAWN';
      s.endedAt = draft.at;
      audit(draft, 'CASE_WITHDRAWN', command.actor, { reason: command.reason });
      break;
  }
  return close(draft);
}

/**
 * The table's timers: the reminder (§4.5: at 5 working days) and the deadline, after which the case is
 * OVERDUE and contract management is told; it keeps waiting, never approved by default (decisions.md 10).
 */
export function applyCaseTimers(state: BreakthroughCaseState, now: Date): BreakthroughCaseTransition {
  const draft = open(state, now);
  const s = draft.state;
  const live = isLive(s);
  if (live && !s.reminderSent && s.reminderAt <= draft.at) {
    s.reminderSent = true;
    audit(draft, 'TABLE_REMINDER', TABLE_SYSTEM, { reminderAt: s.reminderAt, deadlineAt: s.deadlineAt });
    notify(draft, 'TABLE_REMINDER', 'BREAKTHROUGH_TABLE');
  }
  if (live && !s.overdue && s.deadlineAt <= draft.at) {
    s.overdue = true;
    if (s.status === 'OPEN') s.status = 'OVERDUE';
    audit(draft, 'TABLE_OVERDUE', TABLE_SYSTEM, { deadlineAt: s.deadlineAt });
    notify(draft, 'TABLE_OVERDUE', 'CONTRACT_MANAGEMENT');
  }
  return close(draft);
}

/** The next instant the table's workflow must wake for, if any. */
export function nextCaseDeadline(state: BreakthroughCaseState): string | undefined {
  if (!isLive(state) || state.overdue) return undefined;
  return state.reminderSent
    ? state.deadlineAt
    : state.reminderAt < state.deadlineAt
      ? state.reminderAt
      : state.deadlineAt;
}
