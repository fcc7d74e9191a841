import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member of an organisation who may sign contracts for it (签约授权). */
@Entity('contract_signatories')
@Index('idx_contract_signatories_user', ['userId'])
export class ContractSignatoryEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @PrimaryColumn({ name: 'user_id', type: 'int' }) userId!: number;
  /** Null when granted by the seed (the organisation's head account). */
  @Column({ name: 'granted_by', type: 'int', nullable: true }) grantedBy!: number | null;
  @Column({ name: 'granted_at', type: 'datetime', precision: 3 }) grantedAt!: Date;
}

export const CONTRACT_SIGNATORY_ENTITIES = [ContractSignatoryEntity];
