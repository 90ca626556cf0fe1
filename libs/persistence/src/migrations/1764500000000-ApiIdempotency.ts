import { MigrationInterface, QueryRunner } from 'typeorm';

/** Responses remembered per caller and Idempotency-Key, so a repeated POST answers the first outcome. */
export class ApiIdempotency1764500000000 implements MigrationInterface {
  name = 'ApiIdempotency1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_idempotency (
        subject varchar(240) NOT NULL,
        idempotency_key varchar(120) NOT NULL,
        method varchar(8) NOT NULL,
        path varchar(400) NOT NULL,
        request_hash char(64) NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (subject, idempotency_key)
      )`);
    await q.query(`CREATE INDEX ix_api_idempotency_created ON api_idempotency (created_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_idempotency`);
  }
}
