import { Injectable, OnModuleInit } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor, inRegionScope, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { containsPattern } from '../../../platform/http/keyword';
import { Page } from '../../../platform/http/pagination';
import { formatBeijingNumeric } from '../../../platform/i18n';
import { DeadlineJob, deadlineJobId, Deadlines, DeadlineSource, QUEUES } from '../../../platform/queue';
import { fenToYuan } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { addCalendarDays, CalendarService, shanghaiDate } from '../../regions';
import {
  applyCustodyMove,
  canMove,
  CUSTODY_MOVES,
  CustodyBalances,
  CustodyKind,
  CustodyOperation,
  CustodyReturnReason,
  CustodyStatus,
  daysLate,
  lateReturnInterestFen,
  replayCustody,
  returnDueAt,
} from '../domain/custody';
import { FundsError, FundsErrorCode } from '../domain/funds.errors';
import { CustodyAccountDto, CustodyEntryDto, ListCustodyQuery } from '../dto/custody.dto';
import { CustodyAccountEntity, CustodyEntryEntity } from '../entities/custody.entities';

/** The refund/release due-date job: marks an amount not returned by its due time REFUND_DUE and tells finance. */
export const CUSTODY_REFUND_DUE_JOB = 'custody.refund-due';

export interface CustodyJobPayload {
  accountId: number;
}

export type CustodyTick = { result: string } | { result: 'NOT_DUE'; dueInMs: number };

export function refundDueJob(accountId: number, dueAt: Date): DeadlineJob<CustodyJobPayload> {
  return {
    queue: QUEUES.CONTRACTS,
    name: CUSTODY_REFUND_DUE_JOB,
    jobId: deadlineJobId(CUSTODY_REFUND_DUE_JOB, accountId, dueAt.getTime()),
    payload: { accountId },
    runAt: dueAt,
  };
}

/** What the contract hooks give custody (a structural view of the contract row: funds does not import contracts). */
export interface ContractForCustody {
  id: number;
  tenderId: number;
  organisationId: number;
  regionPath: string;
  bondFen: string;
}

type AccountRow = CustodyAccountEntity & { organisationName: string; tenderTitle: string };

const isFinanceScope = (a: Actor) =>
  a.roles.some((r) => r === 'FINANCE_OFFICER' || r === 'PROCUREMENT_OFFICER' || r === 'AUDITOR');
const isOrg = (a: Actor) => a.roles.includes('ORG_MEMBER') && a.organisationId !== null;

const KIND_ZH: Record<CustodyKind, string> = { BID_DEPOSIT: '投标保证金', PERFORMANCE_BOND: '履约保证金' };
const STATUS_ZH: Record<CustodyStatus, string> = {
  HELD: '保管中',
  REFUND_DUE: '逾期待退',
  REFUNDED: '已退还',
  RELEASED: '已退还（履约）',
  FORFEITED: '已没收',
};

/**
 * Money held for others (保证金): bid deposits and performance bonds, in the custody ledger (domain/custody.ts).
 * Procurement calls it inside its own transactions (a bid records the deposit; a withdrawal and the award notice make
 * deposits returnable); the contracts context calls it from its hooks (signing holds the bond and makes the
 * winner's deposit returnable; the final acceptance and a termination settle the bond). Returns are made by finance
 * (PAYMENTS_PAY) — the system cannot move bank money — and the due-date job marks what is late REFUND_DUE and tells
 * finance; a late return pays interest at CUSTODY_LATE_INTEREST_BP a year.
 */
/** A new account, HELD and still empty: the receipt entry fills it (balances follow the entries). */
function newAccount(
  who: Pick<CustodyAccountEntity, 'kind' | 'organisationId' | 'regionPath' | 'tenderId'> & { contractId?: number },
  requiredFen: bigint,
  now: Date,
): Partial<CustodyAccountEntity> {
  return {
    ...who,
    contractId: who.contractId ?? null,
    status: 'HELD',
    requiredFen: requiredFen.toString(),
    heldFen: '0',
    returnedFen: '0',
    forfeitedFen: '0',
    interestFen: '0',
    returnReason: null,
    returnDueAt: null,
    dueMarkedAt: null,
    forfeitable: 0,
    closedAt: null,
    closedBy: null,
    decisionNote: null,
    createdAt: now,
    updatedAt: now,
  };
}

@Injectable()
export class CustodyService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly people: PeopleDirectory,
    private readonly inbox: InboxService,
    private readonly deadlines: Deadlines,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerSource(this.source());
  }

  /** The reconciler's view: every held amount with a due date gets its due-date job back. */
  source(): DeadlineSource {
    return {
      kind: CUSTODY_REFUND_DUE_JOB,
      pending: async () => {
        const rows = await this.dataSource.getRepository(CustodyAccountEntity).find({
          where: { status: 'HELD' },
          select: { id: true, returnDueAt: true },
        });
        return rows.filter((r) => r.returnDueAt !== null).map((r) => refundDueJob(r.id, r.returnDueAt as Date));
      },
    };
  }

  // ------------------------------------------------------------ bid deposits (procurement's transactions)

  /**
   * A bid was submitted (or replaced): the deposit is recorded HELD once per organisation and tender. A replacement
   * changes nothing; a bid after a withdrawal keeps (or, if already refunded, records again) the deposit.
   */
  async bidSubmitted(
    em: EntityManager,
    actor: Actor,
    e: { tenderId: number; tenderTitle: string; organisationId: number; regionPath: string; depositFen: bigint },
    now: Date,
  ): Promise<void> {
    if (e.depositFen <= 0n) return;
    let a = await this.lockByTender(em, 'BID_DEPOSIT', e.tenderId, e.organisationId);
    if (a === null) {
      await em.insert(
        CustodyAccountEntity,
        newAccount(
          { kind: 'BID_DEPOSIT', organisationId: e.organisationId, regionPath: e.regionPath, tenderId: e.tenderId },
          e.depositFen,
          now,
        ),
      );
      a = (await this.lockByTender(em, 'BID_DEPOSIT', e.tenderId, e.organisationId)) as CustodyAccountEntity;
    } else if (a.status === 'HELD' && BigInt(a.heldFen) > 0n) {
      if (a.returnReason === 'WITHDRAWN') {
        // bidding again before the deadline: the deposit stays, its refund is called off
        await em.update(CustodyAccountEntity, { id: a.id }, { returnReason: null, returnDueAt: null, updatedAt: now });
        await this.record(em, actor, a, {
          action: 'funds.custody.return_cancelled',
          before: { returnReason: 'WITHDRAWN' },
          after: { returnReason: null, returnDueAt: null },
        });
      }
      return;
    } else if (a.status === 'REFUNDED') {
      await this.setStatus(em, actor, a, 'HELD', now, { returnReason: null, returnDueAt: null, dueMarkedAt: null });
    } else {
      return;
    }
    await this.post(em, actor, a, 'RECEIVE', e.depositFen, `receive:${await this.receipts(em, a.id)}`, now);
    await this.tell(em, a, 'custody.received', { amountFen: e.depositFen.toString() }, now, e.tenderTitle);
  }

  /** The organisation withdrew its bid before the deadline: its deposit is due back in 5 working days. */
  async bidWithdrawn(
    em: EntityManager,
    actor: Actor,
    e: { tenderId: number; organisationId: number },
    now: Date,
  ): Promise<void> {
    const a = await this.lockByTender(em, 'BID_DEPOSIT', e.tenderId, e.organisationId);
    if (a !== null) await this.makeReturnable(em, actor, a, 'WITHDRAWN', now);
  }

  /** The award notice: every other bidder's deposit is due back within 5 working days of it. */
  async awardNoticed(
    em: EntityManager,
    actor: Actor,
    e: { tenderId: number; winnerOrganisationId: number },
    now: Date,
  ): Promise<void> {
    const rows = await em.find(CustodyAccountEntity, {
      where: { kind: 'BID_DEPOSIT', tenderId: e.tenderId, status: 'HELD' },
      lock: { mode: 'pessimistic_write' },
      order: { id: 'ASC' },
    });
    for (const a of rows)
      if (a.organisationId !== e.winnerOrganisationId) await this.makeReturnable(em, actor, a, 'LOST', now);
  }

  /**
   * The tender ended without an award (流标, or cancelled after publication): every deposit still held is due back
   * within 5 working days, as after an award notice.
   */
  async tenderEnded(em: EntityManager, actor: Actor, tenderId: number, now: Date): Promise<void> {
    const rows = await em.find(CustodyAccountEntity, {
      where: { kind: 'BID_DEPOSIT', tenderId, status: 'HELD' },
      lock: { mode: 'pessimistic_write' },
      order: { id: 'ASC' },
    });
    for (const a of rows) await this.makeReturnable(em, actor, a, 'ENDED', now);
  }

  // ------------------------------------------------------------ contract hooks

  /** Signing: the winner's deposit is due back within 5 working days; the performance bond is recorded HELD. */
  async contractSigned(em: EntityManager, c: ContractForCustody, now: Date): Promise<void> {
    const deposit = await this.lockByTender(em, 'BID_DEPOSIT', c.tenderId, c.organisationId);
    if (deposit !== null) await this.makeReturnable(em, SYSTEM_ACTOR, deposit, 'WON', now);
    const bondFen = BigInt(c.bondFen);
    if (bondFen <= 0n) return;
    let bond = await this.lockByTender(em, 'PERFORMANCE_BOND', c.tenderId, c.organisationId);
    if (bond !== null) return; // a retried transaction: recorded already
    await em.insert(
      CustodyAccountEntity,
      newAccount(
        {
          kind: 'PERFORMANCE_BOND',
          organisationId: c.organisationId,
          regionPath: c.regionPath,
          tenderId: c.tenderId,
          contractId: c.id,
        },
        bondFen,
        now,
      ),
    );
    bond = (await this.lockByTender(em, 'PERFORMANCE_BOND', c.tenderId, c.organisationId)) as CustodyAccountEntity;
    await this.post(em, SYSTEM_ACTOR, bond, 'RECEIVE', bondFen, 'receive:1', now);
    await this.tell(em, bond, 'custody.received', { amountFen: bondFen.toString() }, now);
  }

  /** The final milestone accepted: the bond is due back within 5 working days (finance releases it). */
  async finalAccepted(em: EntityManager, c: ContractForCustody, now: Date): Promise<void> {
    const bond = await this.lockByTender(em, 'PERFORMANCE_BOND', c.tenderId, c.organisationId);
    if (bond !== null) await this.makeReturnable(em, SYSTEM_ACTOR, bond, 'FINAL_ACCEPTANCE', now);
  }

  /**
   * A termination: by agreement (or never signed) the bond is due back; for breach finance decides — forfeit it
   * with a reason, or release it. Finance officers of the region are told.
   */
  async terminated(
    em: EntityManager,
    c: ContractForCustody,
    kind: 'AGREEMENT' | 'BREACH' | 'NOT_SIGNED',
    now: Date,
  ): Promise<void> {
    const bond = await this.lockByTender(em, 'PERFORMANCE_BOND', c.tenderId, c.organisationId);
    if (bond === null || bond.status !== 'HELD') return;
    if (kind !== 'BREACH') return this.makeReturnable(em, SYSTEM_ACTOR, bond, 'TERMINATED', now);
    if (bond.forfeitable === 1) return;
    await em.update(CustodyAccountEntity, { id: bond.id }, { forfeitable: 1, updatedAt: now });
    await this.record(em, SYSTEM_ACTOR, bond, {
      action: 'funds.custody.forfeitable',
      before: { forfeitable: false },
      after: { forfeitable: true },
    });
    const title = await this.tenderTitle(em, bond.tenderId);
    await this.inbox.notify(
      em,
      await this.financeOf(em, bond.regionPath),
      {
        kind: 'custody.bond',
        template: 'custody.forfeitable',
        params: { tenderTitle: title, amountFen: bond.heldFen },
      },
      now,
    );
  }

  // ------------------------------------------------------------ finance decisions

  /** Finance returns a deposit (REFUND) or a bond (RELEASE), with the interest of any days late. */
  async giveBack(actor: Actor, id: number, op: 'REFUND' | 'RELEASE', note?: string): Promise<CustodyAccountDto> {
    await inTransaction(this.dataSource, async (em) => {
      const a = await this.lockVisible(em, actor, id);
      const now = await dbNow(em);
      const to: CustodyStatus = op === 'REFUND' ? 'REFUNDED' : 'RELEASED';
      const kindOk = op === 'REFUND' ? a.kind === 'BID_DEPOSIT' : a.kind === 'PERFORMANCE_BOND';
      if (!kindOk)
        throw new FundsError(
          FundsErrorCode.CUSTODY_ILLEGAL_TRANSITION,
          op === 'REFUND'
            ? 'Only a bid deposit is refunded; a bond is released.'
            : 'Only a performance bond is released.',
        );
      const returnable = a.returnDueAt !== null || a.forfeitable === 1;
      if (!canMove(a.status, to) || !returnable)
        throw new FundsError(
          FundsErrorCode.CUSTODY_ILLEGAL_TRANSITION,
          returnable
            ? `The account is ${a.status}: it cannot become ${to}.`
            : 'Not returnable yet: a deposit goes back after the award notice, the signing or a withdrawal; a bond after the final acceptance or a termination.',
          { accountStatus: a.status },
        );
      const principal = BigInt(a.heldFen);
      const late = a.returnDueAt ? daysLate(a.returnDueAt, now) : 0;
      const interest = lateReturnInterestFen(principal, late, this.env.CUSTODY_LATE_INTEREST_BP);
      const gen = await this.receipts(em, a.id);
      await this.post(em, actor, a, op, principal, `${op.toLowerCase()}:${gen}`, now, note);
      if (interest > 0n) await this.post(em, actor, a, 'INTEREST', interest, `interest:${gen}`, now, `${late} days`);
      await this.setStatus(em, actor, a, to, now, {
        closedAt: now,
        closedBy: actor.userId,
        decisionNote: note ?? null,
      });
      await this.tell(
        em,
        a,
        'custody.returned',
        { amountFen: principal.toString(), interestFen: interest.toString(), daysLate: late },
        now,
      );
    });
    return this.get(actor, id);
  }

  /** After a termination for breach, finance keeps the bond, saying why. */
  async forfeit(actor: Actor, id: number, reason: string): Promise<CustodyAccountDto> {
    await inTransaction(this.dataSource, async (em) => {
      const a = await this.lockVisible(em, actor, id);
      const now = await dbNow(em);
      if (a.kind !== 'PERFORMANCE_BOND' || a.forfeitable !== 1 || !canMove(a.status, 'FORFEITED'))
        throw new FundsError(
          FundsErrorCode.CUSTODY_ILLEGAL_TRANSITION,
          'Only a performance bond held after a termination for breach can be forfeited.',
          { accountStatus: a.status },
        );
      const held = BigInt(a.heldFen);
      await this.post(em, actor, a, 'FORFEIT', held, `forfeit:${await this.receipts(em, a.id)}`, now, reason);
      await this.setStatus(em, actor, a, 'FORFEITED', now, {
        closedAt: now,
        closedBy: actor.userId,
        decisionNote: reason,
      });
      await this.tell(em, a, 'custody.forfeited', { amountFen: held.toString(), reason }, now);
    });
    return this.get(actor, id);
  }

  // ------------------------------------------------------------ the due-date job

  /** Marks an amount still held past its due time REFUND_DUE and tells finance and the organisation. Idempotent. */
  async refundDueTick(accountId: number): Promise<CustodyTick> {
    return inTransaction(this.dataSource, async (em): Promise<CustodyTick> => {
      const a = await em.findOne(CustodyAccountEntity, {
        where: { id: accountId },
        lock: { mode: 'pessimistic_write' },
      });
      if (a === null || a.status !== 'HELD' || a.returnDueAt === null) return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      if (now < a.returnDueAt) return { result: 'NOT_DUE', dueInMs: a.returnDueAt.getTime() - now.getTime() };
      await this.setStatus(em, SYSTEM_ACTOR, a, 'REFUND_DUE', now, { dueMarkedAt: now });
      const title = await this.tenderTitle(em, a.tenderId);
      const params = {
        kind: a.kind,
        tenderTitle: title,
        amountFen: a.heldFen,
        dueAt: a.returnDueAt.toISOString(),
        ratePercent: (this.env.CUSTODY_LATE_INTEREST_BP / 100).toFixed(2),
      };
      const users = [...(await this.financeOf(em, a.regionPath)), ...(await this.membersOf(em, a.organisationId))];
      await this.inbox.notify(em, users, { kind: 'custody.return', template: 'custody.return_due', params }, now);
      return { result: 'REFUND_DUE' };
    });
  }

  // ------------------------------------------------------------ reading

  async list(actor: Actor, q: ListCustodyQuery): Promise<Page<CustodyAccountDto>> {
    if (!isFinanceScope(actor) || actor.regionPath === null)
      return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    return this.page(q, { regionPrefix: actor.regionPath });
  }

  async mine(actor: Actor, q: ListCustodyQuery): Promise<Page<CustodyAccountDto>> {
    if (!isOrg(actor)) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    return this.page({ ...q, organisationId: undefined }, { organisationId: actor.organisationId as number });
  }

  async get(actor: Actor, id: number): Promise<CustodyAccountDto> {
    const a = await this.visible(this.dataSource.manager, actor, id);
    const [row] = await this.rows({ id: a.id });
    const entries = await this.dataSource
      .getRepository(CustodyEntryEntity)
      .find({ where: { accountId: id }, order: { id: 'ASC' } });
    return { ...this.dto(row, await dbNow(this.dataSource.manager)), entries: entries.map(entryDto) };
  }

  async xlsx(actor: Actor, q: ListCustodyQuery): Promise<Buffer> {
    const all: CustodyAccountDto[] = [];
    for (let p = 1; p <= 100; p++) {
      const page = await this.list(actor, { ...q, page: p, pageSize: 100 });
      all.push(...page.items);
      if (p * 100 >= page.total) break;
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('保证金');
    ws.columns = [
      { header: '编号', key: 'id', width: 8 },
      { header: '类别', key: 'kind', width: 12 },
      { header: '状态', key: 'status', width: 14 },
      { header: '社会组织', key: 'org', width: 28 },
      { header: '采购项目', key: 'tender', width: 32 },
      { header: '应缴（元）', key: 'required', width: 14 },
      { header: '保管中（元）', key: 'held', width: 14 },
      { header: '已退还（元）', key: 'returned', width: 14 },
      { header: '已没收（元）', key: 'forfeited', width: 14 },
      { header: '逾期利息（元）', key: 'interest', width: 14 },
      { header: '应退期限（北京时间）', key: 'due', width: 22 },
      { header: '逾期天数', key: 'late', width: 10 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const a of all)
      ws.addRow({
        id: a.id,
        kind: KIND_ZH[a.kind as CustodyKind],
        status: STATUS_ZH[a.status as CustodyStatus],
        org: a.organisationName,
        tender: a.tenderTitle,
        required: a.required,
        held: a.held,
        returned: a.returned,
        forfeited: a.forfeited,
        interest: a.interest !== '0.00' ? a.interest : a.accruedInterest,
        due: a.returnDueAt ? formatBeijingNumeric(new Date(a.returnDueAt), 'minute') : '',
        late: a.daysLate,
      });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  // ------------------------------------------------------------ internals

  private async page(
    q: ListCustodyQuery,
    scope: { regionPrefix?: string; organisationId?: number },
  ): Promise<Page<CustodyAccountDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (scope.regionPrefix !== undefined) {
      where.push('a.region_path LIKE ?');
      params.push(`${scope.regionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (scope.organisationId !== undefined) {
      where.push('a.organisation_id = ?');
      params.push(scope.organisationId);
    }
    const filters: Array<[unknown, string]> = [
      [q.kind, 'a.kind = ?'],
      [q.status, 'a.status = ?'],
      [q.organisationId, 'a.organisation_id = ?'],
      [q.tenderId, 'a.tender_id = ?'],
      [q.q ? containsPattern(q.q) : undefined, 't.title LIKE ?'],
    ];
    for (const [value, sql] of filters) {
      if (value === undefined || value === null || value === '') continue;
      where.push(sql);
      params.push(value);
    }
    const sqlWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = (await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM custody_accounts a JOIN tenders t ON t.id = a.tender_id ${sqlWhere}`,
      params,
    )) as Array<{ n: string }>;
    const rows = await this.rows(undefined, sqlWhere, params, q);
    const now = await dbNow(this.dataSource.manager);
    return { items: rows.map((r) => this.dto(r, now)), total: Number(n), page: q.page, pageSize: q.pageSize };
  }

  private async rows(
    byId?: { id: number },
    sqlWhere = '',
    params: unknown[] = [],
    q?: ListCustodyQuery,
  ): Promise<AccountRow[]> {
    const where = byId ? 'WHERE a.id = ?' : sqlWhere;
    const args = byId ? [byId.id] : [...params];
    const paging = q ? `LIMIT ${Number(q.pageSize)} OFFSET ${(Number(q.page) - 1) * Number(q.pageSize)}` : '';
    const raw = (await this.dataSource.query(
      `SELECT a.*, o.name AS organisation_name, t.title AS tender_title
         FROM custody_accounts a JOIN tenders t ON t.id = a.tender_id JOIN organisations o ON o.id = a.organisation_id
         ${where} ORDER BY a.id DESC ${paging}`,
      args,
    )) as Array<Record<string, unknown>>;
    return raw.map((r) => ({
      id: r.id as number,
      kind: r.kind as CustodyKind,
      organisationId: r.organisation_id as number,
      regionPath: r.region_path as string,
      tenderId: r.tender_id as number,
      contractId: r.contract_id as number | null,
      status: r.status as CustodyStatus,
      requiredFen: String(r.required_fen),
      heldFen: String(r.held_fen),
      returnedFen: String(r.returned_fen),
      forfeitedFen: String(r.forfeited_fen),
      interestFen: String(r.interest_fen),
      returnReason: r.return_reason as CustodyReturnReason | null,
      returnDueAt: r.return_due_at as Date | null,
      dueMarkedAt: r.due_marked_at as Date | null,
      forfeitable: Number(r.forfeitable),
      closedAt: r.closed_at as Date | null,
      closedBy: r.closed_by as number | null,
      decisionNote: r.decision_note as string | null,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
      organisationName: r.organisation_name as string,
      tenderTitle: r.tender_title as string,
    }));
  }

  private dto(a: AccountRow, now: Date): CustodyAccountDto {
    const open = a.status === 'HELD' || a.status === 'REFUND_DUE';
    const late = a.returnDueAt ? daysLate(a.returnDueAt, open ? now : (a.closedAt ?? now)) : 0;
    const accrued = open ? lateReturnInterestFen(BigInt(a.heldFen), late, this.env.CUSTODY_LATE_INTEREST_BP) : 0n;
    return {
      id: a.id,
      kind: a.kind,
      status: a.status,
      organisationId: a.organisationId,
      organisationName: a.organisationName,
      tenderId: a.tenderId,
      tenderTitle: a.tenderTitle,
      contractId: a.contractId,
      required: fenToYuan(a.requiredFen),
      held: fenToYuan(a.heldFen),
      returned: fenToYuan(a.returnedFen),
      forfeited: fenToYuan(a.forfeitedFen),
      interest: fenToYuan(a.interestFen),
      accruedInterest: fenToYuan(accrued),
      daysLate: late,
      returnReason: a.returnReason,
      returnDueAt: a.returnDueAt?.toISOString() ?? null,
      dueMarkedAt: a.dueMarkedAt?.toISOString() ?? null,
      forfeitable: a.forfeitable === 1,
      closedAt: a.closedAt?.toISOString() ?? null,
      decisionNote: a.decisionNote,
      createdAt: a.createdAt.toISOString(),
    };
  }

  /** Staff of the account's region subtree, or a member of its organisation; 404 for everyone else. */
  private async visible(em: EntityManager, actor: Actor, id: number, lock = false): Promise<CustodyAccountEntity> {
    const a = await em.findOne(CustodyAccountEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const ok =
      a !== null &&
      ((isFinanceScope(actor) && inRegionScope(actor, a.regionPath)) ||
        (isOrg(actor) && a.organisationId === actor.organisationId));
    if (!ok || a === null) throw new FundsError(FundsErrorCode.CUSTODY_NOT_FOUND, `Custody account ${id} not found.`);
    return a;
  }

  /** For finance decisions: a finance officer of the account's region subtree (others: 404). */
  private async lockVisible(em: EntityManager, actor: Actor, id: number): Promise<CustodyAccountEntity> {
    const a = await em.findOne(CustodyAccountEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (a === null || !actor.roles.includes('FINANCE_OFFICER') || !inRegionScope(actor, a.regionPath))
      throw new FundsError(FundsErrorCode.CUSTODY_NOT_FOUND, `Custody account ${id} not found.`);
    return a;
  }

  private lockByTender(
    em: EntityManager,
    kind: CustodyKind,
    tenderId: number,
    organisationId: number,
  ): Promise<CustodyAccountEntity | null> {
    return em.findOne(CustodyAccountEntity, {
      where: { kind, tenderId, organisationId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** How many times money was received on the account: the generation that keys its entries. */
  private async receipts(em: EntityManager, accountId: number): Promise<number> {
    const [{ n }] = (await em.query(
      "SELECT COUNT(*) AS n FROM custody_entries WHERE account_id = ? AND operation = 'RECEIVE'",
      [accountId],
    )) as Array<{ n: string }>;
    return Number(n);
  }

  /** Sets the due date of a held amount (5 working days after the event), tells the organisation, schedules the job. */
  private async makeReturnable(
    em: EntityManager,
    actor: Actor,
    a: CustodyAccountEntity,
    reason: CustodyReturnReason,
    now: Date,
  ): Promise<void> {
    if (a.status !== 'HELD' || a.returnDueAt !== null || BigInt(a.heldFen) <= 0n) return;
    const from = shanghaiDate(now);
    const cal = await this.calendar.calendarBetween(from, addCalendarDays(from, 60));
    const dueAt = returnDueAt(now, cal);
    await em.update(CustodyAccountEntity, { id: a.id }, { returnReason: reason, returnDueAt: dueAt, updatedAt: now });
    await this.record(em, actor, a, {
      action: 'funds.custody.return_scheduled',
      before: { returnDueAt: null },
      after: { returnReason: reason, returnDueAt: dueAt.toISOString() },
    });
    a.returnReason = reason;
    a.returnDueAt = dueAt;
    await this.tell(em, a, 'custody.return_scheduled', { amountFen: a.heldFen, dueAt: dueAt.toISOString() }, now);
    // Inside the caller's transaction: a job of a rolled-back transaction finds nothing to do; the reconciler
    // rebuilds a job Redis did not take.
    await this.deadlines.schedule(refundDueJob(a.id, dueAt), now);
  }

  private async setStatus(
    em: EntityManager,
    actor: Actor,
    a: CustodyAccountEntity,
    to: CustodyStatus,
    now: Date,
    set: Partial<CustodyAccountEntity> = {},
  ): Promise<void> {
    if (!canMove(a.status, to))
      throw new FundsError(
        FundsErrorCode.CUSTODY_ILLEGAL_TRANSITION,
        `The account is ${a.status}: it cannot become ${to}.`,
        { accountStatus: a.status },
      );
    await em.update(CustodyAccountEntity, { id: a.id }, { ...set, status: to, updatedAt: now });
    await this.record(em, actor, a, {
      action: `funds.custody.${to.toLowerCase()}`,
      before: { status: a.status },
      after: { status: to, ...plain(set) },
    });
    a.status = to;
  }

  /** One double entry; the account's buckets follow by trigger (custody_entries_apply) in the same statement. */
  private async post(
    em: EntityManager,
    actor: Actor,
    a: CustodyAccountEntity,
    op: CustodyOperation,
    amountFen: bigint,
    keySuffix: string,
    now: Date,
    memo?: string,
  ): Promise<void> {
    const before = balancesOf(a);
    const moved = applyCustodyMove(before, op, amountFen);
    if (!moved.ok)
      throw new FundsError(
        FundsErrorCode.CUSTODY_ILLEGAL_TRANSITION,
        `Custody account ${a.id} cannot ${op.toLowerCase()} ${fenToYuan(amountFen)} yuan (${moved.problem}).`,
      );
    const key = `custody:${a.id}:${keySuffix}`;
    const { from, to } = CUSTODY_MOVES[op];
    await em.query(
      `INSERT INTO custody_entries (account_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, memo, actor_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        a.id,
        op,
        from,
        to,
        amountFen.toString(),
        key,
        memo?.slice(0, 255) ?? null,
        actor.userId === 0 ? null : actor.userId,
        now,
      ],
    );
    const b = moved.balances;
    Object.assign(a, {
      heldFen: b.held.toString(),
      returnedFen: b.returned.toString(),
      forfeitedFen: b.forfeited.toString(),
      interestFen: b.interest.toString(),
    });
    await this.record(em, actor, a, {
      action: `funds.custody.ledger.${op.toLowerCase()}`,
      before: yuan(before),
      after: { ...yuan(b), amount: fenToYuan(amountFen), idempotencyKey: key },
    });
  }

  private record(
    em: EntityManager,
    actor: Actor,
    a: CustodyAccountEntity,
    e: { action: string; before: Record<string, unknown>; after: Record<string, unknown> },
  ): Promise<void> {
    return this.audit.record(em, actor, {
      action: e.action,
      entityType: 'custody_account',
      entityId: a.id,
      regionPath: a.regionPath,
      before: e.before,
      after: { ...e.after, kind: a.kind, tenderId: a.tenderId, organisationId: a.organisationId },
    });
  }

  private async tell(
    em: EntityManager,
    a: CustodyAccountEntity,
    template: string,
    params: Record<string, string | number>,
    now: Date,
    tenderTitle?: string,
  ): Promise<void> {
    const title = tenderTitle ?? (await this.tenderTitle(em, a.tenderId));
    await this.inbox.notify(
      em,
      await this.membersOf(em, a.organisationId),
      { kind: 'custody.return', template, params: { kind: a.kind, tenderTitle: title, ...params } },
      now,
    );
  }

  private async tenderTitle(em: EntityManager, tenderId: number): Promise<string> {
    const [t] = (await em.query('SELECT title FROM tenders WHERE id = ?', [tenderId])) as Array<{ title: string }>;
    return t?.title ?? '';
  }

  private async membersOf(em: EntityManager, organisationId: number): Promise<number[]> {
    return (await this.people.memberIds([organisationId], em)).get(organisationId) ?? [];
  }

  /** Finance officers whose region contains the account's region. */
  private async financeOf(em: EntityManager, regionPath: string): Promise<number[]> {
    return (await this.people.activeWithRole('FINANCE_OFFICER', em))
      .filter((u) => u.regionPath !== null && regionPath.startsWith(u.regionPath))
      .map((u) => u.id);
  }
}

function balancesOf(a: CustodyAccountEntity): CustodyBalances {
  return {
    held: BigInt(a.heldFen),
    returned: BigInt(a.returnedFen),
    forfeited: BigInt(a.forfeitedFen),
    interest: BigInt(a.interestFen),
  };
}

export function yuan(b: CustodyBalances) {
  return {
    held: fenToYuan(b.held),
    returned: fenToYuan(b.returned),
    forfeited: fenToYuan(b.forfeited),
    interest: fenToYuan(b.interest),
  };
}

function plain(set: Partial<CustodyAccountEntity>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(set).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

function entryDto(e: CustodyEntryEntity): CustodyEntryDto {
  return {
    id: e.id,
    operation: e.operation,
    from: e.fromBucket,
    to: e.toBucket,
    amount: fenToYuan(e.amountFen),
    idempotencyKey: e.idempotencyKey,
    memo: e.memo,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * Recomputes every custody account's buckets from its entries and compares them with the stored ones (part of the
 * ledger consistency check: funds-report.service.ts ledgerConsistency).
 */
export async function custodyConsistency(
  dataSource: DataSource,
  regionPrefix?: string,
): Promise<{
  accountsChecked: number;
  differences: Array<{ accountId: number; stored: ReturnType<typeof yuan>; fromLedger: ReturnType<typeof yuan> }>;
}> {
  const accounts = (await dataSource.query(
    `SELECT id, held_fen, returned_fen, forfeited_fen, interest_fen FROM custody_accounts ${regionPrefix ? 'WHERE region_path LIKE ?' : ''} ORDER BY id`,
    regionPrefix ? [`${regionPrefix}%`] : [],
  )) as Array<{ id: number; held_fen: string; returned_fen: string; forfeited_fen: string; interest_fen: string }>;
  const sums = (await dataSource.query(
    'SELECT account_id, from_bucket, to_bucket, SUM(amount_fen) AS total FROM custody_entries GROUP BY account_id, from_bucket, to_bucket',
  )) as Array<{ account_id: number; from_bucket: string; to_bucket: string; total: string }>;
  const differences: Array<{
    accountId: number;
    stored: ReturnType<typeof yuan>;
    fromLedger: ReturnType<typeof yuan>;
  }> = [];
  for (const a of accounts) {
    const fromLedger = replayCustody(
      sums
        .filter((s) => s.account_id === a.id)
        .map((s) => ({
          fromBucket: s.from_bucket as never,
          toBucket: s.to_bucket as never,
          amountFen: BigInt(s.total),
        })),
    );
    const stored: CustodyBalances = {
      held: BigInt(a.held_fen),
      returned: BigInt(a.returned_fen),
      forfeited: BigInt(a.forfeited_fen),
      interest: BigInt(a.interest_fen),
    };
    if (
      stored.held !== fromLedger.held ||
      stored.returned !== fromLedger.returned ||
      stored.forfeited !== fromLedger.forfeited ||
      stored.interest !== fromLedger.interest
    )
      differences.push({ accountId: a.id, stored: yuan(stored), fromLedger: yuan(fromLedger) });
  }
  return { accountsChecked: accounts.length, differences };
}
