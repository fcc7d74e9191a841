import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OrganisationKind = 'SOCIAL_ORGANISATION' | 'EVALUATION_AGENCY';

/**
 * A social organisation or an evaluation agency. The foundation keeps what identity needs
 * (membership); the registry capability adds review, grades, documents and bank accounts.
 */
@Entity('organisations')
@Index('uq_organisations_credit_code', ['creditCode'], { unique: true })
export class OrganisationEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: OrganisationKind;

  /** 统一社会信用代码 (18 characters). */
  @Column({ name: 'credit_code', type: 'char', length: 18 })
  creditCode!: string;

  @Column({ name: 'region_id', type: 'int' })
  regionId!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
