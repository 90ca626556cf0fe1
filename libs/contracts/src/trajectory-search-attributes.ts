import type {
  SearchAttributePair,
  SearchAttributeUpdatePair,
  TypedSearchAttributes,
} from '@temporalio/common';
import {
  createTrajectory,
  nextStatutoryDeadline,
  rulesOf,
  trajectoryView,
  type TrajectoryStart,
  type TrajectoryState,
  type TrajectoryView,
} from '@app/domain';
import {
  SA_APPROVAL_DEADLINE,
  SA_DOMAIN,
  SA_ESCALATED,
  SA_EVALUATION_OVERDUE,
  SA_MUNICIPALITY,
  SA_NEXT_EVALUATION,
  SA_PROVIDER,
  SA_SEGMENT,
  SA_STATUS,
  SA_STATUTORY_DEADLINE,
} from './search-attributes';

/**
 * What operators filter on in the Web UI (domain.md §7.6), for a trajectory in `state`. Codes, flags and
 * instants; never personal data. The workflow upserts what changed of these; the API sets them at the start.
 */
export function trajectorySearchAttributes(
  state: TrajectoryState,
  view: TrajectoryView,
): SearchAttributeUpdatePair[] {
  const deadline =
    state.approvalClock && !state.approvalClock.pausedAt ? state.approvalClock.deadlineAt : undefined;
  return [
    { key: SA_STATUS, value: state.status },
    { key: SA_MUNICIPALITY, value: state.municipalityCode },
    { key: SA_PROVIDER, value: view.leadProviderId ?? null },
    { key: SA_DOMAIN, value: state.domain },
    { key: SA_SEGMENT, value: state.segment },
    { key: SA_ESCALATED, value: view.subFlags.escalated },
    { key: SA_EVALUATION_OVERDUE, value: view.subFlags.evaluationOverdue },
    { key: SA_APPROVAL_DEADLINE, value: deadline ? new Date(deadline) : null },
    {
      key: SA_NEXT_EVALUATION,
      value: state.care.nextEvaluationAt ? new Date(state.care.nextEvaluationAt) : null,
    },
    // Rules 2 only: a trajectory of rules 1 never upserted it, and its recorded history must replay as is.
    ...(rulesOf(state) === 2 ? [statutoryDeadlinePair(state)] : []),
  ];
}

function statutoryDeadlinePair(state: TrajectoryState): SearchAttributeUpdatePair {
  const next = nextStatutoryDeadline(state);
  return { key: SA_STATUTORY_DEADLINE, value: next ? new Date(next.deadlineAt) : null };
}

/**
 * Search attributes a trajectory starts with, set by whoever starts it (the API or its predecessor). With the
 * instant it was received (`receivedAt`, history version 3), all of them: the trajectory as it will be created
 * then, so its workflow has nothing to upsert in its first task. Without, the fixed facts of the start.
 */
export function initialSearchAttributes(start: TrajectoryStart): SearchAttributePair[] {
  const at = new Date(start.receivedAt ?? NaN);
  if (!Number.isNaN(at.getTime())) {
    try {
      const { state } = createTrajectory(start, at);
      return trajectorySearchAttributes(state, trajectoryView(state, at)).filter(
        (pair): pair is SearchAttributePair => pair.value !== null,
      );
    } catch {
      // The attributes save the first task an upsert, no more: they never stop a start. A start that breaks a
      // rule fails in its workflow, with the violations; it starts with the fixed facts.
    }
  }
  return [
    { key: SA_STATUS, value: 'INTAKE' },
    { key: SA_MUNICIPALITY, value: start.municipalityCode },
    { key: SA_DOMAIN, value: start.domain },
    { key: SA_SEGMENT, value: start.segment },
    ...(start.leadProviderId ? [{ key: SA_PROVIDER, value: start.leadProviderId }] : []),
  ];
}

/** How a value is compared: instants by their ISO text, everything else (null too) as JSON. */
function comparable(value: unknown): string {
  return value instanceof Date ? value.toISOString() : JSON.stringify(value ?? null);
}

/** Only the pairs whose value changed since the last upsert, so history gets no redundant upserts. */
export function changedSearchAttributes(
  next: SearchAttributeUpdatePair[],
  previous: Map<string, string>,
): SearchAttributeUpdatePair[] {
  const changed: SearchAttributeUpdatePair[] = [];
  for (const pair of next) {
    const value = comparable(pair.value);
    if (previous.get(pair.key.name) === value) continue;
    previous.set(pair.key.name, value);
    changed.push(pair);
  }
  return changed;
}

/**
 * What a run starts out with as published (history version 3): the values its start set, an absent one as
 * null. The first upsert then carries only what differs from them.
 */
export function publishedAtStart(
  pairs: SearchAttributeUpdatePair[],
  started: Pick<TypedSearchAttributes, 'get'>,
): Map<string, string> {
  const published = new Map<string, string>();
  for (const { key } of pairs) published.set(key.name, comparable(started.get(key)));
  return published;
}
