import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  REENTRY_WINDOW_MONTHS,
  type CostFigures,
  type EscalationFigures,
  type EvaluationFigures,
  type FamilySatisfactionSection,
  type LeadTimeFigures,
  type MonitoringPeriod,
  type OutcomeSection,
  type ReentryFigures,
  type RoundTripFigures,
  type ScalingFigures,
} from '@app/domain';
import { SATISFACTION_OCCASION_ROWS } from '@app/persistence';
import type { Principal } from '../auth/principal';
import { filterScope } from './monitoring-filter';
import type { MonitoringQueryDto } from './monitoring-query.dto';
import * as figure from './monitoring-figure-rows';

/** A WHERE clause over `trajectory t` and its parameters, with the period's bounds as `$from`/`$to`. */
export interface MonitoringScope {
  where: string;
  params: unknown[];
  /** Parameter numbers of the period's bounds (timestamptz, either may be null). */
  from: number;
  to: number;
}

type Row = Record<string, unknown>;

/**
 * The monitoring figures of GET /monitoring/indicators aggregated in PostgreSQL, section by section, so the API
 * holds aggregates only — never the scope's rows. Every query states its section's rule in SQL exactly as
 * libs/domain/src/monitoring states it in TypeScript (the pure functions stay the specification; a test compares
 * both on the suite's data): which instant puts a case in the period, what counts, how it is grouped. Sums,
 * counts and sorted values come from SQL; rounding is left to monitoring-figure-rows.ts, with the domain's helpers.
 */
@Injectable()
export class MonitoringFiguresReader {
  constructor(private readonly db: DataSource) {}

  /** The caller's tenant scope and filters, pruned to trajectories that can touch the period. */
  scope(principal: Principal, q: MonitoringQueryDto, period: MonitoringPeriod): MonitoringScope {
    const { where, params } = filterScope(principal, q);
    params.push(period.from, period.to);
    const [from, to] = [params.length - 1, params.length];
    // Nothing created after the period, or closed before it, can have an event inside it.
    where.push(`($${to}::timestamptz IS NULL OR t.created_at < $${to}::timestamptz)`);
    where.push(
      `($${from}::timestamptz IS NULL OR t.closed_at IS NULL OR t.closed_at >= $${from}::timestamptz)`,
    );
    return { where: where.join(' AND '), params, from, to };
  }

  /** One read-only snapshot for every section of one answer, so its figures agree with each other. */
  snapshot<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      await tx.query(`SET TRANSACTION READ ONLY`);
      return work(tx);
    });
  }

  async trajectories(db: EntityManager, s: MonitoringScope): Promise<number> {
    const [row] = (await db.query(
      `SELECT COUNT(*)::int AS n FROM trajectory t WHERE ${s.where}`,
      s.params,
    )) as Row[];
    return Number(row.n);
  }

  /** K-O1..3 over the trajectories closed in the period, overall and per lead provider. */
  async outcomes(db: EntityManager, s: MonitoringScope): Promise<OutcomeSection> {
    const rows = (await db.query(
      `SELECT t.provider_id, GROUPING(t.provider_id) AS overall, COUNT(*)::int AS closed,
              COUNT(*) FILTER (WHERE t.closure_reason = 'EARLY_DROPOUT')::int AS dropouts,
              COUNT(${ATTAINMENT})::int AS measured, SUM(${ATTAINMENT}) AS attainment,
              COUNT(*) FILTER (WHERE ${SATISFACTION} = 'POSITIVE')::int AS positive,
              COUNT(*) FILTER (WHERE ${SATISFACTION} = 'NEGATIVE')::int AS negative
         FROM trajectory t
        WHERE ${s.where} AND t.status = 'CLOSED' AND ${inPeriod('t.closed_at', s)}
        GROUP BY GROUPING SETS ((), (t.provider_id))
        ORDER BY ${BY_PROVIDER}`,
      s.params,
    )) as Row[];
    return figure.outcomeSection(rows);
  }

  /**
   * Lead times per stage, for the cases whose stage ENDED in the period: the days as JavaScript computes them
   * (milliseconds apart ÷ 86,400,000), negative spans left out; the p90 by nearest rank.
   */
  async leadTimes(db: EntityManager, s: MonitoringScope): Promise<LeadTimeFigures[]> {
    const rows = (await db.query(
      `WITH pairs AS (
         SELECT 'INTAKE_TO_DECISION' AS stage, ${ms('t.created_at')} AS a, ${ms(DECIDED)} AS b
           FROM trajectory t WHERE ${s.where}
         UNION ALL
         SELECT 'FIRST_SUBMISSION_TO_APPROVAL', ${ms(FIRST_SUBMITTED)}, ${ms(DECIDED)}
           FROM trajectory t WHERE ${s.where} AND t.summary->>'firstSubmittedAt' IS NOT NULL
         UNION ALL
         SELECT 'TABLE_RAISED_TO_DECISION', ${ms('e.raised_at')}, ${ms('e.decided_at')}
           FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id WHERE ${s.where}
         UNION ALL
         SELECT 'DECISION_TO_START', ${ms(DECIDED)}, ${ms(STARTED)}
           FROM trajectory t WHERE ${s.where}),
       days AS (
         SELECT stage, ((EXTRACT(EPOCH FROM b) - EXTRACT(EPOCH FROM a)) * 1000)::float8 / 86400000 AS d
           FROM pairs WHERE a IS NOT NULL AND ${inPeriod('b', s)})
       SELECT stage, COUNT(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median,
              (array_agg(d ORDER BY d))[GREATEST(1, CEIL(0.9::float8 * COUNT(*)))::int] AS p90, AVG(d) AS mean
         FROM days WHERE d >= 0 GROUP BY stage`,
      s.params,
    )) as Row[];
    return figure.leadTimes(rows);
  }

  /** K-P2: the CHANGES_REQUESTED answers per plan first decided in the period. */
  async roundTrips(db: EntityManager, s: MonitoringScope): Promise<RoundTripFigures> {
    const rows = (await db.query(
      `SELECT rounds.n AS round_trips, COUNT(*)::int AS plans
         FROM trajectory t
         CROSS JOIN LATERAL (
           SELECT COUNT(*)::int AS n FROM audit_event a
            WHERE a.trajectory_id = t.trajectory_id AND a.stream = 'trajectory' AND a.type = 'CHANGES_REQUESTED') rounds
        WHERE ${s.where} AND t.summary->>'firstSubmittedAt' IS NOT NULL AND ${inPeriod(DECIDED, s)}
        GROUP BY rounds.n ORDER BY rounds.n`,
      s.params,
    )) as Row[];
    return figure.roundTrips(rows);
  }

  /** K-P3, K-P4's outcomes and the table's backlog. */
  async escalations(db: EntityManager, s: MonitoringScope): Promise<EscalationFigures> {
    const [totals] = (await db.query(
      `SELECT
         (SELECT COUNT(*)::int FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id
           WHERE ${s.where} AND ${inPeriod('e.raised_at', s)}) AS raised,
         (SELECT COUNT(*)::int FROM trajectory t WHERE ${s.where} AND ${inPeriod(FIRST_SUBMITTED, s)}) AS submitted,
         (SELECT COUNT(DISTINCT e.trajectory_id)::int FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id
           WHERE ${s.where} AND ${inPeriod('e.raised_at', s)} AND e.context = 'PLAN') AS escalated,
         (SELECT COUNT(*)::int FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id
           WHERE ${s.where} AND e.status IN ('OPEN', 'PROVISIONAL') AND ${ESCALATION_OVERDUE}) AS overdue_open`,
      s.params,
    )) as Row[];
    const byTrigger = (await db.query(
      `SELECT e.trigger, COUNT(*)::int AS raised,
                COUNT(*) FILTER (WHERE e.status IN ('OPEN', 'PROVISIONAL'))::int AS open,
                COUNT(*) FILTER (WHERE e.status = 'DECIDED')::int AS decided,
                COUNT(*) FILTER (WHERE e.status = 'WITHDRAWN')::int AS withdrawn,
                COUNT(*) FILTER (WHERE ${ESCALATION_OVERDUE})::int AS overdue
           FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id
          WHERE ${s.where} AND ${inPeriod('e.raised_at', s)}
          GROUP BY e.trigger ORDER BY e.trigger COLLATE "C"`,
      s.params,
    )) as Row[];
    const byDecision = (await db.query(
      `SELECT e.decision_code AS code, COUNT(*)::int AS decisions
           FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id
          WHERE ${s.where} AND e.decision_code IS NOT NULL AND ${inPeriod('e.decided_at', s)}
          GROUP BY e.decision_code ORDER BY e.decision_code COLLATE "C"`,
      s.params,
    )) as Row[];
    return figure.escalations(totals, byTrigger, byDecision);
  }

  /** K-P6 (overdue now and as events in the period) and K-P7 (participation in the period's evaluations). */
  async evaluations(db: EntityManager, s: MonitoringScope): Promise<EvaluationFigures> {
    const rows = (await db.query(
      `WITH facts AS (
         SELECT t.provider_id, 'now' AS what, NULL::boolean AS participated
           FROM trajectory t WHERE ${s.where} AND t.evaluation_overdue AND t.status <> 'CLOSED'
         UNION ALL
         SELECT t.provider_id, CASE a.type WHEN 'EVALUATION_OVERDUE' THEN 'event' ELSE 'recorded' END,
                (a.details->>'localTeamParticipated') = 'true'
           FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
          WHERE ${s.where} AND a.stream = 'trajectory' AND a.type IN ('EVALUATION_RECORDED', 'EVALUATION_OVERDUE')
            AND ${inPeriod('a.at', s)})
       SELECT provider_id, GROUPING(provider_id) AS overall,
              COUNT(*) FILTER (WHERE what = 'now')::int AS overdue_now,
              COUNT(*) FILTER (WHERE what = 'event')::int AS overdue_events,
              COUNT(*) FILTER (WHERE what = 'recorded')::int AS recorded,
              COUNT(*) FILTER (WHERE what = 'recorded' AND participated)::int AS participated
         FROM facts GROUP BY GROUPING SETS ((), (provider_id)) ORDER BY ${BY_PROVIDER}`,
      s.params,
    )) as Row[];
    return figure.evaluations(rows);
  }

  /**
   * K-Q3: approved arrangement changes in the period by direction — ARRANGEMENT_CHANGE_APPROVED carries its
   * own; a scaling case the table settled with a new decision version gets it from the two versions' tariffs.
   */
  async scaling(db: EntityManager, s: MonitoringScope): Promise<ScalingFigures> {
    const rows = (await db.query(
      `WITH scaled AS (
         SELECT t.provider_id, COALESCE(a.details->>'direction', 'LATERAL') AS direction
           FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
          WHERE ${s.where} AND a.stream = 'trajectory' AND a.type = 'ARRANGEMENT_CHANGE_APPROVED'
            AND ${inPeriod('a.at', s)}
         UNION ALL
         SELECT t.provider_id, CASE WHEN d.tariff_cents > p.tariff_cents THEN 'UP'
                                    WHEN d.tariff_cents < p.tariff_cents THEN 'DOWN' ELSE 'LATERAL' END
           FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
           JOIN care_decision d ON d.trajectory_id = a.trajectory_id
            AND d.version = (a.details->>'issuedDecisionVersion')::int
           JOIN care_decision p ON p.trajectory_id = d.trajectory_id AND p.version = d.version - 1
          WHERE ${s.where} AND a.stream = 'trajectory' AND a.type = 'BREAKTHROUGH_DECIDED'
            AND a.details->>'context' = 'SCALING' AND jsonb_typeof(a.details->'issuedDecisionVersion') = 'number'
            AND ${inPeriod('a.at', s)})
       SELECT provider_id, GROUPING(provider_id) AS overall,
              COUNT(*) FILTER (WHERE direction = 'UP')::int AS up,
              COUNT(*) FILTER (WHERE direction = 'DOWN')::int AS down,
              COUNT(*) FILTER (WHERE direction = 'LATERAL')::int AS lateral
         FROM scaled GROUP BY GROUPING SETS ((), (provider_id)) ORDER BY ${BY_PROVIDER}`,
      s.params,
    )) as Row[];
    return figure.scaling(rows);
  }

  /**
   * Cost of the trajectories whose care STARTED in the period: the ledger's committed money per trajectory (every
   * instruction not CANCELLED or WITHHELD), overall with its median, and per current arrangement with the
   * arrangement's pricing basis (its latest tariff version) and the mean tariff of the decisions.
   */
  async costs(db: EntityManager, s: MonitoringScope): Promise<CostFigures> {
    const rows = (await db.query(
      `WITH started AS (
         SELECT t.arrangement_code, ${TARIFF} AS tariff,
                (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payment_instruction p
                  WHERE p.trajectory_id = t.trajectory_id AND p.status NOT IN ('CANCELLED', 'WITHHELD')) AS cents
           FROM trajectory t WHERE ${s.where} AND ${inPeriod(STARTED, s)})
       SELECT * FROM (
       SELECT NULL AS arrangement_code, NULL AS pricing_basis, 1 AS overall, COUNT(*)::int AS trajectories,
              COALESCE(SUM(cents), 0)::text AS cents, percentile_cont(0.5) WITHIN GROUP (ORDER BY cents) AS median,
              NULL::int AS tariffs, NULL::text AS tariff_cents
         FROM started
       UNION ALL
       SELECT s.arrangement_code, b.pricing_basis, 0, COUNT(*)::int, SUM(s.cents)::text, NULL,
              COUNT(s.tariff)::int, SUM(s.tariff)::text
         FROM started s
         LEFT JOIN (SELECT DISTINCT ON (code) code, pricing_basis FROM arrangement ORDER BY code, valid_from DESC) b
           ON b.code = s.arrangement_code
        WHERE s.arrangement_code IS NOT NULL
        GROUP BY s.arrangement_code, b.pricing_basis) u
        ORDER BY overall DESC, arrangement_code COLLATE "C"`,
      s.params,
    )) as Row[];
    return figure.costs(rows);
  }

  /**
   * Re-entry (decisions.md 9): of the closures in the period without a successor, those whose client started
   * another trajectory in the same domain (not its own successor) within 12 months after; the rest still open
   * while the 12 months run. Months are counted in UTC, as the domain's addMonths does.
   */
  async reentry(db: EntityManager, s: MonitoringScope, now: Date): Promise<ReentryFigures> {
    const params = [...s.params, now];
    const rows = (await db.query(
      `WITH closures AS (
         SELECT t.trajectory_id, t.provider_id, t.client_id, t.domain, ${ms('t.closed_at')} AS closed_at,
                ((${ms('t.closed_at')} AT TIME ZONE 'UTC') + interval '${REENTRY_WINDOW_MONTHS} months') AT TIME ZONE 'UTC' AS until
           FROM trajectory t
          WHERE ${s.where} AND t.status = 'CLOSED' AND ${inPeriod('t.closed_at', s)}
            AND t.summary->>'successorTrajectoryId' IS NULL),
       -- As a hash join on (client, domain): a correlated look-up per closure would scan the trajectories each time.
       reentered AS (
         SELECT DISTINCT c.trajectory_id
           FROM closures c JOIN trajectory n ON n.client_id = c.client_id AND n.domain = c.domain
          WHERE n.trajectory_id <> c.trajectory_id
            AND (n.summary->>'predecessorTrajectoryId') IS DISTINCT FROM c.trajectory_id
            AND ${ms('n.created_at')} > c.closed_at AND ${ms('n.created_at')} <= c.until),
       judged AS (
         SELECT c.provider_id, r.trajectory_id IS NOT NULL AS reentered,
                c.until > $${params.length}::timestamptz AS window_open
           FROM closures c LEFT JOIN reentered r ON r.trajectory_id = c.trajectory_id)
       SELECT provider_id, GROUPING(provider_id) AS overall, COUNT(*)::int AS closures,
              COUNT(*) FILTER (WHERE reentered)::int AS reentries,
              COUNT(*) FILTER (WHERE NOT reentered AND window_open)::int AS window_open
         FROM judged GROUP BY GROUPING SETS ((), (provider_id)) ORDER BY ${BY_PROVIDER}`,
      params,
    )) as Row[];
    return figure.reentry(rows);
  }

  /**
   * K-O3 from the family's answers: the occasions the domain's rule asks at (satisfaction-occasions.ts, as SQL in
   * SATISFACTION_OCCASION_ROWS) in the period, with their answers; open while the 90 days run.
   */
  async familySatisfaction(
    db: EntityManager,
    s: MonitoringScope,
    now: Date,
  ): Promise<FamilySatisfactionSection> {
    const params = [...s.params, now];
    const rows = (await db.query(
      `WITH occasions AS (
         SELECT o.*, t.provider_id FROM (${SATISFACTION_OCCASION_ROWS}) o
           JOIN trajectory t ON t.trajectory_id = o.trajectory_id
          WHERE ${s.where} AND ${inPeriod('o.at', s)}),
       answered AS (
         SELECT o.provider_id, o.open_until,
                COUNT(f.*)::int AS answers, COUNT(*) FILTER (WHERE f.answer = 'POSITIVE')::int AS positive
           FROM occasions o
           LEFT JOIN family_answer f ON f.trajectory_id = o.trajectory_id AND f.occasion = o.occasion
          GROUP BY o.trajectory_id, o.occasion, o.provider_id, o.open_until)
       SELECT provider_id, GROUPING(provider_id) AS overall, COUNT(*)::int AS asked,
              COUNT(*) FILTER (WHERE answers > 0)::int AS answered,
              COUNT(*) FILTER (WHERE answers = 0 AND open_until >= $${params.length}::timestamptz)::int AS open,
              COALESCE(SUM(answers), 0)::int AS answers, COALESCE(SUM(positive), 0)::int AS positive
         FROM answered GROUP BY GROUPING SETS ((), (provider_id)) ORDER BY ${BY_PROVIDER}`,
      params,
    )) as Row[];
    return figure.familySatisfaction(rows);
  }
}

/** An instant at millisecond precision, as the facts carried it (JavaScript dates). */
const ms = (column: string) => `date_trunc('milliseconds', ${column})`;

/** Whether an instant lies in the period (`from` inclusive, `to` exclusive; null instants never do). */
function inPeriod(column: string, s: MonitoringScope): string {
  return `(${column} IS NOT NULL AND ($${s.from}::timestamptz IS NULL OR ${column} >= $${s.from}::timestamptz)
    AND ($${s.to}::timestamptz IS NULL OR ${column} < $${s.to}::timestamptz))`;
}

const DECIDED = `(t.summary->>'decidedAt')::timestamptz`;
const STARTED = `(t.summary->>'startedAt')::timestamptz`;
const FIRST_SUBMITTED = `(t.summary->>'firstSubmittedAt')::timestamptz`;
const TARIFF = `CASE WHEN jsonb_typeof(t.summary->'tariffCents') = 'number' THEN (t.summary->>'tariffCents')::numeric END`;
const ATTAINMENT = `CASE WHEN jsonb_typeof(t.summary->'outcome'->'goalAttainment') = 'number'
  THEN (t.summary->'outcome'->>'goalAttainment')::float8 END`;
const SATISFACTION = `CASE WHEN jsonb_typeof(t.summary->'outcome') = 'object'
  THEN COALESCE(t.summary->'outcome'->>'clientSatisfaction', 'NOT_ASKED') END`;
/** An escalation past its deadline: flagged so, or still waiting after it. */
const ESCALATION_OVERDUE = `(e.overdue OR (e.status IN ('OPEN', 'PROVISIONAL') AND e.deadline_at < now()))`;
/** The overall row first, then providers in JavaScript's string order with "no provider" last (groupBy). */
const BY_PROVIDER = `overall DESC, provider_id COLLATE "C" NULLS LAST`;
