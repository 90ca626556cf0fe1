import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One export of released payments to finance for a period (YYYY-MM), as CSV or as JSON shaped like the
 * iStandaarden 323 declaration. The rendered file is stored so that finance can fetch exactly the same
 * content again; its rows point back here through payment_instruction.export_batch_id.
 */
@Entity({ name: 'export_batch' })
@Index('ix_export_batch_period', ['period', 'createdAt'])
export class ExportBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 4 })
  format: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @Column({ name: 'row_count', type: 'integer', default: 0 })
  rowCount: number;

  @Column({ name: 'total_cents', type: 'bigint', default: 0 })
  totalCents: string;

  @Column({ name: 'content_type', type: 'varchar', length: 64 })
  contentType: string;

  @Column({ type: 'text', default: '' })
  content: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'confirmed_by', type: 'varchar', length: 200, nullable: true })
  confirmedBy: string | null;
}
