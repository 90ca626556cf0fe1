import { settled } from './settled';

/**
 * The run's status once it is no longer RUNNING (or RUNNING still, after `settled`'s wait), read with
 * describe. Never by polling a query: on the Java test server a query that races the task closing the run
 * leaks a time-skipping lock, and every later sleep of the file then waits in real time (infra.md §4b).
 */
export function closedStatus(handle: { describe(): Promise<{ status: { name: string } }> }): Promise<string> {
  return settled(
    async () => (await handle.describe()).status.name,
    (status) => status !== 'RUNNING',
  );
}
