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
