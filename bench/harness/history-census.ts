import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;

/** What one workflow id (all its continued-as-new runs, plus the children it started) put into history. */
export interface HistoryCensus {
  workflowId: string;
  runs: number;
  events: number;
  /** The histories' encoded size (protobuf, as Temporal stores and sends them), over every run and child. */
  bytes: number;
  /** Event type (without the EVENT_TYPE_ prefix) → count, over every run and child. */
  byType: Record<string, number>;
  /** The derived counts trajectory-shape.ts is aligned with. */
  counts: {
    updates: number;
    timersStarted: number;
    timersFired: number;
    timersCanceled: number;
    activities: number;
    localActivities: number;
    childWorkflows: number;
    signals: number;
    workflowTasks: number;
    searchAttributeUpserts: number;
  };
  children: string[];
  /** Per run (latest first, then the children), the non-bookkeeping events in order, abbreviated. */
  sequences: string[];
}

/**
 * Reads the real histories of a few finished trajectories, so the shape the baseline mirrors is checked
 * against what the workflow actually did, not what the code seems to do. Follows continue-as-new back to
 * the first run and counts the children (table cases) as well.
 */
export async function historyCensus(address: string, workflowIds: string[]): Promise<HistoryCensus[]> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    const out: HistoryCensus[] = [];
    for (const id of workflowIds) out.push(await censusOf(client, id));
    return out;
  } finally {
    await connection.close();
  }
}

async function censusOf(client: Client, workflowId: string): Promise<HistoryCensus> {
  const byType: Record<string, number> = {};
  const children: string[] = [];
  const sequences: string[] = [];
  let runs = 0;
  let events = 0;
  let bytes = 0;
  const visit = async (id: string, runId?: string): Promise<void> => {
    const history = await client.workflow.getHandle(id, runId).fetchHistory();
    runs++;
    bytes += temporal.api.history.v1.History.encode(history).finish().length;
    const sequence: string[] = [];
    for (const event of history.events ?? []) {
      events++;
      const name = (EventType[event.eventType ?? 0] ?? String(event.eventType)).replace(/^EVENT_TYPE_/, '');
      byType[name] = (byType[name] ?? 0) + 1;
      if (!/^WORKFLOW_TASK_(SCHEDULED|STARTED)$/.test(name)) sequence.push(ABBREVIATIONS[name] ?? name);
      const child = event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
      if (child) children.push(child);
    }
    sequences.push(`${id}: ${sequence.join(' ')}`);
    const previous = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (previous) await visit(id, previous);
  };
  await visit(workflowId);
  for (const child of children) await visit(child);
  const n = (type: string) => byType[type] ?? 0;
  return {
    workflowId,
    runs,
    events,
    bytes,
    byType,
    counts: {
      updates: n('WORKFLOW_EXECUTION_UPDATE_ACCEPTED'),
      timersStarted: n('TIMER_STARTED'),
      timersFired: n('TIMER_FIRED'),
      timersCanceled: n('TIMER_CANCELED'),
      activities: n('ACTIVITY_TASK_SCHEDULED'),
      localActivities: n('MARKER_RECORDED'),
      childWorkflows: n('START_CHILD_WORKFLOW_EXECUTION_INITIATED'),
      signals: n('WORKFLOW_EXECUTION_SIGNALED'),
      workflowTasks: n('WORKFLOW_TASK_COMPLETED'),
      searchAttributeUpserts: n('UPSERT_WORKFLOW_SEARCH_ATTRIBUTES'),
    },
    children,
    sequences,
  };
}

const ABBREVIATIONS: Record<string, string> = {
  WORKFLOW_TASK_COMPLETED: 'wft',
  WORKFLOW_EXECUTION_UPDATE_ACCEPTED: 'U(',
  WORKFLOW_EXECUTION_UPDATE_COMPLETED: ')U',
  TIMER_STARTED: 'T+',
  TIMER_FIRED: 'T!',
  TIMER_CANCELED: 'T-',
  MARKER_RECORDED: 'LA',
  ACTIVITY_TASK_SCHEDULED: 'A+',
  ACTIVITY_TASK_STARTED: 'A>',
  ACTIVITY_TASK_COMPLETED: 'A.',
  UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: 'SA',
  WORKFLOW_EXECUTION_STARTED: 'START',
  WORKFLOW_EXECUTION_CONTINUED_AS_NEW: 'CAN',
  WORKFLOW_EXECUTION_COMPLETED: 'DONE',
  WORKFLOW_EXECUTION_SIGNALED: 'SIG',
};
