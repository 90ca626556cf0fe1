import { parseSettings, USAGE, type BenchSettings, type Scenario } from './harness/args';
import { installSignalHandlers, shutdown } from './harness/lifetime';
import { loadAverage, machineFacts, versionFacts } from './harness/machine';
import { projectScripts } from './harness/project-scripts';
import { writeResults } from './harness/results';
import { adaptersScenario } from './scenarios/adapters';
import { baselineScenario } from './scenarios/baseline';
import { eventsScenario } from './scenarios/events';
import { growthScenario } from './scenarios/growth';
import { lifecycleScenario } from './scenarios/lifecycle';
import { monitoringScenario } from './scenarios/monitoring';
import { openScenario } from './scenarios/open';
import type { ScenarioOutput } from './scenarios/scenario-output';
import { describeShape } from './trajectory-shape';

/**
 * Benchmarks of the platform against its own throwaway services:
 *   node -r ts-node/register/transpile-only bench/run.ts --scenario lifecycle --n 1000 --concurrency 32
 * See bench/README.md. Results go to bench/results/<scenario>-<timestamp>.json.
 */
const SCENARIOS: Record<Scenario, (settings: BenchSettings) => Promise<ScenarioOutput>> = {
  lifecycle: lifecycleScenario,
  baseline: baselineScenario,
  open: openScenario,
  growth: growthScenario,
  events: eventsScenario,
  monitoring: monitoringScenario,
  adapters: adaptersScenario,
};

async function main(): Promise<void> {
  let settings: BenchSettings;
  try {
    settings = parseSettings(process.argv.slice(2));
  } catch (error) {
    const help = error instanceof Error && error.message === USAGE;
    (help ? console.log : console.error)(error instanceof Error ? error.message : error);
    process.exit(help ? 0 : 2);
  }
  installSignalHandlers();
  const scripts = await projectScripts();
  const machine = machineFacts();
  const versions = versionFacts(scripts.ensureTemporalCli());
  const startedAt = new Date().toISOString();
  scripts.log('bench', `scenario ${settings.scenario}, persistence ${settings.persistence}`);

  const output = await SCENARIOS[settings.scenario](settings);
  const file = writeResults(settings.scenario, {
    scenario: settings.scenario,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: loadAverage() },
    versions: { ...versions, postgres: output.postgresVersion },
    settings,
    trajectoryShape: describeShape(),
    persistence: output.persistence,
    summary: output.summary,
    notes: output.notes,
    phases: output.phases,
  });
  console.log(`\nresults: ${file}`);
}

main()
  .catch(async (error: unknown) => {
    console.error(
      `[bench] ERROR: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  })
  .finally(() => shutdown());
