import type { LatencySummary } from '../harness/latency';
import type { PoolOutcome } from '../harness/pool';

/**
 * The harness and the baseline client process talk over Node's IPC channel: the client connects and
 * says `ready`; the harness takes its "before" measurements and says `go`; the client reports progress
 * and finally `done` with its latencies, so the harness can take the "after" measurements at once.
 */
export type HarnessToClient = { type: 'go' };

export type ClientToHarness =
  | { type: 'ready' }
  | { type: 'progress'; completed: number; failed: number }
  | { type: 'done'; outcome: PoolOutcome; wallMs: number; latency: Record<string, LatencySummary> };

/** The client's settings, passed in its environment as JSON. */
export interface ClientSettings {
  temporalAddress: string;
  taskQueue: string;
  n: number;
  concurrency: number;
  /** Makes workflow ids unique per run, so a reused server never refuses a start. */
  runTag: string;
  /** The minimal baseline (BareTrajectoryInput.minimal) instead of the same-shape one. */
  minimal?: boolean;
}
