import { performance } from 'node:perf_hooks';
import { LatencyRecorder } from '../harness/latency';
import { phaseResult, temporalStorageAround, type PhaseResult } from '../harness/phase-result';
import type { PlatformApps } from '../harness/platform-apps';
import { runPool } from '../harness/pool';
import { Progress } from '../harness/progress';
import { ResourceMonitor } from '../harness/resource-monitor';
import type { BenchServices } from '../harness/services';
import { historyCensus } from '../harness/history-census';
import { sampleIndexes } from '../trajectory-shape';
import { ApiClient } from './api-client';
import { runPlatformTrajectory } from './driver';
import { MUNICIPALITY } from './requests';

/** The processes of the system under test, by role; the harness (the HTTP load) is measured apart. */
export function platformMonitor(services: BenchServices, apps: PlatformApps, intervalMs?: number) {
  return new ResourceMonitor(
    [
      ...services.temporalProcesses(),
      { role: 'postgres', pid: services.postgres!.proc.pid, tree: true },
      { role: 'worker', pid: apps.worker.pid },
      { role: 'api', pid: apps.api.pid },
      { role: 'harness', pid: process.pid },
    ],
    intervalMs,
  );
}

export const PLATFORM_SYSTEM_ROLES = ['temporal', 'temporal-postgres', 'postgres', 'worker', 'api'];

export function platformApiClient(services: BenchServices, apps: PlatformApps, latency: LatencyRecorder) {
  return new ApiClient(apps.apiUrl, latency, {
    ...process.env,
    ...apps.settings,
    DATABASE_URL: services.postgres!.url,
  });
}

/** (1) The full lifecycle of n trajectories through the HTTP API at the given concurrency. */
export async function runPlatformLifecyclePhase(
  services: BenchServices,
  apps: PlatformApps,
  options: {
    n: number;
    concurrency: number;
    phase?: string;
    /** Runs after the last trajectory, inside the measured phase (e.g. until deliveries have drained). */
    drain?: () => Promise<Record<string, unknown>>;
  },
): Promise<PhaseResult> {
  const latency = new LatencyRecorder();
  const api = platformApiClient(services, apps, latency);
  const runTag = `${Date.now().toString(36)}-${process.pid}`;
  const monitor = platformMonitor(services, apps);
  const progress = new Progress('platform', options.n);
  const temporalStorage = await temporalStorageAround(services);
  monitor.beginPhase();
  const began = performance.now();
  const outcome = await runPool(
    options.n,
    options.concurrency,
    async (index) => void (await runPlatformTrajectory(api, runTag, index, latency)),
    (o) => progress.update(o.completed, o.failed),
  );
  const loadMs = performance.now() - began;
  const drained = options.drain ? await options.drain() : undefined;
  const wallMs = performance.now() - began;
  const resources = monitor.endPhase();
  progress.finish(outcome.completed, outcome.failed);
  // One finished trajectory per variant, read back from Temporal: what the workflow really did.
  const census = await historyCensus(
    services.temporal.address,
    sampleIndexes(options.n).map((i) => `trajectory-${MUNICIPALITY}-BENCH-${runTag}-${i}`),
  ).catch((error: unknown) => [{ error: String(error) }]);
  return phaseResult({
    phase: options.phase ?? 'platform',
    n: options.n,
    concurrency: options.concurrency,
    outcome,
    wallMs,
    latency: latency.summary(),
    resources,
    systemRoles: PLATFORM_SYSTEM_ROLES,
    extra: {
      taskQueue: apps.taskQueue,
      temporalBytes: await temporalStorage(),
      historyCensus: census,
      retriedAfter503: Object.fromEntries(api.retriedAfter503),
      ...(drained ? { loadSeconds: Math.round(loadMs) / 1000, ...drained } : {}),
    },
  });
}
