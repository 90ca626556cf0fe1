import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit trail: who did what, when, in which role, on which plan and decision version
 * (domain.md §4.6, §7.2 AuditEvent). Rows are never updated or deleted by the application.
 */
@Entity({ name: 'audit_event' })
@Index('uq_audit_event_stream_seq', ['trajectoryId', 'stream', 'seq'], { unique: true })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'trajectory_id', type: 'varchar', length: 200 })
  trajectoryId: string;

  /** 'trajectory', or the escalation id for the breakthrough table's case workflow. */
  @Column({ type: 'varchar', length: 240, default: 'trajectory' })
  stream: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 80 })
  type: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 40 })
  actorRole: string;

  @Column({ name: 'actor_ref', type: 'varchar', length: 200 })
  actorRef: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'plan_version', type: 'integer', nullable: true })
  planVersion: number | null;

  @Column({ name: 'decision_version', type: 'integer', nullable: true })
  decisionVersion: number | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
