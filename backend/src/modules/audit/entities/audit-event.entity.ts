import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One append-only audit event. Database triggers refuse UPDATE and DELETE on this table; the
 * hash chain (prev_hash → hash) makes any change made around them detectable by /audit/verify.
 */
@Entity('audit_events')
@Index('idx_audit_entity', ['entityType', 'entityId'])
@Index('idx_audit_actor', ['actorId', 'seq'])
@Index('idx_audit_action', ['action', 'seq'])
@Index('idx_audit_time', ['occurredAt'])
@Index('idx_audit_region', ['regionPath', 'seq'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq!: number;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt!: Date;

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 64 })
  actorUsername!: string;

  @Column({ name: 'actor_roles', type: 'varchar', length: 255 })
  actorRoles!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 96 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 48 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  /** Region of the record the event concerns; null for events that belong to no region. */
  @Column({ name: 'region_path', type: 'varchar', length: 255, nullable: true })
  regionPath!: string | null;

  /** Canonical JSON text, exactly as hashed. */
  @Column({ name: 'before_json', type: 'longtext', nullable: true })
  beforeJson!: string | null;

  @Column({ name: 'after_json', type: 'longtext', nullable: true })
  afterJson!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}

/** Single row (id = 1): the head of the chain, locked FOR UPDATE by every writer. */
@Entity('audit_chain_head')
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'tinyint' })
  id!: number;

  @Column({ name: 'last_seq', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  lastSeq!: number;

  @Column({ name: 'last_hash', type: 'char', length: 64 })
  lastHash!: string;
}
