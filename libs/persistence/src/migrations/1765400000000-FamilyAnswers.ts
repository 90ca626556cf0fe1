import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: the family on its own page. A page session may belong to a resident (CLIENT), kept with the
 * pseudonymous client id the municipality's portal gave it. The family's satisfaction answers (K-O3) are kept
 * per trajectory, occasion (`evaluation-<n>` or `closure`) and plan result: one answer each, never changed
 * once given, with who gave it (the session's pseudonymous subject) — no free text.
 */
export class FamilyAnswers1765400000000 implements MigrationInterface {
  name = 'FamilyAnswers1765400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web_session ADD COLUMN client_id varchar(100)`);
    await q.query(`
      CREATE TABLE family_answer (
        trajectory_id varchar(200) NOT NULL,
        occasion varchar(20) NOT NULL,
        result_id varchar(200) NOT NULL,
        answer varchar(10) NOT NULL CHECK (answer IN ('POSITIVE', 'NEGATIVE')),
        answered_by varchar(200) NOT NULL,
        answered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (trajectory_id, occasion, result_id)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE family_answer`);
    await q.query(`ALTER TABLE web_session DROP COLUMN client_id`);
  }
}
