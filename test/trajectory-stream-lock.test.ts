import { DataSource } from 'typeorm';
import { dataSourceOptions, inTrajectoryStream, runMigrations } from '@app/persistence';
import { databaseUrl } from './support/database';

/**
 * `inTrajectoryStream`: the bookkeeping transaction begun and locked in one round trip (issue 20). It must
 * still serialise one trajectory's writers, roll back on failure without handing a broken connection back to
 * the pool, and take any id as data, never as SQL.
 */
jest.setTimeout(30_000);

let db: DataSource;
const id = (name: string) => `trajectory-stream-${process.pid}-${Date.now().toString(36)}-${name}`;

beforeAll(async () => {
  await runMigrations(databaseUrl());
  // One connection: a transaction left open or aborted by a failure would break the next test's query.
  db = await new DataSource(dataSourceOptions(databaseUrl(), 1)).initialize();
  await db.query(
    `CREATE TEMP TABLE IF NOT EXISTS stream_probe (trajectory_id text, step text, at timestamptz)`,
  );
});

afterAll(async () => {
  await db?.destroy();
});

it('commits the work and holds the lock inside one transaction', async () => {
  const trajectoryId = id('commit');
  const seen = await inTrajectoryStream(db, trajectoryId, async (tx) => {
    const [lock] = (await tx.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`,
    )) as { n: number }[];
    const [state] = (await tx.query(`SELECT now() = statement_timestamp() AS fresh`)) as { fresh: boolean }[];
    return { locks: lock.n, inTransaction: !state.fresh };
  });
  expect(seen).toEqual({ locks: 1, inTransaction: true });
  const [after] = (await db.query(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`,
  )) as { n: number }[];
  expect(after.n).toBe(0);
});

it('rolls back a failed write and hands back a usable connection', async () => {
  const trajectoryId = id('rollback');
  await expect(
    inTrajectoryStream(db, trajectoryId, async (tx) => {
      await tx.query(`INSERT INTO stream_probe VALUES ($1, 'written', now())`, [trajectoryId]);
      await tx.query(`SELECT 1 / 0`);
    }),
  ).rejects.toThrow(/division by zero/);
  expect(await db.query(`SELECT * FROM stream_probe WHERE trajectory_id = $1`, [trajectoryId])).toEqual([]);
  expect(await db.query(`SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);
});

it('takes an id with quotes and semicolons as data', async () => {
  const hostile = `x'); DROP TABLE stream_probe; --`;
  await inTrajectoryStream(db, hostile, async (tx) => {
    await tx.query(`INSERT INTO stream_probe VALUES ($1, 'hostile', now())`, [hostile]);
  });
  expect(await db.query(`SELECT step FROM stream_probe WHERE trajectory_id = $1`, [hostile])).toEqual([
    { step: 'hostile' },
  ]);
});

it("serialises one trajectory's writers: the second begins its work after the first committed", async () => {
  const two = await new DataSource(dataSourceOptions(databaseUrl(), 2)).initialize();
  try {
    const trajectoryId = id('serial');
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = inTrajectoryStream(two, trajectoryId, async () => {
      order.push('first begins');
      firstLocked();
      await firstHolds;
      order.push('first ends');
    });
    await locked;
    const second = inTrajectoryStream(two, trajectoryId, async () => void order.push('second begins'));
    // The second is waiting for the lock now; give it time to (wrongly) get through before the first ends.
    await new Promise((resolve) => setTimeout(resolve, 300));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first begins', 'first ends', 'second begins']);
  } finally {
    await two.destroy();
  }
});
