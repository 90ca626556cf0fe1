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
  type SearchAttributeUpdatePair,
} from '@app/contracts';
import { nextStatutoryDeadline, rulesOf } from '@app/domain';
import type { TrajectoryState, TrajectoryView } from '@app/domain';

/** What operators filter on in the Web UI (domain.md §7.6). Codes, flags and instants; never personal data. */
export function searchAttributesOf(
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

/** Only the pairs whose value changed since the last upsert, so history gets no redundant upserts. */
export function changedSearchAttributes(
  next: SearchAttributeUpdatePair[],
  previous: Map<string, string>,
): SearchAttributeUpdatePair[] {
  const changed: SearchAttributeUpdatePair[] = [];
  for (const pair of next) {
    const value = pair.value instanceof Date ? pair.value.toISOString() : JSON.stringify(pair.value);
    if (previous.get(pair.key.name) === value) continue;
    previous.set(pair.key.name, value);
    changed.push(pair);
  }
  return changed;
}
