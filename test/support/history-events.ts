import { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Event type names without the EVENT_TYPE_ prefix, e.g. WORKFLOW_EXECUTION_CONTINUED_AS_NEW. */
export function eventTypes(events: readonly HistoryEvent[]): string[] {
  return events.map((e) =>
    String(temporal.api.enums.v1.EventType[e.eventType ?? 0]).replace(/^EVENT_TYPE_/, ''),
  );
}

/** The names of the updates the history accepted, in order (rejected ones never enter it). */
export function acceptedUpdates(events: readonly HistoryEvent[]): string[] {
  return events
    .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name)
    .filter((name): name is string => typeof name === 'string');
}

/**
 * Whether a run is at rest: its last workflow task completed and every activity it scheduled closed, so no
 * task is in flight. On the Java test server a task whose completion fails (the run was terminated, or a query
 * raced the task that closed it) leaks a time-skipping lock; waiting for rest first avoids both.
 */
export function atRest(types: readonly string[]): boolean {
  const lastTask = types.filter((e) => e.startsWith('WORKFLOW_TASK_')).pop();
  const scheduled = types.filter((e) => e === 'ACTIVITY_TASK_SCHEDULED').length;
  const closed = types.filter((e) => /^ACTIVITY_TASK_(COMPLETED|FAILED|TIMED_OUT|CANCELED)$/.test(e)).length;
  return lastTask === 'WORKFLOW_TASK_COMPLETED' && scheduled === closed;
}
