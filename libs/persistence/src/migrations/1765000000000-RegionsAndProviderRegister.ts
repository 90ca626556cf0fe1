import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions as data (issue 14, decisions.md 1, 2 and 7) and the provider register kept by contract management.
 *
 * A region (regio) buys care for its municipalities together and publishes one policy: its trajectory
 * payment split, its own days off, and the deadlines it sets apart from the product's defaults. A trajectory
 * freezes the policy of its municipality's region when it starts (decisions.md 2).
 *
 * The municipalities are the real CBS municipality codes (gemeentecodes, indeling 2024-2026) of three regions
 * the source documents name: West-Friesland ([001], the contracts of R-PAY-01), Friesland (R-PAY-02: 70/30)
 * and West-Brabant West (R-PAY-03: 50/50). Sources for membership: the province of Noord-Holland's page on
 * regio West-Friesland (7 municipalities); the centrumregeling Sociaal Domein Fryslân (all 18 Frisian
 * municipalities); the youth-care region WBW (9 municipalities).
 *
 * The provider register: which provider is contracted for which arrangement in which region, whether its
 * contract allows subcontracting (R-ROLE-06: "the region left it to providers whether to subcontract" — a
 * contract term), and client intake freezes (cliëntenstop, R-END-03) with their dates and reasons.
 */
export const REGIONS = [
  {
    id: 'WEST-FRIESLAND',
    name: 'West-Friesland',
    split: 'WF_RECOVERY',
    version: '2026.2',
    // The product's defaults are West-Friesland's (default-trajectory-policy.ts): nothing to set apart.
    settings: {},
    municipalities: [
      ['GM0498', 'Drechterland'],
      ['GM0388', 'Enkhuizen'],
      ['GM0405', 'Hoorn'],
      ['GM1598', 'Koggenland'],
      ['GM0420', 'Medemblik'],
      ['GM0432', 'Opmeer'],
      ['GM0532', 'Stede Broec'],
    ],
  },
  {
    id: 'FRIESLAND',
    name: 'Fryslân',
    split: 'FRIESLAND_70_30',
    version: '2026.1',
    settings: {},
    municipalities: [
      ['GM0059', 'Achtkarspelen'],
      ['GM0060', 'Ameland'],
      ['GM1891', 'Dantumadiel'],
      ['GM1940', 'De Fryske Marren'],
      ['GM0072', 'Harlingen'],
      ['GM0074', 'Heerenveen'],
      ['GM0080', 'Leeuwarden'],
      ['GM1970', 'Noardeast-Fryslân'],
      ['GM0085', 'Ooststellingwerf'],
      ['GM0086', 'Opsterland'],
      ['GM0088', 'Schiermonnikoog'],
      ['GM0090', 'Smallingerland'],
      ['GM1900', 'Súdwest-Fryslân'],
      ['GM0093', 'Terschelling'],
      ['GM0737', 'Tytsjerksteradiel'],
      ['GM0096', 'Vlieland'],
      ['GM1949', 'Waadhoeke'],
      ['GM0098', 'Weststellingwerf'],
    ],
  },
  {
    id: 'WEST-BRABANT-WEST',
    name: 'West-Brabant West',
    split: 'WBW_50_50',
    version: '2026.1',
    // DEMO of the signature deadlock resolved by policy ([001:L287]: the municipality approves only once all
    // have signed, the provider starts only once approved): here the client signs before approval and the
    // lead provider's signature may follow until care starts.
    settings: { signaturesBeforeApproval: ['CLIENT', 'LEGAL_REPRESENTATIVE'] },
    municipalities: [
      ['GM0748', 'Bergen op Zoom'],
      ['GM0777', 'Etten-Leur'],
      ['GM1655', 'Halderberge'],
      ['GM1709', 'Moerdijk'],
      ['GM1674', 'Roosendaal'],
      ['GM0840', 'Rucphen'],
      ['GM0851', 'Steenbergen'],
      ['GM0873', 'Woensdrecht'],
      ['GM0879', 'Zundert'],
    ],
  },
] as const;

export class RegionsAndProviderRegister1765000000000 implements MigrationInterface {
  name = 'RegionsAndProviderRegister1765000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        region_id varchar(64) PRIMARY KEY CHECK (region_id ~ '^[A-Z0-9][A-Z0-9-]{1,63}$'),
        name varchar(200) NOT NULL,
        policy_version varchar(32) NOT NULL,
        payment_split varchar(24) NOT NULL
          CHECK (payment_split IN ('WF_RECOVERY', 'FRIESLAND_70_30', 'WBW_50_50')),
        holidays date[] NOT NULL DEFAULT '{}',
        settings jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(settings) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      COMMENT ON COLUMN region.settings IS
        'Policy fields the region sets apart from the product defaults (TrajectoryPolicy keys, validated on read)'`);
    await q.query(`
      CREATE TABLE region_municipality (
        -- CBS codes are 'GM' and four digits; the API accepts any code of 1-16 letters or digits (test
        -- municipalities, future codes), so the column does too.
        municipality_code varchar(16) PRIMARY KEY CHECK (municipality_code ~ '^[A-Z0-9]{1,16}$'),
        region_id varchar(64) NOT NULL REFERENCES region (region_id),
        name varchar(200) NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_region_municipality_region ON region_municipality (region_id)`);

    for (const r of REGIONS) {
      await q.query(
        `INSERT INTO region (region_id, name, policy_version, payment_split, settings)
         VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [r.id, r.name, r.version, r.split, JSON.stringify(r.settings)],
      );
      for (const [code, name] of r.municipalities) {
        await q.query(
          `INSERT INTO region_municipality (municipality_code, region_id, name) VALUES ($1, $2, $3)`,
          [code, r.id, name],
        );
      }
    }
    // Every catalogue row belongs to a region that exists.
    await q.query(
      `ALTER TABLE arrangement ADD CONSTRAINT fk_arrangement_region
         FOREIGN KEY (region) REFERENCES region (region_id)`,
    );

    await q.query(`
      CREATE TABLE provider (
        provider_id varchar(64) PRIMARY KEY CHECK (provider_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$'),
        name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE provider_contract (
        contract_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        provider_id varchar(64) NOT NULL REFERENCES provider (provider_id),
        region_id varchar(64) NOT NULL REFERENCES region (region_id),
        arrangement_code varchar(64) NOT NULL,
        subcontracting_allowed boolean NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        created_by varchar(240) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_provider_contract_validity CHECK (valid_to IS NULL OR valid_to >= valid_from),
        -- One contract per provider, region and arrangement on any day. valid_to is inclusive.
        CONSTRAINT ex_provider_contract_overlap EXCLUDE USING gist (
          provider_id WITH =, region_id WITH =, arrangement_code WITH =,
          daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    await q.query(
      `CREATE INDEX ix_provider_contract_lookup ON provider_contract (region_id, arrangement_code, provider_id)`,
    );
    await q.query(`
      CREATE TABLE provider_intake_freeze (
        freeze_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        provider_id varchar(64) NOT NULL REFERENCES provider (provider_id),
        region_id varchar(64) NOT NULL REFERENCES region (region_id),
        starts_on date NOT NULL,
        ends_on date,
        reason_code varchar(64) NOT NULL CHECK (reason_code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
        reason_ref varchar(120),
        set_by varchar(240) NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        lifted_on date,
        lifted_by varchar(240),
        CONSTRAINT ck_provider_intake_freeze_period CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CONSTRAINT ck_provider_intake_freeze_lift CHECK ((lifted_on IS NULL) = (lifted_by IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_provider_intake_freeze_lookup ON provider_intake_freeze (provider_id, region_id, starts_on)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE provider_intake_freeze`);
    await q.query(`DROP TABLE provider_contract`);
    await q.query(`DROP TABLE provider`);
    await q.query(`ALTER TABLE arrangement DROP CONSTRAINT fk_arrangement_region`);
    await q.query(`DROP TABLE region_municipality`);
    await q.query(`DROP TABLE region`);
  }
}
