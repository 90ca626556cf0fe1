import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root (bench/harness/ → ../..). */
export const ROOT = resolve(__dirname, '..', '..');

/**
 * tsc with `module: commonjs` turns `import()` into `require()`, which cannot load ES modules on every
 * Node version the project supports; inside Function the native dynamic import survives.
 */
const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

export interface ManagedProcess {
  name: string;
  pid: number;
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(timeoutMs?: number): Promise<void>;
  kill(signal?: string): void;
}

export interface StartProcessOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  filter?: (line: string) => boolean;
  quiet?: boolean;
  leaderOnly?: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  inherit?: boolean;
}

/** What scripts/lib/temporal-server.mjs builds: the full server, its SQL tool and schema. */
export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  schema: string;
}

/** The typed surface of scripts/lib/*.mjs the harness reuses (the same code `npm start` and `npm test` run). */
export interface ProjectScripts {
  startEmbeddedPostgres(options: {
    dataDir: string;
    port: number;
    persistent: boolean;
    database?: string;
  }): Promise<{ url: string; proc: ManagedProcess; stop(): Promise<void> }>;
  startTemporalDevServer(options: {
    cli: string;
    port: number;
    uiPort?: number;
    dbFile?: string;
    headless?: boolean;
  }): Promise<{ address: string; proc: ManagedProcess; stop(): Promise<void> }>;
  /** The full server's release that ensureTemporalServer builds. */
  temporalServerVersion: string;
  ensureTemporalServer(): TemporalServerBinaries;
  startTemporalServer(options: {
    binaries: TemporalServerBinaries;
    cli: string;
    dataDir?: string;
    workDir?: string;
    logLevel?: string;
  }): Promise<{
    address: string;
    proc: ManagedProcess;
    postgres: { url: string; port: number };
    postgresProc: ManagedProcess;
    stop(): Promise<void>;
  }>;
  startProcess(name: string, cmd: string, args: string[], options?: StartProcessOptions): ManagedProcess;
  waitFor(
    what: string,
    check: () => unknown,
    options?: { timeoutMs?: number; intervalMs?: number },
  ): Promise<void>;
  run(cmd: string, args: string[], options?: RunOptions): string;
  ensureTemporalCli(): string;
  freePort(): Promise<number>;
  log(source: string, message: string): void;
}

let loaded: Promise<ProjectScripts> | undefined;

export function projectScripts(): Promise<ProjectScripts> {
  loaded ??= (async () => {
    const load = (file: string) =>
      importEsm(pathToFileURL(resolve(ROOT, 'scripts', 'lib', file)).href) as Promise<Record<string, never>>;
    const [services, proc, ports, ensure, log, server] = await Promise.all(
      ['services.mjs', 'proc.mjs', 'ports.mjs', 'ensure.mjs', 'log.mjs', 'temporal-server.mjs'].map(load),
    );
    return {
      startEmbeddedPostgres: services.startEmbeddedPostgres,
      startTemporalDevServer: services.startTemporalDevServer,
      temporalServerVersion: server.TEMPORAL_SERVER_VERSION,
      ensureTemporalServer: server.ensureTemporalServer,
      startTemporalServer: server.startTemporalServer,
      startProcess: proc.startProcess,
      waitFor: proc.waitFor,
      run: proc.run,
      ensureTemporalCli: ensure.ensureTemporalCli,
      freePort: ports.freePort,
      log: log.log,
    };
  })();
  return loaded;
}
