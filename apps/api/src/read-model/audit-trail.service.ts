import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditTrailItem {
  stream: string;
  seq: number;
  type: string;
  actorRole: string;
  actorRef: string;
  at: string;
  planVersion: number | null;
  decisionVersion: number | null;
  details: Record<string, unknown>;
}

/** The append-only audit trail of one trajectory, including its breakthrough-table cases, in time order. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly db: DataSource) {}

  async of(trajectoryId: string): Promise<AuditTrailItem[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT stream, seq, type, actor_role, actor_ref, at, plan_version, decision_version, details
       FROM audit_event WHERE trajectory_id = $1 ORDER BY at, stream, seq LIMIT 5000`,
      [trajectoryId],
    );
    return rows.map((r) => ({
      stream: String(r.stream),
      seq: Number(r.seq),
      type: String(r.type),
      actorRole: String(r.actor_role),
      actorRef: String(r.actor_ref),
      at: (r.at as Date).toISOString(),
      planVersion: r.plan_version == null ? null : Number(r.plan_version),
      decisionVersion: r.decision_version == null ? null : Number(r.decision_version),
      details: r.details as Record<string, unknown>,
    }));
  }
}
