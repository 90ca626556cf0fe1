// The full Temporal server (the engine production runs, README "Production deployment") as an engine of the
// project's own scripts: built from the Go module proxy into .tools/, on a PostgreSQL of its own with SQL
// persistence and SQL visibility, the namespace and the search attributes registered and checked one by one.
// `--engine server` selects it for `npm start`, `npm test` and `npm run bench`; the dev server stays the default.
import { cpSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { log } from './log.mjs';
import { freeLowPort, freePort } from './ports.mjs';
import { commandExists, run, startProcess, waitFor } from './proc.mjs';
import { ROOT, TOOLS_DIR } from './paths.mjs';
import { registerSearchAttributes } from './search-attributes.mjs';
import { startEmbeddedPostgres } from './services.mjs';

/**
 * The newest release that builds with this machine's Go (1.26.8): production runs 1.32.2 (docker/compose.yaml),
 * which needs Go 1.26.10; the two are patch releases of one schema version.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.32.1';
const MODULE = 'go.temporal.io/server';

/**
 * The `--engine dev|server` option of `npm start` and `npm test`: the chosen engine (undefined when not given)
 * and the arguments without it. Throws on another value.
 */
export function takeEngineOption(args) {
  const at = args.indexOf('--engine');
  if (at < 0) return { engine: undefined, rest: args };
  const engine = checkedEngine(args[at + 1]);
  return { engine, rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}

/** `dev` or `server`, as given; anything else is refused with the option's name. */
export function checkedEngine(value) {
  if (value !== 'dev' && value !== 'server') throw new Error(`--engine must be dev or server, not ${value}`);
  return value;
}

/** The Go toolchain: on PATH, else where Go's own installer puts it. */
function goCommand() {
  if (process.env.GO_BIN) return process.env.GO_BIN;
  if (commandExists('go')) return 'go';
  if (existsSync('/usr/local/go/bin/go')) return '/usr/local/go/bin/go';
  throw new Error(
    'Go (1.24 or newer) is needed to build the full Temporal server (--engine server); ' +
      'install it or set GO_BIN, or use the dev server (--engine dev, the default)',
  );
}

/**
 * The server and its SQL schema tool, built once with `go install` from the Go module proxy (Go's build cache
 * makes a rebuild in a fresh clone take minutes, not the first build's ~8), and the PostgreSQL schema copied
 * from the module beside them. Returns their paths.
 */
export function ensureTemporalServer() {
  const home = resolve(TOOLS_DIR, 'temporal-server', TEMPORAL_SERVER_VERSION);
  const bin = resolve(home, 'bin');
  const paths = {
    server: resolve(bin, 'temporal-server'),
    sqlTool: resolve(bin, 'temporal-sql-tool'),
    schema: resolve(home, 'schema', 'postgresql', 'v12'),
  };
  if (existsSync(paths.server) && existsSync(paths.sqlTool) && existsSync(paths.schema)) return paths;
  const go = goCommand();
  mkdirSync(bin, { recursive: true });
  const started = Date.now();
  log('temporal', `building the Temporal server ${TEMPORAL_SERVER_VERSION} from the Go module proxy…`);
  const env = { ...process.env, GOBIN: bin };
  run(
    go,
    [
      'install',
      `${MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`,
      `${MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
    ],
    { env, maxBuffer: 64 << 20 },
  );
  renameSync(resolve(bin, 'server'), paths.server);
  renameSync(resolve(bin, 'sql'), paths.sqlTool);
  const modCache = run(go, ['env', 'GOMODCACHE'], { env }).trim();
  const source = resolve(modCache, `${MODULE}@${TEMPORAL_SERVER_VERSION}`, 'schema', 'postgresql', 'v12');
  cpSync(source, paths.schema, { recursive: true });
  log('temporal', `built in ${Math.round((Date.now() - started) / 1000)} s into ${bin}`);
  return paths;
}

/** The server's configuration: SQL persistence and SQL visibility on one PostgreSQL, every port on loopback. */
function serverConfig({ pg, ports, logLevel, dynamicConfigFile }) {
  const store = (database, conns) => `
      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "127.0.0.1:${pg.port}"
        connectProtocol: "tcp"
        user: "${pg.user}"
        password: "${pg.password}"
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: "1h"`;
  const service = (name, grpc, membership, extra = '') => `
  ${name}:
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  return `# Written by scripts/lib/temporal-server.mjs on each start; edit that file, not this one.
log:
  stdout: true
  level: ${logLevel}
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  # Temporal's development value; production sets 128 (docker/compose.yaml), whose background work per shard
  # would dominate measurements on 2 cores.
  numHistoryShards: 4
  datastores:
    postgres-default:${store('temporal', 20)}
    postgres-visibility:${store('temporal_visibility', 10)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: "127.0.0.1:${ports.metrics}"
services:${service('frontend', ports.frontend, ports.frontendMembership, `\n      httpPort: ${ports.frontendHttp}`)}${service('history', ports.history, ports.historyMembership)}${service('matching', ports.matching, ports.matchingMembership)}${service('worker', ports.worker, ports.workerMembership)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${ports.frontend}"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "${dynamicConfigFile}"
  pollInterval: "10s"
`;
}

/**
 * Creates the two databases and brings their schema to the server's version with Temporal's own SQL tool.
 * Idempotent: a database that exists keeps its data and only gets the versions it lacks.
 */
function prepareSchema({ sqlTool, schema, pg }) {
  for (const [database, dir] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ]) {
    const connection = [
      '--plugin',
      'postgres12',
      '--ep',
      '127.0.0.1',
      '-p',
      String(pg.port),
      '-u',
      pg.user,
      '--pw',
      pg.password,
      '--db',
      database,
    ];
    let created = true;
    try {
      run(sqlTool, [...connection, 'create-database']);
    } catch (error) {
      if (!/already exists/i.test(error.message)) throw error;
      created = false;
    }
    if (created) run(sqlTool, [...connection, 'setup-schema', '-v', '0.0']);
    run(sqlTool, [...connection, 'update-schema', '-d', resolve(schema, dir, 'versioned')]);
  }
}

/**
 * The server logs JSON with a stack trace per error: shown as one short line (level, message, error), and only
 * from warnings up. Returns false, as startProcess's filter, after logging it itself.
 */
function compactLogLine(line) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return true;
  }
  if (entry.level === 'info' || entry.level === 'debug') return false;
  log(
    'temporal',
    `${entry.level}: ${entry.msg}${entry.error ? ` (${String(entry.error).slice(0, 300)})` : ''}`,
  );
  return false;
}

/** Whether the namespace exists already (its registration then needs no restart). */
function namespaceExists(cli, address, namespace) {
  try {
    run(cli, ['operator', 'namespace', 'describe', '--address', address, '--namespace', namespace]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts PostgreSQL and the full server, registers the namespace and the search attributes, and returns the
 * frontend's address. `dataDir` keeps both across restarts (the stack); without it both are throwaway (tests,
 * benchmark). Every port but the frontend's is free-picked on loopback.
 */
export async function startTemporalServer({
  binaries,
  cli,
  port,
  pgPort,
  dataDir,
  workDir,
  namespace = 'default',
  logLevel = 'warn',
  retention = '72h',
}) {
  const persistent = dataDir !== undefined;
  const pgProc = await startEmbeddedPostgres({
    dataDir: persistent ? resolve(dataDir, 'temporal-postgres') : undefined,
    port: pgPort ?? (await freePort()),
    persistent,
    database: 'postgres',
  });
  const pgUrl = new URL(pgProc.url);
  const pg = {
    port: Number(pgUrl.port),
    user: decodeURIComponent(pgUrl.username),
    password: decodeURIComponent(pgUrl.password),
    url: pgProc.url,
  };
  const stopAll = [pgProc.stop];
  const stop = async () => {
    for (const s of [...stopAll].reverse()) await s();
  };
  try {
    prepareSchema({ ...binaries, pg });
    const dir = workDir ?? resolve(TOOLS_DIR, 'temporal-server', 'run', String(process.pid));
    mkdirSync(dir, { recursive: true });
    // Production's own dynamic config (docker/), so the server here behaves as the one there.
    const dynamicConfigFile = resolve(ROOT, 'docker', 'temporal', 'dynamicconfig', 'production.yaml');
    const ports = {
      frontend: port ?? (await freePort()),
      frontendHttp: await freePort(),
      frontendMembership: await freeLowPort(),
      history: await freePort(),
      historyMembership: await freeLowPort(),
      matching: await freePort(),
      matchingMembership: await freeLowPort(),
      worker: await freePort(),
      workerMembership: await freeLowPort(),
      metrics: await freePort(),
    };
    const configFile = resolve(dir, 'temporal-server.yaml');
    writeFileSync(configFile, serverConfig({ pg, ports, logLevel, dynamicConfigFile }));
    const address = `127.0.0.1:${ports.frontend}`;
    const boot = async () => {
      // A stopping server reports every peer it can no longer reach: not news, so not shown.
      let stopping = false;
      const proc = startProcess(
        'temporal',
        binaries.server,
        ['--config-file', configFile, '--allow-no-auth', 'start'],
        { cwd: dir, filter: (line) => !stopping && compactLogLine(line) },
      );
      const stopServer = () => {
        stopping = true;
        return proc.stop(30000);
      };
      stopAll.push(stopServer);
      let exited;
      void proc.exited.then((exit) => (exited = exit));
      await waitFor(
        'the Temporal server',
        async () => {
          if (exited)
            throw Object.assign(new Error(`it exited (${JSON.stringify(exited)})`), { final: true });
          run(cli, ['operator', 'cluster', 'health', '--address', address]);
          return true;
        },
        { timeoutMs: 120000, intervalMs: 250, stopOn: (error) => error.final === true },
      );
      return { ...proc, stop: stopServer };
    };
    let proc = await boot();
    let registered = false;
    if (!namespaceExists(cli, address, namespace)) {
      run(cli, [
        'operator',
        'namespace',
        'create',
        '--address',
        address,
        '--namespace',
        namespace,
        '--retention',
        retention,
      ]);
      registered = true;
    }
    await waitFor('the namespace', () => namespaceExists(cli, address, namespace), { timeoutMs: 30000 });
    const missing = await registerSearchAttributes({ cli, address, namespace, timeoutMs: 60000 });
    registered = registered || missing > 0;
    if (registered) {
      // The services cache namespaces and search attributes (the attributes for 60 s): a first boot restarts
      // once, so no workflow meets a cache that predates its registration.
      log('temporal', 'namespace and search attributes registered; restarting the server once to load them');
      await proc.stop(30000);
      stopAll.pop();
      proc = await boot();
    }
    return {
      address,
      namespace,
      proc,
      postgres: pg,
      postgresProc: pgProc.proc,
      metricsUrl: `http://127.0.0.1:${ports.metrics}/metrics`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
