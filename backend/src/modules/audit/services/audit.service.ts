import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, regionScopeSql } from '../../../platform/access';
import { Page, pageOf } from '../../../platform/http/pagination';
import { canonicalJson } from '../../../platform/util/canonical-json';
import { chainHash, GENESIS_HASH, StoredLink, verifyLinks } from '../domain/hash-chain';
import { AuditEventDto, ChainVerificationDto } from '../dto/audit-event.dto';
import { ListAuditQuery } from '../dto/list-audit.query';
import { AuditChainHeadEntity, AuditEventEntity } from '../entities/audit-event.entity';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** Region of the record concerned (its materialised path), for auditors' scope. */
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
}

const VERIFY_BATCH = 2000;

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends one event inside the caller's transaction. The chain head row is locked FOR UPDATE,
   * so concurrent writers are serialised and the chain stays linear; the lock is held only until
   * the caller commits — call this as the last write of the use case.
   */
  async record(em: EntityManager, actor: Actor, input: AuditInput): Promise<AuditEventEntity> {
    const rows: Array<{ last_seq: string; last_hash: string; now: Date }> = await em.query(
      'SELECT last_seq, last_hash, UTC_TIMESTAMP(3) AS now FROM audit_chain_head WHERE id = 1 FOR UPDATE',
    );
    if (rows.length === 0) throw new Error('audit_chain_head is missing: run the migrations');
    const { last_seq, last_hash, now } = rows[0];
    const before = input.before === undefined ? null : JSON.parse(canonicalJson(input.before));
    const after = input.after === undefined ? null : JSON.parse(canonicalJson(input.after));
    const event: Omit<AuditEventEntity, 'hash'> = {
      seq: Number(last_seq) + 1,
      occurredAt: now,
      actorId: actor.userId === 0 ? null : actor.userId,
      actorUsername: actor.username,
      actorRoles: [...actor.roles].sort().join(','),
      ip: actor.ip,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
      regionPath: input.regionPath ?? null,
      beforeJson: before === null ? null : canonicalJson(before),
      afterJson: after === null ? null : canonicalJson(after),
      prevHash: last_hash,
    };
    const hash = chainHash(last_hash, toLinkFields(event));
    // plain statements: this runs inside every writing transaction, while the head row is locked
    await em.query(
      `INSERT INTO audit_events (seq, occurred_at, actor_id, actor_username, actor_roles, ip, action, entity_type, entity_id, region_path, before_json, after_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        event.seq,
        event.occurredAt,
        event.actorId,
        event.actorUsername,
        event.actorRoles,
        event.ip,
        event.action,
        event.entityType,
        event.entityId,
        event.regionPath,
        event.beforeJson,
        event.afterJson,
        event.prevHash,
        hash,
      ],
    );
    // the head follows by trigger (audit_events_advance_head), in this same statement
    return Object.assign(new AuditEventEntity(), event, { hash });
  }

  /**
   * Appends many events in order inside the caller's transaction, with one head lock and multi-row
   * inserts (e.g. the sealed bid journal copied into the chain at opening). Same chain as `record`.
   */
  async recordMany(em: EntityManager, events: Array<{ actor: Actor; input: AuditInput }>): Promise<number> {
    if (events.length === 0) return 0;
    const rows: Array<{ last_seq: string; last_hash: string; now: Date }> = await em.query(
      'SELECT last_seq, last_hash, UTC_TIMESTAMP(3) AS now FROM audit_chain_head WHERE id = 1 FOR UPDATE',
    );
    if (rows.length === 0) throw new Error('audit_chain_head is missing: run the migrations');
    let seq = Number(rows[0].last_seq);
    let prev = rows[0].last_hash;
    const now = rows[0].now;
    const values: unknown[][] = [];
    for (const { actor, input } of events) {
      const before = input.before === undefined ? null : JSON.parse(canonicalJson(input.before));
      const after = input.after === undefined ? null : JSON.parse(canonicalJson(input.after));
      seq += 1;
      const event: Omit<AuditEventEntity, 'hash'> = {
        seq,
        occurredAt: now,
        actorId: actor.userId === 0 ? null : actor.userId,
        actorUsername: actor.username,
        actorRoles: [...actor.roles].sort().join(','),
        ip: actor.ip,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
        regionPath: input.regionPath ?? null,
        beforeJson: before === null ? null : canonicalJson(before),
        afterJson: after === null ? null : canonicalJson(after),
        prevHash: prev,
      };
      const hash = chainHash(prev, toLinkFields(event));
      values.push([
        event.seq,
        event.occurredAt,
        event.actorId,
        event.actorUsername,
        event.actorRoles,
        event.ip,
        event.action,
        event.entityType,
        event.entityId,
        event.regionPath,
        event.beforeJson,
        event.afterJson,
        event.prevHash,
        hash,
      ]);
      prev = hash;
    }
    for (let i = 0; i < values.length; i += 200) {
      const batch = values.slice(i, i + 200);
      await em.query(
        `INSERT INTO audit_events (seq, occurred_at, actor_id, actor_username, actor_roles, ip, action, entity_type, entity_id, region_path, before_json, after_json, prev_hash, hash)
         VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        batch.flat(),
      );
    }
    return values.length;
  }

  /** Records an event in a transaction of its own (for events that change nothing else). */
  async recordAlone(actor: Actor, input: AuditInput): Promise<void> {
    await this.dataSource.transaction((em) => this.record(em, actor, input));
  }

  async list(actor: Actor, q: ListAuditQuery): Promise<Page<AuditEventDto>> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    const scope = regionScopeSql(actor, 'e.region_path');
    if (actor.regionPath !== null && actor.regionPath.split('/').filter(Boolean).length === 1) {
      // An auditor at the root region also sees events that belong to no region.
      qb.where(`(${scope.sql} OR e.region_path IS NULL)`, scope.params);
    } else {
      qb.where(scope.sql, scope.params);
    }
    if (q.action) qb.andWhere('e.action LIKE :action', { action: `${q.action.replace(/_/g, '\\_')}%` });
    if (q.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: q.entityId });
    if (q.actorId !== undefined) qb.andWhere('e.actor_id = :actorId', { actorId: q.actorId });
    if (q.from) qb.andWhere('e.occurred_at >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('e.occurred_at < :to', { to: new Date(q.to) });
    const [rows, total] = await qb
      .orderBy('e.seq', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toDto), total, q);
  }

  /**
   * Recomputes the chain in batches up to the head read at the start (events appended meanwhile
   * are left for the next run) and reports the first broken link, if any.
   */
  async verify(): Promise<ChainVerificationDto> {
    const repo = this.dataSource.getRepository(AuditEventEntity);
    const head = await this.dataSource.getRepository(AuditChainHeadEntity).findOneByOrFail({ id: 1 });
    let prev = GENESIS_HASH;
    let nextSeq = 1;
    let checked = 0;
    for (;;) {
      const batch = await repo
        .createQueryBuilder('e')
        .where('e.seq >= :from AND e.seq <= :last', { from: nextSeq, last: head.lastSeq })
        .orderBy('e.seq', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
      if (batch.length === 0) break;
      const result = verifyLinks(batch.map(toLink), prev, nextSeq);
      if (result.broken) {
        return {
          ok: false,
          checked: checked + (result.nextSeq - nextSeq),
          firstBrokenSeq: result.broken.seq,
          reason: result.broken.reason,
        };
      }
      checked += batch.length;
      prev = result.lastHash;
      nextSeq = result.nextSeq;
    }
    if (head.lastSeq !== nextSeq - 1 || head.lastHash !== prev) {
      return { ok: false, checked, firstBrokenSeq: nextSeq, reason: 'HEAD_MISMATCH' };
    }
    return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}

function toLinkFields(e: Omit<AuditEventEntity, 'hash'>) {
  return {
    seq: e.seq,
    occurredAt: e.occurredAt,
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    actorRoles: e.actorRoles === '' ? [] : e.actorRoles.split(','),
    ip: e.ip,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    regionPath: e.regionPath,
    before: e.beforeJson === null ? null : (JSON.parse(e.beforeJson) as unknown),
    after: e.afterJson === null ? null : (JSON.parse(e.afterJson) as unknown),
  };
}

function toLink(e: AuditEventEntity): StoredLink {
  return { ...toLinkFields(e), prevHash: e.prevHash, hash: e.hash };
}

function toDto(e: AuditEventEntity): AuditEventDto {
  const f = toLinkFields(e);
  return {
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    actorRoles: f.actorRoles,
    ip: e.ip,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    regionPath: e.regionPath,
    before: f.before,
    after: f.after,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
