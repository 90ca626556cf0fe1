import type { BenchSettings } from '../harness/args';
import { shutdown } from '../harness/lifetime';
import type { PhaseResult } from '../harness/phase-result';
import { startPlatformApps } from '../harness/platform-apps';
import { printPhases } from '../harness/report';
import { round } from '../harness/resource-monitor';
import { BenchServices } from '../harness/services';
import { formatTable } from '../harness/table';
import { runPlatformLifecyclePhase } from '../platform/phase';
import type { ScenarioOutput } from './scenario-output';

/**
 * (4) The lifecycle at growing n (default 250, 1000, 4000), each on fresh services, so the curve shows
 * what the batch size does and not what the previous round left in the databases.
 */
export async function growthScenario(settings: BenchSettings): Promise<ScenarioOutput> {
  const phases: PhaseResult[] = [];
  let persistence: ScenarioOutput['persistence'] | undefined;
  for (const n of settings.growth) {
    const services = await BenchServices.start({
      engine: settings.engine,
      persistence: settings.persistence,
      postgres: true,
    });
    const apps = await startPlatformApps(services, { maxCachedWorkflows: settings.cache });
    const phase = await runPlatformLifecyclePhase(services, apps, { n, concurrency: settings.concurrency });
    phases.push({ ...phase, phase: `platform n=${n}` });
    persistence = services.facts();
    await shutdown();
  }
  const curve = phases.map((p) => ({
    n: p.n,
    wallSeconds: p.wallSeconds,
    trajectoriesPerSecond: p.trajectoriesPerSecond,
    wallMsPerTrajectory: round((p.wallSeconds * 1000) / Math.max(p.completed, 1), 1),
    systemCpuMsPerTrajectory: p.cpuMsPerTrajectory.system,
  }));
  printPhases(phases);
  console.log(
    `\n${formatTable(
      ['n', 'wall s', 'traj/s', 'wall ms/traj', 'CPU ms/traj'],
      curve.map((c) => [
        c.n,
        c.wallSeconds,
        c.trajectoriesPerSecond,
        c.wallMsPerTrajectory,
        c.systemCpuMsPerTrajectory,
      ]),
    )}`,
  );
  return {
    persistence: persistence!,
    phases,
    summary: { timePerTrajectoryVsN: curve },
    notes: ['Each n ran on freshly started services (empty databases).'],
  };
}
