import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IdempotencyState = 'IN_FLIGHT' | 'DONE';

/** A stored `Idempotency-Key`: who used it, for which request, and the response to replay. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'owner', type: 'varchar', length: 64 })
  owner!: string;

  @PrimaryColumn({ name: 'idem_key', type: 'varchar', length: 128 })
  key!: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: IdempotencyState;

  @Column({ name: 'response_status', type: 'smallint', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'longtext', nullable: true })
  responseBody!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
