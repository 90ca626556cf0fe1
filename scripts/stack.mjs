#!/usr/bin/env node
// `npm start`: the whole local stack in one command. Installs what is missing, then starts, in order and with
// health checks: PostgreSQL (+ migrations), the Temporal dev server with its Web UI, the worker and the API.
// The worker and the API are supervised: one that crashes is restarted (supervisor.mjs) while the rest keeps
// running. Ctrl-C stops everything it started, in reverse order, and waits for each process to exit.
// Ports come from PORT, WORKER_HEALTH_PORT, LOCAL_PG_PORT, TEMPORAL_PORT and TEMPORAL_UI_PORT; the data from
// STACK_DATA_DIR (default .data/), which also gets stack.pids.json, the pids of everything running now.
// `npm start -- --engine server` (or TEMPORAL_ENGINE=server) runs the full Temporal server on a PostgreSQL of its
// own instead of the dev server: what production runs (scripts/lib/temporal-server.mjs), without a Web UI.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { loadDotEnv } from './lib/dotenv.mjs';
import { ensureNodeModules, ensureTemporalCli } from './lib/ensure.mjs';
import { log } from './lib/log.mjs';
import { ensureDevelopmentPayloadKeys } from './lib/payload-keys.mjs';
import { DATA_DIR, ROOT } from './lib/paths.mjs';
import { portIsFree } from './lib/ports.mjs';
import { run, startProcess } from './lib/proc.mjs';
import { registerSearchAttributes } from './lib/search-attributes.mjs';
import { startEmbeddedPostgres, startTemporalDevServer } from './lib/services.mjs';
import {
  checkedEngine,
  ensureTemporalServer,
  startTemporalServer,
  takeEngineOption,
} from './lib/temporal-server.mjs';
import { supervise } from './lib/supervisor.mjs';

const started = [];
let stopping = false;

/** What runs now, by name, for scripts and tests that need a pid (e.g. to crash the worker on purpose). */
const pids = { stack: process.pid };
let pidFile;

function recordPid(name, pid) {
  pids[name] = pid;
  if (pidFile) writeFileSync(pidFile, `${JSON.stringify(pids, null, 2)}\n`);
}

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
  if (pidFile) rmSync(pidFile, { force: true });
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function httpOk(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

/** Where the stack's own probes reach an app that listens on `host`: a wildcard address answers on loopback. */
function probeHost(host) {
  if (!host || host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * PostgreSQL and Temporal are not restarted: they hold the stack's state, and when one dies (its port taken,
 * the disk full, a locked SQLite file, a damaged cluster) a person has to look; restarting it under running
 * apps would hide that, and the apps can do nothing without it anyway. So its death stops the whole stack.
 */
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
  // dev (the default) or server: `--engine` on the command line, else TEMPORAL_ENGINE.
  const engine =
    takeEngineOption(process.argv.slice(2)).engine ?? checkedEngine(env.TEMPORAL_ENGINE ?? 'dev');
  const apiPort = Number(env.PORT ?? 3000);
  const workerHealthPort = Number(env.WORKER_HEALTH_PORT ?? 3001);
  const apiUrl = `http://${probeHost(env.HOST)}:${apiPort}`;
  const workerHealthUrl = `http://${probeHost(env.WORKER_HEALTH_HOST)}:${workerHealthPort}/health`;
  const dataDir = env.STACK_DATA_DIR ? resolve(env.STACK_DATA_DIR) : DATA_DIR;
  const shown = (path) => (path.startsWith(`${ROOT}${sep}`) ? relative(ROOT, path) : path);
  mkdirSync(dataDir, { recursive: true });
  pidFile = resolve(dataDir, 'stack.pids.json');
  recordPid('stack', process.pid);
  // The worker and the API encrypt payloads with one key (README "Payload encryption"): this stack's own.
  if (!env.PAYLOAD_KEYS && !env.PAYLOAD_KEYS_FILE)
    env.PAYLOAD_KEYS_FILE = ensureDevelopmentPayloadKeys(dataDir);
  for (const [port, name] of [
    [apiPort, 'PORT'],
    [workerHealthPort, 'WORKER_HEALTH_PORT'],
  ]) {
    if (!(await portIsFree(port)))
      throw new Error(`port ${port} is taken: is another stack running? (${name})`);
  }

  if (env.DATABASE_URL) {
    log('postgres', 'using the external PostgreSQL of DATABASE_URL');
  } else {
    const port = Number(env.LOCAL_PG_PORT ?? 5433);
    if (!(await portIsFree(port)))
      throw new Error(`port ${port} is taken: is another stack running? (LOCAL_PG_PORT)`);
    const pgData = resolve(dataDir, 'postgres');
    log('postgres', `starting embedded PostgreSQL on 127.0.0.1:${port}, data in ${shown(pgData)}…`);
    const pg = await startEmbeddedPostgres({ dataDir: pgData, port, persistent: true });
    watch(pg.proc);
    recordPid('postgres', pg.proc.pid);
    started.push({ name: 'postgres', stop: pg.stop });
    env.DATABASE_URL = pg.url;
    log('postgres', 'ready');
  }

  if (env.TEMPORAL_ADDRESS) {
    // The dev server registers them at start (--search-attribute); a cluster of someone else's may lack them,
    // and then every workflow fails at its first upsert.
    const namespace = env.TEMPORAL_NAMESPACE || 'default';
    log('temporal', `using the external Temporal cluster at ${env.TEMPORAL_ADDRESS}, namespace ${namespace}`);
    await registerSearchAttributes({ cli: ensureTemporalCli(), address: env.TEMPORAL_ADDRESS, namespace });
    log('temporal', 'search attributes registered and checked');
  } else if (engine === 'server') {
    const cli = ensureTemporalCli();
    const port = Number(env.TEMPORAL_PORT ?? 7233);
    if (!(await portIsFree(port)))
      throw new Error(`port ${port} is taken: is another Temporal server running? (TEMPORAL_PORT)`);
    const binaries = ensureTemporalServer();
    const serverData = resolve(dataDir, 'temporal-server');
    log('temporal', `starting the full Temporal server (PostgreSQL in ${shown(serverData)})…`);
    const temporal = await startTemporalServer({
      binaries,
      cli,
      port,
      dataDir: serverData,
      workDir: serverData,
    });
    started.push({ name: 'temporal', stop: temporal.stop });
    watch(temporal.proc);
    recordPid('temporal', temporal.proc.pid);
    env.TEMPORAL_ADDRESS = temporal.address;
    log('temporal', 'ready; namespace and search attributes registered and checked');
  } else {
    const cli = ensureTemporalCli();
    const port = Number(env.TEMPORAL_PORT ?? 7233);
    const uiPort = Number(env.TEMPORAL_UI_PORT ?? 8233);
    for (const [taken, name] of [
      [port, 'TEMPORAL_PORT'],
      [uiPort, 'TEMPORAL_UI_PORT'],
    ]) {
      if (!(await portIsFree(taken)))
        throw new Error(`port ${taken} is taken: is another Temporal dev server running? (${name})`);
    }
    const dbFile = resolve(dataDir, 'temporal.db');
    log('temporal', `starting the Temporal dev server (SQLite in ${shown(dbFile)}) with the Web UI…`);
    const temporal = await startTemporalDevServer({
      cli,
      port,
      uiPort,
      dbFile,
      uiCodecEndpoint: `${apiUrl}/codec`,
    });
    started.push({ name: 'temporal', stop: temporal.stop });
    watch(temporal.proc);
    recordPid('temporal', temporal.proc.pid);
    env.TEMPORAL_ADDRESS = temporal.address;
    env.TEMPORAL_UI_URL = temporal.uiUrl;
    log('temporal', `ready; search attributes registered`);
  }

  // Mail goes somewhere you can read it: a loopback SMTP catcher writing .eml files, unless SMTP_URL names a
  // real server. Links in the mails point at this stack's pages.
  env.PUBLIC_BASE_URL ??= apiUrl;
  if (!env.SMTP_URL) {
    const port = Number(env.MAIL_SINK_PORT ?? 2525);
    if (!(await portIsFree(port)))
      throw new Error(`port ${port} is taken: is another stack running? (MAIL_SINK_PORT)`);
    const mailDir = resolve(dataDir, 'mail');
    const sink = startProcess('mail', process.execPath, [resolve(ROOT, 'scripts/mail-sink.mjs')], {
      cwd: ROOT,
      env: { ...env, MAIL_SINK_PORT: String(port), MAIL_SINK_DIR: mailDir },
    });
    started.push({ name: 'mail', stop: sink.stop });
    recordPid('mail', sink.pid);
    env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    log('mail', `catching mail on 127.0.0.1:${port}, written to ${shown(mailDir)}`);
  }

  // People sign in on the pages through an OpenID Connect provider: a loopback one with demo accounts
  // (scripts/oidc-provider.mjs), unless OIDC_ISSUER names the municipality's own.
  if (!env.OIDC_ISSUER) {
    const port = Number(env.OIDC_PROVIDER_PORT ?? 4010);
    if (!(await portIsFree(port)))
      throw new Error(`port ${port} is taken: is another stack running? (OIDC_PROVIDER_PORT)`);
    const idp = startProcess('oidc', process.execPath, [resolve(ROOT, 'scripts/oidc-provider.mjs')], {
      cwd: ROOT,
      env: {
        ...env,
        OIDC_PROVIDER_PORT: String(port),
        OIDC_REDIRECT_URIS: `${env.PUBLIC_BASE_URL}/auth/callback`,
      },
      filter: (line) => !/oidc-provider WARNING/.test(line),
    });
    started.push({ name: 'oidc', stop: idp.stop });
    recordPid('oidc', idp.pid);
    env.OIDC_ISSUER = `http://127.0.0.1:${port}`;
    log('oidc', `OpenID provider on ${env.OIDC_ISSUER} (demo accounts: lt-hoorn, prv-horizon, fin-hoorn, …)`);
  }

  log('stack', 'building (nest build api, nest build worker)…');
  for (const project of ['api', 'worker']) {
    run(process.execPath, [resolve(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', project], {
      cwd: ROOT,
    });
  }
  log('stack', 'running migrations…');
  process.stdout.write(run(process.execPath, ['dist/scripts/migrate.js'], { cwd: ROOT, env }));

  const app = (name, main, healthUrl) =>
    supervise({
      name,
      start: () => startProcess(name, process.execPath, [main], { cwd: ROOT, env }),
      isHealthy: () => httpOk(healthUrl),
      onStart: (proc) => {
        recordPid(name, proc.pid);
        log('stack', `${name} started (pid ${proc.pid})`);
      },
      shouldRestart: () => !stopping,
    });
  const worker = app('worker', 'dist/apps/worker/src/main.js', workerHealthUrl);
  started.push(worker);
  await worker.ready(60000);
  log('worker', 'polling');

  const api = app('api', 'dist/apps/api/src/main.js', `${apiUrl}/health`);
  started.push(api);
  await api.ready(60000);

  const ui =
    env.TEMPORAL_UI_URL ??
    (engine === 'server'
      ? 'none with the full server here (production runs temporalio/ui, docker/compose.yaml)'
      : 'your Temporal cluster UI');
  log('stack', '');
  log('stack', `API          ${apiUrl}`);
  log('stack', `OpenAPI docs ${apiUrl}/docs`);
  log('stack', `Health       ${apiUrl}/health`);
  log(
    'stack',
    `Pages        ${apiUrl}/ui (sign in with: npm run token -- --role LOCAL_TEAM --municipality GM0405)`,
  );
  log('stack', `Temporal UI  ${ui}`);
  log('stack', `Events       ${apiUrl}/events (webhooks: POST ${apiUrl}/webhooks/subscriptions)`);
  if (env.SMTP_URL.startsWith('smtp://127.0.0.1'))
    log('stack', `Mail         ${shown(resolve(dataDir, 'mail'))}/*.eml`);
  log('stack', 'Press Ctrl-C to stop everything.');
}

main().catch((error) => {
  log('stack', `ERROR: ${error.message}`);
  void stopAll(1);
});
