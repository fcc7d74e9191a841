import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';

import { Actor, inRegionScope, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { containsPattern } from '../../../platform/http/keyword';
import { Page, pageOf } from '../../../platform/http/pagination';
import { fenToYuan, yuanToFen } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { RegionsService } from '../../regions';
import { FundsError, FundsErrorCode } from '../domain/funds.errors';
import { allocated, rateBp } from '../domain/ledger';
import {
  AdjustLineDto,
  AdjustmentDto,
  CreateLineDto,
  EntryDto,
  LineDto,
  ListEntriesQuery,
  ListLinesQuery,
} from '../dto/funds.dto';
import {
  BudgetAdjustmentEntity,
  BudgetLineEntity,
  FundYearClosureEntity,
  LedgerEntryEntity,
} from '../entities/funds.entities';
import { balancesOf, LedgerService, yuanBalances } from './ledger.service';

export function entryDto(e: LedgerEntryEntity): EntryDto {
  return {
    id: String(e.id),
    lineId: e.lineId,
    operation: e.operation,
    fromBucket: e.fromBucket,
    toBucket: e.toBucket,
    amount: fenToYuan(e.amountFen),
    idempotencyKey: e.idempotencyKey,
    referenceType: e.referenceType,
    referenceId: e.referenceId,
    reversesEntryId: e.reversesEntryId === null ? null : String(e.reversesEntryId),
    memo: e.memo,
    actorId: e.actorId,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * Budget lines: created and adjusted by procurement officers, approved by finance officers — never
 * the same person (separation of duties). Approval allocates the money through the ledger.
 */
@Injectable()
export class BudgetLinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly ledger: LedgerService,
  ) {}

  async list(actor: Actor, q: ListLinesQuery): Promise<Page<LineDto>> {
    const qb = this.dataSource.getRepository(BudgetLineEntity).createQueryBuilder('l');
    const region = q.regionId === undefined ? null : await this.regions.getInScope(actor, q.regionId);
    const scope = regionScopeSql(actor, 'l.region_path');
    qb.where(new Brackets((w) => w.where(scope.sql, scope.params)));
    if (region) qb.andWhere('l.region_path LIKE :rp', { rp: `${region.path}%` });
    if (q.year) qb.andWhere('l.year = :year', { year: q.year });
    if (q.source) qb.andWhere('l.source = :source', { source: q.source });
    if (q.status) qb.andWhere('l.status = :status', { status: q.status });
    if (q.q) qb.andWhere('l.title LIKE :q', { q: containsPattern(q.q) });
    const [rows, total] = await qb
      .orderBy('l.year', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.dtos(rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<LineDto> {
    return (await this.dtos([await this.visible(actor, id, this.dataSource.manager)]))[0];
  }

  async create(actor: Actor, dto: CreateLineDto): Promise<LineDto> {
    const amount = this.positive(dto.amount, 'amount');
    const id = await inTransaction(this.dataSource, async (em) => {
      const region = await this.regions.getInScope(actor, dto.regionId, em);
      await this.ledger.assertYearOpen(em, dto.year, region.path);
      const now = await dbNow(em);
      const line = em.create(BudgetLineEntity, {
        year: dto.year,
        regionId: region.id,
        regionPath: region.path,
        source: dto.source,
        restrictedCategoryCode: dto.restrictedCategoryCode ?? null,
        multiYear: dto.multiYear === true ? 1 : 0,
        title: dto.title,
        status: 'PENDING_APPROVAL',
        requestedFen: amount.toString(),
        availableFen: '0',
        reservedFen: '0',
        committedFen: '0',
        paidFen: '0',
        yearClosed: 0,
        createdBy: actor.userId,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(BudgetLineEntity, line);
      await this.audit.record(em, actor, {
        action: 'funds.line.created',
        entityType: 'budget_line',
        entityId: line.id,
        regionPath: region.path,
        after: {
          year: line.year,
          source: line.source,
          title: line.title,
          amount: fenToYuan(amount),
          restrictedCategoryCode: line.restrictedCategoryCode,
        },
      });
      return line.id;
    });
    return this.get(actor, id);
  }

  /** Finance approves: the line becomes ACTIVE and its amount is allocated (one ledger entry). */
  async approve(actor: Actor, id: number, note?: string): Promise<LineDto> {
    await inTransaction(this.dataSource, async (em) => {
      const line = await this.visible(actor, id, em, true);
      if (line.createdBy === actor.userId) throw this.sod();
      if (line.status !== 'PENDING_APPROVAL')
        throw new FundsError(FundsErrorCode.ILLEGAL_TRANSITION, `Budget line ${id} is ${line.status}.`);
      const now = await dbNow(em);
      await em.update(
        BudgetLineEntity,
        { id },
        { status: 'ACTIVE', decidedBy: actor.userId, decidedAt: now, decisionNote: note ?? null, updatedAt: now },
      );
      await this.audit.record(em, actor, {
        action: 'funds.line.approved',
        entityType: 'budget_line',
        entityId: id,
        regionPath: line.regionPath,
        before: { status: line.status },
        after: { status: 'ACTIVE', note: note ?? null },
      });
      await this.ledger.postIn(em, actor, {
        lineId: id,
        operation: 'ALLOCATE',
        amountFen: BigInt(line.requestedFen),
        idempotencyKey: `line-${id}-approval`,
        reference: { type: 'budget_line', id: String(id) },
        memo: '预算批复',
      });
    });
    return this.get(actor, id);
  }

  async reject(actor: Actor, id: number, reason: string): Promise<LineDto> {
    await inTransaction(this.dataSource, async (em) => {
      const line = await this.visible(actor, id, em, true);
      if (line.createdBy === actor.userId) throw this.sod();
      if (line.status !== 'PENDING_APPROVAL')
        throw new FundsError(FundsErrorCode.ILLEGAL_TRANSITION, `Budget line ${id} is ${line.status}.`);
      const now = await dbNow(em);
      await em.update(
        BudgetLineEntity,
        { id },
        { status: 'REJECTED', decidedBy: actor.userId, decidedAt: now, decisionNote: reason, updatedAt: now },
      );
      await this.audit.record(em, actor, {
        action: 'funds.line.rejected',
        entityType: 'budget_line',
        entityId: id,
        regionPath: line.regionPath,
        before: { status: line.status },
        after: { status: 'REJECTED', note: reason },
      });
    });
    return this.get(actor, id);
  }

  async requestAdjustment(actor: Actor, id: number, dto: AdjustLineDto): Promise<AdjustmentDto> {
    const delta = yuanToFenSigned(dto.delta);
    if (delta === 0n)
      throw new FundsError(FundsErrorCode.AMOUNT_NOT_POSITIVE, 'An adjustment changes the amount.', {
        errors: [{ field: 'delta', message: 'must not be zero' }],
      });
    return inTransaction(this.dataSource, async (em) => {
      const line = await this.visible(actor, id, em, true);
      if (line.status !== 'ACTIVE')
        throw new FundsError(FundsErrorCode.LINE_NOT_ACTIVE, 'Only approved lines are adjusted.');
      if (line.yearClosed)
        throw new FundsError(
          FundsErrorCode.YEAR_CLOSED,
          `Budget year ${line.year} is closed: nothing in it can change.`,
        );
      const now = await dbNow(em);
      const a = em.create(BudgetAdjustmentEntity, {
        lineId: id,
        deltaFen: delta.toString(),
        reason: dto.reason,
        status: 'PENDING',
        requestedBy: actor.userId,
        decidedBy: null,
        decidedAt: null,
        createdAt: now,
      });
      await em.insert(BudgetAdjustmentEntity, a);
      await this.audit.record(em, actor, {
        action: 'funds.adjustment.requested',
        entityType: 'budget_line',
        entityId: id,
        regionPath: line.regionPath,
        after: { adjustmentId: a.id, delta: fenToYuan(delta), reason: dto.reason },
      });
      return adjustmentDto(a);
    });
  }

  /** `reason` is required to reject (the DTO enforces it) and kept as the decision note. */
  async decideAdjustment(
    actor: Actor,
    adjustmentId: number,
    approve: boolean,
    reason: string | null = null,
  ): Promise<AdjustmentDto> {
    return inTransaction(this.dataSource, async (em) => {
      const a = await em.findOne(BudgetAdjustmentEntity, {
        where: { id: adjustmentId },
        lock: { mode: 'pessimistic_write' },
      });
      const missing = new FundsError(FundsErrorCode.ADJUSTMENT_NOT_FOUND, `Adjustment ${adjustmentId} not found.`);
      if (a === null) throw missing;
      // an adjustment of a line outside the caller's region answers exactly as a missing adjustment
      const line = await this.visible(actor, a.lineId, em).catch((e: unknown) => {
        throw e instanceof FundsError && e.code === FundsErrorCode.LINE_NOT_FOUND ? missing : e;
      });
      if (a.requestedBy === actor.userId) throw this.sod();
      if (a.status !== 'PENDING')
        throw new FundsError(FundsErrorCode.ILLEGAL_TRANSITION, `Adjustment ${adjustmentId} is ${a.status}.`);
      const now = await dbNow(em);
      const delta = BigInt(a.deltaFen);
      if (approve) {
        await this.ledger.postIn(em, actor, {
          lineId: line.id,
          operation: delta > 0n ? 'ALLOCATE' : 'DEALLOCATE',
          amountFen: delta > 0n ? delta : -delta,
          idempotencyKey: `adjustment-${a.id}`,
          reference: { type: 'budget_adjustment', id: String(a.id) },
          memo: a.reason,
        });
      }
      await em.update(
        BudgetAdjustmentEntity,
        { id: a.id },
        { status: approve ? 'APPROVED' : 'REJECTED', decidedBy: actor.userId, decidedAt: now, decisionNote: reason },
      );
      await this.audit.record(em, actor, {
        action: approve ? 'funds.adjustment.approved' : 'funds.adjustment.rejected',
        entityType: 'budget_line',
        entityId: line.id,
        regionPath: line.regionPath,
        after: { adjustmentId: a.id, delta: fenToYuan(delta), ...(reason === null ? {} : { reason }) },
      });
      return adjustmentDto({
        ...a,
        status: approve ? 'APPROVED' : 'REJECTED',
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: reason,
      });
    });
  }

  async adjustments(actor: Actor, lineId: number): Promise<AdjustmentDto[]> {
    await this.visible(actor, lineId, this.dataSource.manager);
    const rows = await this.dataSource
      .getRepository(BudgetAdjustmentEntity)
      .find({ where: { lineId }, order: { id: 'DESC' } });
    return rows.map(adjustmentDto);
  }

  async entries(actor: Actor, lineId: number, q: ListEntriesQuery): Promise<Page<EntryDto>> {
    await this.visible(actor, lineId, this.dataSource.manager);
    const qb = this.dataSource
      .getRepository(LedgerEntryEntity)
      .createQueryBuilder('e')
      .where('e.line_id = :lineId', { lineId });
    if (q.operation) qb.andWhere('e.operation = :op', { op: q.operation });
    if (q.referenceType) qb.andWhere('e.reference_type = :rt', { rt: q.referenceType });
    if (q.referenceId) qb.andWhere('e.reference_id = :rid', { rid: q.referenceId });
    const [rows, total] = await qb
      .orderBy('e.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(entryDto), total, q);
  }

  /**
   * Closes budget year `year` for the caller's region and its subtree — and nowhere else: every line of the year
   * there is flagged (under its row lock, since postings read the flag on the row they lock), and no new line of
   * the year may be created there (422 FUNDS_YEAR_CLOSED). A district's finance office closes its district; a
   * city-level one closes the whole city. Closing again where a closure above or at the region exists is 422.
   */
  async closeYear(actor: Actor, year: number): Promise<void> {
    if (actor.regionId === null || actor.regionPath === null)
      throw new FundsError(FundsErrorCode.INVALID, 'Your account has no region whose budget year could be closed.');
    const regionId = actor.regionId;
    const regionPath = actor.regionPath;
    await inTransaction(this.dataSource, async (em) => {
      // exclusive lock on the year's closures: two closings of one year run one after the other, and a line
      // being created in the meantime (which reads them with a shared lock) is either refused or closed below
      const closures = (await em.query('SELECT region_path FROM fund_year_closures WHERE year = ? FOR UPDATE', [
        year,
      ])) as Array<{ region_path: string }>;
      if (closures.some((c) => regionPath.startsWith(c.region_path)))
        throw new FundsError(FundsErrorCode.YEAR_CLOSED, `Budget year ${year} is already closed here.`);
      const region = await this.regions.findById(regionId, em);
      const now = await dbNow(em);
      await em.insert(FundYearClosureEntity, { year, regionId, regionPath, closedAt: now, closedBy: actor.userId });
      const scope = `${regionPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const lines = (await em.query(
        'SELECT id FROM budget_lines WHERE year = ? AND region_path LIKE ? ORDER BY id FOR UPDATE',
        [year, scope],
      )) as Array<{ id: number }>;
      await em.query('UPDATE budget_lines SET year_closed = 1, updated_at = ? WHERE year = ? AND region_path LIKE ?', [
        now,
        year,
        scope,
      ]);
      await this.audit.record(em, actor, {
        action: 'funds.year.closed',
        entityType: 'fund_year',
        entityId: year,
        regionPath,
        after: { year, regionId, regionName: region?.name ?? null, linesClosed: lines.length },
      });
    });
  }

  /** A line the actor may see (its region subtree); 404 otherwise. */
  async visible(actor: Actor, id: number, em: EntityManager, lock = false): Promise<BudgetLineEntity> {
    const line = lock ? await this.ledger.lockLine(em, id) : await em.findOneBy(BudgetLineEntity, { id });
    if (line === null || !inRegionScope(actor, line.regionPath))
      throw new FundsError(FundsErrorCode.LINE_NOT_FOUND, `Budget line ${id} not found.`);
    return line;
  }

  async dtos(rows: BudgetLineEntity[]): Promise<LineDto[]> {
    const regions = await this.regions.findByIds(rows.map((r) => r.regionId));
    return rows.map((l) => {
      const b = balancesOf(l);
      return {
        id: l.id,
        year: l.year,
        regionId: l.regionId,
        regionName: regions.get(l.regionId)?.name ?? null,
        source: l.source,
        restrictedCategoryCode: l.restrictedCategoryCode,
        multiYear: l.multiYear === 1,
        title: l.title,
        status: l.status,
        requested: fenToYuan(l.requestedFen),
        balances: yuanBalances(b),
        paidRateBp: rateBp(b.paid, allocated(b)),
        createdBy: l.createdBy,
        decidedBy: l.decidedBy,
        decisionNote: l.decisionNote,
        decidedAt: l.decidedAt?.toISOString() ?? null,
        yearClosed: Number(l.yearClosed) === 1,
        createdAt: l.createdAt.toISOString(),
      };
    });
  }

  private positive(yuan: string, field: string): bigint {
    const fen = yuanToFen(yuan);
    if (fen <= 0n)
      throw new FundsError(FundsErrorCode.AMOUNT_NOT_POSITIVE, 'The amount must be more than zero.', {
        errors: [{ field, message: 'must be more than zero' }],
      });
    return fen;
  }

  private sod(): FundsError {
    return new FundsError(
      FundsErrorCode.SEPARATION_OF_DUTIES,
      'Separation of duties: the person who requested this cannot approve it.',
    );
  }
}

function yuanToFenSigned(s: string): bigint {
  return s.startsWith('-') ? -yuanToFen(s.slice(1)) : yuanToFen(s);
}

function adjustmentDto(a: BudgetAdjustmentEntity): AdjustmentDto {
  return {
    id: a.id,
    lineId: a.lineId,
    delta: fenToYuan(a.deltaFen),
    reason: a.reason,
    status: a.status,
    requestedBy: a.requestedBy,
    decidedBy: a.decidedBy,
    decisionNote: a.decisionNote,
    createdAt: a.createdAt.toISOString(),
  };
}
