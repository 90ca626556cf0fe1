import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A version of a care decision (beschikking, domain.md §7.2 CareDecision). Every approval, scaling, renewal
 * or retroactive price correction is a new version (R-TAR-05); `paymentPolicy` is the policy snapshot the
 * trajectory froze (decisions.md 2). Written idempotently on (trajectory, version) by the payment activities.
 */
@Entity({ name: 'care_decision' })
@Unique('uq_care_decision_trajectory_version', ['trajectoryId', 'version'])
@Index('ix_care_decision_municipality', ['municipalityCode', 'providerId'])
export class CareDecisionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'trajectory_id', type: 'varchar', length: 200 })
  trajectoryId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'decision_number', type: 'varchar', length: 64 })
  decisionNumber: string;

  /** Why this version exists: PLAN_APPROVAL, SCALING, PRICE_CORRECTION, … */
  @Column({ type: 'varchar', length: 32 })
  cause: string;

  @Column({ name: 'decision_date', type: 'date' })
  decisionDate: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'arrangement_code', type: 'varchar', length: 64 })
  arrangementCode: string;

  @Column({ name: 'tariff_cents', type: 'bigint' })
  tariffCents: string;

  @Column({ name: 'pricing_basis', type: 'varchar', length: 20 })
  pricingBasis: string;

  @Column({ name: 'payment_policy', type: 'jsonb' })
  paymentPolicy: Record<string, unknown>;

  @Column({ name: 'total_budget_cents', type: 'bigint' })
  totalBudgetCents: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId: string;

  @Column({ name: 'municipality_code', type: 'varchar', length: 64 })
  municipalityCode: string;

  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  @Column({ name: 'amends_version', type: 'integer', nullable: true })
  amendsVersion: number | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
