import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: figures whose data no workflow holds, reported per provider, region and month — the smallest real input
 * route for each:
 * - WAITING_LIST (K-Q4, [001:L413], [001:L521]): the residents waiting for the provider; the provider reports it.
 * - COOPERATION_SCORE (K-C2, [004:L176]): the region's periodic survey of cooperation with the provider, a score
 *   0.0–10.0 in tenths over its respondents; contract management reports it.
 * A new report of the same month replaces the earlier one (a correction) and says who and when.
 */
export class ProviderMonthlyReports1765600000001 implements MigrationInterface {
  name = 'ProviderMonthlyReports1765600000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE provider_monthly_report (
        kind varchar(24) NOT NULL CHECK (kind IN ('WAITING_LIST', 'COOPERATION_SCORE')),
        provider_id varchar(64) NOT NULL REFERENCES provider (provider_id),
        region_id varchar(64) NOT NULL REFERENCES region (region_id),
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        value integer NOT NULL CHECK (value >= 0),
        respondents integer CHECK (respondents > 0),
        reported_by varchar(200) NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, provider_id, region_id, month),
        CHECK ((kind = 'COOPERATION_SCORE') = (respondents IS NOT NULL)),
        CHECK (kind <> 'COOPERATION_SCORE' OR value <= 100)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE provider_monthly_report`);
  }
}
