import { Column, CreateDateColumn, Entity, Exclusion, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One tariff version of an arrangement (profile × intensity, domain.md §1.2, §7.2 Arrangement) in a region's
 * catalogue. Tariffs change per year: a code has one row per validity period, never overlapping.
 * `tariffCents` is an AVERAGE price per unit of `pricingBasis`, not a maximum (R-TAR-05). The iStandaarden
 * fields (references.md §5.2) feed assignments (301) and declarations (323).
 */
@Entity({ name: 'arrangement' })
@Unique('uq_arrangement_code_valid_from', ['code', 'validFrom'])
@Exclusion(
  'ex_arrangement_validity',
  `USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)`,
)
@Index('ix_arrangement_domain_segment', ['domain', 'segment', 'validFrom'])
export class ArrangementEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  region: string;

  @Column({ type: 'varchar', length: 8 })
  domain: string;

  @Column({ type: 'varchar', length: 1 })
  segment: string;

  @Column({ name: 'profile_code', type: 'varchar', length: 64 })
  profileCode: string;

  @Column({ name: 'profile_label', type: 'varchar', length: 200 })
  profileLabel: string;

  /** Ordered intensity with a display label (domain.md C2: licht/midden/zwaar, or Wmo B/C). */
  @Column({ name: 'intensity_code', type: 'varchar', length: 32 })
  intensityCode: string;

  @Column({ name: 'intensity_rank', type: 'smallint' })
  intensityRank: number;

  @Column({ name: 'intensity_label', type: 'varchar', length: 64 })
  intensityLabel: string;

  @Column({ name: 'pricing_basis', type: 'varchar', length: 20 })
  pricingBasis: string;

  /** bigint: TypeORM hands it over as a string; convert with a safe-integer check. */
  @Column({ name: 'tariff_cents', type: 'bigint' })
  tariffCents: string;

  @Column({ name: 'trajectory_type', type: 'varchar', length: 24 })
  trajectoryType: string;

  @Column({ name: 'default_duration_value', type: 'integer' })
  defaultDurationValue: number;

  @Column({ name: 'default_duration_unit', type: 'varchar', length: 6 })
  defaultDurationUnit: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** Inclusive; null = open-ended. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'product_category', type: 'varchar', length: 2 })
  productCategory: string;

  @Column({ name: 'product_code', type: 'varchar', length: 5 })
  productCode: string;

  /** iStandaarden WJ756 Eenheid, e.g. 82 stuks (output), 83 euro's. */
  @Column({ name: 'unit_code', type: 'varchar', length: 2 })
  unitCode: string;

  /** iStandaarden WJ757 Frequentie, e.g. 4 per maand, 6 totaal binnen geldigheidsduur toewijzing. */
  @Column({ name: 'frequency_code', type: 'varchar', length: 1 })
  frequencyCode: string;

  /** Overrides the preset the pricing basis implies (decisions.md 1); null = the region default. */
  @Column({ name: 'payment_preset', type: 'varchar', length: 24, nullable: true })
  paymentPreset: string | null;

  /** true: demonstration numbers, not a real tariff. */
  @Column({ type: 'boolean', default: false })
  demo: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
