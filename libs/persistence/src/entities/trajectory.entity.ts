import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Read model of a trajectory for lists and worklists. The workflow is the source of truth; this row is
 * written by the bookkeeping activity after every transition and only moves forward (by `seq`).
 */
@Entity({ name: 'trajectory' })
@Index('ix_trajectory_municipality_status', ['municipalityCode', 'status', 'createdAt'])
@Index('ix_trajectory_provider_status', ['providerId', 'status', 'createdAt'])
export class TrajectoryEntity {
  @PrimaryColumn({ name: 'trajectory_id', type: 'varchar', length: 200 })
  trajectoryId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ name: 'municipality_code', type: 'varchar', length: 64 })
  municipalityCode: string;

  @Column({ name: 'case_reference', type: 'varchar', length: 64 })
  caseReference: string;

  @Column({ name: 'client_id', type: 'varchar', length: 100 })
  clientId: string;

  @Column({ type: 'varchar', length: 32 })
  status: string;

  @Column({ type: 'varchar', length: 8 })
  domain: string;

  @Column({ type: 'varchar', length: 2 })
  segment: string;

  @Column({ type: 'varchar', length: 8 })
  complexity: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64, nullable: true })
  providerId: string | null;

  @Column({ type: 'boolean', default: false })
  escalated: boolean;

  @Column({ name: 'evaluation_overdue', type: 'boolean', default: false })
  evaluationOverdue: boolean;

  @Column({ name: 'approval_deadline', type: 'timestamptz', nullable: true })
  approvalDeadline: Date | null;

  /** The earliest running statutory period (Wmo 2015 art. 2.3.2 / 2.3.5, Awb art. 4:13). */
  @Column({ name: 'statutory_deadline', type: 'timestamptz', nullable: true })
  statutoryDeadline: Date | null;

  @Column({ name: 'statutory_clock', type: 'varchar', length: 24, nullable: true })
  statutoryClock: string | null;

  @Column({ name: 'next_evaluation_at', type: 'timestamptz', nullable: true })
  nextEvaluationAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closure_reason', type: 'varchar', length: 40, nullable: true })
  closureReason: string | null;

  @Column({ name: 'provider_start_deadline', type: 'timestamptz', nullable: true })
  providerStartDeadline: Date | null;

  @Column({ name: 'evaluation_due', type: 'boolean', default: false })
  evaluationDue: boolean;

  @Column({ name: 'arrangement_code', type: 'varchar', length: 64, nullable: true })
  arrangementCode: string | null;

  @Column({ name: 'round_count', type: 'integer', default: 0 })
  roundCount: number;

  @Column({ name: 'open_escalation_id', type: 'varchar', length: 240, nullable: true })
  openEscalationId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  summary: Record<string, unknown>;
}
