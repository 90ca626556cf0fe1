import { runBaselinePhase } from '../baseline/phase';
import type { BenchSettings } from '../harness/args';
import { shutdown } from '../harness/lifetime';
import type { PhaseResult, storageGrowth } from '../harness/phase-result';
import { printPhases } from '../harness/report';
import { BenchServices } from '../harness/services';
import type { ScenarioOutput } from './scenario-output';

/** (2) alone: the bare workflow against the benchmark's own Temporal dev server; no PostgreSQL, no HTTP. */
export async function baselineScenario(settings: BenchSettings): Promise<ScenarioOutput> {
  const services = await BenchServices.start({
    engine: settings.engine,
    persistence: settings.persistence,
    postgres: false,
  });
  const phase = await runBaselinePhase(services, {
    n: settings.n,
    concurrency: settings.concurrency,
    maxCachedWorkflows: settings.cache,
  });
  const persistence = services.facts();
  await shutdown();
  printPhases([phase]);
  return {
    persistence,
    phases: [phase],
    summary: { temporalBytesPerTrajectory: temporalBytesPerTrajectory(phase) },
    notes: [],
  };
}

/** Growth of Temporal's storage per completed trajectory (SQLite files, or both databases); undefined in memory mode. */
export function temporalBytesPerTrajectory(phase: PhaseResult): number | undefined {
  const growth = phase.extra?.temporalBytes as ReturnType<typeof storageGrowth>;
  return growth && phase.completed > 0 ? Math.round(growth.grown / phase.completed) : undefined;
}

/** What Temporal holds per completed trajectory once its databases are compacted (the full server only). */
export function temporalHeldBytesPerTrajectory(phase: PhaseResult): number | undefined {
  const growth = phase.extra?.temporalBytes as ReturnType<typeof storageGrowth>;
  return growth?.held !== undefined && phase.completed > 0
    ? Math.round(growth.held / phase.completed)
    : undefined;
}
