import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read-model columns for the worklists (to approve, overdue, provider start), the escalation docket of the
 * breakthrough table, and a notification outbox (worklist items and messages; ids only).
 */
export class WorklistsAndOutbox1764400000000 implements MigrationInterface {
  name = 'WorklistsAndOutbox1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trajectory
        ADD COLUMN provider_start_deadline timestamptz,
        ADD COLUMN evaluation_due boolean NOT NULL DEFAULT false,
        ADD COLUMN arrangement_code varchar(64),
        ADD COLUMN round_count integer NOT NULL DEFAULT 0,
        ADD COLUMN open_escalation_id varchar(240)`);
    await q.query(
      `CREATE INDEX ix_trajectory_status_created ON trajectory (status, created_at, trajectory_id)`,
    );
    await q.query(
      `CREATE INDEX ix_trajectory_approval_deadline ON trajectory (approval_deadline) WHERE status = 'AWAITING_APPROVAL'`,
    );

    await q.query(`
      CREATE TABLE escalation (
        escalation_id varchar(240) PRIMARY KEY,
        trajectory_id varchar(200) NOT NULL,
        seq integer NOT NULL,
        municipality_code varchar(64) NOT NULL,
        provider_id varchar(64),
        trigger varchar(40) NOT NULL,
        context varchar(16) NOT NULL,
        status varchar(16) NOT NULL,
        raised_by_role varchar(40) NOT NULL,
        raised_at timestamptz NOT NULL,
        deadline_at timestamptz NOT NULL,
        reminder_at timestamptz NOT NULL,
        round_count integer NOT NULL DEFAULT 0,
        plan_version integer,
        asked_arrangement varchar(64),
        offered_arrangement varchar(64),
        decision_code varchar(40),
        decided_by varchar(200),
        decided_at timestamptz,
        rationale_ref varchar(200),
        chair_ref varchar(200),
        reminder_sent boolean NOT NULL DEFAULT false,
        overdue boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_escalation_open ON escalation (status, raised_at)`);
    await q.query(`CREATE INDEX ix_escalation_trajectory ON escalation (trajectory_id)`);

    // The breakthrough table's case workflow audits into its own stream of the trajectory's trail.
    await q.query(`ALTER TABLE audit_event ADD COLUMN stream varchar(240) NOT NULL DEFAULT 'trajectory'`);
    await q.query(`DROP INDEX uq_audit_event_trajectory_seq`);
    await q.query(
      `CREATE UNIQUE INDEX uq_audit_event_stream_seq ON audit_event (trajectory_id, stream, seq)`,
    );

    await q.query(`
      CREATE TABLE notification (
        id varchar(260) PRIMARY KEY,
        trajectory_id varchar(200) NOT NULL,
        topic varchar(40) NOT NULL,
        audience varchar(40) NOT NULL,
        ids jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX ix_notification_undelivered ON notification (audience, created_at) WHERE delivered_at IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP INDEX uq_audit_event_stream_seq`);
    await q.query(`CREATE UNIQUE INDEX uq_audit_event_trajectory_seq ON audit_event (trajectory_id, seq)`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN stream`);
    await q.query(`DROP TABLE escalation`);
    await q.query(`DROP INDEX ix_trajectory_approval_deadline`);
    await q.query(`DROP INDEX ix_trajectory_status_created`);
    await q.query(`
      ALTER TABLE trajectory
        DROP COLUMN provider_start_deadline, DROP COLUMN evaluation_due, DROP COLUMN arrangement_code,
        DROP COLUMN round_count, DROP COLUMN open_escalation_id`);
  }
}
