#!/usr/bin/env node
// `npm start`: the whole local stack in one command. Installs what is missing, then starts, in order and with
// health checks: PostgreSQL (+ migrations), the Temporal dev server with its Web UI, the worker and the API.
// Ctrl-C stops everything it started, in reverse order, and waits for each process to exit.
import { resolve } from 'node:path';
import { loadDotEnv } from './lib/dotenv.mjs';
import { ensureNodeModules, ensureTemporalCli } from './lib/ensure.mjs';
import { log } from './lib/log.mjs';
import { DATA_DIR, ROOT } from './lib/paths.mjs';
import { portIsFree } from './lib/ports.mjs';
import { run, startProcess, waitFor } from './lib/proc.mjs';
import { startEmbeddedPostgres, startTemporalDevServer } from './lib/services.mjs';

const started = [];
let stopping = false;

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  log('stack', 'stopping…');
  for (const service of [...started].reverse()) {
    try {
      await service.stop();
      log('stack', `${service.name} stopped`);
    } catch (error) {
      log('stack', `${service.name}: ${error.message}`);
    }
  }
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function httpOk(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

function watch(proc) {
  proc.exited.then(({ code, signal }) => {
    if (stopping) return;
    log('stack', `${proc.name} exited unexpectedly (code ${code}, signal ${signal}); stopping the stack`);
    void stopAll(1);
  });
}

async function main() {
  loadDotEnv();
  ensureNodeModules();
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
  const apiPort = Number(env.PORT ?? 3000);
  const workerHealthPort = Number(env.WORKER_HEALTH_PORT ?? 3001);

  if (env.DATABASE_URL) {
    log('postgres', 'using the external PostgreSQL of DATABASE_URL');
  } else {
    const port = Number(env.LOCAL_PG_PORT ?? 5433);
    if (!(await portIsFree(port)))
      throw new Error(`port ${port} is taken: is another stack running? (LOCAL_PG_PORT)`);
    log('postgres', `starting embedded PostgreSQL on 127.0.0.1:${port}, data in .data/postgres…`);
    const pg = await startEmbeddedPostgres({
      dataDir: resolve(DATA_DIR, 'postgres'),
      port,
      persistent: true,
    });
    watch(pg.proc);
    started.push({ name: 'postgres', stop: pg.stop });
    env.DATABASE_URL = pg.url;
    log('postgres', 'ready');
  }

  if (env.TEMPORAL_ADDRESS) {
    log('temporal', `using the external Temporal cluster at ${env.TEMPORAL_ADDRESS}`);
  } else {
    const cli = ensureTemporalCli();
    for (const port of [7233, 8233]) {
      if (!(await portIsFree(port)))
        throw new Error(`port ${port} is taken: is another Temporal dev server running?`);
    }
    log('temporal', 'starting the Temporal dev server (SQLite in .data/temporal.db) with the Web UI…');
    const temporal = await startTemporalDevServer({
      cli,
      port: 7233,
      uiPort: 8233,
      dbFile: resolve(DATA_DIR, 'temporal.db'),
    });
    started.push({ name: 'temporal', stop: temporal.stop });
    watch(temporal.proc);
    env.TEMPORAL_ADDRESS = temporal.address;
    env.TEMPORAL_UI_URL = temporal.uiUrl;
    log('temporal', `ready; search attributes registered`);
  }

  log('stack', 'building (nest build api, nest build worker)…');
  for (const project of ['api', 'worker']) {
    run(process.execPath, [resolve(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', project], {
      cwd: ROOT,
    });
  }
  log('stack', 'running migrations…');
  process.stdout.write(run(process.execPath, ['dist/scripts/migrate.js'], { cwd: ROOT, env }));

  const worker = startProcess('worker', process.execPath, ['dist/apps/worker/src/main.js'], {
    cwd: ROOT,
    env,
  });
  started.push(worker);
  watch(worker);
  await waitFor('the worker', () => httpOk(`http://127.0.0.1:${workerHealthPort}/health`), {
    timeoutMs: 60000,
  });
  log('worker', 'polling');

  const api = startProcess('api', process.execPath, ['dist/apps/api/src/main.js'], { cwd: ROOT, env });
  started.push(api);
  watch(api);
  await waitFor('the API', () => httpOk(`http://127.0.0.1:${apiPort}/health`), { timeoutMs: 60000 });

  const ui = env.TEMPORAL_UI_URL ?? 'your Temporal cluster UI';
  log('stack', '');
  log('stack', `API          http://127.0.0.1:${apiPort}`);
  log('stack', `OpenAPI docs http://127.0.0.1:${apiPort}/docs`);
  log('stack', `Health       http://127.0.0.1:${apiPort}/health`);
  log(
    'stack',
    `Pages        http://127.0.0.1:${apiPort}/ui (sign in with: npm run token -- --role LOCAL_TEAM --municipality GM0405)`,
  );
  log('stack', `Temporal UI  ${ui}`);
  log('stack', 'Press Ctrl-C to stop everything.');
}

main().catch((error) => {
  log('stack', `ERROR: ${error.message}`);
  void stopAll(1);
});
