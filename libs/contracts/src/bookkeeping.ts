/**
 * What the workflow hands to the bookkeeping activity after each transition: the audit records it produced
 * and the trajectory's new read-model row. Both are idempotent on (trajectoryId, seq).
 * No personal data: actors are pseudonymous refs, details carry codes and ids only.
 */
export interface AuditRecord {
  trajectoryId: string;
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
  /** Compact per-trajectory summary for list views and worklists (rounds, open escalation, arrangement). */
  summary: Record<string, unknown>;
}

export interface BookkeepingInput {
  audit: AuditRecord[];
  row: TrajectoryRow;
}
