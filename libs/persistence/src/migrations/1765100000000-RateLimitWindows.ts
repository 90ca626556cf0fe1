import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request counts per caller and per address, per one-minute window, shared by every API replica (issue 15:
 * limits that hold across replicas). UNLOGGED: counts are worth nothing after a crash, and skipping the WAL
 * keeps the per-request cost low. Buckets are hashes of the address or subject, never the address itself.
 */
export class RateLimitWindows1765100000000 implements MigrationInterface {
  name = 'RateLimitWindows1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNLOGGED TABLE rate_limit_window (
         bucket varchar(80) NOT NULL,
         window_start timestamptz NOT NULL,
         hits integer NOT NULL,
         PRIMARY KEY (bucket, window_start)
       )`,
    );
    await q.query(`CREATE INDEX ix_rate_limit_window_start ON rate_limit_window (window_start)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_window`);
  }
}
