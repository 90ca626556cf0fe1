import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: a resident's every request finds its trajectories by municipality and pseudonymous client id
 * (tenant-filter.ts, trajectory-access.ts); without this index that is a scan of the municipality's rows.
 */
export class TrajectoryClientIndex1765400000001 implements MigrationInterface {
  name = 'TrajectoryClientIndex1765400000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_trajectory_client ON trajectory (municipality_code, client_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_trajectory_client`);
  }
}
