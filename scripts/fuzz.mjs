#!/usr/bin/env node
// `npm run fuzz`: the long API fuzz run. Starts a throwaway PostgreSQL and an in-memory Temporal dev server as
// `npm test` does, then runs test/tools/api-fuzz.ts (api + worker on a real port, Schemathesis with every check
// and phase, ≥ 20,000 requests), which prints the requests by status and writes .data/fuzz/<time>/summary.json.
// Exits non-zero on any answer of 500 or above. FUZZ_MAX_EXAMPLES and FUZZ_SEED are passed on.
import { resolve } from 'node:path';
import { ensureNodeModules, ensureSchemathesis, ensureTemporalCli } from './lib/ensure.mjs';
import { ROOT } from './lib/paths.mjs';
import { runNode, withThrowawayServices } from './lib/throwaway-services.mjs';

ensureNodeModules();
const temporalCli = ensureTemporalCli();
const schemathesis = ensureSchemathesis();

process.exitCode = await withThrowawayServices(
  { tag: 'fuzz', database: 'app_fuzz', temporalCli, logLevel: 'error' },
  (services) =>
    runNode(
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        resolve(ROOT, 'test', 'tools', 'api-fuzz.ts'),
      ],
      { ...services, SCHEMATHESIS_BIN: schemathesis },
    ),
);
