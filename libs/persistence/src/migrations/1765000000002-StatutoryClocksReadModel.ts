import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The earliest running statutory period of a trajectory in the read model (Wmo 2015 art. 2.3.2 and 2.3.5,
 * Awb art. 4:13), so that worklists sort and filter on it. Written by the bookkeeping activity like every
 * other column; null for trajectories under rules 1 and once the period stopped.
 */
export class StatutoryClocksReadModel1765000000002 implements MigrationInterface {
  name = 'StatutoryClocksReadModel1765000000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE trajectory ADD COLUMN statutory_deadline timestamptz`);
    await q.query(
      `ALTER TABLE trajectory ADD COLUMN statutory_clock varchar(24)
         CHECK (statutory_clock IN ('WMO_RESEARCH', 'WMO_DECISION', 'JEUGD_DECISION'))`,
    );
    await q.query(
      `CREATE INDEX ix_trajectory_statutory_deadline ON trajectory (statutory_deadline)
         WHERE statutory_deadline IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_trajectory_statutory_deadline`);
    await q.query(`ALTER TABLE trajectory DROP COLUMN statutory_clock`);
    await q.query(`ALTER TABLE trajectory DROP COLUMN statutory_deadline`);
  }
}
