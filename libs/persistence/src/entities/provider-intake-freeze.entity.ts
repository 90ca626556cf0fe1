import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A client intake freeze (cliëntenstop, R-END-03) of a provider in a region, with its dates and reason. */
@Entity({ name: 'provider_intake_freeze' })
@Index('ix_provider_intake_freeze_lookup', ['providerId', 'regionId', 'startsOn'])
export class ProviderIntakeFreezeEntity {
  @PrimaryGeneratedColumn('identity', { name: 'freeze_id', type: 'bigint' })
  freezeId: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId: string;

  @Column({ name: 'region_id', type: 'varchar', length: 64 })
  regionId: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  /** Inclusive; null = until lifted. */
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'reason_code', type: 'varchar', length: 64 })
  reasonCode: string;

  @Column({ name: 'reason_ref', type: 'varchar', length: 120, nullable: true })
  reasonRef: string | null;

  @Column({ name: 'set_by', type: 'varchar', length: 240 })
  setBy: string;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt: Date;

  @Column({ name: 'lifted_on', type: 'date', nullable: true })
  liftedOn: string | null;

  @Column({ name: 'lifted_by', type: 'varchar', length: 240, nullable: true })
  liftedBy: string | null;
}
