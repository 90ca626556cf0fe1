import { DataSource } from 'typeorm';
import type { BookkeepingInput } from '../libs/contracts/src';

/**
 * Writes the audit records and the read-model row of one transition in one transaction.
 * Idempotent: audit rows are keyed by (trajectory, seq) and the row only moves forward, so a retry,
 * a replay after a worker crash or a duplicate call changes nothing.
 */
export function createBookkeepingActivities(dataSource: DataSource) {
  return {
    async recordTransition(input: BookkeepingInput): Promise<void> {
      await dataSource.transaction(async (tx) => {
        for (const a of input.audit) {
          await tx.query(
            `INSERT INTO audit_event
               (trajectory_id, seq, type, actor_role, actor_ref, at, plan_version, decision_version, details)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (trajectory_id, seq) DO NOTHING`,
            [
              a.trajectoryId,
              a.seq,
              a.type,
              a.actorRole,
              a.actorRef,
              a.at,
              a.planVersion ?? null,
              a.decisionVersion ?? null,
              JSON.stringify(a.details),
            ],
          );
        }
        const r = input.row;
        await tx.query(
          `INSERT INTO trajectory
             (trajectory_id, seq, municipality_code, case_reference, client_id, status, domain, segment, complexity,
              provider_id, escalated, evaluation_overdue, approval_deadline, next_evaluation_at,
              created_at, updated_at, closed_at, closure_reason, summary)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)
           ON CONFLICT (trajectory_id) DO UPDATE SET
             seq = EXCLUDED.seq, status = EXCLUDED.status, segment = EXCLUDED.segment,
             complexity = EXCLUDED.complexity, provider_id = EXCLUDED.provider_id,
             escalated = EXCLUDED.escalated, evaluation_overdue = EXCLUDED.evaluation_overdue,
             approval_deadline = EXCLUDED.approval_deadline, next_evaluation_at = EXCLUDED.next_evaluation_at,
             updated_at = EXCLUDED.updated_at, closed_at = EXCLUDED.closed_at,
             closure_reason = EXCLUDED.closure_reason, summary = EXCLUDED.summary
           WHERE trajectory.seq < EXCLUDED.seq`,
          [
            r.trajectoryId,
            r.seq,
            r.municipalityCode,
            r.caseReference,
            r.clientId,
            r.status,
            r.domain,
            r.segment,
            r.complexity,
            r.providerId,
            r.escalated,
            r.evaluationOverdue,
            r.approvalDeadline,
            r.nextEvaluationAt,
            r.createdAt,
            r.updatedAt,
            r.closedAt,
            r.closureReason,
            JSON.stringify(r.summary),
          ],
        );
      });
    },
  };
}

export type BookkeepingActivities = ReturnType<typeof createBookkeepingActivities>;
