import { DataSource, EntityManager } from 'typeorm';
import type {
  AuditRecord,
  EscalationRow,
  NotificationRow,
  TrajectoryActivities,
  TrajectoryRow,
} from '@app/contracts';

export type BookkeepingActivities = Pick<TrajectoryActivities, 'recordTransition' | 'recordCaseTransition'>;

/**
 * Writes what one transition produced — audit records, the trajectory's read-model row, its escalations
 * for the docket and notifications — in one transaction. Idempotent: audit rows are keyed by
 * (trajectory, seq), rows only move forward by seq, notifications have deterministic ids; so a retry, a
 * replay after a worker crash or a duplicate call changes nothing.
 */
export function createBookkeepingActivities(dataSource: DataSource): BookkeepingActivities {
  return {
    async recordTransition(input) {
      await dataSource.transaction(async (tx) => {
        for (const a of input.audit) await insertAudit(tx, a);
        await upsertTrajectory(tx, input.row);
        for (const e of input.escalations) await upsertEscalation(tx, e);
        for (const n of input.notifications) await insertNotification(tx, n);
      });
    },

    /** The table case's own facts: its audit stream, notifications, chair, reminder and overdue flag. */
    async recordCaseTransition(input) {
      await dataSource.transaction(async (tx) => {
        for (const a of input.audit) await insertAudit(tx, a);
        for (const n of input.notifications) await insertNotification(tx, n);
        const e = input.escalation;
        // The row itself is written by the trajectory; it may not exist yet when the case opens first.
        await tx.query(
          `UPDATE escalation SET chair_ref = $2, reminder_sent = $3, overdue = $4, updated_at = now()
           WHERE escalation_id = $1`,
          [e.escalationId, e.chairRef, e.reminderSent, e.overdue],
        );
      });
    },
  };
}

async function insertAudit(tx: EntityManager, a: AuditRecord): Promise<void> {
  await tx.query(
    `INSERT INTO audit_event
       (trajectory_id, stream, seq, type, actor_role, actor_ref, at, plan_version, decision_version, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (trajectory_id, stream, seq) DO NOTHING`,
    [
      a.trajectoryId,
      a.stream ?? 'trajectory',
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

const TRAJECTORY_COLUMNS = [
  'trajectory_id',
  'seq',
  'municipality_code',
  'case_reference',
  'client_id',
  'status',
  'domain',
  'segment',
  'complexity',
  'provider_id',
  'escalated',
  'evaluation_overdue',
  'approval_deadline',
  'next_evaluation_at',
  'created_at',
  'updated_at',
  'closed_at',
  'closure_reason',
  'provider_start_deadline',
  'evaluation_due',
  'arrangement_code',
  'round_count',
  'open_escalation_id',
  'summary',
];
/** Identity columns never change after the first write. */
const TRAJECTORY_IMMUTABLE = new Set([
  'trajectory_id',
  'municipality_code',
  'case_reference',
  'client_id',
  'domain',
  'created_at',
]);

async function upsertTrajectory(tx: EntityManager, r: TrajectoryRow): Promise<void> {
  const values = [
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
    r.providerStartDeadline,
    r.evaluationDue,
    r.arrangementCode,
    r.roundCount,
    r.openEscalationId,
    JSON.stringify(r.summary),
  ];
  await upsertForward(tx, 'trajectory', 'trajectory_id', TRAJECTORY_COLUMNS, TRAJECTORY_IMMUTABLE, values);
}

const ESCALATION_COLUMNS = [
  'escalation_id',
  'trajectory_id',
  'seq',
  'municipality_code',
  'provider_id',
  'trigger',
  'context',
  'status',
  'raised_by_role',
  'raised_at',
  'deadline_at',
  'reminder_at',
  'round_count',
  'plan_version',
  'asked_arrangement',
  'offered_arrangement',
  'decision_code',
  'decided_by',
  'decided_at',
  'rationale_ref',
  'updated_at',
];
const ESCALATION_IMMUTABLE = new Set([
  'escalation_id',
  'trajectory_id',
  'municipality_code',
  'trigger',
  'raised_at',
]);

async function upsertEscalation(tx: EntityManager, e: EscalationRow): Promise<void> {
  const values = [
    e.escalationId,
    e.trajectoryId,
    e.seq,
    e.municipalityCode,
    e.providerId,
    e.trigger,
    e.context,
    e.status,
    e.raisedByRole,
    e.raisedAt,
    e.deadlineAt,
    e.reminderAt,
    e.roundCount,
    e.planVersion,
    e.askedArrangement,
    e.offeredArrangement,
    e.decisionCode,
    e.decidedBy,
    e.decidedAt,
    e.rationaleRef,
    new Date().toISOString(),
  ];
  await upsertForward(tx, 'escalation', 'escalation_id', ESCALATION_COLUMNS, ESCALATION_IMMUTABLE, values);
}

/** INSERT … ON CONFLICT DO UPDATE, applied only when the incoming row is newer (higher seq). */
async function upsertForward(
  tx: EntityManager,
  table: string,
  key: string,
  columns: string[],
  immutable: Set<string>,
  values: unknown[],
): Promise<void> {
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
  const updates = columns
    .filter((c) => c !== key && !immutable.has(c))
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  await tx.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})
     ON CONFLICT (${key}) DO UPDATE SET ${updates} WHERE ${table}.seq < EXCLUDED.seq`,
    values,
  );
}

async function insertNotification(tx: EntityManager, n: NotificationRow): Promise<void> {
  await tx.query(
    `INSERT INTO notification (id, trajectory_id, topic, audience, ids, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
    [n.id, n.trajectoryId, n.topic, n.audience, JSON.stringify(n.ids), n.createdAt],
  );
}
