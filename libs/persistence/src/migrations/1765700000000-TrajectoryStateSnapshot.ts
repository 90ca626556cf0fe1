import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: the trajectory's state as its last bookkeeping write left it, so `GET /trajectories/:id` is answered
 * from PostgreSQL instead of a workflow query (which costs a worker task and a Temporal round trip). A table of
 * its own, not a column of `trajectory`: the lists scan that table, and the state is the widest thing there is.
 * Pseudonymous, like the workflow's state: references and codes, never names or a BSN.
 */
export class TrajectoryStateSnapshot1765700000000 implements MigrationInterface {
  name = 'TrajectoryStateSnapshot1765700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE trajectory_state (
         trajectory_id text PRIMARY KEY,
         seq integer NOT NULL,
         updated_at timestamptz NOT NULL,
         state jsonb NOT NULL,
         written_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trajectory_state`);
  }
}
