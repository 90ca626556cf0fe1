/**
 * The workflow code's own CPU cost, without a server, a database or a load generator: one recorded history
 * replayed many times, by the current workflow bundle and by a baseline bundle (an older commit's), in
 * alternating rounds in one process. A worker replays a trajectory's history whenever it is not in its sticky
 * cache (a restart, or more open trajectories than `--cache`, as in the `open` scenario), so this is the CPU a
 * cache miss costs; the live lifecycle run cannot show a change of a few per cent of it through its noise.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/tools/replay-cost.ts \
 *     --baseline /tmp/ref/workflow-bundle.js [--history receipt-year.trajectory.json] [--n 150] [--rounds 4]
 *
 * A baseline bundle of commit <rev>: `git worktree add /tmp/ref <rev> && ln -s "$PWD/node_modules" /tmp/ref/ &&
 * (cd /tmp/ref && npx ts-node -T -r tsconfig-paths/register scripts/build-workflow-bundle.ts)`. Without
 * `--baseline` only the current bundle is measured. Prints each round and the medians, writes
 * bench/results/replay-cost-<time>.json.
 */
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { installTemporalRuntime } from '@app/platform';
import { dataConverterOf, historiesPayloadCodec } from '../../test/support/payload-codec';
import { workflowBundlePath } from '../../test/support/workflow-bundle';

interface Round {
  bundle: 'baseline' | 'current';
  cpuMsPerReplay: number;
  wallMsPerReplay: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      history: { type: 'string', default: 'receipt-year.trajectory.json' },
      n: { type: 'string', default: '150' },
      rounds: { type: 'string', default: '4' },
      baseline: { type: 'string' },
    },
  });
  const n = Number(values.n);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(rounds) || rounds < 1) {
    throw new Error('--n and --rounds take whole numbers of at least 1');
  }
  installTemporalRuntime('warn');
  const historyFile = resolve(__dirname, '../../test/histories', values.history!);
  const recorded = JSON.parse(readFileSync(historyFile, 'utf8')) as { workflowId: string; history: object };
  const history = temporal.api.history.v1.History.fromObject(recorded.history);
  const bundles: Record<Round['bundle'], string | undefined> = {
    baseline: values.baseline && resolve(values.baseline),
    current: await workflowBundlePath(),
  };

  const replayAll = async (codePath: string, count: number, tag: string): Promise<void> => {
    const replayed = Worker.runReplayHistories(
      {
        workflowBundle: { codePath },
        replayName: tag,
        dataConverter: dataConverterOf(historiesPayloadCodec()),
      },
      Array.from({ length: count }, (_, i) => ({ workflowId: `${recorded.workflowId}-${i}`, history })),
    );
    for await (const result of replayed) if (result.error) throw result.error;
  };

  const sides = (['baseline', 'current'] as const).filter((side) => bundles[side] !== undefined);
  for (const side of sides) await replayAll(bundles[side]!, 20, `warm-up-${side}`);
  const results: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternating which side goes first, so a drift of the machine does not favour one.
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const cpu = process.cpuUsage();
      const started = process.hrtime.bigint();
      await replayAll(bundles[side]!, n, `${side}-${round}`);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const used = process.cpuUsage(cpu);
      const r: Round = {
        bundle: side,
        cpuMsPerReplay: round3((used.user + used.system) / 1000 / n),
        wallMsPerReplay: round3(wallMs / n),
      };
      results.push(r);
      console.log(
        `round ${round + 1} ${side.padEnd(8)} CPU ${r.cpuMsPerReplay} ms/replay, wall ${r.wallMsPerReplay}`,
      );
    }
  }

  const median = (side: Round['bundle']): number | undefined => {
    const xs = results
      .filter((r) => r.bundle === side)
      .map((r) => r.cpuMsPerReplay)
      .sort((a, b) => a - b);
    if (xs.length === 0) return undefined;
    const mid = Math.floor(xs.length / 2);
    return round3(xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2);
  };
  const current = median('current')!;
  const baseline = median('baseline');
  const summary = {
    currentCpuMsPerReplay: current,
    baselineCpuMsPerReplay: baseline,
    ratioCurrentToBaseline: baseline !== undefined ? round3(current / baseline) : undefined,
  };
  console.log(`median CPU ms per replay: ${JSON.stringify(summary)}`);

  const out = resolve(
    __dirname,
    '..',
    'results',
    `replay-cost-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        scenario: 'replay-cost',
        startedAt: new Date().toISOString(),
        history: values.history,
        events: history.events?.length ?? 0,
        n,
        rounds,
        bundles,
        node: process.version,
        summary,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`results: ${out}`);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
