import { shapeCounts } from '../trajectory-shape';
import type { LatencySummary } from './latency';
import type { PoolOutcome } from './pool';
import {
  round,
  type HostCpu,
  type PhaseResources,
  type RoleResources,
  type RssPoint,
} from './resource-monitor';

/** One measured phase (the platform lifecycle, the bare baseline, opening trajectories), as written to JSON. */
export interface PhaseResult {
  phase: string;
  n: number;
  concurrency: number;
  completed: number;
  failed: number;
  errors: string[];
  wallSeconds: number;
  trajectoriesPerSecond: number;
  /** Updates, activities and timers the phase asked of Temporal (bench/trajectory-shape.ts). */
  shape: ReturnType<typeof shapeCounts>;
  latencyMs: Record<string, LatencySummary>;
  processes: Record<string, RoleResources>;
  /** The roles that make up the system under test; their sum is cpuMsPerTrajectory.system. */
  systemRoles: string[];
  cpuMsPerTrajectory: Record<string, number>;
  /** The whole machine during the phase; otherProcessesSeconds > 0 means the numbers carry noise. */
  host: HostCpu;
  rssTimeline: RssPoint[];
  extra?: Record<string, unknown>;
}

export function phaseResult(args: {
  phase: string;
  n: number;
  concurrency: number;
  outcome: PoolOutcome;
  wallMs: number;
  latency: Record<string, LatencySummary>;
  resources: PhaseResources;
  systemRoles: string[];
  /** What the phase asked of Temporal; the full lifecycle shape of n trajectories unless given. */
  shape?: PhaseResult['shape'];
  extra?: Record<string, unknown>;
}): PhaseResult {
  const { outcome, resources } = args;
  const done = Math.max(outcome.completed, 1);
  const cpuMsPerTrajectory: Record<string, number> = {};
  let system = 0;
  for (const [role, r] of Object.entries(resources.roles)) {
    cpuMsPerTrajectory[role] = round((r.cpuSeconds * 1000) / done, 1);
    if (args.systemRoles.includes(role)) system += r.cpuSeconds;
  }
  cpuMsPerTrajectory.system = round((system * 1000) / done, 1);
  return {
    phase: args.phase,
    n: args.n,
    concurrency: args.concurrency,
    completed: outcome.completed,
    failed: outcome.failed,
    errors: outcome.errors,
    wallSeconds: round(args.wallMs / 1000, 2),
    trajectoriesPerSecond: round(outcome.completed / (args.wallMs / 1000), 2),
    shape: args.shape ?? shapeCounts(args.n),
    latencyMs: args.latency,
    processes: resources.roles,
    systemRoles: args.systemRoles,
    cpuMsPerTrajectory,
    host: resources.host,
    rssTimeline: resources.timeline,
    ...(args.extra ? { extra: args.extra } : {}),
  };
}

/**
 * Growth of a store over a phase. Temporal's SQLite files include the WAL, which a checkpoint may shrink
 * at any moment: read it as an order of magnitude, not to the byte.
 */
export function storageGrowth(before: number | undefined, after: number | undefined, compacted?: number) {
  if (before === undefined || after === undefined) return undefined;
  // `held`: after the phase, compacted (the full server: `Services.compactTemporal`), against the compacted start.
  return {
    before,
    after,
    grown: after - before,
    ...(compacted !== undefined ? { held: compacted - before } : {}),
  };
}

/**
 * Temporal's bytes around a phase: compacted first where the engine allows it (so growth and held bytes start
 * from the same point), then, once the phase is over, grown as left and held once compacted again.
 */
export async function temporalStorageAround(services: {
  temporalBytes(): Promise<number | undefined>;
  compactTemporal(): Promise<boolean>;
}): Promise<() => Promise<ReturnType<typeof storageGrowth>>> {
  const compacts = await services.compactTemporal();
  const before = await services.temporalBytes();
  return async () => {
    const after = await services.temporalBytes();
    const held = compacts && (await services.compactTemporal()) ? await services.temporalBytes() : undefined;
    return storageGrowth(before, after, held);
  };
}
