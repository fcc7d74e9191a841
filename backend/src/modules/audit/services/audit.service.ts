import { Injectable, Optional } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

import { Actor, regionScopeSql } from '../../../platform/access';
import { Page, pageOf } from '../../../platform/http/pagination';
import { canonicalJson } from '../../../platform/util/canonical-json';
import {
  fitColumn,
  fitNullableColumn,
  AUDIT_COLUMN_LENGTHS as L,
  toColumnInstant,
  wellFormedJson,
} from '../domain/column-values';
import { chainHash } from '../domain/hash-chain';
import { redactEntityId, redactSecrets } from '../domain/redaction';
import { AuditChainStateDto, AuditEventDto, ChainVerificationDto } from '../dto/audit-event.dto';
import { ListAuditQuery } from '../dto/list-audit.query';
import { AuditVerificationEntity } from '../entities/audit-checkpoint.entity';
import { AuditEventEntity } from '../entities/audit-event.entity';
import { chainHead, displayNames, latestCheckpoint } from '../queries/audit-rows';
import { verifyStoredChain } from './chain-verification';
import { AuditCheckpoints } from './checkpoint.service';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** Region of the record concerned (its materialised path), for auditors' scope. */
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
}

type EventRow = Omit<AuditEventEntity, 'hash'>;
type PendingEvent = { actor: Actor; input: AuditInput };

/** before/after as plain JSON values, taken when recorded (Dates as ISO strings, like the stored JSON). */
function snapshot(value: unknown): unknown {
  return value === undefined || value === null ? value : (JSON.parse(canonicalJson(value)) as unknown);
}

/**
 * Appends a transaction's recorded events just before it commits, and forgets them when it rolls back: TypeORM
 * broadcasts both to the data source's subscribers for every transaction (`dataSource.transaction`,
 * `inTransaction`, a query runner's own).
 */
class AuditChainFlush implements EntitySubscriberInterface {
  constructor(private readonly audit: AuditService) {}

  beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    return this.audit.flush(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.audit.discard(event.queryRunner);
  }
}

/**
 * The row exactly as the database will hold it — the hash is computed over this, never over the raw input:
 * strings well-formed and cut to their column, before/after as canonical JSON with secrets replaced, the time
 * at the column's precision. Reading the row back and hashing it gives the stored hash (issue #9 A1).
 */
function buildRow(actor: Actor, input: AuditInput, seq: number, now: Date, prevHash: string): EventRow {
  const json = (v: unknown): string | null =>
    v === undefined || v === null ? null : canonicalJson(wellFormedJson(redactSecrets(JSON.parse(canonicalJson(v)))));
  const entityId = input.entityId === undefined || input.entityId === null ? null : String(input.entityId);
  const entityType = fitColumn(input.entityType, L.entityType);
  return {
    seq,
    occurredAt: toColumnInstant(now),
    actorId: actor.userId === 0 ? null : actor.userId,
    actorUsername: fitColumn(actor.username, L.actorUsername),
    actorRoles: fitColumn([...actor.roles].sort().join(','), L.actorRoles),
    ip: fitNullableColumn(actor.ip, L.ip),
    action: fitColumn(input.action, L.action),
    entityType,
    entityId: fitNullableColumn(redactEntityId(entityType, entityId), L.entityId),
    regionPath: fitNullableColumn(input.regionPath ?? null, L.regionPath),
    beforeJson: json(input.before),
    afterJson: json(input.after),
    prevHash,
  };
}

function linkFields(e: EventRow) {
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

function insertValues(e: EventRow, hash: string): unknown[] {
  return [
    e.seq,
    e.occurredAt,
    e.actorId,
    e.actorUsername,
    e.actorRoles,
    e.ip,
    e.action,
    e.entityType,
    e.entityId,
    e.regionPath,
    e.beforeJson,
    e.afterJson,
    e.prevHash,
    hash,
  ];
}

const INSERT_COLUMNS =
  'seq, occurred_at, actor_id, actor_username, actor_roles, ip, action, entity_type, entity_id, region_path, before_json, after_json, prev_hash, hash';
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const HEAD_FOR_UPDATE =
  'SELECT last_seq, last_hash, UTC_TIMESTAMP(3) AS now FROM audit_chain_head WHERE id = 1 FOR UPDATE';

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    /** Absent where only events are written (the seed, benches: `new AuditService(ds)`). */
    @Optional() private readonly checkpoints?: AuditCheckpoints,
  ) {
    dataSource.subscribers.push(new AuditChainFlush(this));
  }

  /**
   * Records one event as part of the caller's transaction. The event joins the chain when that transaction
   * commits: it is appended just before COMMIT (see {@link AuditChainFlush}), so the chain head — the one row every
   * writer locks — is always the LAST lock a transaction takes and is held only for the append and the commit.
   * Taken in the middle of a use case, the head lock made deadlocks with any transaction that first locked a row
   * this one touched later: a sign-in (user row, then head) against a step that wrote its audit event and then
   * told the need's followers (head, then a shared lock on the same user row through the inbox's foreign key).
   * Outside a transaction the event is appended at once.
   */
  async record(em: EntityManager, actor: Actor, input: AuditInput): Promise<void> {
    await this.queue(em, [{ actor, input }]);
  }

  /**
   * Records many events in order (e.g. the sealed bid journal copied into the chain at opening), appended with
   * one head lock and multi-row inserts when the caller commits. Same chain as {@link record}.
   */
  async recordMany(em: EntityManager, events: Array<{ actor: Actor; input: AuditInput }>): Promise<number> {
    await this.queue(em, events);
    return events.length;
  }

  /** Appends the events the transaction of `queryRunner` recorded (its BeforeTransactionCommit). */
  async flush(queryRunner: QueryRunner): Promise<void> {
    const events = this.pending.get(queryRunner);
    if (events === undefined) return;
    this.pending.delete(queryRunner);
    await this.append(queryRunner.manager, events);
  }

  /** Forgets what a rolled-back transaction recorded. */
  discard(queryRunner: QueryRunner): void {
    this.pending.delete(queryRunner);
  }

  /** Events recorded in each open transaction, in order, waiting for its commit. */
  private readonly pending = new WeakMap<QueryRunner, PendingEvent[]>();

  private async queue(em: EntityManager, events: Array<{ actor: Actor; input: AuditInput }>): Promise<void> {
    if (events.length === 0) return;
    // A snapshot now: the caller may change its objects before it commits.
    const snapshots = events.map(({ actor, input }) => ({
      actor: { ...actor, roles: [...actor.roles] },
      input: { ...input, before: snapshot(input.before), after: snapshot(input.after) },
    }));
    const runner = em.queryRunner;
    if (runner === undefined || !runner.isTransactionActive) {
      await this.append(em, snapshots);
      return;
    }
    const queued = this.pending.get(runner);
    if (queued) queued.push(...snapshots);
    else this.pending.set(runner, snapshots);
  }

  /** Appends events to the chain under the head lock, in the caller's transaction (or as one statement each). */
  private async append(em: EntityManager, events: PendingEvent[]): Promise<void> {
    const rows: Array<{ last_seq: string; last_hash: string; now: Date }> = await em.query(HEAD_FOR_UPDATE);
    if (rows.length === 0) throw new Error('audit_chain_head is missing: run the migrations');
    let seq = Number(rows[0].last_seq);
    let prev = rows[0].last_hash;
    const now = rows[0].now;
    const values: unknown[][] = [];
    for (const { actor, input } of events) {
      seq += 1;
      const event = buildRow(actor, input, seq, now, prev);
      const hash = chainHash(prev, linkFields(event));
      values.push(insertValues(event, hash));
      prev = hash;
    }
    // plain statements: this runs at the end of every writing transaction, while the head row is locked; the head
    // follows by trigger (audit_events_advance_head) in the same statements
    for (let i = 0; i < values.length; i += 200) {
      const batch = values.slice(i, i + 200);
      await em.query(
        `INSERT INTO audit_events (${INSERT_COLUMNS}) VALUES ${batch.map(() => ROW_PLACEHOLDERS).join(', ')}`,
        batch.flat(),
      );
    }
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
    if (q.seq !== undefined) qb.andWhere('e.seq = :seq', { seq: q.seq });
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
    const names = await displayNames(this.dataSource, [
      ...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null)),
    ]);
    return pageOf(
      rows.map((e) => toDto(e, e.actorId === null ? null : (names.get(e.actorId) ?? null))),
      total,
      q,
    );
  }

  /**
   * Recomputes the whole chain up to the head read at the start (events appended meanwhile are left for the next
   * run), compares it with every signed checkpoint, reports every break, and records the outcome.
   */
  async verify(actor?: Actor): Promise<ChainVerificationDto> {
    const result = await verifyStoredChain(this.dataSource, {
      publicKey: this.checkpoints?.trustedPublicKey() ?? null,
      keyId: this.checkpoints?.keyId() ?? null,
      published: this.checkpoints?.published() ?? [],
    });
    await this.dataSource.query(
      `INSERT INTO audit_verifications (verified_at, actor_id, actor_username, ok, checked, head_seq, break_count,
         first_broken_seq, reason, checkpoints_checked)
       VALUES (UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        actor && actor.userId !== 0 ? actor.userId : null,
        fitColumn(actor?.username ?? 'system', L.actorUsername),
        result.ok ? 1 : 0,
        result.checked,
        result.headSeq,
        result.breakCount,
        result.firstBrokenSeq,
        result.reason,
        result.checkpoints.checked,
      ],
    );
    return result;
  }

  /**
   * The chain at a glance, for the auditor's desk: the head, the latest checkpoint (and how many events are not
   * anchored yet), and the latest verification. Cheap: three single-row reads.
   */
  async chainState(): Promise<AuditChainStateDto> {
    const head = await chainHead(this.dataSource);
    const last = await latestCheckpoint(this.dataSource);
    const verification = await this.dataSource.getRepository(AuditVerificationEntity).findOne({
      where: {},
      order: { id: 'DESC' },
    });
    return {
      headSeq: head.lastSeq,
      headHash: head.lastHash,
      checkpointsEnabled: this.checkpoints?.enabled ?? false,
      lastCheckpoint: last && { id: last.id, seq: last.seq, at: last.at },
      unanchoredEvents: head.lastSeq - (last?.seq ?? 0),
      lastVerification: verification && {
        at: verification.verifiedAt.toISOString(),
        ok: verification.ok === 1,
        checked: verification.checked,
        breakCount: verification.breakCount,
        firstBrokenSeq: verification.firstBrokenSeq,
        reason: verification.reason,
        by: verification.actorUsername,
      },
    };
  }
}

/**
 * An event for the audit API. Secrets are redacted again here, for rows written before redaction existed: what is
 * shown can then differ from what was hashed (the chain is verified on the stored rows, never on this view).
 */
function toDto(e: AuditEventEntity, actorDisplayName: string | null): AuditEventDto {
  const f = linkFields(e);
  return {
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    actorDisplayName,
    actorRoles: f.actorRoles,
    ip: e.ip,
    action: e.action,
    entityType: e.entityType,
    entityId: redactEntityId(e.entityType, e.entityId),
    regionPath: e.regionPath,
    before: redactSecrets(f.before),
    after: redactSecrets(f.after),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
