import { runBaselinePhase } from '../baseline/phase';
import type { BenchSettings } from '../harness/args';
import { shutdown } from '../harness/lifetime';
import type { PhaseResult } from '../harness/phase-result';
import { startPlatformApps } from '../harness/platform-apps';
import { printPhases, printRatios } from '../harness/report';
import { round } from '../harness/resource-monitor';
import { BenchServices } from '../harness/services';
import { runPlatformLifecyclePhase } from '../platform/phase';
import { temporalBytesPerTrajectory, temporalHeldBytesPerTrajectory } from './baseline';
import type { ScenarioOutput } from './scenario-output';

/**
 * (1) + (2): n trajectories through the HTTP API, then the bare baseline with the same n and concurrency
 * against the same Temporal server, and the ratios between the two.
 */
export async function lifecycleScenario(settings: BenchSettings): Promise<ScenarioOutput> {
  const services = await BenchServices.start({
    engine: settings.engine,
    persistence: settings.persistence,
    postgres: true,
  });
  const apps = await startPlatformApps(services, { maxCachedWorkflows: settings.cache });
  const pgBefore = await services.postgresFacts();
  const platform = await runPlatformLifecyclePhase(services, apps, settings);
  const postgres = await services.postgresFacts();
  const baselineOptions = {
    n: settings.n,
    concurrency: settings.concurrency,
    maxCachedWorkflows: settings.cache,
  };
  const baseline = await runBaselinePhase(services, baselineOptions);
  // Issue 20: the domain's minimum shape, so the result shows what the design costs beyond it.
  const minimal = await runBaselinePhase(services, { ...baselineOptions, minimal: true });
  const persistence = services.facts();
  await shutdown();

  const ratios = platformVsBaseline(platform, baseline);
  const overMinimal = platformVsBaseline(platform, minimal);
  printPhases([platform, baseline, minimal]);
  printRatios('platform / baseline', ratios);
  printRatios('platform / minimal baseline', overMinimal);
  for (const phase of [platform, baseline, minimal]) {
    console.log(`history per trajectory, ${phase.phase}: ${JSON.stringify(historyPerTrajectory(phase))}`);
  }
  for (const phase of [platform, baseline, minimal]) {
    const kb = (bytes: number | undefined) => (bytes === undefined ? '-' : `${(bytes / 1000).toFixed(1)} KB`);
    console.log(
      `Temporal storage per trajectory, ${phase.phase}: grown ${kb(temporalBytesPerTrajectory(phase))}, ` +
        `held once compacted ${kb(temporalHeldBytesPerTrajectory(phase))}`,
    );
  }
  return {
    persistence,
    postgresVersion: postgres?.version,
    phases: [platform, baseline, minimal],
    summary: {
      platformOverBaseline: ratios,
      platformOverMinimalBaseline: overMinimal,
      postgresBytesPerTrajectory:
        pgBefore && postgres
          ? Math.round((postgres.bytes - pgBefore.bytes) / Math.max(platform.completed, 1))
          : undefined,
      temporalBytesPerTrajectory: {
        platform: temporalBytesPerTrajectory(platform),
        baseline: temporalBytesPerTrajectory(baseline),
        minimalBaseline: temporalBytesPerTrajectory(minimal),
      },
      temporalHeldBytesPerTrajectory: {
        platform: temporalHeldBytesPerTrajectory(platform),
        baseline: temporalHeldBytesPerTrajectory(baseline),
        minimalBaseline: temporalHeldBytesPerTrajectory(minimal),
      },
      historyPerTrajectory: {
        platform: historyPerTrajectory(platform),
        baseline: historyPerTrajectory(baseline),
        minimalBaseline: historyPerTrajectory(minimal),
      },
    },
    notes: [
      'The baselines ran after the platform on the same Temporal server (its database already held the platform run); the minimal one last.',
      'Platform CPU ("system") = temporal + postgres + worker + api; baseline = temporal + worker + client.',
    ],
  };
}

/**
 * Events and encoded history bytes of each sampled trajectory (its runs and children), by variant: from the
 * census.
 */
function historyPerTrajectory(phase: PhaseResult): Record<string, string> | undefined {
  const census = phase.extra?.historyCensus as
    { workflowId?: string; events?: number; bytes?: number }[] | undefined;
  if (!Array.isArray(census)) return undefined;
  const variants = ['standard', 'escalation', 'scaling'];
  return Object.fromEntries(
    census
      .filter((c) => typeof c.events === 'number')
      .map((c, i) => [
        variants[i] ?? c.workflowId ?? String(i),
        `${c.events} events, ${Math.round((c.bytes ?? 0) / 1024)} KiB`,
      ]),
  );
}

/**
 * Ratios above 1 mean the platform costs more than bare Temporal for the same shape. Only meaningful when
 * both sides finished every trajectory: a failed trajectory is cheap and fast, so ratios are then null.
 */
export function platformVsBaseline(
  platform: PhaseResult,
  baseline: PhaseResult,
): Record<string, number | null> {
  const complete = platform.failed === 0 && baseline.failed === 0;
  const r = (a: number, b: number) => (complete && b > 0 ? round(a / b, 2) : null);
  const cpu = (p: PhaseResult, role: string) => p.cpuMsPerTrajectory[role] ?? 0;
  return {
    'wall time': r(platform.wallSeconds, baseline.wallSeconds),
    'CPU per trajectory, system': r(cpu(platform, 'system'), cpu(baseline, 'system')),
    'CPU per trajectory, worker': r(cpu(platform, 'worker'), cpu(baseline, 'worker')),
    'CPU per trajectory, temporal server': r(cpu(platform, 'temporal'), cpu(baseline, 'temporal')),
    'CPU per trajectory, api vs client': r(cpu(platform, 'api'), cpu(baseline, 'client')),
  };
}
