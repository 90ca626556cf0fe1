import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { yearlyValueSql, type StackedClient, type SteeringRow } from '@app/domain';

/** The caller's tenant scope and filters over `trajectory t`, as SQL with its parameters. */
export interface SteeringScope {
  where: string;
  params: unknown[];
}

function safe(value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}

/**
 * The steering figures of issue 19 aggregated in PostgreSQL (never the scope's rows in the API's memory): one
 * query for the stocks at each month's end (K-F5, K-F3, K-F4 over the decisions in force), one for the money
 * flows (K-F2, K-F6 over the ledger), one for the trajectories' flows (K-F7, K-Q1). Months are those of the
 * Dutch calendar; a stock's reference day is the month's last day, or today for the running month.
 */
@Injectable()
export class SteeringFiguresReader {
  constructor(private readonly db: DataSource) {}

  /** The months as SQL: `months(month date, ref date, next_start timestamptz)`; $1, $2 are the first months. */
  private static months(from: number, to: number): string {
    return `months AS (
      SELECT m::date AS month,
             LEAST((m + interval '1 month' - interval '1 day')::date, (now() AT TIME ZONE 'Europe/Amsterdam')::date) AS ref,
             ((m + interval '1 month')::timestamp AT TIME ZONE 'Europe/Amsterdam') AS next_start
        FROM generate_series($${from}::date, $${to}::date, interval '1 month') m)`;
  }

  /**
   * The decisions in force at each month's reference day: per trajectory the highest version valid that day
   * (a price correction or renewal supersedes the earlier one), of trajectories opened and not closed by then.
   */
  private static active(scope: string): string {
    return `active AS MATERIALIZED (
      SELECT DISTINCT ON (d.trajectory_id, m.month)
             m.month, d.trajectory_id, d.provider_id, d.tariff_cents, d.pricing_basis, d.arrangement_code,
             t.client_id, t.municipality_code
        FROM months m
        JOIN care_decision d ON d.valid_from <= m.ref AND (d.valid_to IS NULL OR d.valid_to >= m.ref)
        JOIN trajectory t ON t.trajectory_id = d.trajectory_id
       WHERE ${scope} AND (t.closed_at IS NULL OR t.closed_at >= m.next_start)
       ORDER BY d.trajectory_id, m.month, d.version DESC)`;
  }

  async stocks(
    scope: SteeringScope,
    from: string,
    to: string,
    thresholdCents: number,
  ): Promise<SteeringRow[]> {
    const params = [...scope.params, from, to, thresholdCents];
    const [f, t, th] = [params.length - 2, params.length - 1, params.length];
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH ${SteeringFiguresReader.months(f, t)}, ${SteeringFiguresReader.active(scope.where)},
       intensity AS (SELECT DISTINCT ON (code) code, intensity_code FROM arrangement ORDER BY code, valid_from DESC),
       stacked AS (
         SELECT month, municipality_code, client_id, SUM(${yearlyValueSql('active')}) AS yearly
           FROM active GROUP BY month, municipality_code, client_id)
       SELECT 'K-F5' AS indicator, month, provider_id, GROUPING(provider_id) AS region,
              SUM(tariff_cents)::text AS value, COUNT(*)::text AS of, NULL AS key
         FROM active GROUP BY GROUPING SETS ((month), (month, provider_id))
       UNION ALL
       SELECT 'K-F3', a.month, a.provider_id, 0, COUNT(*)::text, NULL, COALESCE(i.intensity_code, '?')
         FROM active a LEFT JOIN intensity i ON i.code = a.arrangement_code
        GROUP BY a.month, a.provider_id, i.intensity_code
       UNION ALL
       SELECT 'K-F4', m.month, NULL, 1, COUNT(s.client_id)::text, NULL, NULL
         FROM months m LEFT JOIN stacked s ON s.month = m.month AND s.yearly > $${th}
        GROUP BY m.month
       ORDER BY 1, 2`,
      params,
    );
    return rows.map(toRow);
  }

  /** K-F4's signal: the clients above the threshold at the last month's reference day, largest first. */
  async stackedClients(
    scope: SteeringScope,
    month: string,
    thresholdCents: number,
    limit = 200,
  ): Promise<StackedClient[]> {
    const params = [...scope.params, month, thresholdCents, limit];
    const [m, th, lim] = [params.length - 2, params.length - 1, params.length];
    const rows: Record<string, unknown>[] = await this.db.query(
      `WITH ${SteeringFiguresReader.months(m, m)}, ${SteeringFiguresReader.active(scope.where)}
       SELECT municipality_code, client_id, SUM(${yearlyValueSql('active')})::text AS yearly,
              array_agg(trajectory_id ORDER BY trajectory_id) AS trajectory_ids
         FROM active GROUP BY municipality_code, client_id
       HAVING SUM(${yearlyValueSql('active')}) > $${th}
        ORDER BY SUM(${yearlyValueSql('active')}) DESC, client_id LIMIT $${lim}`,
      params,
    );
    return rows.map((r) => ({
      municipalityCode: String(r.municipality_code),
      clientId: String(r.client_id),
      yearlyCents: safe(r.yearly),
      trajectoryIds: r.trajectory_ids as string[],
    }));
  }

  /** K-F2 and K-F6: the ledger's instructions due in each month. */
  async moneyFlows(scope: SteeringScope, from: string, to: string): Promise<SteeringRow[]> {
    const params = [...scope.params, from, to];
    const [f, t] = [params.length - 1, params.length];
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT date_trunc('month', p.due_date)::date AS month, p.provider_id, GROUPING(p.provider_id) AS region,
              COALESCE(SUM(p.amount_cents) FILTER (WHERE p.status NOT IN ('CANCELLED', 'WITHHELD')), 0)::text AS paid,
              COUNT(DISTINCT (t.municipality_code, t.client_id))
                FILTER (WHERE p.status NOT IN ('CANCELLED', 'WITHHELD'))::text AS clients,
              COUNT(*) FILTER (WHERE p.tranche_kind = 'PERIOD' AND p.status NOT IN ('CANCELLED', 'WITHHELD'))::text AS periods
         FROM payment_instruction p JOIN trajectory t ON t.trajectory_id = p.trajectory_id
        WHERE ${scope.where} AND p.due_date >= $${f}::date AND p.due_date < ($${t}::date + interval '1 month')
        GROUP BY GROUPING SETS ((date_trunc('month', p.due_date)), (date_trunc('month', p.due_date), p.provider_id))`,
      params,
    );
    return rows.flatMap((r) => {
      const base = { month: monthOf(r.month), providerId: regionOr(r), key: null };
      return [
        { ...base, indicator: 'K-F2', value: safe(r.paid), of: safe(r.clients) },
        { ...base, indicator: 'K-F6', value: safe(r.periods), of: null },
      ];
    });
  }

  /** K-F7 and K-Q1: trajectories opened and closed in each month, and the final tranches of the closed. */
  async trajectoryFlows(scope: SteeringScope, from: string, to: string): Promise<SteeringRow[]> {
    const params = [...scope.params, from, to];
    const [f, t] = [params.length - 1, params.length];
    const month = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/Amsterdam')::date`;
    const inWindow = (column: string) =>
      `${month(column)} >= $${f}::date AND ${month(column)} <= $${t}::date`;
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT 'K-Q1-IN' AS indicator, ${month('t.created_at')} AS month, t.provider_id,
              GROUPING(t.provider_id) AS region, COUNT(*)::text AS value, NULL AS of
         FROM trajectory t WHERE ${scope.where} AND ${inWindow('t.created_at')}
        GROUP BY GROUPING SETS ((${month('t.created_at')}), (${month('t.created_at')}, t.provider_id))
       UNION ALL
       SELECT 'K-Q1-OUT', ${month('t.closed_at')}, t.provider_id, GROUPING(t.provider_id), COUNT(*)::text, NULL
         FROM trajectory t WHERE ${scope.where} AND t.closed_at IS NOT NULL AND ${inWindow('t.closed_at')}
        GROUP BY GROUPING SETS ((${month('t.closed_at')}), (${month('t.closed_at')}, t.provider_id))
       UNION ALL
       SELECT 'K-F7', ${month('t.closed_at')}, t.provider_id, GROUPING(t.provider_id),
              COUNT(*) FILTER (WHERE f.paid)::text, COUNT(*)::text
         FROM trajectory t
         JOIN LATERAL (
           SELECT bool_or(p.status IN ('RELEASED', 'EXPORTED', 'CONFIRMED')) AS paid
             FROM payment_instruction p WHERE p.trajectory_id = t.trajectory_id AND p.tranche_kind = 'FINAL'
           HAVING COUNT(*) > 0) f ON TRUE
        WHERE ${scope.where} AND t.closed_at IS NOT NULL AND ${inWindow('t.closed_at')}
        GROUP BY GROUPING SETS ((${month('t.closed_at')}), (${month('t.closed_at')}, t.provider_id))`,
      params,
    );
    return rows.map(toRow);
  }
}

function monthOf(value: unknown): string {
  const d = value instanceof Date ? value : new Date(String(value));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** A grouping-set row: the region's (GROUPING = 1) or a provider's; a trajectory without provider is '-'. */
function regionOr(r: Record<string, unknown>): string | null {
  return Number(r.region) === 1 ? null : ((r.provider_id as string | null) ?? '-');
}

function toRow(r: Record<string, unknown>): SteeringRow {
  return {
    indicator: String(r.indicator),
    month: monthOf(r.month),
    providerId: regionOr(r),
    value: safe(r.value),
    of: r.of === null || r.of === undefined ? null : safe(r.of),
    key: (r.key as string | null) ?? null,
  };
}
