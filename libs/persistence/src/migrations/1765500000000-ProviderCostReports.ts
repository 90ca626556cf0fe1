import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, K-F1 averaging balance (verevening, [001:L160], [001:L390]): what a provider's delivered care cost it
 * in a year is the provider's own figure, not in any workflow. A provider (or contract management) reports it per
 * region and year; a later report of the same year replaces the earlier one (a correction), and says who and when.
 */
export class ProviderCostReports1765500000000 implements MigrationInterface {
  name = 'ProviderCostReports1765500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE provider_cost_report (
        provider_id varchar(64) NOT NULL REFERENCES provider (provider_id),
        region_id varchar(64) NOT NULL REFERENCES region (region_id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        cost_cents bigint NOT NULL CHECK (cost_cents >= 0),
        reported_by varchar(200) NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider_id, region_id, year)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE provider_cost_report`);
  }
}
