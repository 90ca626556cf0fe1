import { Column, CreateDateColumn, Entity, Exclusion, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A contract: the provider may deliver one arrangement of a region's catalogue over a period, and may or may
 * not work with subcontractors as lead provider (R-ROLE-06). Never two for the same provider, region and
 * arrangement on one day.
 */
@Entity({ name: 'provider_contract' })
@Exclusion(
  'ex_provider_contract_overlap',
  `USING gist (provider_id WITH =, region_id WITH =, arrangement_code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)`,
)
@Index('ix_provider_contract_lookup', ['regionId', 'arrangementCode', 'providerId'])
export class ProviderContractEntity {
  @PrimaryGeneratedColumn('identity', { name: 'contract_id', type: 'bigint' })
  contractId: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId: string;

  @Column({ name: 'region_id', type: 'varchar', length: 64 })
  regionId: string;

  @Column({ name: 'arrangement_code', type: 'varchar', length: 64 })
  arrangementCode: string;

  @Column({ name: 'subcontracting_allowed', type: 'boolean' })
  subcontractingAllowed: boolean;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** Inclusive; null = open-ended. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 240 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
