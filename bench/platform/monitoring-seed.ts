import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/persistence';

/** The municipalities of West-Friesland the seeded trajectories spread over (the demo catalogue's region). */
const MUNICIPALITIES = ['GM0405', 'GM0420', 'GM0498', 'GM0532', 'GM0385'];
/** Youth and Wmo arrangements of the demo catalogue, lightest first (their intensities differ). */
const ARRANGEMENTS = ['WF-J-B-OPV-L', 'WF-J-B-OPV-M', 'WF-J-B-OPV-Z', 'WF-W-B-ZRH-L', 'WF-W-B-ZRH-M'];
const PROVIDERS = 40;

/**
 * Fills the read model and the ledger straight through SQL up to `target` trajectories, so the steering figures
 * are timed on a region's worth of data without running 100,000 workflows: trajectories opened over the last
 * year at 5 municipalities and 40 providers (the first four leaning to the heavy intensities), a third closed,
 * clients with a second concurrent trajectory (some above the stacking threshold), a care decision each (a tenth
 * with a price correction), an initial payment each, a final one for the closed and twelve periods for the
 * month-priced. Seeded rows have no workflow behind them; the result file says how many are seeded.
 */
export async function seedMonitoring(
  databaseUrl: string,
  target: number,
): Promise<{ existing: number; seeded: number }> {
  const ds = await new DataSource(dataSourceOptions(databaseUrl, 1)).initialize();
  try {
    const [{ count }] = (await ds.query('SELECT count(*)::int AS count FROM trajectory')) as {
      count: number;
    }[];
    const missing = Math.max(0, target - count);
    if (missing === 0) return { existing: count, seeded: 0 };
    const [{ first }] = (await ds.query(
      `SELECT COALESCE(MAX(substring(trajectory_id FROM '-MON-([0-9]+)$')::int), 0) + 1 AS first FROM trajectory`,
    )) as { first: number }[];
    const params = [first, first + missing - 1, MUNICIPALITIES, ARRANGEMENTS, PROVIDERS];
    // g: the seeded number; its municipality, provider, client and dates follow from it.
    const series = `generate_series($1::int, $2::int) AS g`;
    const municipality = `($3::text[])[1 + g % 5]`;
    const provider = `'PRV-MON-' || lpad((g % $5)::text, 2, '0')`;
    // Providers 0-3 take the heavy arrangements; the others spread over all five.
    const arrangement = `($4::text[])[CASE WHEN g % $5 < 4 THEN 3 + (g / $5) % 3 ELSE 1 + (g / 7) % 5 END]`;
    await ds.query(
      `INSERT INTO trajectory
         (trajectory_id, seq, municipality_code, case_reference, client_id, status, domain, segment, complexity,
          provider_id, created_at, updated_at, closed_at, closure_reason, arrangement_code, summary)
       SELECT 'trajectory-' || ${municipality} || '-MON-' || g, 1, ${municipality}, 'MON-' || g,
              -- Two trajectories in ten share a client with the trajectory before them.
              'c-mon-' || CASE WHEN g % 10 IN (1, 2) THEN g - 1 ELSE g END,
              CASE WHEN g % 3 = 0 THEN 'CLOSED' ELSE 'ACTIVE' END,
              CASE WHEN ${arrangement} LIKE 'WF-J-%' THEN 'JEUGD' ELSE 'WMO' END, 'B', 'LOW', ${provider},
              now() - (g % 365) * interval '1 day', now(),
              CASE WHEN g % 3 = 0 AND g % 365 > 120 THEN now() - (g % 365 - 120) * interval '1 day' END,
              CASE WHEN g % 3 = 0 AND g % 365 > 120 THEN (CASE WHEN g % 12 = 0 THEN 'EARLY_DROPOUT' ELSE 'COMPLETED_PER_PLAN' END) END,
              ${arrangement}, '{}'::jsonb
         FROM ${series}`,
      params,
    );
    await ds.query(
      `INSERT INTO care_decision
         (trajectory_id, version, decision_number, cause, decision_date, valid_from, valid_to, arrangement_code,
          tariff_cents, pricing_basis, payment_policy, total_budget_cents, provider_id, municipality_code)
       SELECT t.trajectory_id, v, t.trajectory_id || '-d' || v, CASE v WHEN 1 THEN 'PLAN_APPROVAL' ELSE 'PRICE_CORRECTION' END,
              (t.created_at + interval '10 days')::date, (t.created_at + interval '10 days')::date,
              (t.created_at + interval '375 days')::date, t.arrangement_code,
              CASE WHEN g % 7 = 0 THEN 150000 + (g % 6) * 150000 ELSE 250000 + (g % 9) * 100000 END - (v - 1) * 10000,
              CASE WHEN g % 7 = 0 THEN 'PER_MONTH' ELSE 'PER_TRAJECTORY' END, '{}'::jsonb,
              CASE WHEN g % 7 = 0 THEN 12 * (150000 + (g % 6) * 150000) ELSE 250000 + (g % 9) * 100000 END,
              t.provider_id, t.municipality_code
         FROM ${series}
         JOIN trajectory t ON t.trajectory_id = 'trajectory-' || ${municipality} || '-MON-' || g
         CROSS JOIN LATERAL generate_series(1, CASE WHEN g % 10 = 0 THEN 2 ELSE 1 END) AS v`,
      params.slice(0, 3),
    );
    await ds.query(
      `INSERT INTO payment_instruction
         (idempotency_key, trajectory_id, municipality_code, provider_id, tranche_kind, amount_cents, basis,
          decision_version, period, due_date, status)
       SELECT d.trajectory_id || ':' || k.kind || ':' || k.period, d.trajectory_id, d.municipality_code, d.provider_id,
              k.kind, k.amount, 'seeded', d.version, NULLIF(k.period, 0), k.due, 'SCHEDULED'
         FROM ${series}
         JOIN care_decision d ON d.trajectory_id = 'trajectory-' || ${municipality} || '-MON-' || g AND d.version = 1
         JOIN trajectory t ON t.trajectory_id = d.trajectory_id
         CROSS JOIN LATERAL (
           SELECT 'INITIAL' AS kind, 0 AS period, d.tariff_cents / 2 AS amount, d.valid_from AS due
            WHERE d.pricing_basis = 'PER_TRAJECTORY'
           UNION ALL
           SELECT 'FINAL', 0, d.tariff_cents / 2, t.closed_at::date
            WHERE d.pricing_basis = 'PER_TRAJECTORY' AND t.closed_at IS NOT NULL
           UNION ALL
           SELECT 'PERIOD', p, d.tariff_cents, (d.valid_from + p * interval '1 month')::date
             FROM generate_series(1, 12) AS p WHERE d.pricing_basis = 'PER_MONTH'
         ) k`,
      params.slice(0, 3),
    );
    // The ledger's rule: an instruction starts SCHEDULED and is released by an update (one payment_event each).
    await ds.query(
      `UPDATE payment_instruction SET status = 'RELEASED' WHERE status = 'SCHEDULED' AND basis = 'seeded' AND due_date <= now()`,
    );
    await ds.query('ANALYZE trajectory');
    await ds.query('ANALYZE care_decision');
    await ds.query('ANALYZE payment_instruction');
    return { existing: count, seeded: missing };
  } finally {
    await ds.destroy();
  }
}
