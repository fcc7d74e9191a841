import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor, inRegionScope, Role, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Page, pageOf } from '../../../platform/http/pagination';
import { formatBeijingNumeric } from '../../../platform/i18n/beijing-time';
import type { Message } from '../../../platform/i18n/template';
import { DeadlineJob, deadlineJobId, Deadlines, DeadlineSource, QUEUES } from '../../../platform/queue';
import { fenToYuan } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { LedgerService } from '../../funds';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { OpenDataReleases } from '../../open-data';
import { ProjectsService } from '../../procurement';
import { ContractsError, ContractsErrorCode } from '../domain/contracts.errors';
import { bpToPercent, lateInterestFen } from '../domain/money-rules';
import { daysLate, paymentDue } from '../domain/payment-dates';
import {
  checkTransition,
  CONTRACT_TRANSITIONS,
  LIVE_CONTRACT_STATUSES,
  MachineActor,
  PAYMENT_TRANSITIONS,
  PaymentStatus,
} from '../domain/state-machines';
import {
  ContractPaymentsDto,
  ListPaymentRequestsQuery,
  PaymentMilestoneDto,
  PaymentRequestDto,
} from '../dto/payments.dto';
import { ContractEntity, ContractMilestoneEntity } from '../entities/contracts.entities';
import { PaymentRequestEntity } from '../entities/payments.entities';
import type { ContractTick } from './contract-deadlines';
import { ContractHooks } from './contract-hooks';

/** The payment-due job (QUEUES.CONTRACTS): flags a request not paid by its due time as late. */
export const PAYMENT_DUE_JOB = 'payment.due';

export interface PaymentJobPayload {
  requestId: number;
}

/** A payment job's answer (the contracts queue's one tick shape). */
export type PaymentTick = ContractTick;

export function paymentDueJob(requestId: number, dueAt: Date): DeadlineJob<PaymentJobPayload> {
  return {
    queue: QUEUES.CONTRACTS,
    name: PAYMENT_DUE_JOB,
    jobId: deadlineJobId(PAYMENT_DUE_JOB, requestId, dueAt.getTime()),
    payload: { requestId },
    runAt: dueAt,
  };
}

/** The ledger key of a request's disbursement: one per request, unique in the ledger. */
export const disburseKey = (id: number) => `payment-${id}-disburse`;
export const releaseKey = (id: number) => `payment-${id}-release`;

function isLiveDuplicate(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  return (e.driverError?.code ?? e.code) === 'ER_DUP_ENTRY' && /uq_payment_requests_live/.test(e.message ?? '');
}

const notFound = (id: number) =>
  new ContractsError(ContractsErrorCode.PAYMENT_NOT_FOUND, `Payment request ${id} not found.`);
const contractNotFound = (id: number) =>
  new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${id} not found.`);

/** Who may see a contract's payments: its supplier's members, and staff whose region subtree holds it. */
export function seesContract(actor: Actor, c: Pick<ContractEntity, 'organisationId' | 'regionPath'>): boolean {
  if (actor.organisationId !== null && actor.roles.includes('ORG_MEMBER') && actor.organisationId === c.organisationId)
    return true;
  return actor.roles.some((r) => r !== 'ORG_MEMBER') && inRegionScope(actor, c.regionPath);
}

/** Throws the 409 of the payment machine when the move is not in its table for these roles. */
export function assertPaymentTransition(from: PaymentStatus, to: PaymentStatus, as: MachineActor[]): void {
  const problem = checkTransition(PAYMENT_TRANSITIONS, 'payment request', from, to, as);
  if (problem) throw new ContractsError(ContractsErrorCode.PAYMENT_ILLEGAL_TRANSITION, problem, { from, to });
}

function separation(message: string): ContractsError {
  return new ContractsError(ContractsErrorCode.SEPARATION_OF_DUTIES, message);
}

interface RequestRow {
  r: PaymentRequestEntity;
  contract: Pick<ContractEntity, 'id' | 'code' | 'title'>;
  milestone: Pick<ContractMilestoneEntity, 'id' | 'seq' | 'title' | 'isFinal'>;
  organisationName: string;
}

/**
 * Payment requests (付款申请, PRODUCT.md §4, §5.8): the supplier requests the tranche of an accepted milestone,
 * the officer approves, finance pays — three people, each step audited. Paying posts the ledger's DISBURSE
 * (COMMITTED → PAID) in the same transaction, under the request's row lock and with the request's unique
 * ledger key, so nothing pays twice. A payment not made by its due date is flagged by a job and accrues
 * late-payment interest, shown to both sides. When every milestone is paid or withheld the contract and its
 * project are COMPLETED.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly inbox: InboxService,
    private readonly people: PeopleDirectory,
    private readonly projects: ProjectsService,
    private readonly deadlines: Deadlines,
    private readonly hooks: ContractHooks,
    private readonly openData: OpenDataReleases,
  ) {}

  get lateRateBp(): number {
    return this.env.LATE_PAYMENT_ANNUAL_RATE_BP;
  }

  // ---------------------------------------------------------------- the supplier requests

  async request(actor: Actor, contractId: number, milestoneId: number): Promise<PaymentRequestDto> {
    let id: number;
    try {
      id = await inTransaction(this.dataSource, async (em) => {
        const c = await em.findOne(ContractEntity, { where: { id: contractId }, lock: { mode: 'pessimistic_read' } });
        if (c === null || c.organisationId !== actor.organisationId) throw contractNotFound(contractId);
        // the milestone's row lock queues a double click: the second sees the first's request (409); the unique live
        // key is the last word
        const m = await em.findOne(ContractMilestoneEntity, {
          where: { id: milestoneId, contractId },
          lock: { mode: 'pessimistic_write' },
        });
        if (m === null)
          throw new ContractsError(ContractsErrorCode.MILESTONE_NOT_FOUND, `Milestone ${milestoneId} not found.`);
        if (!LIVE_CONTRACT_STATUSES.includes(c.status))
          throw new ContractsError(
            ContractsErrorCode.PAYMENT_ILLEGAL_TRANSITION,
            `Contract ${c.code} is ${c.status}: payments are requested while it is signed or active.`,
            { contractStatus: c.status },
          );
        if (m.status !== 'ACCEPTED' || m.acceptedAt === null)
          throw new ContractsError(
            ContractsErrorCode.PAYMENT_ILLEGAL_TRANSITION,
            `Milestone ${m.seq} is ${m.status}: a payment is requested for an accepted milestone.`,
            { milestoneStatus: m.status },
          );
        const live = await em.findOneBy(PaymentRequestEntity, { liveKey: m.id });
        if (live !== null) throw this.alreadyLive(live);
        const now = await dbNow(em);
        const r = await this.insert(em, c, m, now, m.isFinal === 1 ? 'HELD' : 'REQUESTED', actor.userId);
        await this.audit.record(em, actor, {
          action: r.status === 'HELD' ? 'contracts.payment.held' : 'contracts.payment.requested',
          entityType: 'payment_request',
          entityId: r.id,
          regionPath: c.regionPath,
          after: { contractId: c.id, milestoneId: m.id, status: r.status, amountFen: r.amountFen, dueDate: r.dueDate },
        });
        if (r.status === 'REQUESTED')
          await this.notifyOfficers(em, c, now, {
            template: 'contracts.payment.requested',
            params: { contractTitle: c.title, seq: m.seq, amountFen: r.amountFen, dueDate: r.dueDate },
          });
        return r.id;
      });
    } catch (err) {
      // two requests for one milestone at once: the unique live key lets one in
      if (isLiveDuplicate(err)) {
        const live = await this.dataSource.manager.findOneBy(PaymentRequestEntity, { liveKey: milestoneId });
        if (live) throw this.alreadyLive(live);
      }
      throw err;
    }
    await this.scheduleDue(id);
    return this.get(actor, id);
  }

  private alreadyLive(live: PaymentRequestEntity): ContractsError {
    return new ContractsError(
      ContractsErrorCode.PAYMENT_ILLEGAL_TRANSITION,
      `Milestone ${live.milestoneId} already has payment request ${live.id} (${live.status}).`,
      { paymentRequestId: live.id, requestStatus: live.status },
    );
  }

  /** Inserts a request for the milestone's tranche (HELD for the final one); the unique live key settles races. */
  async insert(
    em: EntityManager,
    c: ContractEntity,
    m: ContractMilestoneEntity,
    now: Date,
    status: 'REQUESTED' | 'HELD',
    requestedBy: number | null,
  ): Promise<PaymentRequestEntity> {
    const due = status === 'HELD' || m.acceptedAt === null ? null : paymentDue(m.acceptedAt, c.paymentDays);
    const row = em.create(PaymentRequestEntity, {
      contractId: c.id,
      milestoneId: m.id,
      liveKey: m.id,
      regionPath: c.regionPath,
      organisationId: c.organisationId,
      budgetLineId: c.budgetLineId,
      status,
      trancheFen: String(m.amountFen),
      amountFen: String(m.amountFen),
      releasedFen: '0',
      dueDate: due?.dueDate ?? null,
      dueAt: due?.dueAt ?? null,
      requestedBy: status === 'HELD' ? null : requestedBy,
      requestedAt: status === 'HELD' ? null : now,
      approvedBy: null,
      approvedAt: null,
      paidBy: null,
      paidAt: null,
      disburseEntryId: null,
      rejectedBy: null,
      rejectedAt: null,
      rejectReason: null,
      lateAt: null,
      lateInterestFen: null,
      lateRateBp: null,
      evaluationRef: null,
      evaluationScore: null,
      finalOutcome: null,
      reductionBp: null,
      createdAt: now,
      updatedAt: now,
    });
    const res = await em.insert(PaymentRequestEntity, row);
    row.id = (res.identifiers[0] as { id: number }).id;
    return row;
  }

  // ---------------------------------------------------------------- the officer approves or rejects

  async approve(actor: Actor, id: number): Promise<PaymentRequestDto> {
    await inTransaction(this.dataSource, async (em) => {
      const { r, c } = await this.lockedInScope(em, actor, id);
      assertPaymentTransition(r.status, 'APPROVED', actor.roles);
      if (r.requestedBy === actor.userId) throw separation('The person who requested a payment cannot approve it.');
      const now = await dbNow(em);
      await em.update(
        PaymentRequestEntity,
        { id },
        { status: 'APPROVED', approvedBy: actor.userId, approvedAt: now, updatedAt: now },
      );
      await this.audit.record(em, actor, {
        action: 'contracts.payment.approved',
        entityType: 'payment_request',
        entityId: id,
        regionPath: r.regionPath,
        before: { status: r.status },
        after: { status: 'APPROVED', amountFen: r.amountFen },
      });
      const m = await em.findOneByOrFail(ContractMilestoneEntity, { id: r.milestoneId });
      const message: Message = {
        template: 'contracts.payment.approved',
        params: { contractTitle: c.title, seq: m.seq, amountFen: r.amountFen, dueDate: r.dueDate },
      };
      await this.notifySupplier(em, c, now, message);
      await this.notifyStaff(em, c, 'FINANCE_OFFICER', now, message);
    });
    return this.get(actor, id);
  }

  /** The officer (a request) or finance (a request or an approved one) sends it back with a reason. */
  async reject(
    actor: Actor,
    id: number,
    reason: string,
    as: 'PROCUREMENT_OFFICER' | 'FINANCE_OFFICER',
  ): Promise<PaymentRequestDto> {
    await inTransaction(this.dataSource, async (em) => {
      const { r, c } = await this.lockedInScope(em, actor, id);
      assertPaymentTransition(r.status, 'REJECTED', [as]);
      if (r.requestedBy === actor.userId) throw separation('The person who requested a payment cannot decide on it.');
      const now = await dbNow(em);
      await em.update(
        PaymentRequestEntity,
        { id },
        {
          status: 'REJECTED',
          liveKey: null,
          rejectedBy: actor.userId,
          rejectedAt: now,
          rejectReason: reason,
          updatedAt: now,
        },
      );
      await this.audit.record(em, actor, {
        action: 'contracts.payment.rejected',
        entityType: 'payment_request',
        entityId: id,
        regionPath: r.regionPath,
        before: { status: r.status },
        after: { status: 'REJECTED', reason },
      });
      const m = await em.findOneByOrFail(ContractMilestoneEntity, { id: r.milestoneId });
      await this.notifySupplier(em, c, now, {
        template: 'contracts.payment.rejected',
        params: { contractTitle: c.title, seq: m.seq, reason },
      });
    });
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- finance pays

  async pay(actor: Actor, id: number): Promise<PaymentRequestDto> {
    await inTransaction(this.dataSource, (em) => this.payIn(em, actor, id));
    return this.get(actor, id);
  }

  /**
   * Pays in the caller's transaction: the contract row, then the request row, then (in the ledger) the budget
   * line are locked in that order, so concurrent payments queue; the second finds PAID and gets a 409, and the
   * ledger's unique key `payment-<id>-disburse` would refuse a second entry anyway.
   */
  async payIn(em: EntityManager, actor: Actor, id: number): Promise<void> {
    const { r, c } = await this.lockedInScope(em, actor, id);
    assertPaymentTransition(r.status, 'PAID', actor.roles);
    if (r.approvedBy === actor.userId || r.requestedBy === actor.userId)
      throw separation('The person who requested or approved a payment cannot pay it.');
    const now = await dbNow(em);
    const amount = BigInt(r.amountFen);
    const late = daysLate(r.dueDate, now);
    const interest = lateInterestFen(amount, late, this.lateRateBp);
    const posted = await this.ledger.postIn(em, actor, {
      lineId: r.budgetLineId,
      operation: 'DISBURSE',
      amountFen: amount,
      idempotencyKey: disburseKey(id),
      reference: { type: 'payment_request', id: String(id) },
      memo: `合同 ${c.code} 付款`,
    });
    if (posted.replayed)
      throw new ContractsError(ContractsErrorCode.PAYMENT_ILLEGAL_TRANSITION, `Payment request ${id} is already paid.`);
    await em.update(
      PaymentRequestEntity,
      { id },
      {
        status: 'PAID',
        paidBy: actor.userId,
        paidAt: now,
        disburseEntryId: posted.entryId,
        lateInterestFen: interest.toString(),
        lateRateBp: this.lateRateBp,
        lateAt: r.lateAt ?? (late > 0 ? now : null),
        updatedAt: now,
      },
    );
    await this.audit.record(em, actor, {
      action: 'contracts.payment.paid',
      entityType: 'payment_request',
      entityId: id,
      regionPath: r.regionPath,
      before: { status: r.status },
      after: {
        status: 'PAID',
        amountFen: r.amountFen,
        ledgerEntryId: posted.entryId,
        daysLate: late,
        lateInterestFen: interest.toString(),
      },
    });
    // OCDS: the payment as a transaction (payer, payee, amount) of the contract's implementation
    await this.openData.record(em, c.projectId, ['implementation'], now);
    const m = await em.findOneByOrFail(ContractMilestoneEntity, { id: r.milestoneId });
    const project = (await em.query('SELECT title FROM projects WHERE id = ?', [c.projectId])) as Array<{
      title: string;
    }>;
    await this.projects.tellNeeds(
      em,
      SYSTEM_ACTOR,
      c.projectId,
      // the final tranche, paid after the evaluation's result: 尾款已支付, with the score it was paid on
      r.evaluationRef !== null && r.finalOutcome !== null
        ? {
            template: 'contracts.payment.step_final_paid',
            params: {
              projectTitle: project[0]?.title ?? c.title,
              amountFen: r.amountFen,
              releasedFen: r.releasedFen,
              score: r.evaluationScore,
              paidAt: now.toISOString(),
            },
          }
        : {
            template: 'contracts.payment.step_paid',
            params: {
              projectTitle: project[0]?.title ?? c.title,
              seq: m.seq,
              amountFen: r.amountFen,
              paidAt: now.toISOString(),
            },
          },
      now,
    );
    await this.notifySupplier(em, c, now, {
      template: 'contracts.payment.paid',
      params: {
        contractTitle: c.title,
        seq: m.seq,
        amountFen: r.amountFen,
        paidAt: now.toISOString(),
        interestFen: interest.toString(),
      },
    });
    await this.completeIfSettled(em, c, now);
  }

  /**
   * When every milestone's request is PAID or WITHHELD, the contract becomes COMPLETED and its project too
   * (SYSTEM). The caller holds the contract's row lock.
   */
  async completeIfSettled(em: EntityManager, c: ContractEntity, now: Date): Promise<boolean> {
    const [{ open }] = (await em.query(
      `SELECT COUNT(*) AS open FROM contract_milestones m
        WHERE m.contract_id = ?
          AND NOT EXISTS (SELECT 1 FROM payment_requests r WHERE r.live_key = m.id AND r.status IN ('PAID', 'WITHHELD'))`,
      [c.id],
    )) as Array<{ open: string }>;
    if (Number(open) > 0 || c.status !== 'ACTIVE') return false;
    const problem = checkTransition(CONTRACT_TRANSITIONS, 'contract', c.status, 'COMPLETED', ['SYSTEM']);
    if (problem) return false;
    await em.update(ContractEntity, { id: c.id }, { status: 'COMPLETED', completedAt: now, updatedAt: now });
    await this.audit.record(em, SYSTEM_ACTOR, {
      action: 'contracts.contract.completed',
      entityType: 'contract',
      entityId: c.id,
      regionPath: c.regionPath,
      before: { status: c.status },
      after: { status: 'COMPLETED' },
    });
    c.status = 'COMPLETED';
    const [p] = (await em.query('SELECT status, title FROM projects WHERE id = ?', [c.projectId])) as Array<{
      status: string;
      title: string;
    }>;
    if (p?.status === 'CONTRACTED')
      await this.projects.setStatus(em, SYSTEM_ACTOR, c.projectId, 'IN_PROGRESS', now, true, { contractId: c.id });
    if (p?.status === 'CONTRACTED' || p?.status === 'IN_PROGRESS')
      await this.projects.setStatus(em, SYSTEM_ACTOR, c.projectId, 'COMPLETED', now, true, { contractId: c.id });
    await this.projects.tellNeeds(
      em,
      SYSTEM_ACTOR,
      c.projectId,
      { template: 'contracts.payment.step_completed', params: { projectTitle: p?.title ?? c.title } },
      now,
    );
    await this.hooks.completed(em, { contract: c, now });
    return true;
  }

  // ---------------------------------------------------------------- lateness (job)

  /** The payment-due job: flags a request still unpaid at its due time and tells both sides. Idempotent. */
  async dueTick(requestId: number): Promise<PaymentTick> {
    const outcome = await inTransaction(this.dataSource, async (em): Promise<PaymentTick> => {
      const r = await em.findOne(PaymentRequestEntity, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (r === null) return { result: 'GONE' };
      if (!['REQUESTED', 'APPROVED'].includes(r.status) || r.dueAt === null) return { result: `NOTHING_${r.status}` };
      if (r.lateAt !== null) return { result: 'ALREADY_LATE' };
      const now = await dbNow(em);
      if (now.getTime() < r.dueAt.getTime()) return { result: 'NOT_DUE', dueInMs: r.dueAt.getTime() - now.getTime() };
      await em.update(PaymentRequestEntity, { id: r.id }, { lateAt: now, updatedAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'contracts.payment.late',
        entityType: 'payment_request',
        entityId: r.id,
        regionPath: r.regionPath,
        after: { lateAt: now, dueDate: r.dueDate, status: r.status },
      });
      const c = await em.findOneByOrFail(ContractEntity, { id: r.contractId });
      const m = await em.findOneByOrFail(ContractMilestoneEntity, { id: r.milestoneId });
      const message: Message = {
        template: 'contracts.payment.late',
        params: {
          contractTitle: c.title,
          seq: m.seq,
          amountFen: r.amountFen,
          dueDate: r.dueDate,
          ratePercent: bpToPercent(this.lateRateBp),
        },
      };
      await this.notifySupplier(em, c, now, message);
      await this.notifyOfficers(em, c, now, message);
      await this.notifyStaff(em, c, 'FINANCE_OFFICER', now, message);
      return { result: 'FLAGGED_LATE' };
    });
    return outcome;
  }

  async scheduleDue(requestId: number): Promise<void> {
    const r = await this.dataSource.manager.findOneBy(PaymentRequestEntity, { id: requestId });
    if (r && r.dueAt !== null && r.lateAt === null && ['REQUESTED', 'APPROVED'].includes(r.status))
      await this.deadlines.schedule(paymentDueJob(r.id, r.dueAt));
  }

  /** For the reconciler: every unpaid request with a due date not yet flagged late. */
  source(): DeadlineSource {
    return {
      kind: PAYMENT_DUE_JOB,
      pending: async () => {
        const rows = (await this.dataSource.query(
          "SELECT id, due_at FROM payment_requests WHERE status IN ('REQUESTED', 'APPROVED') AND due_at IS NOT NULL AND late_at IS NULL",
        )) as Array<{ id: number; due_at: Date }>;
        return rows.map((r) => paymentDueJob(r.id, r.due_at));
      },
    };
  }

  // ---------------------------------------------------------------- reading

  async get(actor: Actor, id: number): Promise<PaymentRequestDto> {
    const rows = await this.rows(this.dataSource.manager, 'r.id = ?', [id]);
    if (rows.length === 0) throw notFound(id);
    const c = await this.dataSource.manager.findOneByOrFail(ContractEntity, { id: rows[0].r.contractId });
    if (!seesContract(actor, c)) throw notFound(id);
    return this.toDto(rows[0], await dbNow(this.dataSource.manager));
  }

  async forContract(actor: Actor, contractId: number): Promise<ContractPaymentsDto> {
    const em = this.dataSource.manager;
    const c = await em.findOneBy(ContractEntity, { id: contractId });
    if (c === null || !seesContract(actor, c)) throw contractNotFound(contractId);
    const now = await dbNow(em);
    const milestones = await em.find(ContractMilestoneEntity, { where: { contractId }, order: { seq: 'ASC' } });
    const requests = (await this.rows(em, 'r.contract_id = ?', [contractId], 'r.id DESC')).map((x) =>
      this.toDto(x, now),
    );
    const live = (mid: number) => requests.find((q) => q.milestoneId === mid && q.status !== 'REJECTED') ?? null;
    const ms: PaymentMilestoneDto[] = milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      isFinal: m.isFinal === 1,
      status: m.status,
      amount: fenToYuan(m.amountFen),
      acceptedAt: m.acceptedAt?.toISOString() ?? null,
      requestable: m.status === 'ACCEPTED' && live(m.id) === null && LIVE_CONTRACT_STATUSES.includes(c.status),
      request: live(m.id),
    }));
    return {
      contractId: c.id,
      contractCode: c.code,
      contractTitle: c.title,
      contractStatus: c.status,
      amount: fenToYuan(c.amountFen),
      paymentDays: c.paymentDays,
      lateRatePercent: bpToPercent(this.lateRateBp),
      finalReductionPercent: bpToPercent(this.env.FINAL_TRANCHE_REDUCTION_BP),
      milestones: ms,
      requests,
    };
  }

  /** The queue: staff see their region subtree (finance: to pay; officers: to approve), a supplier its own. */
  async list(actor: Actor, q: ListPaymentRequestsQuery): Promise<Page<PaymentRequestDto>> {
    const { where, params } = this.listWhere(actor, q);
    const em = this.dataSource.manager;
    const [{ n }] = (await em.query(`SELECT COUNT(*) AS n FROM payment_requests r WHERE ${where}`, params)) as Array<{
      n: string;
    }>;
    const rows = await this.rows(
      em,
      where,
      params,
      'r.due_at IS NULL, r.due_at ASC, r.id ASC',
      `LIMIT ${Number(q.pageSize)} OFFSET ${(Number(q.page) - 1) * Number(q.pageSize)}`,
    );
    const now = await dbNow(em);
    return pageOf(
      rows.map((x) => this.toDto(x, now)),
      Number(n),
      q,
    );
  }

  async listXlsx(actor: Actor, q: ListPaymentRequestsQuery): Promise<Buffer> {
    const { where, params } = this.listWhere(actor, q);
    const em = this.dataSource.manager;
    const now = await dbNow(em);
    const rows = (await this.rows(em, where, params, 'r.due_at IS NULL, r.due_at ASC, r.id ASC', 'LIMIT 10000')).map(
      (x) => this.toDto(x, now),
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('付款申请');
    ws.columns = [
      { header: '编号', key: 'id', width: 8 },
      { header: '合同编号', key: 'contractCode', width: 18 },
      { header: '合同', key: 'contractTitle', width: 30 },
      { header: '乙方', key: 'organisationName', width: 30 },
      { header: '期次', key: 'milestoneSeq', width: 6 },
      { header: '状态', key: 'status', width: 10 },
      { header: '金额（元）', key: 'amount', width: 14 },
      { header: '应付日期', key: 'dueDate', width: 12 },
      { header: '逾期天数', key: 'daysLate', width: 10 },
      { header: '逾期利息（元）', key: 'lateInterest', width: 14 },
      { header: '支付时间（北京时间）', key: 'paidAt', width: 20 },
    ];
    for (const d of rows)
      // amounts as the exact yuan text of the API ("93000.00"), as the other exports write them
      ws.addRow({ ...d, paidAt: d.paidAt ? formatBeijingNumeric(d.paidAt) : '' });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  private listWhere(actor: Actor, q: ListPaymentRequestsQuery): { where: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    const staff = actor.roles.some((r) => r !== 'ORG_MEMBER') && actor.regionPath !== null;
    const own = actor.roles.includes('ORG_MEMBER') && actor.organisationId !== null;
    const scope: string[] = [];
    if (staff) {
      scope.push('r.region_path LIKE ?');
      params.push(`${(actor.regionPath as string).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    }
    if (own) {
      scope.push('r.organisation_id = ?');
      params.push(actor.organisationId);
    }
    parts.push(scope.length ? `(${scope.join(' OR ')})` : '1 = 0');
    if (q.status?.length) {
      parts.push(`r.status IN (${q.status.map(() => '?').join(',')})`);
      params.push(...q.status);
    }
    if (q.overdue === 'true') parts.push("r.status IN ('REQUESTED', 'APPROVED') AND r.due_at < UTC_TIMESTAMP(3)");
    if (q.overdue === 'false')
      parts.push(
        "NOT (r.status IN ('REQUESTED', 'APPROVED') AND r.due_at IS NOT NULL AND r.due_at < UTC_TIMESTAMP(3))",
      );
    if (q.contractId !== undefined) {
      parts.push('r.contract_id = ?');
      params.push(q.contractId);
    }
    return { where: parts.join(' AND '), params };
  }

  private async rows(
    em: EntityManager,
    where: string,
    params: unknown[],
    order = 'r.id ASC',
    limit = '',
  ): Promise<RequestRow[]> {
    const raw = (await em.query(
      `SELECT r.id FROM payment_requests r WHERE ${where} ORDER BY ${order} ${limit}`,
      params,
    )) as Array<{ id: number }>;
    if (raw.length === 0) return [];
    const ids = raw.map((x) => x.id);
    const list = await em
      .getRepository(PaymentRequestEntity)
      .createQueryBuilder('r')
      .where('r.id IN (:...ids)', { ids })
      .getMany();
    const byId = new Map(list.map((x) => [x.id, x]));
    const contractIds = [...new Set(list.map((x) => x.contractId))];
    const contracts = new Map(
      (
        await em
          .getRepository(ContractEntity)
          .createQueryBuilder('c')
          .where('c.id IN (:...contractIds)', { contractIds })
          .getMany()
      ).map((c) => [c.id, c]),
    );
    const milestones = new Map(
      (
        await em
          .getRepository(ContractMilestoneEntity)
          .createQueryBuilder('m')
          .where('m.contract_id IN (:...contractIds)', { contractIds })
          .getMany()
      ).map((m) => [m.id, m]),
    );
    const orgIds = [...new Set(list.map((x) => x.organisationId))];
    const orgs = new Map(
      (
        (await em.query(
          `SELECT id, name FROM organisations WHERE id IN (${orgIds.map(() => '?').join(',')})`,
          orgIds,
        )) as Array<{
          id: number;
          name: string;
        }>
      ).map((o) => [o.id, o.name]),
    );
    return ids.map((id) => {
      const r = byId.get(id) as PaymentRequestEntity;
      return {
        r,
        contract: contracts.get(r.contractId) as ContractEntity,
        milestone: milestones.get(r.milestoneId) as ContractMilestoneEntity,
        organisationName: orgs.get(r.organisationId) ?? '',
      };
    });
  }

  /** Days late and interest: to the day of payment once paid (as fixed then), else to today (Beijing). */
  toDto(x: RequestRow, now: Date): PaymentRequestDto {
    const { r } = x;
    const at = r.paidAt ?? now;
    const open = ['REQUESTED', 'APPROVED', 'PAID'].includes(r.status);
    const late = open ? daysLate(r.dueDate, at) : 0;
    const rate = r.lateRateBp ?? this.lateRateBp;
    const interest =
      r.status === 'PAID' && r.lateInterestFen !== null
        ? BigInt(r.lateInterestFen)
        : lateInterestFen(BigInt(r.amountFen), late, rate);
    return {
      id: r.id,
      contractId: r.contractId,
      contractCode: x.contract.code,
      contractTitle: x.contract.title,
      organisationId: r.organisationId,
      organisationName: x.organisationName,
      milestoneId: r.milestoneId,
      milestoneSeq: x.milestone.seq,
      milestoneTitle: x.milestone.title,
      isFinal: x.milestone.isFinal === 1,
      status: r.status,
      tranche: fenToYuan(r.trancheFen),
      amount: fenToYuan(r.amountFen),
      released: fenToYuan(r.releasedFen),
      dueDate: r.dueDate,
      dueAt: r.dueAt?.toISOString() ?? null,
      overdue: late > 0,
      daysLate: late,
      lateInterest: fenToYuan(interest),
      lateRatePercent: bpToPercent(rate),
      lateAt: r.lateAt?.toISOString() ?? null,
      requestedAt: r.requestedAt?.toISOString() ?? null,
      requestedBy: r.requestedBy,
      approvedAt: r.approvedAt?.toISOString() ?? null,
      approvedBy: r.approvedBy,
      paidAt: r.paidAt?.toISOString() ?? null,
      paidBy: r.paidBy,
      rejectedAt: r.rejectedAt?.toISOString() ?? null,
      rejectReason: r.rejectReason,
      finalOutcome: r.finalOutcome,
      evaluationScore: r.evaluationScore,
    };
  }

  // ---------------------------------------------------------------- helpers

  /** Locks the contract then the request (that order everywhere); out of the actor's region = 404. */
  private async lockedInScope(
    em: EntityManager,
    actor: Actor,
    id: number,
  ): Promise<{ r: PaymentRequestEntity; c: ContractEntity }> {
    const peek = await em.findOneBy(PaymentRequestEntity, { id });
    if (peek === null || !inRegionScope(actor, peek.regionPath)) throw notFound(id);
    const c = await em.findOne(ContractEntity, { where: { id: peek.contractId }, lock: { mode: 'pessimistic_write' } });
    const r = await em.findOne(PaymentRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (c === null || r === null) throw notFound(id);
    return { r, c };
  }

  async notifySupplier(
    em: EntityManager,
    c: Pick<ContractEntity, 'organisationId'>,
    now: Date,
    message: Message,
  ): Promise<void> {
    const members = (await this.people.memberIds([c.organisationId], em)).get(c.organisationId) ?? [];
    await this.inbox.notify(em, members, { kind: 'contracts.payment', ...message }, now);
  }

  private async notifyOfficers(em: EntityManager, c: ContractEntity, now: Date, message: Message): Promise<void> {
    await this.notifyStaff(em, c, 'PROCUREMENT_OFFICER', now, message);
  }

  /** Active staff of a role whose region holds the contract's region. */
  private async notifyStaff(
    em: EntityManager,
    c: ContractEntity,
    role: Role,
    now: Date,
    message: Message,
  ): Promise<void> {
    const staff = (await this.people.activeWithRole(role, em)).filter(
      (u) => u.regionPath !== null && c.regionPath.startsWith(u.regionPath),
    );
    await this.inbox.notify(
      em,
      staff.map((u) => u.id),
      { kind: 'contracts.payment', ...message },
      now,
    );
  }
}
