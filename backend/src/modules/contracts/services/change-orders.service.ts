import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager, In } from 'typeorm';

import { Actor, inRegionScope, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Page, pageOf } from '../../../platform/http/pagination';
import { beijingDate, beijingNextDayStart, formatBeijingNumeric } from '../../../platform/i18n';
import { fenToYuan, yuanToFen } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { LedgerService } from '../../funds';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { OpenDataReleases } from '../../open-data';
import { changeCap, changeMilestoneShareBp } from '../domain/change-orders.rules';
import { ContractsError, ContractsErrorCode } from '../domain/contracts.errors';
import { changeOrderFits } from '../domain/money-rules';
import {
  CHANGE_ORDER_TRANSITIONS,
  ChangeOrderStatus,
  checkTransition,
  LIVE_CONTRACT_STATUSES,
} from '../domain/state-machines';
import {
  ChangeOrderDto,
  ContractChangesDto,
  ContractChangeSummaryDto,
  ListChangeOrdersQuery,
  ProposeChangeOrderDto,
  TerminationKind,
} from '../dto/change-orders.dto';
import { ChangeOrderEntity } from '../entities/change-orders.entities';
import { ContractEntity, ContractMilestoneEntity } from '../entities/contracts.entities';

const STATUS_ZH: Record<ChangeOrderStatus, string> = { PROPOSED: '待财务审批', APPROVED: '已批准', REJECTED: '已驳回' };

/** The ledger reference every posting for a contract carries (signing, change orders, payments, releases). */
export function contractReference(contractId: number): { type: string; id: string } {
  return { type: 'contract', id: String(contractId) };
}

export function isSupplierOf(actor: Actor, c: Pick<ContractEntity, 'organisationId'>): boolean {
  return (
    actor.roles.includes('ORG_MEMBER') && actor.organisationId !== null && actor.organisationId === c.organisationId
  );
}

export function contractNotFound(id: number): ContractsError {
  return new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${id} not found.`);
}

export function summaryOf(c: ContractEntity): ContractChangeSummaryDto {
  const cap = changeCap(BigInt(c.amountFen), BigInt(c.changesFen));
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    status: c.status,
    organisationId: c.organisationId,
    budgetLineId: c.budgetLineId,
    amount: fenToYuan(c.amountFen),
    changes: fenToYuan(c.changesFen),
    cap: fenToYuan(cap.capFen),
    remaining: fenToYuan(cap.remainingFen),
    usedPercent: cap.usedPercent,
    terminatedAt: c.terminatedAt?.toISOString() ?? null,
    terminationKind: (c.terminationKind as TerminationKind | null) ?? null,
    terminationReason: c.terminationReason,
  };
}

/**
 * 补充合同 (PRODUCT.md §4: all change orders together at most 10 % of the original amount). The procurement officer
 * proposes; finance approves in one transaction that locks the contract row, checks the cap against what is already
 * approved, commits the extra money from the budget line (COMMIT_DIRECT), adds it to `changes_fen` and creates the
 * milestone that delivers it — or refuses the whole. The proposer never approves (separation of duties).
 */
@Injectable()
export class ChangeOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly inbox: InboxService,
    private readonly people: PeopleDirectory,
    private readonly openData: OpenDataReleases,
  ) {}

  // ---- reading

  /**
   * A contract the actor may read: staff of its region subtree, or a member of the supplier; anything else is the
   * same 404 as a missing contract.
   */
  async readableContract(em: EntityManager, actor: Actor, id: number): Promise<ContractEntity> {
    const c = await em.findOneBy(ContractEntity, { id });
    if (c === null || !(isSupplierOf(actor, c) || inRegionScope(actor, c.regionPath))) throw contractNotFound(id);
    return c;
  }

  /** A contract the (staff) actor may act on, row-locked until the transaction ends. */
  async lockedContract(em: EntityManager, actor: Actor, id: number): Promise<ContractEntity> {
    const c = await em.findOne(ContractEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (c === null || !inRegionScope(actor, c.regionPath)) throw contractNotFound(id);
    return c;
  }

  /** The change orders of a contract with where it stands against the cap. The supplier sees approved ones only. */
  async forContract(actor: Actor, contractId: number): Promise<ContractChangesDto> {
    const em = this.dataSource.manager;
    const c = await this.readableContract(em, actor, contractId);
    const staff = inRegionScope(actor, c.regionPath);
    const rows = await em.find(ChangeOrderEntity, {
      where: staff ? { contractId } : { contractId, status: 'APPROVED' },
      order: { id: 'ASC' },
    });
    return { contract: summaryOf(c), items: await this.toDtos(em, rows, new Map([[c.id, c]])) };
  }

  /** Finance's queue: change orders (awaiting approval by default) of contracts in the actor's region subtree. */
  async queue(actor: Actor, q: ListChangeOrdersQuery): Promise<Page<ChangeOrderDto>> {
    const scope = regionScopeSql(actor, 'c.region_path');
    const qb = this.dataSource
      .getRepository(ChangeOrderEntity)
      .createQueryBuilder('co')
      .innerJoin(ContractEntity, 'c', 'c.id = co.contract_id')
      .where(scope.sql, scope.params)
      .andWhere('co.status = :status', { status: q.status ?? 'PROPOSED' })
      .orderBy('co.proposed_at', 'ASC')
      .addOrderBy('co.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(await this.toDtos(this.dataSource.manager, rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<ChangeOrderDto> {
    const em = this.dataSource.manager;
    const co = await em.findOneBy(ChangeOrderEntity, { id });
    if (co === null) throw changeOrderNotFound(id);
    const c = await em.findOneBy(ContractEntity, { id: co.contractId });
    const visible =
      c !== null && (inRegionScope(actor, c.regionPath) || (isSupplierOf(actor, c) && co.status === 'APPROVED'));
    if (!visible) throw changeOrderNotFound(id);
    return (await this.toDtos(em, [co], new Map([[c.id, c]])))[0];
  }

  // ---- writing

  async propose(actor: Actor, contractId: number, dto: ProposeChangeOrderDto): Promise<ChangeOrderDto> {
    const id = await inTransaction(this.dataSource, async (em) => {
      const c = await this.lockedContract(em, actor, contractId);
      if (!LIVE_CONTRACT_STATUSES.includes(c.status))
        throw new ContractsError(
          ContractsErrorCode.CHANGE_ORDER_ILLEGAL_TRANSITION,
          `A change order needs a SIGNED or ACTIVE contract; contract ${c.id} is ${c.status}.`,
          { from: c.status },
        );
      const amountFen = yuanToFen(dto.amount);
      if (amountFen <= 0n) throw changeOrderInvalid('amount', 'The added amount must be more than zero.');
      this.assertFits(c, amountFen);
      const now = await dbNow(em);
      const today = beijingDate(now);
      if (dto.milestoneDueDate < today || dto.milestoneDueDate > c.termEnd)
        throw changeOrderInvalid(
          'milestoneDueDate',
          `The milestone must fall due within the contract's remaining term (${today} to ${c.termEnd}).`,
        );
      const row = em.create(ChangeOrderEntity, {
        contractId: c.id,
        status: 'PROPOSED',
        scope: dto.scope,
        reason: dto.reason,
        amountFen: amountFen.toString(),
        milestoneTitle: dto.milestoneTitle,
        milestoneDueDate: dto.milestoneDueDate,
        milestoneId: null,
        commitmentEntryId: null,
        proposedBy: actor.userId,
        proposedAt: now,
        decidedBy: null,
        decidedAt: null,
        rejectionReason: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(ChangeOrderEntity, row);
      await this.audit.record(em, actor, {
        action: 'contracts.changes.proposed',
        entityType: 'contract_change_order',
        entityId: row.id,
        regionPath: c.regionPath,
        before: null,
        after: {
          contractId: c.id,
          status: 'PROPOSED',
          amount: fenToYuan(amountFen),
          scope: dto.scope,
          reason: dto.reason,
          milestoneTitle: dto.milestoneTitle,
          milestoneDueDate: dto.milestoneDueDate,
        },
      });
      // finance officers who can see the contract learn there is a change order to decide
      const finance = (await this.people.activeWithRole('FINANCE_OFFICER', em))
        .filter((u) => u.regionPath !== null && c.regionPath.startsWith(u.regionPath))
        .map((u) => u.id);
      await this.inbox.notify(
        em,
        finance.filter((u) => u !== actor.userId),
        {
          kind: 'contract.change_order',
          template: 'contracts.changes.proposed',
          params: { contractTitle: c.title, contractCode: c.code, amountFen: amountFen.toString() },
        },
        now,
      );
      return row.id;
    });
    return this.get(actor, id);
  }

  async approve(actor: Actor, id: number): Promise<ChangeOrderDto> {
    await inTransaction(this.dataSource, async (em) => {
      const { co, c } = await this.lockedChangeOrder(em, actor, id);
      this.assertTransition(co, 'APPROVED', actor);
      if (co.proposedBy === actor.userId)
        throw new ContractsError(
          ContractsErrorCode.SEPARATION_OF_DUTIES,
          'The officer who proposed a change order cannot approve it: another person must.',
        );
      if (!LIVE_CONTRACT_STATUSES.includes(c.status))
        throw new ContractsError(
          ContractsErrorCode.CHANGE_ORDER_ILLEGAL_TRANSITION,
          `Contract ${c.id} is ${c.status}: its change orders can no longer be approved.`,
          { from: co.status, to: 'APPROVED' },
        );
      const amountFen = BigInt(co.amountFen);
      // the contract row is locked: concurrent approvals on this contract are decided one after the other
      this.assertFits(c, amountFen);
      const now = await dbNow(em);
      const [project] = (await em.query('SELECT item_code FROM projects WHERE id = ?', [c.projectId])) as Array<{
        item_code: string;
      }>;
      const posted = await this.ledger.postIn(em, actor, {
        lineId: c.budgetLineId,
        operation: 'COMMIT_DIRECT',
        amountFen,
        idempotencyKey: `change-order-${co.id}-commit`,
        categoryCode: project?.item_code,
        reference: contractReference(c.id),
        memo: `补充合同：${c.code}（变更 #${co.id}）`.slice(0, 255),
      });
      const [{ seq }] = (await em.query(
        'SELECT COALESCE(MAX(seq), 0) AS seq FROM contract_milestones WHERE contract_id = ?',
        [c.id],
      )) as Array<{ seq: number | string }>;
      const milestone = em.create(ContractMilestoneEntity, {
        contractId: c.id,
        seq: Number(seq) + 1,
        title: co.milestoneTitle,
        deliverables: co.scope,
        dueDate: co.milestoneDueDate,
        dueAt: new Date(beijingNextDayStart(co.milestoneDueDate) as string),
        shareBp: changeMilestoneShareBp(amountFen, BigInt(c.amountFen)),
        amountFen: amountFen.toString(),
        isFinal: 0,
        status: 'PENDING',
        remindedAt: null,
        overdueAt: null,
        submittedAt: null,
        acceptedAt: null,
        acceptedBy: null,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(ContractMilestoneEntity, milestone);
      const changesBefore = c.changesFen;
      c.changesFen = (BigInt(c.changesFen) + amountFen).toString();
      await em.update(ContractEntity, { id: c.id }, { changesFen: c.changesFen, updatedAt: now });
      await em.update(
        ChangeOrderEntity,
        { id: co.id },
        {
          status: 'APPROVED',
          milestoneId: milestone.id,
          commitmentEntryId: posted.entryId,
          decidedBy: actor.userId,
          decidedAt: now,
          updatedAt: now,
        },
      );
      // OCDS: a contract amendment (补充合同), the contract's value with it
      await this.openData.record(em, c.projectId, ['contractAmendment'], now);
      await this.audit.record(em, actor, {
        action: 'contracts.changes.approved',
        entityType: 'contract_change_order',
        entityId: co.id,
        regionPath: c.regionPath,
        before: { status: co.status, contractChanges: fenToYuan(changesBefore) },
        after: {
          status: 'APPROVED',
          contractId: c.id,
          amount: fenToYuan(amountFen),
          contractChanges: fenToYuan(c.changesFen),
          commitmentEntryId: posted.entryId,
          milestoneId: milestone.id,
        },
      });
      const params = {
        contractTitle: c.title,
        contractCode: c.code,
        amountFen: amountFen.toString(),
        milestoneTitle: co.milestoneTitle,
        dueDate: co.milestoneDueDate,
      };
      const members = (await this.people.memberIds([c.organisationId], em)).get(c.organisationId) ?? [];
      await this.inbox.notify(
        em,
        [...members, co.proposedBy],
        { kind: 'contract.change_order', template: 'contracts.changes.approved', params },
        now,
      );
    });
    return this.get(actor, id);
  }

  /** Finance refuses, or the officer withdraws, a proposed change order: nothing is committed. */
  async reject(actor: Actor, id: number, reason: string): Promise<ChangeOrderDto> {
    await inTransaction(this.dataSource, async (em) => {
      const { co, c } = await this.lockedChangeOrder(em, actor, id);
      this.assertTransition(co, 'REJECTED', actor);
      const now = await dbNow(em);
      await this.close(em, actor, co, c, reason, now);
    });
    return this.get(actor, id);
  }

  /** Moves a PROPOSED change order to REJECTED (also used when its contract is terminated). */
  async close(
    em: EntityManager,
    actor: Actor,
    co: ChangeOrderEntity,
    c: ContractEntity,
    reason: string,
    now: Date,
  ): Promise<void> {
    await em.update(
      ChangeOrderEntity,
      { id: co.id },
      { status: 'REJECTED', rejectionReason: reason, decidedBy: actor.userId, decidedAt: now, updatedAt: now },
    );
    await this.audit.record(em, actor, {
      action: 'contracts.changes.rejected',
      entityType: 'contract_change_order',
      entityId: co.id,
      regionPath: c.regionPath,
      before: { status: co.status },
      after: { status: 'REJECTED', contractId: c.id, reason },
    });
    if (co.proposedBy !== actor.userId)
      await this.inbox.notify(
        em,
        [co.proposedBy],
        {
          kind: 'contract.change_order',
          template: 'contracts.changes.rejected',
          params: { contractTitle: c.title, contractCode: c.code, amountFen: co.amountFen, reason },
        },
        now,
      );
  }

  // ---- export

  async contractXlsx(actor: Actor, contractId: number): Promise<Buffer> {
    const { contract, items } = await this.forContract(actor, contractId);
    return this.xlsx(`${contract.code} 补充合同`, items, contract);
  }

  async queueXlsx(actor: Actor, q: ListChangeOrdersQuery): Promise<Buffer> {
    const all: ChangeOrderDto[] = [];
    for (let page = 1; page <= 100; page++) {
      const p = await this.queue(actor, { ...q, page, pageSize: 100 });
      all.push(...p.items);
      if (page * 100 >= p.total) break;
    }
    return this.xlsx('补充合同审批', all);
  }

  private async xlsx(sheet: string, items: ChangeOrderDto[], contract?: ContractChangeSummaryDto): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheet.replace(/[\\/*?:[\]]/g, '-').slice(0, 31));
    ws.columns = [
      { header: '编号', key: 'id', width: 8 },
      { header: '合同编号', key: 'code', width: 18 },
      { header: '合同名称', key: 'title', width: 30 },
      { header: '状态', key: 'status', width: 12 },
      { header: '追加金额（元）', key: 'amount', width: 16 },
      { header: '追加内容', key: 'scope', width: 40 },
      { header: '理由', key: 'reason', width: 30 },
      { header: '新增里程碑', key: 'milestone', width: 20 },
      { header: '到期日', key: 'due', width: 12 },
      { header: '提出人', key: 'proposer', width: 12 },
      { header: '提出时间（北京时间）', key: 'proposedAt', width: 20 },
      { header: '审批人', key: 'decider', width: 12 },
      { header: '审批时间（北京时间）', key: 'decidedAt', width: 20 },
      { header: '驳回理由', key: 'rejection', width: 30 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const x of items)
      ws.addRow({
        id: x.id,
        code: x.contractCode,
        title: x.contractTitle,
        status: STATUS_ZH[x.status],
        amount: x.amount,
        scope: x.scope,
        reason: x.reason,
        milestone: x.milestoneTitle,
        due: x.milestoneDueDate,
        proposer: x.proposedByName,
        proposedAt: formatBeijingNumeric(x.proposedAt),
        decider: x.decidedByName ?? '',
        decidedAt: formatBeijingNumeric(x.decidedAt),
        rejection: x.rejectionReason ?? '',
      });
    if (contract) {
      ws.addRow({});
      ws.addRow({ id: '合同金额（元）', amount: contract.amount });
      ws.addRow({ id: '已批准变更（元）', amount: contract.changes, scope: `占原合同金额 ${contract.usedPercent}%` });
      ws.addRow({ id: '上限 10%（元）', amount: contract.cap });
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  // ---- helpers

  private assertFits(c: ContractEntity, amountFen: bigint): void {
    const original = BigInt(c.amountFen);
    const approved = BigInt(c.changesFen);
    if (changeOrderFits(original, approved, amountFen)) return;
    const cap = changeCap(original, approved);
    throw new ContractsError(
      ContractsErrorCode.CHANGE_ORDER_OVER_CAP,
      `All change orders together may add at most 10 % of the original amount (${fenToYuan(cap.capFen)} yuan); ${fenToYuan(approved)} is approved, ${fenToYuan(amountFen)} more does not fit.`,
      { cap: fenToYuan(cap.capFen), approved: fenToYuan(approved), remaining: fenToYuan(cap.remainingFen) },
    );
  }

  private assertTransition(co: ChangeOrderEntity, to: ChangeOrderStatus, actor: Actor): void {
    const problem = checkTransition(CHANGE_ORDER_TRANSITIONS, 'change order', co.status, to, actor.roles);
    if (problem)
      throw new ContractsError(ContractsErrorCode.CHANGE_ORDER_ILLEGAL_TRANSITION, problem, { from: co.status, to });
  }

  /** The change order and its contract, both row-locked (contract first: the order every writer takes). */
  private async lockedChangeOrder(
    em: EntityManager,
    actor: Actor,
    id: number,
  ): Promise<{ co: ChangeOrderEntity; c: ContractEntity }> {
    const peek = await em.findOneBy(ChangeOrderEntity, { id });
    if (peek === null) throw changeOrderNotFound(id);
    const c = await em.findOne(ContractEntity, { where: { id: peek.contractId }, lock: { mode: 'pessimistic_write' } });
    if (c === null || !inRegionScope(actor, c.regionPath)) throw changeOrderNotFound(id);
    const co = await em.findOneOrFail(ChangeOrderEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return { co, c };
  }

  private async toDtos(
    em: EntityManager,
    rows: ChangeOrderEntity[],
    contracts = new Map<number, ContractEntity>(),
  ): Promise<ChangeOrderDto[]> {
    const missing = [...new Set(rows.map((r) => r.contractId))].filter((id) => !contracts.has(id));
    if (missing.length > 0)
      for (const c of await em.findBy(ContractEntity, { id: In(missing) })) contracts.set(c.id, c);
    const names = await this.people.displayNames(
      [...new Set(rows.flatMap((r) => [r.proposedBy, ...(r.decidedBy === null ? [] : [r.decidedBy])]))],
      em,
    );
    return rows.map((r) => {
      const c = contracts.get(r.contractId) as ContractEntity;
      return {
        id: r.id,
        contractId: r.contractId,
        contractCode: c.code,
        contractTitle: c.title,
        organisationId: c.organisationId,
        status: r.status,
        scope: r.scope,
        reason: r.reason,
        amount: fenToYuan(r.amountFen),
        milestoneTitle: r.milestoneTitle,
        milestoneDueDate: r.milestoneDueDate,
        milestoneId: r.milestoneId,
        proposedBy: r.proposedBy,
        proposedByName: names.get(r.proposedBy) ?? '',
        proposedAt: r.proposedAt.toISOString(),
        decidedBy: r.decidedBy,
        decidedByName: r.decidedBy === null ? null : (names.get(r.decidedBy) ?? ''),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        rejectionReason: r.rejectionReason,
      };
    });
  }
}

export function changeOrderNotFound(id: number): ContractsError {
  return new ContractsError(ContractsErrorCode.CHANGE_ORDER_NOT_FOUND, `Change order ${id} not found.`);
}

export function changeOrderInvalid(field: string, message: string): ContractsError {
  return new ContractsError(ContractsErrorCode.CHANGE_ORDER_INVALID, message, { errors: [{ field, message }] });
}
