import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: re-entry (decisions.md 9) looks, for every closure in a period, for a later trajectory of the same
 * client in the same domain. With only (municipality_code, client_id) to go on, each look-up skipped through every
 * municipality: 0.4 s region-wide at 100,000 trajectories (bench/README.md, monitoring).
 */
export class TrajectoryClientDomainIndex1765600000002 implements MigrationInterface {
  name = 'TrajectoryClientDomainIndex1765600000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_trajectory_client_domain ON trajectory (client_id, domain)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_trajectory_client_domain`);
  }
}
