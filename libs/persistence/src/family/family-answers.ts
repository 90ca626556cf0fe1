import type { DataSource } from 'typeorm';

/**
 * The audit rows the satisfaction questions follow (libs/domain satisfaction-occasions.ts decides which ask):
 * evaluations and the closure, with whether care had started. Columns over `audit_event a JOIN trajectory t`.
 */
export const SATISFACTION_EVENT_COLUMNS = `a.trajectory_id, a.type, a.at,
  a.details->>'evaluationNumber' AS evaluation_number, a.details->>'type' AS evaluation_type,
  a.details->>'outcome' AS outcome,
  (t.summary->>'startedAt') IS NOT NULL AS care_started`;
export const SATISFACTION_EVENT_TYPES = `a.stream = 'trajectory' AND a.type IN ('EVALUATION_RECORDED', 'TRAJECTORY_CLOSED')`;

/**
 * The domain's rule of when the family is asked (satisfactionOccasions in libs/domain satisfaction-occasions.ts),
 * as SQL for the monitoring's aggregates: every evaluation except the final one or one that ends care (the
 * closure asks then), and the closure of a trajectory whose care started; each open for 90 days (in hours, as the
 * rule adds milliseconds). Rows `(trajectory_id, occasion, at, open_until)`; a test holds the two to the same
 * answers (test/monitoring-sql.test.ts).
 */
export const SATISFACTION_OCCASION_ROWS = `
  SELECT a.trajectory_id, 'evaluation-' || (a.details->>'evaluationNumber') AS occasion,
         date_trunc('milliseconds', a.at) AS at, date_trunc('milliseconds', a.at) + interval '2160 hours' AS open_until
    FROM audit_event a
   WHERE a.stream = 'trajectory' AND a.type = 'EVALUATION_RECORDED'
     AND COALESCE(a.details->>'type', 'PERIODIC') <> 'FINAL'
     AND (a.details->>'outcome') IS DISTINCT FROM 'TERMINATE'
  UNION ALL
  SELECT a.trajectory_id, 'closure', date_trunc('milliseconds', a.at),
         date_trunc('milliseconds', a.at) + interval '2160 hours'
    FROM audit_event a JOIN trajectory c ON c.trajectory_id = a.trajectory_id
   WHERE a.stream = 'trajectory' AND a.type = 'TRAJECTORY_CLOSED' AND (c.summary->>'startedAt') IS NOT NULL`;

export interface SatisfactionEventRow {
  trajectory_id: string;
  type: string;
  at: Date | string;
  evaluation_number: string | null;
  evaluation_type: string | null;
  outcome: string | null;
  care_started: boolean;
}

export interface StoredAnswer {
  occasion: string;
  resultId: string;
  answer: string;
  answeredAt: string;
}

/** RECORDED: written now; ALREADY_ANSWERED: the occasion had answers (the caller compares them). */
export type RecordAnswersOutcome = 'RECORDED' | 'ALREADY_ANSWERED';

/**
 * The family's satisfaction answers (K-O3, issue 18) in PostgreSQL, and the audit rows their questions follow:
 * nothing here depends on the workflow still running, so the closure's question is answered after it ended.
 */
export class FamilyAnswers {
  constructor(private readonly db: DataSource) {}

  events(trajectoryId: string): Promise<SatisfactionEventRow[]> {
    return this.db.query(
      `SELECT ${SATISFACTION_EVENT_COLUMNS} FROM audit_event a JOIN trajectory t ON t.trajectory_id = a.trajectory_id
        WHERE a.trajectory_id = $1 AND ${SATISFACTION_EVENT_TYPES} ORDER BY a.seq`,
      [trajectoryId],
    );
  }

  async answers(trajectoryId: string): Promise<StoredAnswer[]> {
    const rows: { occasion: string; result_id: string; answer: string; answered_at: Date }[] =
      await this.db.query(
        `SELECT occasion, result_id, answer, answered_at FROM family_answer WHERE trajectory_id = $1
        ORDER BY result_id`,
        [trajectoryId],
      );
    return rows.map((r) => ({
      occasion: r.occasion,
      resultId: r.result_id,
      answer: r.answer,
      answeredAt: new Date(r.answered_at).toISOString(),
    }));
  }

  /** Records the answers of one occasion in one transaction, unless it has answers already (they are final). */
  record(
    trajectoryId: string,
    occasion: string,
    answers: readonly { resultId: string; answer: string }[],
    answeredBy: string,
  ): Promise<RecordAnswersOutcome> {
    return this.db.transaction(async (tx) => {
      // One writer per trajectory and occasion: a double click cannot leave half of two answer sets.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('family_answer'), hashtext($1))`, [
        `${trajectoryId}/${occasion}`,
      ]);
      const existing: unknown[] = await tx.query(
        `SELECT 1 FROM family_answer WHERE trajectory_id = $1 AND occasion = $2 LIMIT 1`,
        [trajectoryId, occasion],
      );
      if (existing.length > 0) return 'ALREADY_ANSWERED';
      for (const a of answers) {
        await tx.query(
          `INSERT INTO family_answer (trajectory_id, occasion, result_id, answer, answered_by)
           VALUES ($1, $2, $3, $4, $5)`,
          [trajectoryId, occasion, a.resultId, a.answer, answeredBy],
        );
      }
      return 'RECORDED';
    });
  }
}
