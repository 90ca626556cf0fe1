#!/usr/bin/env node
// `npm test`: installs what is missing, starts a real PostgreSQL and a real Temporal dev server, runs every
// Jest test (unit, time-skipping workflow tests, integration and e2e), and stops what it started.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import {
  ensureChromium,
  ensureComposeCli,
  ensureNodeModules,
  ensureSchemathesis,
  ensureTemporalCli,
  ensureTimeSkippingServer,
} from './lib/ensure.mjs';
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
  const timeSkippingServer = ensureTimeSkippingServer();
  const composeBin = ensureComposeCli();
  const chromium = ensureChromium();
  const schemathesis = ensureSchemathesis();

  log('test', 'starting PostgreSQL (embedded, throwaway)…');
  // No dataDir: a fresh folder under the temp dir, reachable by the postgres user also when the checkout
  // lies in a private folder and the tests run as root (postgres-data-dir.mjs).
  const pg = await startEmbeddedPostgres({
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
    SCHEMATHESIS_BIN: schemathesis,
    // The suite sends thousands of requests a minute from one address, with bad tokens on purpose; the
    // limits themselves are proven by test/perimeter.e2e.test.ts with its own low values.
    RATE_LIMIT_PER_ADDRESS: '10000000',
    RATE_LIMIT_PER_CALLER: '10000000',
    RATE_LIMIT_AUTH_FAILURES: '10000000',
    // The suite's payload key: a fixed TEST key, public on purpose, for test payloads only (README
    // "Payload encryption"). The recorded histories have their own (test/histories/payload-keys.test.txt).
    PAYLOAD_KEYS: 'test-suite-1:xiaYjSecbhd+2j1Vlirg+2ueb7oSmpXSZjblUOLF4r8=',
    PAYLOAD_KEYS_FILE: '',
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
