import type { TrajectoryState } from '@app/domain';
import { col, rowSchema, type RowOf } from './row-schema';

/**
 * What the workflow hands to the bookkeeping activity after each transition: the audit records it produced
 * and the trajectory's new read-model row. Both are idempotent on (trajectoryId, seq).
 * No personal data: actors are pseudonymous refs, details carry codes and ids only.
 */
export const AUDIT_EVENT = rowSchema('audit_event', ['trajectoryId', 'stream', 'seq'], {
  trajectoryId: col.text('trajectory_id'),
  /** 'trajectory' (default) or the escalation id of a breakthrough-table case. */
  stream: col.text('stream'),
  /** Per-trajectory sequence number; a retried or replayed write of the same seq is a no-op. */
  seq: col.int('seq'),
  type: col.text('type'),
  actorRole: col.text('actor_role'),
  actorRef: col.text('actor_ref'),
  at: col.instant('at'),
  planVersion: col.intOrNull('plan_version'),
  decisionVersion: col.intOrNull('decision_version'),
  details: col.json<Record<string, unknown>>('details'),
});

/** A row of the append-only audit trail. */
export type AuditEventRow = RowOf<typeof AUDIT_EVENT.columns>;

/** An audit record as a transition produces it (stream and versions may be left out). */
export type AuditRecord = Omit<AuditEventRow, 'stream' | 'planVersion' | 'decisionVersion'> & {
  stream?: string;
  planVersion?: number;
  decisionVersion?: number;
};

/** The PostgreSQL read model used by lists and worklists (never the source of truth). */
export const TRAJECTORY_ROW = rowSchema('trajectory', ['trajectoryId'], {
  trajectoryId: col.text('trajectory_id', true),
  /** The highest audit seq this row reflects; an older row never overwrites a newer one. */
  seq: col.int('seq'),
  municipalityCode: col.text('municipality_code', true),
  caseReference: col.text('case_reference', true),
  clientId: col.text('client_id', true),
  status: col.text('status'),
  domain: col.text('domain', true),
  segment: col.text('segment'),
  complexity: col.text('complexity'),
  providerId: col.textOrNull('provider_id'),
  escalated: col.bool('escalated'),
  evaluationOverdue: col.bool('evaluation_overdue'),
  approvalDeadline: col.instantOrNull('approval_deadline'),
  nextEvaluationAt: col.instantOrNull('next_evaluation_at'),
  createdAt: col.instant('created_at', true),
  updatedAt: col.instant('updated_at'),
  closedAt: col.instantOrNull('closed_at'),
  closureReason: col.textOrNull('closure_reason'),
  providerStartDeadline: col.instantOrNull('provider_start_deadline'),
  evaluationDue: col.bool('evaluation_due'),
  arrangementCode: col.textOrNull('arrangement_code'),
  roundCount: col.int('round_count'),
  openEscalationId: col.textOrNull('open_escalation_id'),
  /** The earliest running statutory period and its kind (Wmo 2015, Awb; rules 2), for worklists. */
  statutoryDeadline: col.instantOrNull('statutory_deadline'),
  statutoryClock: col.textOrNull('statutory_clock'),
  /** Compact per-trajectory summary for list views and worklists (rounds, open escalation, arrangement). */
  summary: col.json<Record<string, unknown>>('summary'),
});

/** A row of the PostgreSQL read model used by lists and worklists (never the source of truth). */
export type TrajectoryRow = RowOf<typeof TRAJECTORY_ROW.columns>;

/** An escalation as the breakthrough table's docket lists it; moves forward by `seq` like the row. */
export const ESCALATION_ROW = rowSchema('escalation', ['escalationId'], {
  escalationId: col.text('escalation_id', true),
  trajectoryId: col.text('trajectory_id', true),
  seq: col.int('seq'),
  municipalityCode: col.text('municipality_code', true),
  providerId: col.textOrNull('provider_id'),
  trigger: col.text('trigger', true),
  context: col.text('context'),
  status: col.text('status'),
  raisedByRole: col.text('raised_by_role'),
  raisedAt: col.instant('raised_at', true),
  deadlineAt: col.instant('deadline_at'),
  reminderAt: col.instant('reminder_at'),
  roundCount: col.int('round_count'),
  planVersion: col.intOrNull('plan_version'),
  askedArrangement: col.textOrNull('asked_arrangement'),
  offeredArrangement: col.textOrNull('offered_arrangement'),
  decisionCode: col.textOrNull('decision_code'),
  decidedBy: col.textOrNull('decided_by'),
  decidedAt: col.instantOrNull('decided_at'),
  rationaleRef: col.textOrNull('rationale_ref'),
});

export type EscalationRow = RowOf<typeof ESCALATION_ROW.columns>;

/** A worklist item or message for a role (outbox); its id makes a retried write a no-op. */
export const NOTIFICATION_ROW = rowSchema('notification', ['id'], {
  id: col.text('id'),
  trajectoryId: col.text('trajectory_id'),
  topic: col.text('topic'),
  audience: col.text('audience'),
  ids: col.json<Record<string, string>>('ids'),
  createdAt: col.instant('created_at'),
});

export type NotificationRow = RowOf<typeof NOTIFICATION_ROW.columns>;

export interface BookkeepingInput {
  audit: AuditRecord[];
  row: TrajectoryRow;
  escalations: EscalationRow[];
  notifications: NotificationRow[];
  /**
   * The whole state after the transition (issue 20), from which the API answers `GET /trajectories/:id`
   * without a workflow query. Absent from writes of workers older than it: the API then asks the workflow.
   */
  state?: TrajectoryState;
}

/** What the breakthrough table's case workflow writes after each of its transitions. */
export interface CaseBookkeepingInput {
  audit: AuditRecord[];
  notifications: NotificationRow[];
  escalation: { escalationId: string; chairRef: string | null; reminderSent: boolean; overdue: boolean };
}
