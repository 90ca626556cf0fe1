// The throwaway services behind `npm test` and `npm run fuzz`: an embedded PostgreSQL and an in-memory Temporal
// dev server on free ports, stopped again when the command ends, fails or is interrupted.
import { spawn } from 'node:child_process';
import { log } from './log.mjs';
import { ROOT } from './paths.mjs';
import { freePort } from './ports.mjs';
import { startEmbeddedPostgres, startTemporalDevServer } from './services.mjs';

/**
 * The rate limits lifted for a run that sends thousands of requests a minute from one address and one caller,
 * bad tokens on purpose; the limits themselves are proven by test/perimeter.e2e.test.ts with its own values.
 */
const UNLIMITED = {
  RATE_LIMIT_PER_ADDRESS: '10000000',
  RATE_LIMIT_PER_CALLER: '10000000',
  RATE_LIMIT_AUTH_FAILURES: '10000000',
};

/**
 * Starts the services, runs `body(env)` with their addresses in `env`, stops them and exits with the body's
 * code (1 on an error). Ctrl-C or SIGTERM stops the services too.
 */
export async function withThrowawayServices({ tag, database, temporalCli, logLevel = 'warn' }, body) {
  const started = [];
  let stopping = false;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    for (const service of started.reverse()) {
      await service.stop().catch((e) => log(tag, `stopping ${service.name}: ${e.message}`));
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void stopAll().then(() => process.exit(130)));
  }
  try {
    log(tag, 'starting PostgreSQL (embedded, throwaway)…');
    // No dataDir: a fresh folder under the temp dir, reachable by the postgres user also when the checkout
    // lies in a private folder and the command runs as root (postgres-data-dir.mjs).
    const pg = await startEmbeddedPostgres({ port: await freePort(), persistent: false, database });
    started.push({ name: 'postgres', stop: pg.stop });
    log(tag, 'starting the Temporal dev server (in memory)…');
    const temporal = await startTemporalDevServer({
      cli: temporalCli,
      port: await freePort(),
      headless: true,
      logLevel: 'error',
    });
    started.push({ name: 'temporal', stop: temporal.stop });
    log(tag, `PostgreSQL ${pg.url.replace(/:[^:@/]+@/, ':***@')}, Temporal ${temporal.address}`);
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? logLevel,
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_CLI: temporalCli,
      ...UNLIMITED,
    };
    const code = await body(env);
    await stopAll();
    process.exit(code);
  } catch (error) {
    log(tag, `ERROR: ${error.stack ?? error}`);
    await stopAll();
    process.exit(1);
  }
}

/** Runs a Node.js program of this checkout to its end; resolves with its exit code. */
export function runNode(args, env) {
  return new Promise((resolveCode) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (c, signal) => resolveCode(c ?? (signal ? 1 : 0)));
  });
}
