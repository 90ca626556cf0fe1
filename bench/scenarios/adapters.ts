import { performance } from 'node:perf_hooks';
import { ADAPTERS, BENCH_API_KEY, type AdapterKind } from '../adapters/adapter-app';
import type { BenchSettings } from '../harness/args';
import { LatencyRecorder, type LatencySummary } from '../harness/latency';
import { runPool } from '../harness/pool';
import { sampleProcess } from '../harness/proc-stats';
import { projectScripts, ROOT } from '../harness/project-scripts';
import { printRatios } from '../harness/report';
import { round } from '../harness/resource-monitor';
import { formatTable } from '../harness/table';
import { planSubmission } from '../../test/support/plan-submission';
import type { ScenarioOutput } from './scenario-output';

/** Each adapter is measured this often, in alternating order, so drift on the machine hits both alike. */
const ROUNDS = 2;
const WARM_UP_REQUESTS = 1000;
const BODY = JSON.stringify(planSubmission('PRV-HORIZON'));

interface AdapterNumbers {
  /** One request at a time: what a caller waits for. */
  latencyMsAtConcurrency1: { post: LatencySummary; get: LatencySummary };
  /** `--concurrency` in flight: the server process's CPU per request and its throughput. */
  cpuMicrosPerRequest: number;
  requestsPerSecond: number;
  requests: number;
}

/**
 * (7) Nest's Express adapter against its Fastify adapter (issue 20): the same app (bench/adapters: a guard,
 * the API's validation pipe and a real DTO and view) on each, in a process of its own, timed at concurrency 1
 * and loaded at `--concurrency` for its CPU per request. `--n` requests per measurement and round. Needs no
 * Temporal and no PostgreSQL: it isolates the adapter, the only part the choice changes.
 */
export async function adaptersScenario(settings: BenchSettings): Promise<ScenarioOutput> {
  const scripts = await projectScripts();
  const latency: Record<AdapterKind, LatencyRecorder> = {
    express: new LatencyRecorder(),
    fastify: new LatencyRecorder(),
  };
  const load: Record<AdapterKind, { cpuSeconds: number; wallSeconds: number; requests: number }> = {
    express: { cpuSeconds: 0, wallSeconds: 0, requests: 0 },
    fastify: { cpuSeconds: 0, wallSeconds: 0, requests: 0 },
  };
  for (let roundNo = 0; roundNo < ROUNDS; roundNo++) {
    const order = roundNo % 2 === 0 ? ADAPTERS : [...ADAPTERS].reverse();
    for (const kind of order) {
      const port = await scripts.freePort();
      const server = scripts.startProcess(
        `adapter-${kind}`,
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'bench/adapters/server.ts',
          kind,
          String(port),
        ],
        { cwd: ROOT, quiet: true },
      );
      try {
        const base = `http://127.0.0.1:${port}/trajectories/GM0405-BENCH-1`;
        await scripts.waitFor(
          `the ${kind} app`,
          () =>
            get(base).then(
              () => true,
              () => false,
            ),
          {
            timeoutMs: 60_000,
          },
        );
        await requests(WARM_UP_REQUESTS, settings.concurrency, () => post(base));
        const recorder = latency[kind];
        await requests(settings.n, 1, () => recorder.time('post', () => post(base)));
        await requests(settings.n, 1, () => recorder.time('get', () => get(base)));
        const before = sampleProcess(server.pid).cpuSeconds;
        const began = performance.now();
        await requests(settings.n * 4, settings.concurrency, () => post(base));
        load[kind].wallSeconds += (performance.now() - began) / 1000;
        load[kind].cpuSeconds += sampleProcess(server.pid).cpuSeconds - before;
        load[kind].requests += settings.n * 4;
        scripts.log('bench', `${kind}, round ${roundNo + 1}: done`);
      } finally {
        await server.stop(10_000);
      }
    }
  }

  const numbers = {} as Record<AdapterKind, AdapterNumbers>;
  for (const kind of ADAPTERS) {
    const summary = latency[kind].summary();
    numbers[kind] = {
      latencyMsAtConcurrency1: { post: summary.post, get: summary.get },
      cpuMicrosPerRequest: round((load[kind].cpuSeconds * 1e6) / load[kind].requests, 0),
      requestsPerSecond: round(load[kind].requests / load[kind].wallSeconds, 0),
      requests: load[kind].requests,
    };
  }
  const ratio = (f: (n: AdapterNumbers) => number) =>
    round(f(numbers.fastify) / Math.max(f(numbers.express), 1e-9), 2);
  const ratios = {
    'POST p50 at c = 1, fastify / express': ratio((n) => n.latencyMsAtConcurrency1.post.p50),
    'GET p50 at c = 1, fastify / express': ratio((n) => n.latencyMsAtConcurrency1.get.p50),
    [`server CPU per POST at c = ${settings.concurrency}, fastify / express`]: ratio(
      (n) => n.cpuMicrosPerRequest,
    ),
    [`POSTs per second at c = ${settings.concurrency}, fastify / express`]: ratio((n) => n.requestsPerSecond),
  };

  console.log(
    `\n${formatTable(
      [
        'adapter',
        'POST p50 / p95 ms (c = 1)',
        'GET p50 / p95 ms (c = 1)',
        `CPU µs per POST (c = ${settings.concurrency})`,
        'POSTs/s',
      ],
      ADAPTERS.map((kind) => {
        const n = numbers[kind];
        const { post: p, get: g } = n.latencyMsAtConcurrency1;
        return [
          kind,
          `${p.p50} / ${p.p95}`,
          `${g.p50} / ${g.p95}`,
          n.cpuMicrosPerRequest,
          n.requestsPerSecond,
        ];
      }),
    )}`,
  );
  printRatios('Fastify against Express', ratios);
  return {
    persistence: {
      engine: settings.engine,
      mode: settings.persistence,
      temporal: 'not used',
      dataDir: 'none',
    },
    phases: [],
    summary: { adapters: numbers, ratios, rounds: ROUNDS, warmUpRequests: WARM_UP_REQUESTS },
    notes: [
      'The same Nest app on each adapter (bench/adapters/adapter-app.ts): route parameters, a header guard, the ' +
        "API's validation pipe on the real SubmitPlanDto, a real TrajectoryView as the answer. No Temporal, no " +
        'PostgreSQL: the numbers are the adapter and the framework, not the platform.',
      `Each adapter ran ${ROUNDS} rounds in alternating order, in a process of its own; CPU is that process's.`,
    ],
  };
}

function requests(total: number, concurrency: number, one: () => Promise<unknown>): Promise<unknown> {
  return runPool(total, concurrency, async () => void (await one())).then((outcome) => {
    if (outcome.failed > 0)
      throw new Error(`${outcome.failed} requests failed: ${outcome.errors.join('; ')}`);
  });
}

async function post(url: string): Promise<void> {
  const res = await fetch(`${url}/plan/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': BENCH_API_KEY },
    body: BODY,
  });
  await expectOk(res);
}

async function get(url: string): Promise<void> {
  await expectOk(await fetch(url, { headers: { 'x-api-key': BENCH_API_KEY } }));
}

async function expectOk(res: Response): Promise<void> {
  const body = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.slice(0, 200)}`);
  if (body.length < 100) throw new Error(`a short answer: ${body}`);
}
