#!/usr/bin/env node
// `npm run fuzz`: the long API fuzz run. Starts a throwaway PostgreSQL and an in-memory Temporal dev server as
// `npm test` does, then runs test/tools/api-fuzz.ts (api + worker on a real port, Schemathesis with every check
// and phase, ≥ 20,000 requests), which prints the requests by status and writes .data/fuzz/<time>/summary.json.
// Exits non-zero on any answer of 500 or above. FUZZ_MAX_EXAMPLES and FUZZ_SEED are passed on.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureNodeModules, ensureSchemathesis, ensureTemporalCli } from './lib/ensure.mjs';
import { log } from './lib/log.mjs';
import { ROOT } from './lib/paths.mjs';
import { freePort } from './lib/ports.mjs';
import { startEmbeddedPostgres, startTemporalDevServer } from './lib/services.mjs';

const started = [];
let stopping = false;

async function stopAll() {
  if (stopping) return;
  stopping = true;
  for (const service of started.reverse()) {
    await service.stop().catch((e) => log('test', `stopping ${service.name}: ${e.message}`));
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void stopAll().then(() => process.exit(130)));
}

async function main() {
  ensureNodeModules();
  const temporalCli = ensureTemporalCli();
  const schemathesis = ensureSchemathesis();

  log('test', 'starting PostgreSQL (embedded, throwaway) and the Temporal dev server (in memory)…');
  const pg = await startEmbeddedPostgres({ port: await freePort(), persistent: false, database: 'app_fuzz' });
  started.push({ name: 'postgres', stop: pg.stop });
  const temporal = await startTemporalDevServer({
    cli: temporalCli,
    port: await freePort(),
    headless: true,
    logLevel: 'error',
  });
  started.push({ name: 'temporal', stop: temporal.stop });

  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    DATABASE_URL: pg.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_CLI: temporalCli,
    SCHEMATHESIS_BIN: schemathesis,
    // Tens of thousands of requests from one address and one caller, bad tokens on purpose: the rate limits
    // would turn most of them into 429 (they have their own test, as under `npm test`).
    RATE_LIMIT_PER_ADDRESS: '10000000',
    RATE_LIMIT_PER_CALLER: '10000000',
    RATE_LIMIT_AUTH_FAILURES: '10000000',
  };
  const tool = resolve(ROOT, 'test', 'tools', 'api-fuzz.ts');
  return new Promise((resolveCode) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', tool],
      { cwd: ROOT, env, stdio: 'inherit' },
    );
    child.on('exit', (c, signal) => resolveCode(c ?? (signal ? 1 : 0)));
  });
}

main()
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  })
  .catch(async (error) => {
    log('test', `ERROR: ${error.stack ?? error}`);
    await stopAll();
    process.exit(1);
  });
