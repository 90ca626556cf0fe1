import { MigrationInterface, QueryRunner } from 'typeorm';

/** AGB codes of the demo providers (fictitious, 8 digits; the chain names a provider by it). */
const DEMO_AGB = [
  ['PRV-HORIZON', '98000001'],
  ['PRV-DE-BRUG', '98000002'],
  ['PRV-KOMPAS', '98000003'],
  ['PRV-ZORGKRACHT', '98000004'],
] as const;

/**
 * Issue 17: the iJw/iWmo chain. A provider's AGB code (how the chain's messages name it); the assignments
 * (toewijzingen) with their stable numbers; every message in and out, client-less (the case system keeps the
 * client's identity, decisions.md 11: the product never stores a BSN, name or birth date); and the declared
 * lines (323) matched against the ledger's tranches, at most one honoured line per tranche.
 */
export class ChainMessages1765300000000 implements MigrationInterface {
  name = 'ChainMessages1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE provider ADD COLUMN agb_code varchar(8) UNIQUE CHECK (agb_code ~ '^[0-9]{8}$')`,
    );
    for (const [providerId, agb] of DEMO_AGB) {
      await q.query(`UPDATE provider SET agb_code = $2 WHERE provider_id = $1`, [providerId, agb]);
    }

    await q.query(`
      CREATE TABLE chain_assignment (
        assignment_number bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000001) PRIMARY KEY,
        trajectory_id varchar(200) NOT NULL,
        municipality_code varchar(16) NOT NULL,
        provider_id varchar(64) NOT NULL,
        client_id varchar(100) NOT NULL,
        arrangement_code varchar(64) NOT NULL,
        product_category varchar(2) NOT NULL,
        product_code varchar(5) NOT NULL,
        unit_code varchar(2) NOT NULL,
        frequency_code varchar(1) NOT NULL,
        volume bigint NOT NULL CHECK (volume >= 0),
        budget_cents bigint NOT NULL CHECK (budget_cents >= 0),
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        first_decision_version integer NOT NULL,
        decision_version integer NOT NULL,
        change_reason varchar(2),
        provider_reference varchar(36),
        assigned_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        CONSTRAINT uq_chain_assignment_version UNIQUE (trajectory_id, first_decision_version),
        CONSTRAINT ck_chain_assignment_validity CHECK (valid_to >= valid_from - 1)
      )`);
    await q.query(
      `CREATE INDEX ix_chain_assignment_client ON chain_assignment (municipality_code, client_id, provider_id)`,
    );

    await q.query(`CREATE SEQUENCE chain_message_identification START WITH 1`);
    await q.query(`
      CREATE TABLE chain_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        direction varchar(3) NOT NULL CHECK (direction IN ('IN', 'OUT')),
        message_code varchar(3) NOT NULL,
        identification varchar(12) NOT NULL,
        dated date NOT NULL,
        idempotency_key varchar(240) NOT NULL UNIQUE,
        digest varchar(64),
        municipality_code varchar(16),
        provider_id varchar(64),
        trajectory_id varchar(200),
        client_id varchar(100),
        status varchar(10) NOT NULL CHECK (status IN ('ACCEPTED', 'REFUSED', 'WRITTEN')),
        retour jsonb NOT NULL DEFAULT '[]'::jsonb,
        outcome jsonb NOT NULL DEFAULT '{}'::jsonb,
        answer_to uuid REFERENCES chain_message (id),
        body_xml text,
        actor varchar(240) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_chain_message_body CHECK ((direction = 'OUT') = (body_xml IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_chain_message_trajectory ON chain_message (trajectory_id, recorded_at)
       WHERE trajectory_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_chain_message_tenant ON chain_message (municipality_code, provider_id, recorded_at)`,
    );
    await q.query(
      `CREATE INDEX ix_chain_message_answer ON chain_message (answer_to) WHERE answer_to IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE chain_declaration_line (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES chain_message (id),
        provider_id varchar(64) NOT NULL,
        reference_number varchar(20) NOT NULL,
        assignment_number bigint,
        trajectory_id varchar(200),
        period_start date,
        period_end date,
        amount_cents bigint,
        debit_credit varchar(1),
        status varchar(9) NOT NULL CHECK (status IN ('HONOURED', 'REFUSED')),
        retour_codes text[] NOT NULL DEFAULT '{}',
        payment_id bigint REFERENCES payment_instruction (id),
        answered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_chain_declaration_line UNIQUE (message_id, reference_number),
        CONSTRAINT ck_chain_declaration_honoured CHECK ((status = 'HONOURED') = (payment_id IS NOT NULL))
      )`);
    // A tranche is honoured once, whatever comes in later: a repeated declaration never pays twice.
    await q.query(
      `CREATE UNIQUE INDEX uq_chain_declaration_paid ON chain_declaration_line (payment_id) WHERE status = 'HONOURED'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_chain_declaration_reference ON chain_declaration_line (provider_id, reference_number)
       WHERE status = 'HONOURED'`,
    );
    await q.query(`CREATE INDEX ix_chain_declaration_trajectory ON chain_declaration_line (trajectory_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chain_declaration_line`);
    await q.query(`DROP TABLE chain_message`);
    await q.query(`DROP SEQUENCE chain_message_identification`);
    await q.query(`DROP TABLE chain_assignment`);
    await q.query(`ALTER TABLE provider DROP COLUMN agb_code`);
  }
}
