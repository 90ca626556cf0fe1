import { parseArgs } from 'node:util';
import { DEFAULT_WORKER_MAX_CACHED_WORKFLOWS } from '@app/config';
import { ENGINES, PERSISTENCES, type Engine, type Persistence } from './services';

export const SCENARIOS = [
  'lifecycle',
  'baseline',
  'open',
  'growth',
  'events',
  'monitoring',
  'adapters',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchSettings {
  scenario: Scenario;
  /** Trajectories of the lifecycle and baseline scenarios. */
  n: number;
  /** Trajectories in flight at once (closed loop). */
  concurrency: number;
  /** Trajectories the open scenario brings to ACTIVE and leaves open. */
  open: number;
  /** The Temporal engine: the dev server, or the full server on PostgreSQL (as production runs). */
  engine: Engine;
  persistence: Persistence;
  /** Worker sticky-cache size (WORKER_MAX_CACHED_WORKFLOWS); bounds worker memory with many open ones. */
  cache: number;
  /** The lifecycle sizes of the growth scenario. */
  growth: number[];
  /** Rows the open scenario adds straight into the read model before timing the list endpoint; 0: none. */
  seedReadModel: number;
  /** List requests timed for the list-endpoint percentiles. */
  listSamples: number;
  /** The monitoring scenario: trajectories run for real first, the sizes seeded to, the calls timed per size. */
  monitoringReal: number;
  monitoringSizes: number[];
  monitoringSamples: number;
}

export const USAGE = `usage: node -r ts-node/register/transpile-only bench/run.ts [options]
  --scenario lifecycle|baseline|open|growth|events|monitoring|adapters   default lifecycle (platform + baseline in one run)
  --n N                 trajectories (lifecycle, baseline, events); requests per measurement (adapters)   default 1000
  --concurrency C       trajectories in flight                      default 32
  --open N              trajectories to leave open (open)           default 10000
  --engine E            dev | server (full Temporal server)       default dev
  --persistence P       sqlite-wal | memory (dev engine)            default sqlite-wal
  --cache N             worker workflow cache size                  default ${DEFAULT_WORKER_MAX_CACHED_WORKFLOWS} (the product's)
  --growth a,b,c        lifecycle sizes (growth)                    default 250,1000,4000
  --seed-read-model N   read-model rows for the list timing (open)  default 100000, 0 for none
  --list-samples N      list requests timed (open)                  default 200
  --real N              trajectories run for real (monitoring)      default 100
  --sizes a,b           trajectories seeded to (monitoring)         default 10000,100000
  --samples N           calls timed per endpoint (monitoring)       default 30`;

/** Parses and checks the command line; throws with the usage text on a bad value. */
export function parseSettings(argv: string[]): BenchSettings {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', default: 'lifecycle' },
      n: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '32' },
      open: { type: 'string', default: '10000' },
      engine: { type: 'string', default: 'dev' },
      persistence: { type: 'string', default: 'sqlite-wal' },
      cache: { type: 'string', default: String(DEFAULT_WORKER_MAX_CACHED_WORKFLOWS) },
      growth: { type: 'string', default: '250,1000,4000' },
      'seed-read-model': { type: 'string', default: '100000' },
      'list-samples': { type: 'string', default: '200' },
      real: { type: 'string', default: '100' },
      sizes: { type: 'string', default: '10000,100000' },
      samples: { type: 'string', default: '30' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const problems: string[] = [];
  const int = (name: string, raw: string, min: number) => {
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min) problems.push(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  const settings: BenchSettings = {
    scenario: values.scenario as Scenario,
    n: int('n', values.n, 1),
    concurrency: int('concurrency', values.concurrency, 1),
    open: int('open', values.open, 1),
    engine: values.engine as Engine,
    persistence: values.persistence as Persistence,
    cache: int('cache', values.cache, 1),
    growth: values.growth.split(',').map((v) => int('growth', v.trim(), 1)),
    seedReadModel: int('seed-read-model', values['seed-read-model'], 0),
    listSamples: int('list-samples', values['list-samples'], 1),
    monitoringReal: int('real', values.real, 1),
    monitoringSizes: values.sizes.split(',').map((v) => int('sizes', v.trim(), 1)),
    monitoringSamples: int('samples', values.samples, 1),
  };
  if (!(SCENARIOS as readonly string[]).includes(settings.scenario))
    problems.push(`--scenario must be one of ${SCENARIOS.join(', ')}`);
  if (!ENGINES.includes(settings.engine)) problems.push(`--engine must be one of ${ENGINES.join(', ')}`);
  if (!PERSISTENCES.includes(settings.persistence))
    problems.push(`--persistence must be one of ${PERSISTENCES.join(', ')}`);
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n\n${USAGE}`);
  return settings;
}
