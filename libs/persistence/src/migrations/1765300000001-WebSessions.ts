import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: people sign in on the pages through the municipality's OpenID Connect provider. A sign-in in
 * progress (state, nonce, PKCE verifier) and a page session are kept server-side, so a sign-out ends the
 * session on every replica at once. The session's cookie holds a random id; only its SHA-256 is stored, with
 * the pseudonymous subject and the claims the API authorizes by (never a name or an e-mail address).
 */
export class WebSessions1765300000001 implements MigrationInterface {
  name = 'WebSessions1765300000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE web_login (
        state varchar(64) PRIMARY KEY,
        nonce varchar(64) NOT NULL,
        code_verifier varchar(128) NOT NULL,
        return_to varchar(400) NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE web_session (
        id_hash varchar(64) PRIMARY KEY,
        subject varchar(240) NOT NULL,
        roles text[] NOT NULL,
        municipalities text[] NOT NULL,
        provider_id varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_web_session_expires ON web_session (expires_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE web_session`);
    await q.query(`DROP TABLE web_login`);
  }
}
