import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/persistence';
import { mintDevToken } from '@app/platform';
import { refreshSteeringRollups } from '../../apps/api/src/monitoring/steering/steering-rollups';
import type { BenchSettings } from '../harness/args';
import { summarise, type LatencySummary } from '../harness/latency';
import { shutdown } from '../harness/lifetime';
import { startPlatformApps, type PlatformApps } from '../harness/platform-apps';
import { resetPeakRss, sampleProcess } from '../harness/proc-stats';
import { round } from '../harness/resource-monitor';
import { BenchServices } from '../harness/services';
import { formatTable } from '../harness/table';
import { seedMonitoring } from '../platform/monitoring-seed';
import { runPlatformLifecyclePhase } from '../platform/phase';
import type { ScenarioOutput } from './scenario-output';

/** The dashboard's calls, region-wide (an OPERATOR without municipalities), and the in-memory baseline. */
const CALLS = [
  { name: 'steering', path: '/monitoring/steering' },
  { name: 'steering.csv', path: '/monitoring/steering.csv' },
  { name: 'indicators (baseline: in memory)', path: '/monitoring/indicators' },
] as const;

interface Measured {
  trajectories: number;
  seeded: number;
  /** One rewrite of the steering rollups at this size (what the API does every STEERING_REFRESH_SECONDS). */
  refreshMs: number;
  calls: Record<string, LatencySummary & { apiPeakRssMb: number; bytes: number }>;
  apiRssBeforeMb: number;
}

/**
 * (6) The steering figures of issue 19 at a region's scale: real trajectories through the platform, then the
 * read model and ledger seeded through SQL to each size (default 10,000 and 100,000), and at each size the
 * dashboard's calls timed one after another — GET /monitoring/steering and its CSV (aggregated in PostgreSQL)
 * against GET /monitoring/indicators (the older figures, which load the scope's rows into the API) as the
 * baseline of the same run — with the API's peak resident memory during each.
 */
export async function monitoringScenario(settings: BenchSettings): Promise<ScenarioOutput> {
  const services = await BenchServices.start({ persistence: settings.persistence, postgres: true });
  const apps = await startPlatformApps(services, { maxCachedWorkflows: settings.cache });
  const real = await runPlatformLifecyclePhase(services, apps, {
    n: settings.monitoringReal,
    concurrency: settings.concurrency,
    phase: 'real trajectories',
  });
  const config = loadConfig({ ...process.env, ...apps.settings, DATABASE_URL: services.postgres!.url });
  const token = mintDevToken(config, {
    sub: 'bench-operator',
    roles: ['OPERATOR'],
    municipalities: [],
    expiresIn: '24h',
  });
  const measured: Measured[] = [];
  for (const size of settings.monitoringSizes) {
    const seed = await seedMonitoring(services.postgres!.url, size);
    const refreshMs = await refreshRollups(services.postgres!.url, config.steering.stackedCostThresholdCents);
    measured.push({
      ...(await measure(apps, token, size, seed.seeded, settings.monitoringSamples)),
      refreshMs,
    });
  }
  const persistence = services.facts();
  await shutdown();

  const rows = measured.flatMap((m) =>
    Object.entries(m.calls).map(([name, c]) => [m.trajectories, name, c.count, c.p50, c.p95, c.apiPeakRssMb]),
  );
  console.log(
    `\n${formatTable(['trajectories', 'call', 'n', 'p50 ms', 'p95 ms', 'API peak RSS MiB'], rows)}`,
  );
  console.log(
    `\n${formatTable(
      ['trajectories', 'rollup refresh ms', 'share of one core at the default 300 s'],
      measured.map((m) => [m.trajectories, m.refreshMs, `${round((m.refreshMs / 300_000) * 100, 2)} %`]),
    )}`,
  );
  const [small, large] = [measured[0], measured[measured.length - 1]];
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : null);
  const ratios = {
    steeringP95LargeOverSmall: ratio(large.calls.steering.p95, small.calls.steering.p95),
    refreshLargeOverSmall: ratio(large.refreshMs, small.refreshMs),
    steeringApiPeakRssLargeOverSmall: ratio(
      large.calls.steering.apiPeakRssMb,
      small.calls.steering.apiPeakRssMb,
    ),
    baselineP95OverSteeringP95AtLargest: ratio(
      large.calls['indicators (baseline: in memory)'].p95,
      large.calls.steering.p95,
    ),
    baselineApiPeakRssOverSteeringAtLargest: ratio(
      large.calls['indicators (baseline: in memory)'].apiPeakRssMb,
      large.calls.steering.apiPeakRssMb,
    ),
  };
  console.log(`\nratios: ${JSON.stringify(ratios)}`);
  return {
    persistence,
    phases: [real],
    summary: { sizes: measured, ratios, targetP95Ms: 500 },
    notes: [
      `${real.completed} trajectories ran for real through the platform (workflows, ledger, read model); the rest ` +
        `of each size was seeded through SQL (bench/platform/monitoring-seed.ts): ${measured
          .map((m) => `${m.seeded} seeded to reach ${m.trajectories}`)
          .join(', ')}.`,
      'After seeding, the steering rollups are rewritten once (timed: refreshMs), as the API does every ' +
        'STEERING_REFRESH_SECONDS; the calls then read them. ' +
        'Calls run one after another against an OPERATOR token without municipalities (the whole region); the ' +
        'API peak RSS is the kernel high-water mark of the API process, reset before each call series.',
    ],
  };
}

/** One rewrite of the steering rollups, from the benchmark's own connection, as the API's schedule does it. */
async function refreshRollups(databaseUrl: string, stackedThresholdCents: number): Promise<number> {
  const db = await new DataSource(dataSourceOptions(databaseUrl, 1)).initialize();
  try {
    const started = performance.now();
    await refreshSteeringRollups(db, {
      stackedThresholdCents,
      notBefore: new Date(),
      wait: true,
    });
    return Math.round(performance.now() - started);
  } finally {
    await db.destroy();
  }
}

async function measure(
  apps: PlatformApps,
  token: string,
  trajectories: number,
  seeded: number,
  samples: number,
): Promise<Omit<Measured, 'refreshMs'>> {
  const apiRssBeforeMb = round(sampleProcess(apps.api.pid).rssMb, 1);
  const calls: Measured['calls'] = {};
  for (const call of CALLS) {
    const n = call.name.startsWith('indicators') ? Math.min(samples, 10) : samples;
    resetPeakRss(apps.api.pid);
    let peak = 0;
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const res = await fetch(new URL(call.path, apps.apiUrl), {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await res.text();
      times.push(performance.now() - started);
      if (!res.ok) throw new Error(`${call.path} → ${res.status} ${body.slice(0, 200)}`);
      bytes = body.length;
      peak = Math.max(peak, sampleProcess(apps.api.pid).hwmMb);
    }
    calls[call.name] = { ...summarise(times), apiPeakRssMb: round(peak, 1), bytes };
  }
  return { trajectories, seeded, calls, apiRssBeforeMb };
}
