import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only trail of every status change of a payment instruction, with actor and reason (domain.md §7.8:
 * a WITHHOLD is manual and audited). Written by a database trigger on payment_instruction; the database
 * refuses updates and deletes. Separate from audit_event, which is keyed by the workflow's sequence number.
 */
@Entity({ name: 'payment_event' })
@Index('ix_payment_event_payment', ['paymentId', 'id'])
@Index('ix_payment_event_trajectory', ['trajectoryId', 'id'])
export class PaymentEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'payment_id', type: 'bigint' })
  paymentId: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 300 })
  idempotencyKey: string;

  @Column({ name: 'trajectory_id', type: 'varchar', length: 200 })
  trajectoryId: string;

  /** null for the insert. */
  @Column({ name: 'from_status', type: 'varchar', length: 12, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 12 })
  toStatus: string;

  /** Pseudonymous ref of who changed the status. */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'export_batch_id', type: 'uuid', nullable: true })
  exportBatchId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
