import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/persistence';
import { mintDevToken } from '@app/platform';
import { refreshSteeringRollups } from '../../apps/api/src/monitoring/steering/steering-rollups';
import { referenceIndicators } from '../../test/support/monitoring-facts-reference';
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

/** The dashboard's calls, region-wide (an OPERATOR without municipalities). */
const CALLS = [
  { name: 'steering', path: '/monitoring/steering' },
  { name: 'steering.csv', path: '/monitoring/steering.csv' },
  { name: 'indicators', path: '/monitoring/indicators' },
  { name: 'indicators.csv', path: '/monitoring/indicators.csv' },
] as const;

/** The baseline: the same indicators computed row by row, the way the API did before issue 19. */
const BASELINE = 'indicators row by row (baseline, in the bench process)';

interface Measured {
  trajectories: number;
  seeded: number;
  /** One rewrite of the steering rollups at this size (what the API does every STEERING_REFRESH_SECONDS). */
  refreshMs: number;
  calls: Record<string, LatencySummary & { apiPeakRssMb: number; bytes: number }>;
  apiRssBeforeMb: number;
}

/**
 * (6) The dashboard's figures at a region's scale (issue 19): real trajectories through the platform, then the
 * read model and ledger seeded through SQL to each size (default 10,000 and 100,000), and at each size the
 * dashboard's calls timed one after another — GET /monitoring/steering and /monitoring/indicators with their
 * CSVs, all aggregated in PostgreSQL — with the API's peak resident memory during each, against the same
 * indicators computed row by row in the bench process (the way the API did before) as the baseline of the run.
 */
export async function monitoringScenario(settings: BenchSettings): Promise<ScenarioOutput> {
  const services = await BenchServices.start({
    engine: settings.engine,
    persistence: settings.persistence,
    postgres: true,
  });
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
      ...(await measure(services.postgres!.url, apps, token, size, seed.seeded, settings.monitoringSamples)),
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
  // The API's high-water mark over every call of a size: a series starts where the one before left the heap.
  const apiPeak = (m: Measured) => Math.max(...CALLS.map((c) => m.calls[c.name].apiPeakRssMb));
  const ratios = {
    apiPeakRssAllCallsLargeOverSmall: ratio(apiPeak(large), apiPeak(small)),
    baselineProcessPeakRssLargeOverSmall: ratio(
      large.calls[BASELINE].apiPeakRssMb,
      small.calls[BASELINE].apiPeakRssMb,
    ),
    steeringP95LargeOverSmall: ratio(large.calls.steering.p95, small.calls.steering.p95),
    refreshLargeOverSmall: ratio(large.refreshMs, small.refreshMs),
    steeringApiPeakRssLargeOverSmall: ratio(
      large.calls.steering.apiPeakRssMb,
      small.calls.steering.apiPeakRssMb,
    ),
    indicatorsP95LargeOverSmall: ratio(large.calls.indicators.p95, small.calls.indicators.p95),
    indicatorsApiPeakRssLargeOverSmall: ratio(
      large.calls.indicators.apiPeakRssMb,
      small.calls.indicators.apiPeakRssMb,
    ),
    baselineP50OverIndicatorsP50AtLargest: ratio(large.calls[BASELINE].p50, large.calls.indicators.p50),
    baselineP50OverIndicatorsP50AtSmallest: ratio(small.calls[BASELINE].p50, small.calls.indicators.p50),
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

/**
 * The row-by-row baseline: the scope's rows read into this process and aggregated by the domain's functions
 * (test/support/monitoring-facts-reference.ts), timed here; its memory is this process's peak during it.
 */
async function baseline(
  databaseUrl: string,
  samples: number,
): Promise<LatencySummary & { apiPeakRssMb: number; bytes: number }> {
  const db = await new DataSource(dataSourceOptions(databaseUrl, 6)).initialize();
  try {
    resetPeakRss(process.pid);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      const figures = await referenceIndicators(db, OPERATOR, {}, new Date());
      times.push(performance.now() - started);
      bytes = JSON.stringify(figures).length;
    }
    return { ...summarise(times), apiPeakRssMb: round(sampleProcess(process.pid).hwmMb, 1), bytes };
  } finally {
    await db.destroy();
  }
}

const OPERATOR = {
  subject: 'bench-operator',
  roles: ['OPERATOR' as const],
  municipalities: [],
  via: 'jwt' as const,
};

async function measure(
  databaseUrl: string,
  apps: PlatformApps,
  token: string,
  trajectories: number,
  seeded: number,
  samples: number,
): Promise<Omit<Measured, 'refreshMs'>> {
  const apiRssBeforeMb = round(sampleProcess(apps.api.pid).rssMb, 1);
  const calls: Measured['calls'] = {};
  for (const call of CALLS) {
    const n = samples;
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
  calls[BASELINE] = await baseline(databaseUrl, Math.min(samples, 5));
  return { trajectories, seeded, calls, apiRssBeforeMb };
}
