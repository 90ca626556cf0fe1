import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A provider organisation (aanbieder) in the register kept by contract management. */
@Entity({ name: 'provider' })
export class ProviderEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
