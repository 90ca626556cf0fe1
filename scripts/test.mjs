#!/usr/bin/env node
// `npm test`: installs what is missing, starts a real PostgreSQL and a real Temporal, runs the Jest tests, and
// stops what it started. Two passes:
// - the dev server (in memory): every test — unit, time-skipping workflow tests, integration and e2e;
// - the full Temporal server on PostgreSQL (what production runs, scripts/lib/temporal-server.mjs): the e2e
//   lifecycle tests and the two-replica test (SERVER_PASS).
// `npm test -- <jest args>` runs only the dev pass with those arguments (the quick loop while working);
// `npm test -- --engine server [<jest args>]` only the full-server pass; `--engine dev` only the dev pass.
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
import { ensureTemporalServer, takeEngineOption } from './lib/temporal-server.mjs';
import { runNode, withThrowawayServices } from './lib/throwaway-services.mjs';

/** What the full-server pass runs: a trajectory's whole life over HTTP, and several replicas of each app. */
const SERVER_PASS = [
  'test/api-lifecycle.e2e.test.ts',
  'test/table-loop.e2e.test.ts',
  'test/events-webhooks.e2e.test.ts',
  'test/replicas.e2e.test.ts',
];

let engine;
let args;
try {
  ({ engine, rest: args } = takeEngineOption(process.argv.slice(2)));
} catch (error) {
  log('test', error.message);
  process.exit(2);
}
const passes =
  engine === 'server' ? ['server'] : engine === 'dev' || args.length > 0 ? ['dev'] : ['dev', 'server'];

ensureNodeModules();
const temporalCli = ensureTemporalCli();
const timeSkippingServer = ensureTimeSkippingServer();
const composeBin = ensureComposeCli();
const chromium = ensureChromium();
const schemathesis = ensureSchemathesis();

const timings = [];
const timed = async (name, body) => {
  const started = Date.now();
  const result = await body();
  timings.push(`${name} ${Math.round((Date.now() - started) / 1000)} s`);
  return result;
};

const jest = (jestArgs) => (services) => {
  const env = {
    ...services,
    SCHEMATHESIS_BIN: schemathesis,
    // The suite's payload key: a fixed TEST key, public on purpose, for test payloads only (README
    // "Payload encryption"). The recorded histories have their own (test/histories/payload-keys.test.txt).
    PAYLOAD_KEYS: 'test-suite-1:xiaYjSecbhd+2j1Vlirg+2ueb7oSmpXSZjblUOLF4r8=',
    PAYLOAD_KEYS_FILE: '',
    ...(timeSkippingServer ? { TEMPORAL_TEST_SERVER: timeSkippingServer } : {}),
    ...(composeBin ? { COMPOSE_BIN: composeBin } : {}),
    ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
  };
  return runNode([resolve(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', ...jestArgs], env);
};

let code = 0;
if (passes.includes('dev')) {
  code = await timed('dev-server pass', () =>
    withThrowawayServices({ tag: 'test', database: 'app_test', temporalCli }, jest(args)),
  );
}
if (code === 0 && passes.includes('server')) {
  const temporalServer = await timed('full-server build (cached after the first)', async () =>
    ensureTemporalServer(),
  );
  code = await timed('full-server pass', () =>
    withThrowawayServices(
      { tag: 'test:server', database: 'app_test', temporalCli, temporalServer },
      jest(args.length > 0 ? args : SERVER_PASS),
    ),
  );
}
log('test', `time: ${timings.join(', ')}`);
process.exit(code);
