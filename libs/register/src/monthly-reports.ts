import type { DataSource } from 'typeorm';
import { assertProviderAndRegion } from './provider-and-region';

/**
 * What a provider-and-region figure is (issue 19): K-Q4's waiting list (residents waiting, reported by the
 * provider) or K-C2's cooperation score (the region's survey: tenths of a point 0–100, over its respondents).
 */
export type MonthlyReportKind = 'WAITING_LIST' | 'COOPERATION_SCORE';

export interface MonthlyReportView {
  providerId: string;
  regionId: string;
  /** YYYY-MM */
  month: string;
  value: number;
  /** COOPERATION_SCORE only. */
  respondents: number | null;
  reportedBy: string;
  reportedAt: string;
}

/**
 * Figures no workflow holds, reported per provider, region and month (provider_monthly_report). One report per
 * kind, provider, region and month; a new one replaces it (a correction) and records who and when.
 */
export class MonthlyReports {
  constructor(private readonly dataSource: DataSource) {}

  async put(
    kind: MonthlyReportKind,
    input: { providerId: string; regionId: string; month: string; value: number; respondents: number | null },
    reportedBy: string,
  ): Promise<{ report: MonthlyReportView; created: boolean }> {
    await assertProviderAndRegion(this.dataSource, input.providerId, input.regionId);
    const rows: (Record<string, unknown> & { created: boolean })[] = await this.dataSource.query(
      `INSERT INTO provider_monthly_report (kind, provider_id, region_id, month, value, respondents, reported_by)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7)
       ON CONFLICT (kind, provider_id, region_id, month)
         DO UPDATE SET value = EXCLUDED.value, respondents = EXCLUDED.respondents,
                       reported_by = EXCLUDED.reported_by, reported_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS created`,
      [
        kind,
        input.providerId,
        input.regionId,
        `${input.month}-01`,
        input.value,
        input.respondents,
        reportedBy,
      ],
    );
    return { report: view(rows[0]), created: rows[0].created };
  }

  async list(kind: MonthlyReportKind, providerId: string): Promise<MonthlyReportView[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM provider_monthly_report WHERE kind = $1 AND provider_id = $2
        ORDER BY month DESC, region_id`,
      [kind, providerId],
    );
    return rows.map(view);
  }
}

const COLUMNS = `provider_id, region_id, to_char(month, 'YYYY-MM') AS month, value, respondents, reported_by,
  reported_at`;

function view(r: Record<string, unknown>): MonthlyReportView {
  return {
    providerId: String(r.provider_id),
    regionId: String(r.region_id),
    month: String(r.month),
    value: Number(r.value),
    respondents: r.respondents === null ? null : Number(r.respondents),
    reportedBy: String(r.reported_by),
    reportedAt: new Date(r.reported_at as Date).toISOString(),
  };
}
