// The throwaway services behind `npm test` and `npm run fuzz`: an embedded PostgreSQL and Temporal on free ports
// (the in-memory dev server, or with `engine: 'server'` the full server on a PostgreSQL of its own), stopped again
// when the command ends, fails or is interrupted.
import { spawn } from 'node:child_process';
import { log } from './log.mjs';
import { ROOT } from './paths.mjs';
import { freePort } from './ports.mjs';
import { startEmbeddedPostgres, startTemporalDevServer } from './services.mjs';
import { startTemporalServer } from './temporal-server.mjs';

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
 * Starts the services, runs `body(env)` with their addresses in `env`, stops them and resolves with the body's
 * code (1 on an error). Ctrl-C or SIGTERM stops the services too. `temporalServer` (ensureTemporalServer's
 * binaries) selects the full server instead of the dev server.
 */
export async function withThrowawayServices(
  { tag, database, temporalCli, temporalServer, logLevel = 'warn' },
  body,
) {
  const started = [];
  let stopping = false;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    for (const service of started.reverse()) {
      await service.stop().catch((e) => log(tag, `stopping ${service.name}: ${e.message}`));
    }
  };
  const onSignal = () => void stopAll().then(() => process.exit(130));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, onSignal);
  try {
    log(tag, 'starting PostgreSQL (embedded, throwaway)…');
    // No dataDir: a fresh folder under the temp dir, reachable by the postgres user also when the checkout
    // lies in a private folder and the command runs as root (postgres-data-dir.mjs).
    const pg = await startEmbeddedPostgres({ port: await freePort(), persistent: false, database });
    started.push({ name: 'postgres', stop: pg.stop });
    let temporal;
    if (temporalServer) {
      log(tag, 'starting the full Temporal server (PostgreSQL persistence and visibility, throwaway)…');
      const begun = Date.now();
      temporal = await startTemporalServer({ binaries: temporalServer, cli: temporalCli, logLevel: 'error' });
      log(tag, `the full Temporal server is ready in ${Math.round((Date.now() - begun) / 1000)} s`);
    } else {
      log(tag, 'starting the Temporal dev server (in memory)…');
      temporal = await startTemporalDevServer({
        cli: temporalCli,
        port: await freePort(),
        headless: true,
        logLevel: 'error',
      });
    }
    started.push({ name: 'temporal', stop: temporal.stop });
    log(tag, `PostgreSQL ${pg.url.replace(/:[^:@/]+@/, ':***@')}, Temporal ${temporal.address}`);
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? logLevel,
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_CLI: temporalCli,
      TEMPORAL_ENGINE: temporalServer ? 'server' : 'dev',
      ...UNLIMITED,
    };
    const code = await body(env);
    await stopAll();
    return code;
  } catch (error) {
    log(tag, `ERROR: ${error.stack ?? error}`);
    await stopAll();
    return 1;
  } finally {
    for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, onSignal);
  }
}

/** Runs a Node.js program of this checkout to its end; resolves with its exit code. */
export function runNode(args, env) {
  return new Promise((resolveCode) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (c, signal) => resolveCode(c ?? (signal ? 1 : 0)));
  });
}
