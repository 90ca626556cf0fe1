import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A region (regio) that buys care for its municipalities together and publishes one trajectory policy:
 * its payment split (decisions.md 1, 7), its own days off and the settings it sets apart from the product's
 * defaults (decisions.md 2). Migration 1765000000000.
 */
@Entity({ name: 'region' })
@Check('payment_split', `payment_split IN ('WF_RECOVERY', 'FRIESLAND_70_30', 'WBW_50_50')`)
export class RegionEntity {
  @PrimaryColumn({ name: 'region_id', type: 'varchar', length: 64 })
  regionId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'policy_version', type: 'varchar', length: 32 })
  policyVersion: string;

  @Column({ name: 'payment_split', type: 'varchar', length: 24 })
  paymentSplit: string;

  @Column({ type: 'date', array: true, default: () => `'{}'` })
  holidays: string[];

  /** TrajectoryPolicy fields set apart from the defaults; validated when read (regionPolicy). */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  settings: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
