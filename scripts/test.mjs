#!/usr/bin/env node
// `npm test`: installs what is missing, starts a real PostgreSQL and a real Temporal dev server, runs every
// Jest test (unit, time-skipping workflow tests, integration and e2e), and stops what it started.
import { resolve } from 'node:path';
import {
  ensureChromium,
  ensureComposeCli,
  ensureNodeModules,
  ensureSchemathesis,
  ensureTemporalCli,
  ensureTimeSkippingServer,
} from './lib/ensure.mjs';
import { ROOT } from './lib/paths.mjs';
import { runNode, withThrowawayServices } from './lib/throwaway-services.mjs';

ensureNodeModules();
const temporalCli = ensureTemporalCli();
const timeSkippingServer = ensureTimeSkippingServer();
const composeBin = ensureComposeCli();
const chromium = ensureChromium();
const schemathesis = ensureSchemathesis();

await withThrowawayServices({ tag: 'test', database: 'app_test', temporalCli }, (services) => {
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
  const jest = resolve(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  return runNode([jest, '--runInBand', ...process.argv.slice(2)], env);
});
