import type { Actor } from '../shared/actor';
import { currentDecision } from './care-decision';
import { jsonCopy } from '../shared/json-copy';
import type { AuditDetails, NotifyAudience, NotifyTopic, TrajectoryEffect } from './trajectory-effect';
import type { Transition, TrajectoryState } from './trajectory-state';

/**
 * A transition being built: a private deep copy of the state that the handlers may change, the effects so
 * far, and the instant of `now`. The input state is never touched.
 */
export interface TransitionDraft {
  state: TrajectoryState;
  effects: TrajectoryEffect[];
  now: Date;
  at: string;
}

/** The ISO form of `now`; refuses an invalid Date so that no NaN instant reaches the state. */
export function isoOf(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  return now.toISOString();
}

export function openDraft(state: TrajectoryState, now: Date): TransitionDraft {
  const at = isoOf(now);
  return { state: jsonCopy(state), effects: [], now: new Date(now.getTime()), at };
}

export function closeDraft(draft: TransitionDraft): Transition {
  if (draft.effects.length > 0) draft.state.updatedAt = draft.at;
  // Effects are copied so that they never share objects with the state the caller keeps.
  return { state: draft.state, effects: jsonCopy(draft.effects) };
}

/** One AUDIT effect per transition (domain.md §4.6); seq is the per-trajectory counter in state. */
export function recordAudit(
  draft: TransitionDraft,
  type: string,
  actor: Actor,
  details: AuditDetails = {},
): void {
  draft.state.auditSeq += 1;
  const decision = currentDecision(draft.state);
  draft.effects.push({
    kind: 'AUDIT',
    trajectoryId: draft.state.trajectoryId,
    seq: draft.state.auditSeq,
    type,
    actor: { role: actor.role, ref: actor.ref },
    at: draft.at,
    ...(draft.state.plan ? { planVersion: draft.state.plan.version } : {}),
    ...(decision ? { decisionVersion: decision.version } : {}),
    details,
  });
}

export function notify(
  draft: TransitionDraft,
  topic: NotifyTopic,
  audience: NotifyAudience,
  ids: Record<string, string> = {},
): void {
  draft.effects.push({ kind: 'NOTIFY', trajectoryId: draft.state.trajectoryId, topic, audience, ids });
}
