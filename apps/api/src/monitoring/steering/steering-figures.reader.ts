import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CARE_DOMAINS } from '@app/contracts';
import {
  type ArrangementChoice,
  durationBySegment,
  type AveragingBalance,
  type DurationBySegment,
  type YearlyCostPerClient,
  yearlyCostPerClient,
  type RegionChoice,
  type StackedClient,
  type SteeringRow,
} from '@app/domain';

/**
 * The caller's tenant scope and filters over the rollups (aliased `t`: they carry the trajectory's municipality,
 * lead provider and domain under the trajectory's column names), and which of the cube's dimensions the scope
 * fixes — the ledger's rollup holds '*' rows for a dimension left open (steering-rollups.ts).
 */
export interface SteeringScope {
  where: string;
  params: unknown[];
  fixesProvider: boolean;
  fixesDomain: boolean;
}

/** The scope's parameters with the window's first and last month after them, and the condition on `t.month`. */
function windowed(scope: SteeringScope, from: string, to: string) {
  const params = [...scope.params, from, to];
  const [f, t] = [params.length - 1, params.length];
  return { params, f, t, inWindow: `t.month BETWEEN $${f}::date AND $${t}::date` };
}

/** K-Q6's profile of a row: domain, segment and complexity. */
const profileOf = (r: Record<string, unknown>) =>
  `${String(r.domain)}/${String(r.segment)}/${String(r.complexity)}`;

function safe(value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}

/**
 * The steering figures of issue 19 read from the monthly rollups (steering-rollups.ts), never the scope's rows in
 * the API's memory: a few thousand rows per region, summed over the caller's municipalities, lead provider and
 * domain. Months are those of the Dutch calendar; a stock's reference day is the month's last day, or the day of
 * the refresh for the running month.
 */
@Injectable()
export class SteeringFiguresReader {
  constructor(private readonly db: DataSource) {}

  private query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return this.db.query(sql, params) as Promise<Record<string, unknown>[]>;
  }

  /** The ledger cube's rows for this scope: '*' for each dimension the scope leaves open. */
  private static cube(scope: SteeringScope): string {
    return [
      scope.where,
      ...(scope.fixesProvider ? [] : [`t.provider_id = '*'`]),
      ...(scope.fixesDomain ? [] : [`t.domain = '*'`]),
    ].join(' AND ');
  }

  /**
   * K-F5 and K-F3 at each month's end (counts and tariffs per month, provider and intensity; K-F5 is their sum)
   * and K-F4: per month the clients whose decisions in force in the scope add up, as yearly value, above the
   * threshold.
   */
  async stocks(
    scope: SteeringScope,
    from: string,
    to: string,
    thresholdCents: number,
  ): Promise<SteeringRow[]> {
    const { params, inWindow } = windowed(scope, from, to);
    params.push(thresholdCents);
    const th = params.length;
    const rows = await this.query(
      `SELECT 'MIX' AS kind, t.month, t.decision_provider_id AS provider_id, t.intensity_code AS key,
              SUM(t.decisions)::text AS n, SUM(t.tariff_cents)::text AS cents
         FROM steering_stock t
        WHERE ${scope.where} AND ${inWindow}
        GROUP BY t.month, t.decision_provider_id, t.intensity_code
       UNION ALL
       SELECT 'TOP', a.month, a.provider_id, NULL, MAX(a.n)::text, SUM(a.n)::text
         FROM (SELECT t.month, t.decision_provider_id AS provider_id, t.arrangement_code, SUM(t.decisions) AS n
                 FROM steering_stock t WHERE ${scope.where} AND ${inWindow}
                GROUP BY 1, 2, 3) a
        GROUP BY a.month, a.provider_id
       UNION ALL
       SELECT 'TOP-REGION', a.month, NULL, NULL, MAX(a.n)::text, SUM(a.n)::text
         FROM (SELECT t.month, t.arrangement_code, SUM(t.decisions) AS n
                 FROM steering_stock t WHERE ${scope.where} AND ${inWindow}
                GROUP BY 1, 2) a
        GROUP BY a.month
       UNION ALL
       SELECT 'STACKED', s.month, NULL, NULL, COUNT(*)::text, NULL
         FROM (SELECT t.month FROM steering_stacked t
                WHERE ${scope.where} AND ${inWindow}
                GROUP BY t.month, t.municipality_code, t.client_id HAVING SUM(t.yearly_cents) > $${th}) s
        GROUP BY s.month`,
      params,
    );
    return stockRows(rows);
  }

  /**
   * K-Q7: the clients with a decision in force at each month's reference day and their decisions' yearly value,
   * for the region and each lead provider (the cube's '*' rows for what the scope leaves open).
   */
  async activeClients(scope: SteeringScope, from: string, to: string): Promise<SteeringRow[]> {
    const { params, inWindow } = windowed(scope, from, to);
    const region = SteeringFiguresReader.cube(scope);
    const perProvider = [
      scope.where,
      `t.provider_id <> '*'`,
      ...(scope.fixesDomain ? [] : [`t.domain = '*'`]),
    ].join(' AND ');
    const rows = await this.query(
      `SELECT t.month, NULL AS provider_id, 1 AS region, SUM(t.clients)::text AS clients,
              SUM(t.yearly_cents)::text AS yearly
         FROM steering_active t
        WHERE ${region} AND ${inWindow}
        GROUP BY t.month
       UNION ALL
       SELECT t.month, t.provider_id, 0, SUM(t.clients)::text, SUM(t.yearly_cents)::text
         FROM steering_active t
        WHERE ${perProvider} AND ${inWindow}
        GROUP BY t.month, t.provider_id`,
      params,
    );
    return rows.flatMap((r) => {
      const base = { month: monthOf(r.month), providerId: regionOr(r), key: null };
      return [
        { ...base, indicator: 'K-Q7', value: safe(r.clients), of: null },
        { ...base, indicator: 'K-Q7-W', value: safe(r.yearly), of: safe(r.clients) },
      ];
    });
  }

  /**
   * K-Q6: the first choices of arrangement in the window per municipality and profile, for the report to set
   * each municipality's choices against the region's for the same profile.
   */
  async choices(scope: SteeringScope, from: string, to: string): Promise<ArrangementChoice[]> {
    const { params, inWindow } = windowed(scope, from, to);
    const rows = await this.query(
      `SELECT t.municipality_code, t.domain, t.segment, t.complexity, t.arrangement_code,
              SUM(t.decisions)::text AS decisions
         FROM steering_choice t
        WHERE ${scope.where} AND ${inWindow}
        GROUP BY 1, 2, 3, 4, 5`,
      params,
    );
    return rows.map((r) => ({
      municipalityCode: String(r.municipality_code),
      profile: profileOf(r),
      arrangementCode: String(r.arrangement_code),
      decisions: safe(r.decisions),
    }));
  }

  /**
   * K-Q6's yardstick: the first choices of the whole region(s) the scope's municipalities belong to, as totals per
   * profile and arrangement only — a local team is set against its region, not against itself.
   */
  async regionChoices(scope: SteeringScope, from: string, to: string): Promise<RegionChoice[]> {
    const { params, f, t, inWindow } = windowed(scope, from, to);
    const rows = await this.query(
      `WITH mine AS (
         SELECT DISTINCT t.municipality_code FROM steering_choice t
          WHERE ${scope.where} AND ${inWindow}),
       region AS (
         SELECT municipality_code FROM mine
         UNION
         SELECT other.municipality_code FROM region_municipality own
           JOIN region_municipality other ON other.region_id = own.region_id
          WHERE own.municipality_code IN (SELECT municipality_code FROM mine))
       SELECT c.domain, c.segment, c.complexity, c.arrangement_code, SUM(c.decisions)::text AS decisions
         FROM steering_choice c
        WHERE c.municipality_code IN (SELECT municipality_code FROM region)
          AND c.month BETWEEN $${f}::date AND $${t}::date
        GROUP BY 1, 2, 3, 4`,
      params,
    );
    return rows.map((r) => ({
      profile: profileOf(r),
      arrangementCode: String(r.arrangement_code),
      decisions: safe(r.decisions),
    }));
  }

  /**
   * The trajectories behind a practice-variation signal (pseudonymous ids): the municipality's first decisions in
   * the window for the profile, most recent first.
   */
  async choiceTrajectories(
    scope: SteeringScope,
    municipalityCode: string,
    profile: string,
    from: string,
    to: string,
    limit = 20,
  ): Promise<string[]> {
    const [domain, segment, complexity] = profile.split('/');
    const params = [...scope.params, municipalityCode, domain, segment, complexity, from, to, limit];
    const n = params.length;
    const rows = await this.query(
      `SELECT t.trajectory_id FROM trajectory t
         JOIN care_decision d ON d.trajectory_id = t.trajectory_id AND d.version = 1
        WHERE ${scope.where} AND t.municipality_code = $${n - 6} AND t.domain = $${n - 5}
          AND t.segment = $${n - 4} AND t.complexity = $${n - 3}
          AND d.valid_from >= $${n - 2}::date AND d.valid_from < ($${n - 1}::date + interval '1 month')
        ORDER BY d.valid_from DESC, t.trajectory_id LIMIT $${n}`,
      params,
    );
    return rows.map((r) => String(r.trajectory_id));
  }

  /**
   * K-Q4's waiting list and K-C2's cooperation score as reported per provider, region and month (no workflow holds
   * them). A report is in the caller's scope when its region holds a municipality the scope covers, for its
   * provider, in any domain (a provider's waiting list is not split by domain).
   */
  async reportedFigures(scope: SteeringScope, from: string, to: string): Promise<SteeringRow[]> {
    const { params, f, t } = windowed(scope, from, to);
    const domains = CARE_DOMAINS.map((d) => `('${d}')`).join(', ');
    const rows = await this.query(
      `SELECT CASE r.kind WHEN 'WAITING_LIST' THEN 'K-Q4-L' ELSE 'K-C2' END AS indicator, r.month, r.provider_id,
              GROUPING(r.provider_id) AS region,
              SUM(r.value * COALESCE(r.respondents, 1))::text AS value, SUM(r.respondents)::text AS "of"
         FROM provider_monthly_report r
        WHERE r.month BETWEEN $${f}::date AND $${t}::date
          AND EXISTS (
            SELECT 1 FROM (SELECT rm.municipality_code, r.provider_id, d.domain
                             FROM region_municipality rm CROSS JOIN (VALUES ${domains}) d(domain)
                            WHERE rm.region_id = r.region_id) t
             WHERE ${scope.where})
        GROUP BY GROUPING SETS ((r.kind, r.month), (r.kind, r.month, r.provider_id))`,
      params,
    );
    return rows.map(toRow);
  }

  /**
   * K-F2 per year ("this year vs previous", [001:L390]): the ledger's instructions due in each year of the window
   * and the year before, ÷ the distinct clients paid for in that year.
   */
  async yearlyCostPerClient(scope: SteeringScope, from: string, to: string): Promise<YearlyCostPerClient[]> {
    const { params, f, t } = windowed(scope, from, to);
    const rows = await this.query(
      `SELECT extract(year FROM t.month)::int AS year, NULLIF(t.payee_id, '*') AS provider_id,
              SUM(t.paid_cents)::text AS paid, SUM(t.clients)::text AS clients
         FROM steering_payment t
        WHERE ${SteeringFiguresReader.cube(scope)} AND t.span = 'YEAR'
          AND t.month >= date_trunc('year', $${f}::date) - interval '1 year'
          AND t.month <= date_trunc('year', $${t}::date)
        GROUP BY t.month, t.payee_id
        ORDER BY 1, (t.payee_id = '*') DESC, t.payee_id COLLATE "C"`,
      params,
    );
    return rows.map((r) =>
      yearlyCostPerClient(
        Number(r.year),
        (r.provider_id as string | null) ?? null,
        safe(r.paid),
        safe(r.clients),
      ),
    );
  }

  /** K-F4's signal: the clients above the threshold at the month's reference day, largest first. */
  async stackedClients(
    scope: SteeringScope,
    month: string,
    thresholdCents: number,
    limit = 200,
  ): Promise<StackedClient[]> {
    const params = [...scope.params, month, thresholdCents, limit];
    const [m, th, lim] = [params.length - 2, params.length - 1, params.length];
    const rows = await this.query(
      `SELECT t.municipality_code, t.client_id, SUM(t.yearly_cents)::text AS yearly,
              array_agg(t.trajectory_id ORDER BY t.trajectory_id) AS trajectory_ids
         FROM steering_stacked t
        WHERE ${scope.where} AND t.month = $${m}::date
        GROUP BY t.municipality_code, t.client_id
       HAVING SUM(t.yearly_cents) > $${th}
        ORDER BY SUM(t.yearly_cents) DESC, t.client_id LIMIT $${lim}`,
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
    const { params, f, t } = windowed(scope, from, to);
    const rows = await this.query(
      `WITH paid AS (
         SELECT extract(year FROM t.month)::int AS year, t.payee_id AS provider_id, rm.region_id,
                SUM(t.released_cents) AS paid
           FROM steering_payment t
           JOIN region_municipality rm ON rm.municipality_code = t.municipality_code
          WHERE ${SteeringFiguresReader.cube(scope)} AND t.span = 'MONTH' AND t.payee_id <> '*'
            AND t.month >= date_trunc('year', $${f}::date)
            AND t.month < date_trunc('year', $${t}::date) + interval '1 year'
          GROUP BY 1, 2, 3
         HAVING SUM(t.released) > 0)
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
   * K-F2 and K-F6: the ledger's instructions due in each month; clients were counted once per cell of the cube
   * (steering-rollups.ts), so the sum over municipalities is the scope's distinct clients.
   */
  async moneyFlows(scope: SteeringScope, from: string, to: string): Promise<SteeringRow[]> {
    const { params, inWindow } = windowed(scope, from, to);
    const rows = await this.query(
      `SELECT t.month, NULLIF(t.payee_id, '*') AS provider_id, (t.payee_id = '*')::int AS region,
              SUM(t.paid_cents)::text AS paid, SUM(t.clients)::text AS clients, SUM(t.periods)::text AS periods
         FROM steering_payment t
        WHERE ${SteeringFiguresReader.cube(scope)} AND t.span = 'MONTH'
          AND ${inWindow}
        GROUP BY t.month, t.payee_id`,
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
   * K-Q2 over the window by domain and segment: Σ actual days of the trajectories closed against Σ days their
   * first decision granted.
   */
  async durationBySegment(scope: SteeringScope, from: string, to: string): Promise<DurationBySegment[]> {
    const { params, inWindow } = windowed(scope, from, to);
    const rows = await this.query(
      `SELECT t.domain, t.segment, SUM(t.value)::text AS actual, SUM(t."of")::text AS planned
         FROM steering_flow t
        WHERE ${scope.where} AND t.indicator = 'K-Q2' AND ${inWindow}
        GROUP BY t.domain, t.segment ORDER BY t.domain COLLATE "C", t.segment COLLATE "C"`,
      params,
    );
    return rows.map((r) =>
      durationBySegment(String(r.domain), String(r.segment), safe(r.actual), safe(r.planned)),
    );
  }

  /** The flows' figures (steering-rollups.ts, FLOWS) per month, for the region and each lead provider. */
  async trajectoryFlows(scope: SteeringScope, from: string, to: string): Promise<SteeringRow[]> {
    const { params, inWindow } = windowed(scope, from, to);
    const rows = await this.query(
      `SELECT t.indicator, t.month, t.provider_id, GROUPING(t.provider_id) AS region,
              SUM(t.value)::text AS value, SUM(t."of")::text AS "of"
         FROM steering_flow t
        WHERE ${scope.where} AND ${inWindow}
        GROUP BY GROUPING SETS ((t.indicator, t.month), (t.indicator, t.month, t.provider_id))`,
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
    // K-F3's share of the top arrangement: its decisions in force (n) of all (cents holds the total here).
    if (r.kind === 'TOP' || r.kind === 'TOP-REGION') {
      const providerId = r.kind === 'TOP' ? String(r.provider_id) : null;
      out.push({ indicator: 'K-F3-TOP', month, providerId, value: safe(r.n), of: safe(r.cents), key: null });
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
    // K-Q3-Y's exposure: the decisions in force that month (its scalings come from the flows).
    out.push({ indicator: 'K-Q3-Y', month: v.month, providerId: v.providerId, value: 0, of: v.n, key: null });
  }
  return out;
}
