#!/usr/bin/env node
// `npm test`: installs what is missing, starts a real PostgreSQL and a real Temporal dev server, runs every
// Jest test (unit, time-skipping workflow tests, integration and e2e), and stops what it started.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import {
  ensureChromium,
  ensureComposeCli,
  ensureNodeModules,
  ensureTemporalCli,
  ensureTimeSkippingServer,
} from './lib/ensure.mjs';
import { log } from './lib/log.mjs';
import { DATA_DIR, ROOT } from './lib/paths.mjs';
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
  const timeSkippingServer = ensureTimeSkippingServer();
  const composeBin = ensureComposeCli();
  const chromium = ensureChromium();

  log('test', 'starting PostgreSQL (embedded, throwaway)…');
  const pg = await startEmbeddedPostgres({
    dataDir: resolve(DATA_DIR, `test-postgres-${process.pid}`),
    port: await freePort(),
    persistent: false,
    database: 'app_test',
  });
  started.push({ name: 'postgres', stop: pg.stop });

  log('test', 'starting the Temporal dev server (in memory)…');
  const temporal = await startTemporalDevServer({
    cli: temporalCli,
    port: await freePort(),
    headless: true,
    logLevel: 'error',
  });
  started.push({ name: 'temporal', stop: temporal.stop });
  log('test', `PostgreSQL ${pg.url.replace(/:[^:@/]+@/, ':***@')}, Temporal ${temporal.address}`);

  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: pg.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_CLI: temporalCli,
    ...(timeSkippingServer ? { TEMPORAL_TEST_SERVER: timeSkippingServer } : {}),
    ...(composeBin ? { COMPOSE_BIN: composeBin } : {}),
    ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
  };
  const jest = resolve(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const code = await new Promise((resolveCode) => {
    const child = spawn(process.execPath, [jest, '--runInBand', ...process.argv.slice(2)], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    child.on('exit', (c, signal) => resolveCode(c ?? (signal ? 1 : 0)));
  });
  return code;
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
