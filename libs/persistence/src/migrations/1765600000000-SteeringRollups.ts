import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: the steering figures read monthly rollups instead of aggregating every decision, payment and
 * trajectory of a region per request. The API refreshes them (apps/api/src/monitoring/steering/
 * steering-rollups.ts) in one transaction on a schedule, so a dashboard reads a few thousand rows.
 *
 * Every table carries the columns the caller's scope and filters select on, named as on `trajectory` (the
 * trajectory's municipality, lead provider and domain), so one tenant condition serves both.
 *
 * UNLOGGED: each refresh rewrites them whole, and they can always be computed again — no WAL for a copy that a
 * crash may empty. A crash empties `steering_refresh` as well, so the next read finds no refresh and makes one.
 */
export class SteeringRollups1765600000000 implements MigrationInterface {
  name = 'SteeringRollups1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    // K-F5 and K-F3: the care decisions in force at each month's reference day.
    await q.query(`
      CREATE UNLOGGED TABLE steering_stock (
        month date NOT NULL,
        municipality_code text NOT NULL,
        provider_id text,
        domain text NOT NULL,
        decision_provider_id text,
        arrangement_code text NOT NULL,
        intensity_code text NOT NULL,
        decisions integer NOT NULL,
        tariff_cents bigint NOT NULL
      )`);
    // K-F4: the decisions in force of the clients whose decisions together exceed the stacking threshold at all.
    await q.query(`
      CREATE UNLOGGED TABLE steering_stacked (
        month date NOT NULL,
        municipality_code text NOT NULL,
        client_id text NOT NULL,
        provider_id text,
        domain text NOT NULL,
        trajectory_id text NOT NULL,
        yearly_cents bigint NOT NULL
      )`);
    // K-Q7: the clients with a decision in force at each month's reference day, and their decisions' yearly value,
    // as a cube over lead provider and domain ('*' = any) for the same reason as steering_payment.
    await q.query(`
      CREATE UNLOGGED TABLE steering_active (
        month date NOT NULL,
        municipality_code text NOT NULL,
        provider_id text NOT NULL,
        domain text NOT NULL,
        clients integer NOT NULL,
        yearly_cents bigint NOT NULL
      )`);
    // K-Q6: the access's first choice of arrangement per month, municipality and profile (segment, complexity).
    await q.query(`
      CREATE UNLOGGED TABLE steering_choice (
        month date NOT NULL,
        municipality_code text NOT NULL,
        provider_id text,
        domain text NOT NULL,
        segment text NOT NULL,
        complexity text NOT NULL,
        arrangement_code text NOT NULL,
        decisions integer NOT NULL
      )`);
    // K-F2, K-F6, K-F1: the ledger per month, as a cube over lead provider, domain and payee ('*' = any), so a
    // scope's distinct clients add up over municipalities (a client id is unique within its municipality only).
    await q.query(`
      CREATE UNLOGGED TABLE steering_payment (
        span text NOT NULL CHECK (span IN ('MONTH', 'YEAR')),
        month date NOT NULL,
        municipality_code text NOT NULL,
        provider_id text NOT NULL,
        domain text NOT NULL,
        payee_id text NOT NULL,
        clients integer NOT NULL,
        paid_cents bigint NOT NULL,
        released_cents bigint NOT NULL,
        released integer NOT NULL,
        periods integer NOT NULL
      )`);
    // The trajectories' flows per month (sums: `value` and `of` add up); K-Q2's rows per segment too.
    await q.query(`
      CREATE UNLOGGED TABLE steering_flow (
        indicator text NOT NULL,
        month date NOT NULL,
        municipality_code text NOT NULL,
        provider_id text,
        domain text NOT NULL,
        segment text,
        value bigint NOT NULL,
        "of" bigint
      )`);
    await q.query(`
      CREATE UNLOGGED TABLE steering_refresh (
        id smallint PRIMARY KEY CHECK (id = 1),
        refreshed_at timestamptz NOT NULL,
        stacked_threshold_cents bigint NOT NULL,
        took_ms integer NOT NULL
      )`);
    await q.query(`CREATE INDEX steering_stock_month ON steering_stock (month)`);
    await q.query(`CREATE INDEX steering_stacked_month ON steering_stacked (month)`);
    await q.query(`CREATE INDEX steering_payment_month ON steering_payment (month)`);
    await q.query(`CREATE INDEX steering_flow_month ON steering_flow (month)`);
    await q.query(`CREATE INDEX steering_active_month ON steering_active (month)`);
    await q.query(`CREATE INDEX steering_choice_month ON steering_choice (month)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'steering_refresh',
      'steering_flow',
      'steering_payment',
      'steering_choice',
      'steering_active',
      'steering_stacked',
      'steering_stock',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
