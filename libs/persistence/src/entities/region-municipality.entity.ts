import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegionEntity } from './region.entity';

/** A municipality by its CBS code (gemeentecode) and the region it belongs to. */
@Entity({ name: 'region_municipality' })
@Index('ix_region_municipality_region', ['regionId'])
export class RegionMunicipalityEntity {
  @PrimaryColumn({ name: 'municipality_code', type: 'varchar', length: 16 })
  municipalityCode: string;

  @Column({ name: 'region_id', type: 'varchar', length: 64 })
  regionId: string;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_id', referencedColumnName: 'regionId' })
  region?: RegionEntity;

  @Column({ type: 'varchar', length: 200 })
  name: string;
}
