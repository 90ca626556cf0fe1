import type { DataSource } from 'typeorm';

/**
 * A small hand-made region for the steering figures (issue 19), written straight into the read model and the
 * ledger of one municipality no other test uses:
 *
 *   T1 client c1, P1, opened 5 Jan, open.   Decision v1 from 10 Jan, WF-J-B-OPV-M (MIDDEN), €3,900 per trajectory.
 *   T2 client c1, P2, opened 1 Feb, open.   Decision v1 from 3 Feb, WF-J-B-OPV-L (LICHT), €9,000 per month.
 *   T3 client c2, P1, opened 7 Jan, closed 15 Feb.  v1 €5,000 then v2 (price correction) €4,500, OPV-Z (ZWAAR).
 *   T4 client c3, P2, opened 20 Jan, closed 10 Mar (dropout). Decision from 1 Mar only, never in force at a
 *      month's end; its final tranche was cancelled.
 *   T3 was decided on 8 Jan and its care started 10 Jan; T2 went to the table on 5 Feb as a segment B/C gap case;
 *   T4's provider P2 refused the resident on 25 Jan (a CLIENT_REFUSED escalation).
 *   Evaluations: T1's recorded on 10 Feb (in time); T2's went overdue on 5 Mar and was recorded on 12 Mar (late).
 *   T4 was exempted from a plan on 21 Jan. T2 is high complexity, scaled down on 20 Mar, up on 25 Mar, and
 *   changed laterally on 26 Mar.
 *   Payments: T1 initial €1,950 due 15 Jan; T3 initial €2,500 due 20 Jan and final €2,000 due 15 Feb; T2 period 1
 *   €9,000 due 28 Feb and period 2 €9,000 due 31 Mar, withheld; T4 final €1,000 due 10 Mar, cancelled.
 */
export async function seedSteeringRegion(db: DataSource, code: string): Promise<(n: number) => string> {
  const id = (n: number) => `trajectory-${code}-T${n}`;
  // The municipality belongs to West-Friesland (K-F1 sets payments against a region's cost reports), and the
  // two providers are in the register (a cost report names one).
  await db.query(
    `INSERT INTO region_municipality (municipality_code, region_id, name) VALUES ($1, 'WEST-FRIESLAND', $2)`,
    [code, `Testgemeente ${code}`],
  );
  for (const provider of ['P1', 'P2']) {
    await db.query(`INSERT INTO provider (provider_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      provider,
      `Provider ${provider} (test)`,
    ]);
  }
  const trajectory = (n: number, client: string, provider: string, created: string, closed?: string) =>
    db.query(
      `INSERT INTO trajectory (trajectory_id, seq, municipality_code, case_reference, client_id, status, domain,
         segment, complexity, provider_id, created_at, updated_at, closed_at, closure_reason)
       VALUES ($1, 1, $2, $3, $4, $5, 'JEUGD', 'B', 'LOW', $6, $7, $7, $8, $9)`,
      [
        id(n),
        code,
        `T${n}`,
        client,
        closed ? 'CLOSED' : 'ACTIVE',
        provider,
        created,
        closed ?? null,
        closed ? 'COMPLETED_PER_PLAN' : null,
      ],
    );
  const decision = (
    n: number,
    version: number,
    arrangement: string,
    tariff: number,
    basis: string,
    from: string,
    to: string | null,
    provider: string,
  ) =>
    db.query(
      `INSERT INTO care_decision (trajectory_id, version, decision_number, cause, decision_date, valid_from,
         valid_to, arrangement_code, tariff_cents, pricing_basis, payment_policy, total_budget_cents, provider_id,
         municipality_code)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, '{}'::jsonb, $8, $10, $11)`,
      [
        id(n),
        version,
        `${id(n)}-d${version}`,
        version === 1 ? 'PLAN_APPROVAL' : 'PRICE_CORRECTION',
        from,
        to,
        arrangement,
        tariff,
        basis,
        provider,
        code,
      ],
    );
  // The ledger's own rules hold here too: an instruction starts SCHEDULED (or CANCELLED) and moves on by update.
  const payment = async (
    n: number,
    kind: string,
    amount: number,
    due: string,
    status: string,
    provider: string,
    period?: number,
  ) => {
    const key = `${id(n)}:${kind}:${period ?? 0}`;
    const cancelled = status === 'CANCELLED';
    await db.query(
      `INSERT INTO payment_instruction (idempotency_key, trajectory_id, municipality_code, provider_id,
         tranche_kind, amount_cents, basis, decision_version, period, due_date, status, status_reason)
       VALUES ($1, $2, $3, $4, $5, $6, 'test', 1, $7, $8, $9, $10)`,
      [
        key,
        id(n),
        code,
        provider,
        kind,
        amount,
        period ?? null,
        due,
        cancelled ? 'CANCELLED' : 'SCHEDULED',
        cancelled ? 'test reason' : null,
      ],
    );
    if (status !== 'SCHEDULED' && !cancelled) {
      await db.query(
        `UPDATE payment_instruction SET status = $2, status_reason = $3 WHERE idempotency_key = $1`,
        [key, status, status === 'WITHHELD' ? 'test reason' : null],
      );
    }
  };
  await trajectory(1, 'c1', 'P1', '2026-01-05T09:00:00Z');
  await trajectory(2, 'c1', 'P2', '2026-02-01T09:00:00Z');
  await trajectory(3, 'c2', 'P1', '2026-01-07T09:00:00Z', '2026-02-15T09:00:00Z');
  // T3 was decided on 8 Jan and its care started on 10 Jan (K-Q2, K-Q4, K-P5); T2 went to the table as a segment
  // B/C gap case on 5 Feb (K-Q8).
  await db.query(
    `UPDATE trajectory
        SET summary = '{"decidedAt": "2026-01-08T09:00:00.000Z", "startedAt": "2026-01-10T09:00:00.000Z"}'
      WHERE trajectory_id = $1`,
    [id(3)],
  );
  await trajectory(4, 'c3', 'P2', '2026-01-20T09:00:00Z', '2026-03-10T09:00:00Z');
  await db.query(
    `INSERT INTO escalation (escalation_id, trajectory_id, seq, municipality_code, provider_id, trigger, context,
       status, raised_by_role, raised_at, deadline_at, reminder_at, updated_at)
     VALUES ($1, $2, 1, $3, 'P2', 'SEGMENT_GAP', 'PLAN', 'OPEN', 'LOCAL_TEAM', '2026-02-05T09:00:00Z',
       '2026-02-19T09:00:00Z', '2026-02-17T09:00:00Z', '2026-02-05T09:00:00Z')`,
    [`${id(2)}-esc-1`, id(2), code],
  );
  // P2 refused T4's resident (K-Q5).
  await db.query(
    `INSERT INTO escalation (escalation_id, trajectory_id, seq, municipality_code, provider_id, trigger, context,
       status, raised_by_role, raised_at, deadline_at, reminder_at, updated_at)
     VALUES ($1, $2, 1, $3, 'P2', 'CLIENT_REFUSED', 'PLAN', 'OPEN', 'LOCAL_TEAM', '2026-01-25T09:00:00Z',
       '2026-02-08T09:00:00Z', '2026-02-06T09:00:00Z', '2026-01-25T09:00:00Z')`,
    [`${id(4)}-esc-1`, id(4), code],
  );
  // Evaluations (K-C1): T1's in time; T2's overdue first, then recorded.
  const audit = (n: number, seq: number, type: string, at: string) =>
    db.query(
      `INSERT INTO audit_event (trajectory_id, seq, type, actor_role, actor_ref, at) VALUES ($1, $2, $3, 'SYSTEM', 'test', $4)`,
      [id(n), seq, type, at],
    );
  await audit(1, 1, 'EVALUATION_RECORDED', '2026-02-10T09:00:00Z');
  await audit(2, 1, 'EVALUATION_OVERDUE', '2026-03-05T09:00:00Z');
  await audit(2, 2, 'EVALUATION_RECORDED', '2026-03-12T09:00:00Z');
  // T4 was exempted from a plan on 21 Jan (K-P8). T2 is high complexity; the local team scaled it down on 20 Mar
  // and up on 25 Mar, and a lateral change on 26 Mar is neither (K-Q3).
  await audit(4, 1, 'PLAN_EXEMPTION_RECORDED', '2026-01-21T09:00:00Z');
  await db.query(`UPDATE trajectory SET complexity = 'HIGH' WHERE trajectory_id = $1`, [id(2)]);
  const scaled = (seq: number, direction: string, at: string) =>
    db.query(
      `INSERT INTO audit_event (trajectory_id, seq, type, actor_role, actor_ref, at, details)
       VALUES ($1, $2, 'ARRANGEMENT_CHANGE_APPROVED', 'LOCAL_TEAM', 'test', $3, $4)`,
      [id(2), seq, at, JSON.stringify({ direction })],
    );
  await scaled(3, 'DOWN', '2026-03-20T09:00:00Z');
  await scaled(4, 'UP', '2026-03-25T09:00:00Z');
  await scaled(5, 'LATERAL', '2026-03-26T09:00:00Z');
  await decision(1, 1, 'WF-J-B-OPV-M', 390_000, 'PER_TRAJECTORY', '2026-01-10', '2026-12-31', 'P1');
  await decision(2, 1, 'WF-J-B-OPV-L', 900_000, 'PER_MONTH', '2026-02-03', null, 'P2');
  await decision(3, 1, 'WF-J-B-OPV-Z', 500_000, 'PER_TRAJECTORY', '2026-01-08', '2026-06-30', 'P1');
  await decision(3, 2, 'WF-J-B-OPV-Z', 450_000, 'PER_TRAJECTORY', '2026-01-08', '2026-06-30', 'P1');
  await decision(4, 1, 'WF-J-B-OPV-L', 100_000, 'PER_TRAJECTORY', '2026-03-01', null, 'P2');
  await payment(1, 'INITIAL', 195_000, '2026-01-15', 'RELEASED', 'P1');
  await payment(3, 'INITIAL', 250_000, '2026-01-20', 'RELEASED', 'P1');
  await payment(3, 'FINAL', 200_000, '2026-02-15', 'RELEASED', 'P1');
  await payment(2, 'PERIOD', 900_000, '2026-02-28', 'RELEASED', 'P2', 1);
  await payment(2, 'PERIOD', 900_000, '2026-03-31', 'WITHHELD', 'P2', 2);
  await payment(4, 'FINAL', 100_000, '2026-03-10', 'CANCELLED', 'P2');
  return id;
}
