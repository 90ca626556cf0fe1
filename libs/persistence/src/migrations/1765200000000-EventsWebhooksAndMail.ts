import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: the lifecycle's event stream (an outbox written in the bookkeeping transaction), webhook
 * subscriptions and their deliveries, mail contacts and the mail outbox.
 *
 * Feed order: `tx_id` is the writing transaction's id. A reader takes only rows whose transaction is older than
 * every transaction still running (`pg_snapshot_xmin`), ordered by (tx_id, position), so it never skips a
 * row that commits later with a smaller position (the gap problem of a plain sequence cursor).
 */
export class EventsWebhooksAndMail1765200000000 implements MigrationInterface {
  name = 'EventsWebhooksAndMail1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lifecycle_event (
        position bigserial PRIMARY KEY,
        event_id varchar(40) NOT NULL UNIQUE,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        type varchar(80) NOT NULL,
        trajectory_id varchar(200) NOT NULL,
        sequence integer NOT NULL,
        municipality_code varchar(64) NOT NULL,
        provider_id varchar(64),
        audience varchar(40),
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        body json NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_lifecycle_event_sequence ON lifecycle_event (trajectory_id, sequence)`,
    );
    await q.query(`CREATE INDEX ix_lifecycle_event_feed ON lifecycle_event (tx_id, position)`);
    await q.query(
      `CREATE INDEX ix_lifecycle_event_municipality ON lifecycle_event (municipality_code, tx_id, position)`,
    );
    await q.query(
      `CREATE INDEX ix_lifecycle_event_provider ON lifecycle_event (provider_id, tx_id, position)
       WHERE provider_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY,
        municipality_code varchar(64),
        provider_id varchar(64),
        url varchar(2048) NOT NULL,
        event_types text[] NOT NULL,
        description varchar(200),
        status varchar(10) NOT NULL,
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_expires_at timestamptz,
        created_by varchar(128) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT ck_webhook_subscription_tenant CHECK ((municipality_code IS NULL) <> (provider_id IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_webhook_subscription_live ON webhook_subscription (municipality_code, provider_id)
       WHERE deleted_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
        event_position bigint NOT NULL REFERENCES lifecycle_event (position),
        trajectory_id varchar(200) NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_status_code integer,
        last_error varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        dead_at timestamptz,
        CONSTRAINT uq_webhook_delivery UNIQUE (subscription_id, event_position)
      )`);
    await q.query(
      `CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`,
    );
    // "Is an earlier event of this trajectory still undelivered?" — the per-trajectory order check.
    await q.query(
      `CREATE INDEX ix_webhook_delivery_open ON webhook_delivery (subscription_id, trajectory_id, event_position)
       WHERE status <> 'DELIVERED'`,
    );
    await q.query(`CREATE INDEX ix_webhook_delivery_delivered ON webhook_delivery (delivered_at)`);
    // When did a waiting delivery become the next of its trajectory (its predecessor's delivered_at)?
    await q.query(
      `CREATE INDEX ix_webhook_delivery_trajectory ON webhook_delivery
       (subscription_id, trajectory_id, event_position) INCLUDE (delivered_at)`,
    );

    await q.query(`
      CREATE TABLE mail_contact (
        id uuid PRIMARY KEY,
        municipality_code varchar(64),
        provider_id varchar(64),
        audience varchar(40) NOT NULL,
        email varchar(254) NOT NULL,
        language varchar(2) NOT NULL DEFAULT 'nl',
        per_event boolean NOT NULL DEFAULT true,
        digest boolean NOT NULL DEFAULT true,
        created_by varchar(128) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_mail_contact_tenant CHECK ((municipality_code IS NULL) <> (provider_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_mail_contact ON mail_contact
       (coalesce(municipality_code, ''), coalesce(provider_id, ''), audience, lower(email))`,
    );

    await q.query(`
      CREATE TABLE mail_message (
        id bigserial PRIMARY KEY,
        dedupe_key varchar(300) NOT NULL UNIQUE,
        contact_id uuid NOT NULL REFERENCES mail_contact (id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL,
        language varchar(2) NOT NULL,
        subject varchar(300) NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX ix_mail_message_due ON mail_message (next_attempt_at) WHERE status = 'PENDING'`,
    );

    // Notices written before there was mail were read on worklists; mailing them now would be stale news.
    await q.query(`UPDATE notification SET delivered_at = now() WHERE delivered_at IS NULL`);

    // One row per local day once the daily digests of that day are composed (any replica, once).
    await q.query(
      `CREATE TABLE digest_run (day date PRIMARY KEY, composed_at timestamptz NOT NULL DEFAULT now())`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE digest_run`);
    await q.query(`DROP TABLE mail_message`);
    await q.query(`DROP TABLE mail_contact`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_subscription`);
    await q.query(`DROP TABLE lifecycle_event`);
  }
}
