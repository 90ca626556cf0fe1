/**
 * What the workflow hands to the bookkeeping activity after each transition: the audit records it produced
 * and the trajectory's new read-model row. Both are idempotent on (trajectoryId, seq).
 * No personal data: actors are pseudonymous refs, details carry codes and ids only.
 */
export interface AuditRecord {
  trajectoryId: string;
  /** 'trajectory' (default) or the escalation id of a breakthrough-table case. */
  stream?: string;
  /** Per-trajectory sequence number; a retried or replayed write of the same seq is a no-op. */
  seq: number;
  type: string;
  actorRole: string;
  actorRef: string;
  at: string;
  planVersion?: number;
  decisionVersion?: number;
  details: Record<string, unknown>;
}

/** A row of the PostgreSQL read model used by lists and worklists (never the source of truth). */
export interface TrajectoryRow {
  trajectoryId: string;
  /** The highest audit seq this row reflects; an older row never overwrites a newer one. */
  seq: number;
  municipalityCode: string;
  caseReference: string;
  clientId: string;
  status: string;
  domain: string;
  segment: string;
  complexity: string;
  providerId: string | null;
  escalated: boolean;
  evaluationOverdue: boolean;
  approvalDeadline: string | null;
  nextEvaluationAt: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closureReason: string | null;
  providerStartDeadline: string | null;
  evaluationDue: boolean;
  arrangementCode: string | null;
  roundCount: number;
  openEscalationId: string | null;
  /** Compact per-trajectory summary for list views and worklists (rounds, open escalation, arrangement). */
  summary: Record<string, unknown>;
}

/** An escalation as the breakthrough table's docket lists it; moves forward by `seq` like the row. */
export interface EscalationRow {
  escalationId: string;
  trajectoryId: string;
  seq: number;
  municipalityCode: string;
  providerId: string | null;
  trigger: string;
  context: string;
  status: string;
  raisedByRole: string;
  raisedAt: string;
  deadlineAt: string;
  reminderAt: string;
  roundCount: number;
  planVersion: number | null;
  askedArrangement: string | null;
  offeredArrangement: string | null;
  decisionCode: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  rationaleRef: string | null;
}

/** A worklist item or message for a role (outbox); its id makes a retried write a no-op. */
export interface NotificationRow {
  id: string;
  trajectoryId: string;
  topic: string;
  audience: string;
  ids: Record<string, string>;
  createdAt: string;
}

export interface BookkeepingInput {
  audit: AuditRecord[];
  row: TrajectoryRow;
  escalations: EscalationRow[];
  notifications: NotificationRow[];
}

/** What the breakthrough table's case workflow writes after each of its transitions. */
export interface CaseBookkeepingInput {
  audit: AuditRecord[];
  notifications: NotificationRow[];
  escalation: { escalationId: string; chairRef: string | null; reminderSent: boolean; overdue: boolean };
}
