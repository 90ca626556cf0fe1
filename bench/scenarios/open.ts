import { performance } from 'node:perf_hooks';
import type { BenchSettings } from '../harness/args';
import { LatencyRecorder, summarise } from '../harness/latency';
import { shutdown } from '../harness/lifetime';
import { phaseResult } from '../harness/phase-result';
import { startPlatformApps } from '../harness/platform-apps';
import { runPool } from '../harness/pool';
import { Progress } from '../harness/progress';
import { printPhases } from '../harness/report';
import { round } from '../harness/resource-monitor';
import { BenchServices } from '../harness/services';
import { runPlatformTrajectory } from '../platform/driver';
import { platformApiClient, platformMonitor, PLATFORM_SYSTEM_ROLES } from '../platform/phase';
import { seedReadModel } from '../platform/read-model-seed';
import { MUNICIPALITY } from '../platform/requests';
import { shapeCounts, SHAPES } from '../trajectory-shape';
import type { ScenarioOutput } from './scenario-output';

/** The plain path up to the start of care: the trajectory is then ACTIVE and waits for its first evaluation. */
const TO_ACTIVE = SHAPES.standard.slice(
  0,
  SHAPES.standard.findIndex((s) => s.command === 'confirmStart') + 1,
);

/** The list request timed on the read model (ListTrajectoriesDto): a municipality's active trajectories. */
const LIST_QUERY = { municipality: MUNICIPALITY, status: 'ACTIVE', limit: '50' };

const BUCKET_SECONDS = 10;

/**
 * (3) Opens `--open` trajectories and leaves them ACTIVE with the region's real (months-long) timers:
 * start rate over time, worker memory with a bounded workflow cache, storage per open trajectory in
 * PostgreSQL and Temporal, and the list endpoint's latency on a read model seeded to `--seed-read-model`.
 */
export async function openScenario(settings: BenchSettings): Promise<ScenarioOutput> {
  const services = await BenchServices.start({
    engine: settings.engine,
    persistence: settings.persistence,
    postgres: true,
  });
  const apps = await startPlatformApps(services, { maxCachedWorkflows: settings.cache });
  const latency = new LatencyRecorder();
  const api = platformApiClient(services, apps, latency);
  const runTag = `${Date.now().toString(36)}-${process.pid}`;
  const pgBefore = await services.postgresFacts();
  const storageBefore = await services.temporalStorage();

  const monitor = platformMonitor(services, apps, 5000);
  const progress = new Progress('open', settings.open);
  const activeAt: number[] = [];
  monitor.beginPhase();
  const began = performance.now();
  const outcome = await runPool(
    settings.open,
    settings.concurrency,
    async (index) => {
      await runPlatformTrajectory(api, runTag, index, latency, TO_ACTIVE, false);
      activeAt.push((performance.now() - began) / 1000);
    },
    (o) => progress.update(o.completed, o.failed),
  );
  const wallMs = performance.now() - began;
  const resources = monitor.endPhase();
  progress.finish(outcome.completed, outcome.failed);

  const pgAfter = await services.postgresFacts();
  const storageAfter = await services.temporalStorage();
  const seed =
    settings.seedReadModel > 0
      ? await seedReadModel(services.postgres!.url, settings.seedReadModel)
      : undefined;
  const listLatency = new LatencyRecorder();
  const listApi = platformApiClient(services, apps, listLatency);
  for (let i = 0; i < settings.listSamples; i++) await listApi.call('list', {}, undefined, LIST_QUERY);
  const list = Object.values(listLatency.summary())[0] ?? summarise([]);
  const persistence = services.facts();
  await shutdown();

  const phase = phaseResult({
    phase: 'open',
    n: settings.open,
    concurrency: settings.concurrency,
    outcome,
    wallMs,
    latency: latency.summary(),
    resources,
    systemRoles: PLATFORM_SYSTEM_ROLES,
    shape: openShape(settings.open),
  });
  printPhases([phase]);
  const open = Math.max(outcome.completed, 1);
  return {
    persistence,
    postgresVersion: pgAfter?.version,
    phases: [phase],
    summary: {
      startRatePerSecond: startRate(activeAt),
      // RSS against the number of trajectories open at that moment: "flat" means it does not grow with them.
      workerRssMbOverTime: resources.timeline.map((p) => ({
        tSeconds: p.tSeconds,
        open: activeAt.filter((t) => t <= p.tSeconds).length,
        rssMb: p.rssMb.worker,
      })),
      workerMaxCachedWorkflows: settings.cache,
      retriedAfter503: Object.fromEntries(api.retriedAfter503),
      postgresBytesPerOpenTrajectory:
        pgBefore && pgAfter ? Math.round((pgAfter.bytes - pgBefore.bytes) / open) : undefined,
      temporalBytesPerOpenTrajectory:
        storageBefore && storageAfter
          ? Math.round(
              (storageAfter.persistence +
                storageAfter.visibility -
                storageBefore.persistence -
                storageBefore.visibility) /
                open,
            )
          : undefined,
      // The full server: its persistence and its visibility database apart (the dev server: all persistence).
      temporalBytesPerOpenTrajectoryByDatabase:
        storageBefore && storageAfter
          ? {
              persistence: Math.round((storageAfter.persistence - storageBefore.persistence) / open),
              visibility: Math.round((storageAfter.visibility - storageBefore.visibility) / open),
            }
          : undefined,
      listEndpoint: {
        query: LIST_QUERY,
        readModelRows: (seed?.existing ?? 0) + (seed?.seeded ?? 0),
        ...list,
      },
    },
    notes: seed
      ? [
          `The read model was seeded directly through SQL with ${seed.seeded} rows (no workflows behind them) ` +
            `on top of ${seed.existing} real rows before the list endpoint was timed.`,
        ]
      : ['The list endpoint was timed on the real rows only (no seeding).'],
  };
}

/** Trajectories that reached ACTIVE per second, per 10-second bucket. */
function startRate(
  activeAtSeconds: number[],
): { fromSecond: number; perSecond: number; openTotal: number }[] {
  const buckets = new Map<number, number>();
  for (const t of activeAtSeconds) {
    const b = Math.floor(t / BUCKET_SECONDS);
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
  }
  let total = 0;
  return [...buckets.keys()]
    .sort((a, b) => a - b)
    .map((b) => {
      total += buckets.get(b)!;
      return {
        fromSecond: b * BUCKET_SECONDS,
        perSecond: round(buckets.get(b)! / BUCKET_SECONDS, 2),
        openTotal: total,
      };
    });
}

/** Per open trajectory: the commands to ACTIVE, their writes and payments, one pending evaluation timer. */
function openShape(n: number) {
  return shapeCounts(
    n,
    () => 'standard',
    () => TO_ACTIVE,
  );
}
