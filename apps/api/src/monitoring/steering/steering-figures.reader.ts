import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { yearlyValueSql, type AveragingBalance, type StackedClient, type SteeringRow } from '@app/domain';

/** The caller's tenant scope and filters over `trajectory t`, as SQL with its parameters. */
export interface SteeringScope {
  where: string;
  params: unknown[];
}

/** Per query, for its sorts and hashes; four run at once for one dashboard. */
const AGGREGATION_WORK_MEM = '64MB';

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

  /**
   * One aggregation in a read-only transaction with room to sort and hash in memory: a region-wide month
   * grouping of 100,000 trajectories spills to disk at PostgreSQL's default 4 MB (bench/README.md, monitoring).
   */
  private aggregate(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SET TRANSACTION READ ONLY`);
      await tx.query(`SET LOCAL work_mem = '${AGGREGATION_WORK_MEM}'`);
      return tx.query(sql, params) as Promise<Record<string, unknown>[]>;
    });
  }

  /** The months as SQL: `months(month date, ref date, next_start timestamptz)`; $1, $2 are the first months. */
  private static months(from: number, to: number): string {
    return `months AS (
      SELECT m::date AS month,
             LEAST((m + interval '1 month' - interval '1 day')::date, (now() AT TIME ZONE 'Europe/Amsterdam')::date) AS ref,
             ((m + interval '1 month')::timestamp AT TIME ZONE 'Europe/Amsterdam') AS next_start
        FROM generate_series($${from}::date, $${to}::date, interval '1 month') m)`;
  }

  /**
   * Every decision version of the scope with the days it is the one in force: from its start until it ends or a
   * higher version starts (a price correction, a renewal), whichever is first — so no month needs to pick among
   * versions. A price correction starting the same day leaves its predecessor no day at all. With the yearly
   * value K-F4 adds up, and the trajectory's closing instant (a closed trajectory is in force no more).
   */
  private static decisions(scope: string, from: number, to: number): string {
    return `decisions AS MATERIALIZED (
      SELECT * FROM (
        SELECT d.trajectory_id, d.provider_id, d.tariff_cents, d.arrangement_code, t.client_id, t.municipality_code,
               t.closed_at, d.valid_from, ${yearlyValueSql('d')} AS yearly,
               LEAST(COALESCE(d.valid_to, 'infinity'::date),
                     COALESCE(MIN(d.valid_from) OVER (PARTITION BY d.trajectory_id ORDER BY d.version DESC
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - 1, 'infinity'::date)) AS valid_until
          FROM care_decision d JOIN trajectory t ON t.trajectory_id = d.trajectory_id
         WHERE ${scope} AND d.valid_from <= ($${to}::date + interval '1 month')
           AND (d.valid_to IS NULL OR d.valid_to >= $${from}::date)) v
       WHERE valid_until >= valid_from)`;
  }

  /** A month's reference day falls in a decision's days in force, and its trajectory was not closed by then. */
  private static readonly IN_FORCE = `e.valid_from <= m.ref AND e.valid_until >= m.ref
    AND (e.closed_at IS NULL OR e.closed_at >= m.next_start)`;

  /**
   * K-F5, K-F3 and K-F4 at each month's end, in one pass over the decisions in force: counts and tariffs per
   * month, provider and intensity (K-F5 and K-F3 are sums of these), and per month the clients whose yearly
   * value exceeds the threshold — looked for only among clients whose decisions together exceed it at all.
   */
  async stocks(
    scope: SteeringScope,
    from: string,
    to: string,
    thresholdCents: number,
  ): Promise<SteeringRow[]> {
    const params = [...scope.params, from, to, thresholdCents];
    const [f, t, th] = [params.length - 2, params.length - 1, params.length];
    const rows: Record<string, unknown>[] = await this.aggregate(
      `WITH ${SteeringFiguresReader.months(f, t)}, ${SteeringFiguresReader.decisions(scope.where, f, t)},
       intensity AS (SELECT DISTINCT ON (code) code, intensity_code FROM arrangement ORDER BY code, valid_from DESC),
       candidates AS (
         SELECT municipality_code, client_id FROM decisions GROUP BY 1, 2 HAVING SUM(yearly) > $${th})
       SELECT 'MIX' AS kind, m.month, e.provider_id, COALESCE(i.intensity_code, '?') AS key,
              COUNT(*)::text AS n, SUM(e.tariff_cents)::text AS cents
         FROM months m JOIN decisions e ON ${SteeringFiguresReader.IN_FORCE}
         LEFT JOIN intensity i ON i.code = e.arrangement_code
        GROUP BY m.month, e.provider_id, i.intensity_code
       UNION ALL
       SELECT 'STACKED', s.month, NULL, NULL, COUNT(*)::text, NULL
         FROM (SELECT m.month FROM months m JOIN decisions e ON ${SteeringFiguresReader.IN_FORCE}
                WHERE (e.municipality_code, e.client_id) IN (SELECT municipality_code, client_id FROM candidates)
                GROUP BY m.month, e.municipality_code, e.client_id HAVING SUM(e.yearly) > $${th}) s
        GROUP BY s.month`,
      params,
    );
    return stockRows(rows);
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
    const rows: Record<string, unknown>[] = await this.aggregate(
      `WITH ${SteeringFiguresReader.months(m, m)}, ${SteeringFiguresReader.decisions(scope.where, m, m)},
       candidates AS (
         SELECT municipality_code, client_id FROM decisions GROUP BY 1, 2 HAVING SUM(yearly) > $${th})
       SELECT e.municipality_code, e.client_id, SUM(e.yearly)::text AS yearly,
              array_agg(e.trajectory_id ORDER BY e.trajectory_id) AS trajectory_ids
         FROM months m JOIN decisions e ON ${SteeringFiguresReader.IN_FORCE}
        WHERE (e.municipality_code, e.client_id) IN (SELECT municipality_code, client_id FROM candidates)
        GROUP BY e.municipality_code, e.client_id
       HAVING SUM(e.yearly) > $${th}
        ORDER BY SUM(e.yearly) DESC, e.client_id LIMIT $${lim}`,
      params,
    );
    return rows.map((r) => ({
      municipalityCode: String(r.municipality_code),
      clientId: String(r.client_id),
      yearlyCents: safe(r.yearly),
      trajectoryIds: r.trajectory_ids as string[],
    }));
  }

  /**
   * K-F1 per provider, region and year of the window: the payments the caller may see that were released,
   * exported or confirmed, due in the year, against the cost the provider reported for that region and year.
   */
  async averagingBalance(scope: SteeringScope, from: string, to: string): Promise<AveragingBalance[]> {
    const params = [...scope.params, from, to];
    const [f, t] = [params.length - 1, params.length];
    const rows = await this.aggregate(
      `WITH paid AS (
         SELECT extract(year FROM p.due_date)::int AS year, p.provider_id, rm.region_id,
                SUM(p.amount_cents) AS paid
           FROM payment_instruction p
           JOIN trajectory t ON t.trajectory_id = p.trajectory_id
           JOIN region_municipality rm ON rm.municipality_code = t.municipality_code
          WHERE ${scope.where} AND p.status IN ('RELEASED', 'EXPORTED', 'CONFIRMED')
            AND p.due_date >= date_trunc('year', $${f}::date)
            AND p.due_date < date_trunc('year', $${t}::date) + interval '1 year'
          GROUP BY 1, 2, 3)
       SELECT paid.year, paid.provider_id, paid.region_id, paid.paid::text AS paid, c.cost_cents::text AS cost
         FROM paid LEFT JOIN provider_cost_report c
           ON c.provider_id = paid.provider_id AND c.region_id = paid.region_id AND c.year = paid.year
        ORDER BY 1, 2, 3`,
      params,
    );
    return rows.map((r) => {
      const paidCents = safe(r.paid);
      const reportedCostCents = r.cost === null || r.cost === undefined ? null : safe(r.cost);
      return {
        year: Number(r.year),
        providerId: String(r.provider_id),
        regionId: String(r.region_id),
        paidCents,
        reportedCostCents,
        balance:
          reportedCostCents === null || reportedCostCents === 0
            ? null
            : Math.round((paidCents / reportedCostCents) * 10_000) / 10_000,
      };
    });
  }

  /**
   * K-F2 and K-F6: the ledger's instructions due in each month, first summed per month, provider and client (so
   * a client is counted once per provider, and once in the region however many providers it has).
   */
  async moneyFlows(scope: SteeringScope, from: string, to: string): Promise<SteeringRow[]> {
    const params = [...scope.params, from, to];
    const [f, t] = [params.length - 1, params.length];
    const rows: Record<string, unknown>[] = await this.aggregate(
      `WITH per_client AS (
         SELECT date_trunc('month', p.due_date)::date AS month, p.provider_id, t.municipality_code, t.client_id,
                SUM(p.amount_cents) FILTER (WHERE p.status NOT IN ('CANCELLED', 'WITHHELD')) AS paid,
                COUNT(*) FILTER (WHERE p.tranche_kind = 'PERIOD' AND p.status NOT IN ('CANCELLED', 'WITHHELD')) AS periods
           FROM payment_instruction p JOIN trajectory t ON t.trajectory_id = p.trajectory_id
          WHERE ${scope.where} AND p.due_date >= $${f}::date AND p.due_date < ($${t}::date + interval '1 month')
          GROUP BY 1, 2, 3, 4)
       SELECT month, provider_id, 0 AS region, COALESCE(SUM(paid), 0)::text AS paid,
              COUNT(paid)::text AS clients, SUM(periods)::text AS periods
         FROM per_client GROUP BY month, provider_id
       UNION ALL
       SELECT month, NULL, 1, COALESCE(SUM(paid), 0)::text, COUNT(paid)::text, SUM(periods)::text
         FROM (SELECT month, municipality_code, client_id, SUM(paid) AS paid, SUM(periods) AS periods
                 FROM per_client GROUP BY 1, 2, 3) per_region_client
        GROUP BY month`,
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

  /**
   * K-F7, K-Q1, K-Q2 and K-Q8: trajectories opened and closed in each month, the final tranches and the durations
   * of the closed, and the segment-gap escalations raised.
   */
  async trajectoryFlows(scope: SteeringScope, from: string, to: string): Promise<SteeringRow[]> {
    const params = [...scope.params, from, to];
    const [f, t] = [params.length - 1, params.length];
    const month = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/Amsterdam')::date`;
    const inWindow = (column: string) =>
      `${month(column)} >= $${f}::date AND ${month(column)} <= $${t}::date`;
    const rows: Record<string, unknown>[] = await this.aggregate(
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
         JOIN (SELECT trajectory_id, bool_or(status IN ('RELEASED', 'EXPORTED', 'CONFIRMED')) AS paid
                 FROM payment_instruction WHERE tranche_kind = 'FINAL' GROUP BY trajectory_id) f
           ON f.trajectory_id = t.trajectory_id
        WHERE ${scope.where} AND t.closed_at IS NOT NULL AND ${inWindow('t.closed_at')}
        GROUP BY GROUPING SETS ((${month('t.closed_at')}), (${month('t.closed_at')}, t.provider_id))
       UNION ALL
       SELECT 'K-Q2', ${month('t.closed_at')}, t.provider_id, GROUPING(t.provider_id),
              SUM(t.closed_at::date - (t.summary->>'startedAt')::date)::text, SUM(d.valid_to - d.valid_from)::text
         FROM trajectory t
         JOIN care_decision d ON d.trajectory_id = t.trajectory_id AND d.version = 1 AND d.valid_to IS NOT NULL
        WHERE ${scope.where} AND t.closed_at IS NOT NULL AND ${inWindow('t.closed_at')}
          AND t.summary->>'startedAt' IS NOT NULL
        GROUP BY GROUPING SETS ((${month('t.closed_at')}), (${month('t.closed_at')}, t.provider_id))
       UNION ALL
       SELECT 'K-Q8', ${month('e.raised_at')}, t.provider_id, GROUPING(t.provider_id), COUNT(*)::text, NULL
         FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id
        WHERE ${scope.where} AND e.trigger = 'SEGMENT_GAP' AND ${inWindow('e.raised_at')}
        GROUP BY GROUPING SETS ((${month('e.raised_at')}), (${month('e.raised_at')}, t.provider_id))`,
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

/**
 * The stock rows as the report reads them: K-F3 per month, provider and intensity; K-F5 per month and provider
 * and for the region (sums of those few aggregates); K-F4 per month for the region.
 */
function stockRows(rows: Record<string, unknown>[]): SteeringRow[] {
  const out: SteeringRow[] = [];
  const value = new Map<string, { month: string; providerId: string | null; cents: number; n: number }>();
  const add = (month: string, providerId: string | null, cents: number, n: number) => {
    const key = `${month}/${providerId ?? ''}`;
    const got = value.get(key) ?? { month, providerId, cents: 0, n: 0 };
    value.set(key, { ...got, cents: got.cents + cents, n: got.n + n });
  };
  for (const r of rows) {
    const month = monthOf(r.month);
    if (r.kind === 'STACKED') {
      out.push({ indicator: 'K-F4', month, providerId: null, value: safe(r.n), of: null, key: null });
      continue;
    }
    const providerId = String(r.provider_id);
    out.push({ indicator: 'K-F3', month, providerId, value: safe(r.n), of: null, key: String(r.key) });
    add(month, providerId, safe(r.cents), safe(r.n));
    add(month, null, safe(r.cents), safe(r.n));
  }
  for (const v of value.values()) {
    out.push({
      indicator: 'K-F5',
      month: v.month,
      providerId: v.providerId,
      value: v.cents,
      of: v.n,
      key: null,
    });
  }
  return out;
}
