import type { DataSource } from 'typeorm';
import { assertProviderAndRegion } from './provider-and-region';

/** A provider's reported cost of its delivered care in one region and year (K-F1's denominator). */
export interface CostReportView {
  providerId: string;
  regionId: string;
  year: number;
  costCents: number;
  reportedBy: string;
  reportedAt: string;
}

/**
 * The providers' own cost reports (issue 19, K-F1): the smallest real input route for the averaging balance.
 * One report per provider, region and year; a new one replaces it (a correction) and records who and when.
 */
export class CostReports {
  constructor(private readonly dataSource: DataSource) {}

  async put(
    input: { providerId: string; regionId: string; year: number; costCents: number },
    reportedBy: string,
  ): Promise<{ report: CostReportView; created: boolean }> {
    await assertProviderAndRegion(this.dataSource, input.providerId, input.regionId);
    const rows: (Record<string, unknown> & { created: boolean })[] = await this.dataSource.query(
      `INSERT INTO provider_cost_report (provider_id, region_id, year, cost_cents, reported_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (provider_id, region_id, year)
         DO UPDATE SET cost_cents = EXCLUDED.cost_cents, reported_by = EXCLUDED.reported_by, reported_at = now()
       RETURNING provider_id, region_id, year, cost_cents::text, reported_by, reported_at, (xmax = 0) AS created`,
      [input.providerId, input.regionId, input.year, input.costCents, reportedBy],
    );
    return { report: view(rows[0]), created: rows[0].created };
  }

  async list(providerId: string): Promise<CostReportView[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT provider_id, region_id, year, cost_cents::text, reported_by, reported_at
         FROM provider_cost_report WHERE provider_id = $1 ORDER BY year DESC, region_id`,
      [providerId],
    );
    return rows.map(view);
  }
}

function view(r: Record<string, unknown>): CostReportView {
  return {
    providerId: String(r.provider_id),
    regionId: String(r.region_id),
    year: Number(r.year),
    costCents: Number(r.cost_cents),
    reportedBy: String(r.reported_by),
    reportedAt: new Date(r.reported_at as Date).toISOString(),
  };
}
