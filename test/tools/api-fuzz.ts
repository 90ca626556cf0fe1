/**
 * The long API fuzz run behind `npm run fuzz` (scripts/fuzz.mjs starts PostgreSQL and the Temporal dev server
 * and runs this with their addresses): boots the api and the worker as the e2e tests do, on a real port, and
 * runs Schemathesis with every check and phase as each identity of test/support/api-fuzz.ts, with more examples
 * than the bounded suite of `npm test` (test/api-fuzz.e2e.test.ts), in rounds with fresh seeds until it has
 * sent FUZZ_MIN_REQUESTS (more examples alone add few requests: Hypothesis runs out of new inputs for small
 * operations). Prints the requests by status, writes a JSON summary to .data/fuzz/, and exits non-zero on any
 * answer of 500 or above.
 *
 *   FUZZ_MAX_EXAMPLES (default 100)     examples per operation and phase
 *   FUZZ_MIN_REQUESTS (default 20000)   rounds go on until this many requests were sent (at most 10 rounds)
 *   FUZZ_SEED                           the first round's Schemathesis seed, to repeat it
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fuzzAsEveryIdentity, statusCounts, type IdentityReport } from '../support/api-fuzz';
import { distinctFailures } from '../support/schemathesis';
import { bootStack, uniqueTaskQueue } from '../support/stack';

const ROOT = resolve(__dirname, '..', '..');
const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES ?? 100);
const MIN_REQUESTS = Number(process.env.FUZZ_MIN_REQUESTS ?? 20_000);
const MAX_ROUNDS = 10;

async function main(): Promise<number> {
  const started = new Date();
  const out = join(ROOT, '.data', 'fuzz', started.toISOString().replace(/[:.]/g, '-'));
  mkdirSync(out, { recursive: true });
  const stack = await bootStack(uniqueTaskQueue('fuzz-long'));
  try {
    await stack.api.listen(0, '127.0.0.1');
    const baseUrl = await stack.api.getUrl();
    console.log(
      `[fuzz] API and worker up at ${baseUrl}; Schemathesis, ${MAX_EXAMPLES} examples per operation`,
    );
    const reports: IdentityReport[] = [];
    let sent = 0;
    for (let round = 1; sent < MIN_REQUESTS && round <= MAX_ROUNDS; round++) {
      console.log(`[fuzz] round ${round} (${sent} requests so far)`);
      const roundReports = await fuzzAsEveryIdentity({
        baseUrl,
        reportDir: join(out, 'reports', `round-${round}`),
        maxExamples: MAX_EXAMPLES,
        killAfterMs: 60 * 60_000,
        seed: round === 1 ? process.env.FUZZ_SEED : undefined,
        onOutput: (line) => {
          if (/^\s*(✅|❌|🚫|⏭)|Seed:|Scenarios:|API Links:|=====/.test(line))
            console.log(`[schemathesis] ${line.trim()}`);
        },
      });
      reports.push(...roundReports.map((r) => ({ ...r, identity: `round ${round}, ${r.identity}` })));
      sent += roundReports.reduce((n, r) => n + r.requests, 0);
    }
    const health = await fetch(`${baseUrl}/health`);
    const byStatus = statusCounts(reports);
    const requests = reports.reduce((n, r) => n + r.requests, 0);
    const serverErrors = Object.entries(byStatus)
      .filter(([status]) => !/^[1-4]\d\d$/.test(status))
      .reduce((n, [, count]) => n + count, 0);
    const summary = {
      startedAt: started.toISOString(),
      durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
      maxExamples: MAX_EXAMPLES,
      requests,
      byStatus,
      serverErrors,
      healthAfterwards: health.status,
      runs: reports.map((r) => ({
        identity: r.identity,
        operations: r.operations,
        seed: r.seed,
        requests: r.requests,
        durationSeconds: Math.round(r.durationMs / 1000),
        byStatus: r.byStatus,
        exitCode: r.exitCode,
        failures: distinctFailures(r.failures),
        errors: r.errors,
      })),
    };
    writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`[fuzz] ${requests} requests in ${summary.durationSeconds} s; by status:`);
    for (const [status, n] of Object.entries(byStatus).sort()) console.log(`[fuzz]   ${status}: ${n}`);
    for (const run of summary.runs) {
      console.log(
        `[fuzz] ${run.identity}: ${run.requests} requests, ${run.failures.length} distinct failures`,
      );
      for (const failure of run.failures) console.log(`[fuzz]     ${failure}`);
    }
    console.log(`[fuzz] /health afterwards: ${health.status}; summary in ${join(out, 'summary.json')}`);
    return serverErrors === 0 && health.status === 200 ? 0 : 1;
  } finally {
    await stack.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
