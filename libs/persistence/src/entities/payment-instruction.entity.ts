import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The payment ledger (domain.md §7.2 Payment, PaymentInstruction): one row per tranche, unique on its
 * deterministic idempotency key so that a retried activity or a replayed workflow never pays twice.
 * Status: SCHEDULED → RELEASED (due) → EXPORTED (in a finance batch) → CONFIRMED, or WITHHELD / CANCELLED
 * with a written reason. Money facts never change after insert; a database trigger enforces that, the
 * allowed transitions, and writes a payment_event row for every status change.
 */
@Entity({ name: 'payment_instruction' })
@Unique('uq_payment_instruction_idempotency_key', ['idempotencyKey'])
@Index('ix_payment_trajectory', ['trajectoryId', 'id'])
@Index('ix_payment_status_due', ['status', 'dueDate'])
@Index('ix_payment_municipality', ['municipalityCode', 'id'])
@Index('ix_payment_provider', ['providerId', 'id'])
@Index('ix_payment_export_batch', ['exportBatchId'])
export class PaymentInstructionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 300 })
  idempotencyKey: string;

  @Column({ name: 'trajectory_id', type: 'varchar', length: 200 })
  trajectoryId: string;

  @Column({ name: 'municipality_code', type: 'varchar', length: 64 })
  municipalityCode: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId: string;

  @Column({ name: 'tranche_kind', type: 'varchar', length: 12 })
  trancheKind: string;

  /** Negative only for an ADJUSTMENT (a declared price correction, domain.md §7.8). */
  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents: string;

  /** The computation and the rule it cites, e.g. "2/3 of tariff … (domain.md §7.7 WF_RECOVERY, R-PAY-01)". */
  @Column({ type: 'text' })
  basis: string;

  @Column({ name: 'decision_version', type: 'integer' })
  decisionVersion: number;

  @Column({ type: 'integer', nullable: true })
  period: number | null;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 12, default: 'SCHEDULED' })
  status: string;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'export_batch_id', type: 'uuid', nullable: true })
  exportBatchId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
