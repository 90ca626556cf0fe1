import { DataSource } from 'typeorm';
import { yearlyValueSql } from '@app/domain';

/** Any fixed number; the one lock under which the rollups are rewritten (one refresh at a time, any replica). */
const REFRESH_LOCK = 19_0001;

/** For the refresh's sorts and hashes over a whole region (PostgreSQL's default 4 MB spills to disk). */
const REFRESH_WORK_MEM = '128MB';

export interface RollupState {
  refreshedAt: Date;
  stackedThresholdCents: number;
  tookMs: number;
}

/** Today in the Dutch calendar, as SQL: the running month's stock is taken today, not at its last day. */
const TODAY = `(now() AT TIME ZONE 'Europe/Amsterdam')::date`;

/** The instants the read model's summary keeps of the start of care and the first decision. */
const STARTED = `(t.summary->>'startedAt')::timestamptz`;
const DECIDED = `(t.summary->>'decidedAt')::timestamptz`;

/** The calendar month (Europe/Amsterdam) of an instant, as SQL. */
const monthOf = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/Amsterdam')::date`;

/**
 * K-F5, K-F3 (steering_stock), K-F4 (steering_stacked) and K-Q7 (steering_active) in one pass over the care
 * decisions. Every decision
 * version counts on the days it is the one in force: from its start until it ends or a higher version starts
 * (a price correction, a renewal), whichever is first; a price correction starting the same day leaves its
 * predecessor no day at all. A month's stock is taken at its last day (today for the running month), and a
 * trajectory closed by the next month's start is in force no more. K-F4 keeps only the clients whose decisions
 * together exceed the threshold at all (every month's sum is a part of that), so a request's HAVING over a
 * scope finds exactly the clients above it. (PostgreSQL runs a data-modifying WITH to completion whether or not
 * the main statement reads it.)
 */
export const STOCKS = `
  WITH months AS (
    SELECT m::date AS month,
           LEAST((m + interval '1 month' - interval '1 day')::date, ${TODAY}) AS ref,
           ((m + interval '1 month')::timestamp AT TIME ZONE 'Europe/Amsterdam') AS next_start
      FROM generate_series((SELECT date_trunc('month', MIN(valid_from)) FROM care_decision),
                           date_trunc('month', ${TODAY}), interval '1 month') m),
  decisions AS MATERIALIZED (
    SELECT * FROM (
      SELECT d.trajectory_id, d.provider_id AS decision_provider_id, d.tariff_cents, d.arrangement_code,
             t.client_id, t.municipality_code, t.provider_id, t.domain, t.closed_at, d.valid_from,
             ${yearlyValueSql('d')} AS yearly,
             LEAST(COALESCE(d.valid_to, 'infinity'::date),
                   COALESCE(MIN(d.valid_from) OVER (PARTITION BY d.trajectory_id ORDER BY d.version DESC
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - 1, 'infinity'::date)) AS valid_until
        FROM care_decision d JOIN trajectory t ON t.trajectory_id = d.trajectory_id) v
     WHERE valid_until >= valid_from),
  in_force AS MATERIALIZED (
    SELECT m.month, e.* FROM months m JOIN decisions e
        ON e.valid_from <= m.ref AND e.valid_until >= m.ref
       AND (e.closed_at IS NULL OR e.closed_at >= m.next_start)),
  intensity AS (SELECT DISTINCT ON (code) code, intensity_code FROM arrangement ORDER BY code, valid_from DESC),
  candidates AS (SELECT municipality_code, client_id FROM decisions GROUP BY 1, 2 HAVING SUM(yearly) > $1),
  active AS (
    INSERT INTO steering_active (month, municipality_code, provider_id, domain, clients, yearly_cents)
    SELECT month, municipality_code,
           CASE WHEN GROUPING(provider_id) = 1 THEN '*' ELSE provider_id END,
           CASE WHEN GROUPING(domain) = 1 THEN '*' ELSE domain END,
           COUNT(DISTINCT client_id), SUM(yearly)
      FROM (SELECT month, municipality_code, COALESCE(provider_id, '-') AS provider_id, domain, client_id, yearly
              FROM in_force) f
     GROUP BY month, municipality_code, CUBE (provider_id, domain)),
  stock AS (
    INSERT INTO steering_stock (month, municipality_code, provider_id, domain, decision_provider_id,
                                arrangement_code, intensity_code, decisions, tariff_cents)
    SELECT f.month, f.municipality_code, f.provider_id, f.domain, f.decision_provider_id, f.arrangement_code,
           COALESCE(i.intensity_code, '?'), COUNT(*), SUM(f.tariff_cents)
      FROM in_force f LEFT JOIN intensity i ON i.code = f.arrangement_code
     GROUP BY 1, 2, 3, 4, 5, 6, 7)
  INSERT INTO steering_stacked (month, municipality_code, client_id, provider_id, domain, trajectory_id, yearly_cents)
  SELECT f.month, f.municipality_code, f.client_id, f.provider_id, f.domain, f.trajectory_id, f.yearly
    FROM in_force f
   WHERE (f.municipality_code, f.client_id) IN (SELECT municipality_code, client_id FROM candidates)`;

/**
 * K-F2, K-F6 and K-F1 from the ledger, per month of the due date — and per year, since a client paid in several
 * months of a year counts once in that year's K-F2 — first per client (so a client counts once),
 * then as a cube over lead provider, domain and payee where '*' stands for any. A scope picks the '*' rows of the
 * dimensions it does not fix, and sums over municipalities: client ids are unique within a municipality, so
 * distinct clients add up over municipalities and only there.
 */
const paymentCube = (span: 'MONTH' | 'YEAR') => `
  INSERT INTO steering_payment
    (span, month, municipality_code, provider_id, domain, payee_id, clients, paid_cents, released_cents, released, periods)
  SELECT '${span}', ${span === 'MONTH' ? 'month' : `date_trunc('year', month)::date`}, municipality_code,
         CASE WHEN GROUPING(provider_id) = 1 THEN '*' ELSE provider_id END,
         CASE WHEN GROUPING(domain) = 1 THEN '*' ELSE domain END,
         CASE WHEN GROUPING(payee_id) = 1 THEN '*' ELSE payee_id END,
         COUNT(DISTINCT client_id) FILTER (WHERE paid IS NOT NULL),
         COALESCE(SUM(paid), 0), COALESCE(SUM(released), 0), SUM(released_n), SUM(periods)
    FROM per_client
   GROUP BY 2, municipality_code, CUBE (provider_id, domain, payee_id)`;

/** One pass over the ledger: the per-client months, then both cubes from them (a year's clients counted once). */
export const PAYMENTS = `
  WITH per_client AS MATERIALIZED (
    SELECT date_trunc('month', p.due_date)::date AS month, t.municipality_code,
           COALESCE(t.provider_id, '-') AS provider_id, t.domain, p.provider_id AS payee_id, t.client_id,
           SUM(p.amount_cents) FILTER (WHERE p.status NOT IN ('CANCELLED', 'WITHHELD')) AS paid,
           SUM(p.amount_cents) FILTER (WHERE p.status IN ('RELEASED', 'EXPORTED', 'CONFIRMED')) AS released,
           COUNT(*) FILTER (WHERE p.status IN ('RELEASED', 'EXPORTED', 'CONFIRMED')) AS released_n,
           COUNT(*) FILTER (WHERE p.tranche_kind = 'PERIOD' AND p.status NOT IN ('CANCELLED', 'WITHHELD')) AS periods
      FROM payment_instruction p JOIN trajectory t ON t.trajectory_id = p.trajectory_id
     GROUP BY 1, 2, 3, 4, 5, 6),
  monthly AS (${paymentCube('MONTH')})
  ${paymentCube('YEAR')}`;

/**
 * K-Q6: what the access chose first for each trajectory — the arrangement of its first care decision — per month
 * of that decision, municipality (the local team) and profile (domain, segment, complexity): the same profile
 * should lead to much the same choices wherever the resident lives ([001:L450], [002:L106]).
 */
export const CHOICES = `
  INSERT INTO steering_choice
    (month, municipality_code, provider_id, domain, segment, complexity, arrangement_code, decisions)
  SELECT date_trunc('month', d.valid_from)::date, t.municipality_code, t.provider_id, t.domain,
         COALESCE(t.segment, '?'), COALESCE(t.complexity, '?'), d.arrangement_code, COUNT(*)
    FROM care_decision d JOIN trajectory t ON t.trajectory_id = d.trajectory_id
   WHERE d.version = 1
   GROUP BY 1, 2, 3, 4, 5, 6, 7`;

/**
 * K-Q1 (opened, closed), K-F7 (closed with a final tranche, of which paid), K-Q8 (segment-gap escalations raised), K-Q5 (the provider refused
 * the resident: CLIENT_REFUSED escalations, charged to the provider that refused, against the trajectories
 * referred to it), K-Q4 (days from referral to
 * the start of care, in the month care started), K-P5 (days from the decision to the start) and K-C1 (evaluations
 * recorded before they went overdue, against every evaluation that fell due: recorded in time or overdue — a
 * repeated overdue notice of the same evaluation counts once), K-P8 (plan exemptions recorded) and K-Q3 (of the
 * high-complexity trajectories' approved scalings up or down, those down; and all scalings up or down, which the
 * report sets against the decisions in force for a rate per trajectory-year), per month. Sums: `value` and `of` add up.
 */
export const FLOWS = `
  INSERT INTO steering_flow (indicator, month, municipality_code, provider_id, domain, value, "of")
  SELECT 'K-Q1-IN', ${monthOf('t.created_at')}, t.municipality_code, t.provider_id, t.domain, COUNT(*), NULL::bigint
    FROM trajectory t GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-Q1-OUT', ${monthOf('t.closed_at')}, t.municipality_code, t.provider_id, t.domain, COUNT(*), NULL::bigint
    FROM trajectory t WHERE t.closed_at IS NOT NULL GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-F7', ${monthOf('t.closed_at')}, t.municipality_code, t.provider_id, t.domain,
         COUNT(*) FILTER (WHERE f.paid), COUNT(*)
    FROM trajectory t
    JOIN (SELECT trajectory_id, bool_or(status IN ('RELEASED', 'EXPORTED', 'CONFIRMED')) AS paid
            FROM payment_instruction WHERE tranche_kind = 'FINAL' GROUP BY trajectory_id) f
      ON f.trajectory_id = t.trajectory_id
   WHERE t.closed_at IS NOT NULL GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-Q8', ${monthOf('e.raised_at')}, t.municipality_code, t.provider_id, t.domain, COUNT(*), NULL::bigint
    FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id
   WHERE e.trigger = 'SEGMENT_GAP' GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-Q5', ${monthOf('e.raised_at')}, t.municipality_code, COALESCE(e.provider_id, t.provider_id), t.domain,
         COUNT(*), 0
    FROM escalation e JOIN trajectory t ON t.trajectory_id = e.trajectory_id
   WHERE e.trigger = 'CLIENT_REFUSED' GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-Q5', ${monthOf('t.created_at')}, t.municipality_code, t.provider_id, t.domain, 0, COUNT(*)
    FROM trajectory t WHERE t.provider_id IS NOT NULL GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-Q4', ${monthOf(STARTED)}, t.municipality_code, t.provider_id, t.domain,
         SUM((${STARTED} AT TIME ZONE 'Europe/Amsterdam')::date - (t.created_at AT TIME ZONE 'Europe/Amsterdam')::date),
         COUNT(*)
    FROM trajectory t WHERE t.summary->>'startedAt' IS NOT NULL GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-P5', ${monthOf(STARTED)}, t.municipality_code, t.provider_id, t.domain,
         SUM((${STARTED} AT TIME ZONE 'Europe/Amsterdam')::date - (${DECIDED} AT TIME ZONE 'Europe/Amsterdam')::date),
         COUNT(*)
    FROM trajectory t WHERE t.summary->>'startedAt' IS NOT NULL AND t.summary->>'decidedAt' IS NOT NULL
   GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-P8', ${monthOf('a.at')}, t.municipality_code, t.provider_id, t.domain, COUNT(*), NULL::bigint
    FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
   WHERE a.stream = 'trajectory' AND a.type = 'PLAN_EXEMPTION_RECORDED' GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-Q3', ${monthOf('a.at')}, t.municipality_code, t.provider_id, t.domain,
         COUNT(*) FILTER (WHERE a.details->>'direction' = 'DOWN'), COUNT(*)
    FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
   WHERE a.stream = 'trajectory' AND a.type = 'ARRANGEMENT_CHANGE_APPROVED' AND t.complexity = 'HIGH'
     AND a.details->>'direction' IN ('UP', 'DOWN')
   GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-Q3-Y', ${monthOf('a.at')}, t.municipality_code, t.provider_id, t.domain, COUNT(*), NULL::bigint
    FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
   WHERE a.stream = 'trajectory' AND a.type = 'ARRANGEMENT_CHANGE_APPROVED'
     AND a.details->>'direction' IN ('UP', 'DOWN')
   GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'K-C1', ${monthOf('a.at')}, t.municipality_code, t.provider_id, t.domain,
         COUNT(*) FILTER (WHERE a.type = 'EVALUATION_RECORDED' AND a.before IS DISTINCT FROM 'EVALUATION_OVERDUE'),
         COUNT(*) FILTER (WHERE a.before IS DISTINCT FROM 'EVALUATION_OVERDUE')
    FROM (SELECT trajectory_id, type, at, LAG(type) OVER (PARTITION BY trajectory_id ORDER BY seq) AS before
            FROM audit_event
           WHERE stream = 'trajectory' AND type IN ('EVALUATION_RECORDED', 'EVALUATION_OVERDUE')) a
    JOIN trajectory t ON t.trajectory_id = a.trajectory_id
   GROUP BY 2, 3, 4, 5`;

/**
 * K-Q2 (days from start to closure against the days the first decision granted), per month of the closure and
 * per segment as well, for the breakdown by domain and segment.
 */
export const DURATIONS = `
  INSERT INTO steering_flow (indicator, month, municipality_code, provider_id, domain, segment, value, "of")
  SELECT 'K-Q2', ${monthOf('t.closed_at')}, t.municipality_code, t.provider_id, t.domain, t.segment,
         SUM(t.closed_at::date - (t.summary->>'startedAt')::date), SUM(d.valid_to - d.valid_from)
    FROM trajectory t
    JOIN care_decision d ON d.trajectory_id = t.trajectory_id AND d.version = 1 AND d.valid_to IS NOT NULL
   WHERE t.closed_at IS NOT NULL AND t.summary->>'startedAt' IS NOT NULL GROUP BY 2, 3, 4, 5, 6`;

const ROLLUPS = [
  'steering_stock',
  'steering_stacked',
  'steering_active',
  'steering_choice',
  'steering_payment',
  'steering_flow',
];

function stateOf(row: Record<string, unknown> | undefined): RollupState | null {
  if (!row) return null;
  return {
    refreshedAt: row.refreshed_at as Date,
    stackedThresholdCents: Number(row.stacked_threshold_cents),
    tookMs: Number(row.took_ms),
  };
}

/** Whether rollups of this refresh answer for the threshold asked, at least as recent as `notBefore`. */
export function covers(
  state: RollupState,
  asked: { stackedThresholdCents: number; notBefore: Date },
): boolean {
  return (
    state.refreshedAt.getTime() >= asked.notBefore.getTime() &&
    state.stackedThresholdCents === asked.stackedThresholdCents
  );
}

export async function rollupState(db: DataSource): Promise<RollupState | null> {
  const rows = (await db.query(
    `SELECT refreshed_at, stacked_threshold_cents, took_ms FROM steering_refresh WHERE id = 1`,
  )) as Record<string, unknown>[];
  return stateOf(rows[0]);
}

/**
 * Rewrites the steering rollups from the read model and the ledger, unless a refresh at least as recent as
 * `notBefore` (and for the same stacking threshold) landed meanwhile. One snapshot (REPEATABLE READ) for all
 * four, so the figures of one refresh agree with each other; readers see the previous refresh until it
 * commits. `wait: false` gives up at once when another process is refreshing (the schedule's way);
 * `wait: true` queues behind it and then usually finds its work done (a reader's way).
 */
export async function refreshSteeringRollups(
  db: DataSource,
  options: { stackedThresholdCents: number; notBefore: Date; wait: boolean },
): Promise<RollupState | null> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    if (options.wait) {
      await runner.query(`SELECT pg_advisory_lock($1)`, [REFRESH_LOCK]);
    } else {
      const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [
        REFRESH_LOCK,
      ])) as { locked: boolean }[];
      if (!locked) return null;
    }
    try {
      await runner.startTransaction('REPEATABLE READ');
      try {
        const [current] = (await runner.query(
          `SELECT refreshed_at, stacked_threshold_cents, took_ms FROM steering_refresh WHERE id = 1`,
        )) as Record<string, unknown>[];
        const state = stateOf(current);
        if (state && covers(state, options)) {
          await runner.commitTransaction();
          return state;
        }
        const started = Date.now();
        await runner.query(`SET LOCAL work_mem = '${REFRESH_WORK_MEM}'`);
        for (const table of ROLLUPS) await runner.query(`DELETE FROM ${table}`);
        await runner.query(STOCKS, [options.stackedThresholdCents]);
        await runner.query(CHOICES);
        await runner.query(PAYMENTS);
        await runner.query(FLOWS);
        await runner.query(DURATIONS);
        const tookMs = Date.now() - started;
        // now() is the transaction's start: the instant of the snapshot the figures were taken from.
        const [row] = (await runner.query(
          `INSERT INTO steering_refresh (id, refreshed_at, stacked_threshold_cents, took_ms)
           VALUES (1, now(), $1, $2)
           ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at,
             stacked_threshold_cents = EXCLUDED.stacked_threshold_cents, took_ms = EXCLUDED.took_ms
           RETURNING refreshed_at, stacked_threshold_cents, took_ms`,
          [options.stackedThresholdCents, tookMs],
        )) as Record<string, unknown>[];
        await runner.commitTransaction();
        return stateOf(row);
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      }
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1)`, [REFRESH_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
