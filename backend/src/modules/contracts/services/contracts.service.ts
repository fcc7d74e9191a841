import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';

import { Actor, inRegionScope, regionScopeSql, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { containsPattern } from '../../../platform/http/keyword';
import { Page, pageOf } from '../../../platform/http/pagination';
import { Message } from '../../../platform/i18n';
import { Deadlines, DeadlineSource } from '../../../platform/queue';
import { canonicalJson, sha256Hex } from '../../../platform/util/canonical-json';
import { fenToYuan } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { LedgerService } from '../../funds';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { OpenDataReleases } from '../../open-data';
import { AwardedEvent, ProjectsService } from '../../procurement';
import { addCalendarDays, CalendarService, endOfDayShanghai, shanghaiDate } from '../../regions';
import {
  bondFen,
  contractCode,
  ContractContent,
  DEFAULT_BOND_BP,
  DEFAULT_MAX_TERM_MONTHS,
  DEFAULT_PAYMENT_DAYS,
  defaultTerm,
  Instalment,
  milestonesFromSchedule,
  MULTI_YEAR_MAX_TERM_MONTHS,
  PUBLICATION_WORKING_DAYS,
  signatureDueAt,
  SignedContent,
  termsProblems,
} from '../domain/contract-draft';
import { contractInvalid, ContractsError, ContractsErrorCode } from '../domain/contracts.errors';
import { bpToPercent, percentToBp, splitBySharesBp } from '../domain/money-rules';
import { checkTransition, CONTRACT_TRANSITIONS, ContractStatus, MachineActor } from '../domain/state-machines';
import {
  ContractDto,
  ContractSummaryDto,
  ListContractsQuery,
  MilestoneViewDto,
  PublicContractNoticeDto,
  SignatoryViewDto,
  UpdateContractDto,
} from '../dto/contract.dto';
import { ContractEntity, ContractMilestoneEntity } from '../entities/contracts.entities';
import { ContractSignatoryEntity } from '../entities/signatories.entities';
import {
  contractJob,
  ContractTick,
  nextReminder,
  PUBLICATION_DUE_JOB,
  SIGNATURE_DUE_JOB,
  SIGNATURE_REMINDER_JOB,
} from './contract-deadlines';
import { ContractHooks } from './contract-hooks';

const isOfficer = (a: Actor) => a.roles.includes('PROCUREMENT_OFFICER');
const isStaff = (a: Actor) =>
  a.roles.some((r) => r === 'PROCUREMENT_OFFICER' || r === 'AUDITOR' || r === 'FINANCE_OFFICER');
const isOrg = (a: Actor) => a.roles.includes('ORG_MEMBER') && a.organisationId !== null;

const PURCHASER_SUFFIX: Record<string, string> = {
  CITY: '民政局',
  DISTRICT: '民政局',
  STREET: '街道办事处',
  COMMUNITY: '社区居民委员会',
};

const SORTS: Record<string, [string, 'ASC' | 'DESC']> = {
  '-createdAt': ['c.id', 'DESC'],
  createdAt: ['c.id', 'ASC'],
  '-amount': ['c.amount_fen', 'DESC'],
  amount: ['c.amount_fen', 'ASC'],
  code: ['c.code', 'ASC'],
  '-code': ['c.code', 'DESC'],
  signatureDueAt: ['c.signature_due_at', 'ASC'],
};

/**
 * Contracts (合同, PRODUCT.md §5.8): the draft made from the award, the officer's edits within the rules, both
 * signatures (frozen content, SHA-256, reservation → commitment in the same transaction), publication of the
 * contract notice, and the signature and publication clocks.
 */
@Injectable()
export class ContractsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly ledger: LedgerService,
    private readonly projects: ProjectsService,
    private readonly people: PeopleDirectory,
    private readonly inbox: InboxService,
    private readonly hooks: ContractHooks,
    private readonly deadlines: Deadlines,
    private readonly openData: OpenDataReleases,
  ) {}

  // ------------------------------------------------------------ the draft from the award

  /** The AwardHooks listener: a DRAFT from the award, inside the awarding transaction. Idempotent (one per tender). */
  async draftFromAward(em: EntityManager, e: AwardedEvent): Promise<ContractEntity> {
    const existing = await em.findOneBy(ContractEntity, { tenderId: e.tender.id });
    if (existing) return existing;
    const [project] = (await em.query(
      'SELECT id, title, region_id, region_path, budget_line_id, catalogue_item_id, plan FROM projects WHERE id = ?',
      [e.tender.projectId],
    )) as Array<{
      id: number;
      title: string;
      region_id: number;
      region_path: string;
      budget_line_id: number;
      catalogue_item_id: number;
      plan: string;
    }>;
    const [region] = (await em.query('SELECT name, level FROM regions WHERE id = ?', [project.region_id])) as Array<{
      name: string;
      level: string;
    }>;
    const [item] = (await em.query(
      'SELECT name, service_standard, payment_schedule FROM catalogue_items WHERE id = ?',
      [project.catalogue_item_id],
    )) as Array<{ name: string; service_standard: string; payment_schedule: string }>;

    const amountFen = BigInt(e.winnerBid.priceFen);
    const term = defaultTerm(e.now);
    const schedule = JSON.parse(item?.payment_schedule ?? '[]') as Instalment[];
    const milestones = milestonesFromSchedule(amountFen, schedule, term);
    const noticeAt = e.tender.awardNoticeAt ?? e.now;
    const content: ContractContent = {
      purchaser: {
        name: `${region.name}${PURCHASER_SUFFIX[region.level] ?? '民政局'}`,
        region: region.name,
        address: '',
        representative: '',
      },
      supplier: await this.supplierParticulars(em, e.winnerBid.organisationId),
      scope: `${project.title}：${item?.name ?? ''}`.slice(0, 4000),
      serviceStandard: item?.service_standard ?? '',
      acceptanceMethod: '按里程碑提交进度报告及佐证材料，经采购人验收合格后支付对应款项。',
      bondTerms: `乙方于合同签订时提交合同金额 ${DEFAULT_BOND_BP / 100}% 的履约保证金，最终验收合格后无息退还。`,
      otherTerms: `采购人自验收合格之日起 ${DEFAULT_PAYMENT_DAYS} 日内支付对应款项；尾款根据绩效评价结果支付。`,
    };
    const bond = bondFen(amountFen, DEFAULT_BOND_BP);
    // 服务合同 run at most 1 year, up to 3 where the budget line allows a multi-year contract (PRODUCT.md §4)
    const [line] = (await em.query('SELECT multi_year FROM budget_lines WHERE id = ?', [
      project.budget_line_id,
    ])) as Array<{
      multi_year: number;
    }>;
    const res = await em.insert(ContractEntity, {
      code: `TMP-${e.tender.id}`,
      projectId: project.id,
      tenderId: e.tender.id,
      winnerBidId: e.winnerBid.id,
      regionId: project.region_id,
      regionPath: project.region_path,
      budgetLineId: project.budget_line_id,
      organisationId: e.winnerBid.organisationId,
      title: e.tender.title.slice(0, 128),
      status: 'DRAFT',
      amountFen: amountFen.toString(),
      changesFen: '0',
      content: JSON.stringify(content),
      termStart: term.start,
      termEnd: term.end,
      maxTermMonths: Number(line?.multi_year) === 1 ? MULTI_YEAR_MAX_TERM_MONTHS : DEFAULT_MAX_TERM_MONTHS,
      paymentDays: DEFAULT_PAYMENT_DAYS,
      bondBp: DEFAULT_BOND_BP,
      bondFen: bond.toString(),
      awardNoticeAt: noticeAt,
      signatureDueAt: signatureDueAt(noticeAt),
      signatureRemindedAt: null,
      signatureOverdueAt: null,
      purchaserSignedBy: null,
      purchaserSignedAt: null,
      supplierSignedBy: null,
      supplierSignedAt: null,
      frozenContent: null,
      contentSha256: null,
      signedAt: null,
      commitmentEntryId: null,
      publicationDueAt: null,
      publishedAt: null,
      publicationOverdueAt: null,
      terminatedAt: null,
      terminationKind: null,
      terminationReason: null,
      completedAt: null,
      createdAt: e.now,
      updatedAt: e.now,
    });
    const id = res.identifiers[0].id as number;
    const code = contractCode(shanghaiDate(e.now).slice(0, 4), id);
    await em.update(ContractEntity, { id }, { code });
    await this.writeMilestones(em, id, milestones, e.now);
    const c = await em.findOneByOrFail(ContractEntity, { id });
    await this.audit.record(em, SYSTEM_ACTOR, {
      action: 'contracts.contract.drafted',
      entityType: 'contract',
      entityId: id,
      regionPath: c.regionPath,
      after: { code, tenderId: c.tenderId, amountFen: c.amountFen, signatureDueAt: c.signatureDueAt.toISOString() },
    });
    await this.tellParties(
      em,
      c,
      e.tender.createdBy,
      {
        template: 'contracts.contract.drafted',
        params: { code, title: c.title, dueAt: c.signatureDueAt.toISOString() },
      },
      e.now,
    );
    for (const job of this.signatureJobs(c)) await this.deadlines.schedule(job, e.now);
    return c;
  }

  /** The supplier block of the content, from the organisations registry. */
  private async supplierParticulars(em: EntityManager, organisationId: number): Promise<ContractContent['supplier']> {
    const [org] = (await em.query(
      'SELECT name, credit_code, legal_representative, bank_name, bank_account_name, bank_account_no FROM organisations WHERE id = ?',
      [organisationId],
    )) as Array<Record<string, string | null>>;
    return {
      name: org?.name ?? '',
      creditCode: org?.credit_code ?? '',
      legalRepresentative: org?.legal_representative ?? '',
      bankName: org?.bank_name ?? '',
      bankAccountName: org?.bank_account_name ?? '',
      bankAccountNo: org?.bank_account_no ?? '',
    };
  }

  private async writeMilestones(
    em: EntityManager,
    contractId: number,
    ms: Array<{
      seq: number;
      title: string;
      deliverables: string;
      dueDate: string;
      shareBp: number;
      amountFen: bigint;
      isFinal: boolean;
    }>,
    now: Date,
  ): Promise<void> {
    await em.delete(ContractMilestoneEntity, { contractId });
    for (const m of ms)
      await em.insert(ContractMilestoneEntity, {
        contractId,
        seq: m.seq,
        title: m.title,
        deliverables: m.deliverables,
        dueDate: m.dueDate,
        dueAt: endOfDayShanghai(m.dueDate),
        shareBp: m.shareBp,
        amountFen: m.amountFen.toString(),
        isFinal: m.isFinal ? 1 : 0,
        status: 'PENDING',
        remindedAt: null,
        overdueAt: null,
        submittedAt: null,
        acceptedAt: null,
        acceptedBy: null,
        createdAt: now,
        updatedAt: now,
      });
  }

  // ------------------------------------------------------------ reading

  /** A contract the actor may read, 404 otherwise: staff in their region subtree, a member of the supplier. */
  async visible(actor: Actor, id: number, em: EntityManager, lock = false): Promise<ContractEntity> {
    const c = await em.findOne(ContractEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const ok =
      c !== null &&
      ((isStaff(actor) && inRegionScope(actor, c.regionPath)) ||
        (isOrg(actor) && actor.organisationId === c.organisationId));
    if (!ok || c === null) throw new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${id} not found.`);
    return c;
  }

  /** A contract the officer manages (procurement officer in scope), 404 otherwise. */
  async managed(actor: Actor, id: number, em: EntityManager): Promise<ContractEntity> {
    const c = await em.findOne(ContractEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (c === null || !isOfficer(actor) || !inRegionScope(actor, c.regionPath))
      throw new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${id} not found.`);
    return c;
  }

  async list(actor: Actor, q: ListContractsQuery): Promise<Page<ContractSummaryDto>> {
    const qb = this.dataSource.getRepository(ContractEntity).createQueryBuilder('c');
    if (isStaff(actor)) {
      const scope = regionScopeSql(actor, 'c.region_path');
      qb.where(new Brackets((w) => w.where(scope.sql, scope.params)));
    } else if (isOrg(actor)) {
      qb.where('c.organisation_id = :own', { own: actor.organisationId });
    } else {
      qb.where('1 = 0');
    }
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.organisationId) qb.andWhere('c.organisation_id = :org', { org: q.organisationId });
    if (q.tenderId) qb.andWhere('c.tender_id = :tender', { tender: q.tenderId });
    const keyword = q.q;
    if (keyword)
      qb.andWhere(
        new Brackets((w) => w.where('c.title LIKE :q', { q: containsPattern(keyword) }).orWhere('c.code LIKE :q')),
      );
    const [col, dir] = SORTS[q.sort ?? '-createdAt'];
    const [rows, total] = await qb
      .orderBy(col, dir)
      .addOrderBy('c.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.summaries(rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<ContractDto> {
    const c = await this.visible(actor, id, this.dataSource.manager);
    return this.detail(actor, c);
  }

  private async summaries(rows: ContractEntity[]): Promise<ContractSummaryDto[]> {
    if (rows.length === 0) return [];
    const orgs = (await this.dataSource.query(
      `SELECT id, name FROM organisations WHERE id IN (${rows.map(() => '?').join(',')})`,
      rows.map((r) => r.organisationId),
    )) as Array<{ id: number; name: string }>;
    const regions = (await this.dataSource.query(
      `SELECT id, name FROM regions WHERE id IN (${rows.map(() => '?').join(',')})`,
      rows.map((r) => r.regionId),
    )) as Array<{ id: number; name: string }>;
    return rows.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      status: c.status,
      projectId: c.projectId,
      tenderId: c.tenderId,
      organisationId: c.organisationId,
      organisationName: orgs.find((o) => o.id === c.organisationId)?.name ?? '',
      regionName: regions.find((r) => r.id === c.regionId)?.name ?? '',
      amount: fenToYuan(c.amountFen),
      termStart: c.termStart,
      termEnd: c.termEnd,
      signatureDueAt: c.signatureDueAt.toISOString(),
      signatureOverdueAt: c.signatureOverdueAt?.toISOString() ?? null,
      signedAt: c.signedAt?.toISOString() ?? null,
      publicationDueAt: c.publicationDueAt?.toISOString() ?? null,
      publishedAt: c.publishedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
    }));
  }

  private async milestoneViews(em: EntityManager, contractId: number): Promise<MilestoneViewDto[]> {
    const ms = await em.find(ContractMilestoneEntity, { where: { contractId }, order: { seq: 'ASC' } });
    return ms.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      deliverables: m.deliverables,
      dueDate: m.dueDate,
      dueAt: m.dueAt.toISOString(),
      share: bpToPercent(m.shareBp),
      amount: fenToYuan(m.amountFen),
      isFinal: m.isFinal === 1,
      status: m.status,
      overdueAt: m.overdueAt?.toISOString() ?? null,
    }));
  }

  private async detail(actor: Actor, c: ContractEntity): Promise<ContractDto> {
    const [summary] = await this.summaries([c]);
    const names = await this.people.displayNames(
      [c.purchaserSignedBy, c.supplierSignedBy].filter((x): x is number => x !== null),
    );
    const signatory = isOrg(actor) ? await this.isSignatory(this.dataSource.manager, actor, c.organisationId) : false;
    const officerInScope = isOfficer(actor) && inRegionScope(actor, c.regionPath);
    return {
      ...summary,
      content: c.frozenContent ? (JSON.parse(c.frozenContent) as SignedContent).content : JSON.parse(c.content),
      maxTermMonths: c.maxTermMonths,
      paymentDays: c.paymentDays,
      bondPercent: bpToPercent(c.bondBp),
      bond: fenToYuan(c.bondFen),
      changes: fenToYuan(c.changesFen),
      awardNoticeAt: c.awardNoticeAt.toISOString(),
      purchaserSignedAt: c.purchaserSignedAt?.toISOString() ?? null,
      purchaserSignedBy: c.purchaserSignedBy === null ? null : (names.get(c.purchaserSignedBy) ?? null),
      supplierSignedAt: c.supplierSignedAt?.toISOString() ?? null,
      supplierSignedBy: c.supplierSignedBy === null ? null : (names.get(c.supplierSignedBy) ?? null),
      contentSha256: c.contentSha256,
      milestones: await this.milestoneViews(this.dataSource.manager, c.id),
      can: {
        edit: officerInScope && c.status === 'DRAFT' && c.purchaserSignedAt === null && c.supplierSignedAt === null,
        signAsPurchaser: officerInScope && c.status === 'DRAFT' && c.purchaserSignedAt === null,
        signAsSupplier:
          signatory && c.status === 'DRAFT' && c.supplierSignedAt === null && actor.organisationId === c.organisationId,
        publish: officerInScope && c.status === 'SIGNED',
      },
    };
  }

  // ------------------------------------------------------------ the officer edits the draft

  async update(actor: Actor, id: number, dto: UpdateContractDto): Promise<ContractDto> {
    await inTransaction(this.dataSource, async (em) => {
      const c = await this.managed(actor, id, em);
      if (c.status !== 'DRAFT')
        throw new ContractsError(
          ContractsErrorCode.CONTRACT_FROZEN,
          `Contract ${c.code} is ${c.status}: it is frozen.`,
        );
      if (c.purchaserSignedAt !== null || c.supplierSignedAt !== null)
        throw new ContractsError(
          ContractsErrorCode.CONTRACT_FROZEN,
          `Contract ${c.code} has a signature: withdraw nothing, sign or terminate it.`,
        );
      const now = await dbNow(em);
      const bondBp = percentToBp(dto.bondPercent);
      const problems = termsProblems(
        {
          termStart: dto.termStart,
          termEnd: dto.termEnd,
          paymentDays: dto.paymentDays,
          bondBp: bondBp ?? -1,
          milestones: dto.milestones,
        },
        { earliestStart: addCalendarDays(shanghaiDate(c.awardNoticeAt), 1), maxTermMonths: c.maxTermMonths },
      );
      if (problems.length > 0)
        throw new ContractsError(ContractsErrorCode.CONTRACT_INVALID, problems.map((p) => p.message).join('; '), {
          errors: problems,
        });
      const shares = dto.milestones.map((m) => percentToBp(m.share) as number);
      const split = splitBySharesBp(BigInt(c.amountFen), shares);
      if (!split.ok) throw contractInvalid('milestones', `The milestones cannot be split: ${split.problem}`);
      // The supplier's particulars (bank account included) come from the organisations registry, never from the
      // officer: they are read again at each edit, so a draft follows a registry update until it is signed.
      const content: ContractContent = {
        purchaser: { ...dto.content.purchaser },
        supplier: await this.supplierParticulars(em, c.organisationId),
        scope: dto.content.scope,
        serviceStandard: dto.content.serviceStandard,
        acceptanceMethod: dto.content.acceptanceMethod,
        bondTerms: dto.content.bondTerms,
        otherTerms: dto.content.otherTerms,
      };
      const before = { termStart: c.termStart, termEnd: c.termEnd, paymentDays: c.paymentDays, bondBp: c.bondBp };
      await em.update(
        ContractEntity,
        { id: c.id },
        {
          content: JSON.stringify(content),
          termStart: dto.termStart,
          termEnd: dto.termEnd,
          paymentDays: dto.paymentDays,
          bondBp: bondBp as number,
          bondFen: bondFen(BigInt(c.amountFen), bondBp as number).toString(),
          updatedAt: now,
        },
      );
      await this.writeMilestones(
        em,
        c.id,
        dto.milestones.map((m, i) => ({
          seq: i + 1,
          title: m.title,
          deliverables: m.deliverables,
          dueDate: m.dueDate,
          shareBp: shares[i],
          amountFen: split.tranchesFen[i],
          isFinal: i === dto.milestones.length - 1,
        })),
        now,
      );
      await this.audit.record(em, actor, {
        action: 'contracts.contract.edited',
        entityType: 'contract',
        entityId: c.id,
        regionPath: c.regionPath,
        before,
        after: {
          termStart: dto.termStart,
          termEnd: dto.termEnd,
          paymentDays: dto.paymentDays,
          bondBp,
          shares: shares.join(','),
        },
      });
    });
    return this.get(actor, id);
  }

  // ------------------------------------------------------------ signing

  async isSignatory(em: EntityManager, actor: Actor, organisationId: number): Promise<boolean> {
    return (
      actor.organisationId === organisationId &&
      (await em.existsBy(ContractSignatoryEntity, { organisationId, userId: actor.userId }))
    );
  }

  async sign(actor: Actor, id: number, side: 'PURCHASER' | 'SUPPLIER'): Promise<ContractDto> {
    const signedNow = await inTransaction(this.dataSource, async (em) => {
      const c = side === 'PURCHASER' ? await this.managed(actor, id, em) : await this.visible(actor, id, em, true);
      if (side === 'SUPPLIER') {
        if (!isOrg(actor) || actor.organisationId !== c.organisationId)
          throw new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${id} not found.`);
        if (!(await this.isSignatory(em, actor, c.organisationId)))
          throw new ContractsError(
            ContractsErrorCode.NOT_A_SIGNATORY,
            'You have no signing rights for your organisation: a signatory of the organisation grants them.',
          );
      }
      const role: MachineActor = side === 'PURCHASER' ? 'PROCUREMENT_OFFICER' : 'ORG_MEMBER';
      this.assertTransition(c.status, 'SIGNED', [role]);
      const already = side === 'PURCHASER' ? c.purchaserSignedAt : c.supplierSignedAt;
      if (already !== null)
        throw new ContractsError(
          ContractsErrorCode.CONTRACT_ILLEGAL_TRANSITION,
          `The ${side === 'PURCHASER' ? 'purchaser' : 'supplier'} has already signed contract ${c.code}.`,
          { from: c.status, to: 'SIGNED' },
        );
      const now = await dbNow(em);
      const set: Partial<ContractEntity> =
        side === 'PURCHASER'
          ? { purchaserSignedBy: actor.userId, purchaserSignedAt: now }
          : { supplierSignedBy: actor.userId, supplierSignedAt: now };
      await em.update(ContractEntity, { id: c.id }, { ...set, updatedAt: now });
      Object.assign(c, set);
      await this.audit.record(em, actor, {
        action: `contracts.contract.signed_by_${side.toLowerCase()}`,
        entityType: 'contract',
        entityId: c.id,
        regionPath: c.regionPath,
        after: { side },
      });
      if (c.purchaserSignedAt !== null && c.supplierSignedAt !== null) {
        await this.conclude(em, actor, c, now);
        return c;
      }
      return null;
    });
    if (signedNow?.publicationDueAt)
      await this.deadlines.schedule(contractJob(PUBLICATION_DUE_JOB, signedNow.id, signedNow.publicationDueAt));
    return this.get(actor, id);
  }

  /** The canonical value of everything signed. */
  async signedContent(em: EntityManager, c: ContractEntity): Promise<SignedContent> {
    const ms = await em.find(ContractMilestoneEntity, { where: { contractId: c.id }, order: { seq: 'ASC' } });
    return {
      code: c.code,
      title: c.title,
      tenderId: c.tenderId,
      amountFen: String(c.amountFen),
      termStart: c.termStart,
      termEnd: c.termEnd,
      paymentDays: c.paymentDays,
      bondBp: c.bondBp,
      bondFen: String(c.bondFen),
      content: JSON.parse(c.content) as ContractContent,
      milestones: ms.map((m) => ({
        seq: m.seq,
        title: m.title,
        deliverables: m.deliverables,
        dueDate: m.dueDate,
        shareBp: m.shareBp,
        amountFen: String(m.amountFen),
        isFinal: m.isFinal === 1,
      })),
    };
  }

  /**
   * The second signature: freeze and hash, move the budget from reservation to commitment (releasing what the
   * reservation held above the amount, or committing the difference from the line when the amount is above it),
   * the project CONTRACTED, the listeners (bond, milestone clocks), audit, inbox and the needs' timeline.
   */
  private async conclude(em: EntityManager, actor: Actor, c: ContractEntity, now: Date): Promise<void> {
    const frozen = canonicalJson(await this.signedContent(em, c));
    const sha = sha256Hex(frozen);
    const [project] = (await em.query(
      'SELECT p.id, p.item_code, p.reservation_entry_id, e.amount_fen AS reserved_fen FROM projects p LEFT JOIN ledger_entries e ON e.id = p.reservation_entry_id WHERE p.id = ?',
      [c.projectId],
    )) as Array<{ id: number; item_code: string; reservation_entry_id: string | null; reserved_fen: string | null }>;
    const amount = BigInt(c.amountFen);
    const reserved = BigInt(project.reserved_fen ?? '0');
    const fromReservation = amount <= reserved ? amount : reserved;
    const ref = { type: 'contract', id: String(c.id) };
    let commitmentEntryId: string | null = null;
    if (fromReservation > 0n) {
      const posted = await this.ledger.postIn(em, actor, {
        lineId: c.budgetLineId,
        operation: 'COMMIT',
        amountFen: fromReservation,
        idempotencyKey: `contract-${c.id}-commit`,
        categoryCode: project.item_code,
        reference: ref,
        memo: `合同承诺：${c.code}`,
      });
      commitmentEntryId = posted.entryId;
    }
    if (reserved > amount)
      await this.ledger.postIn(em, actor, {
        lineId: c.budgetLineId,
        operation: 'RELEASE_RESERVATION',
        amountFen: reserved - amount,
        idempotencyKey: `contract-${c.id}-release-reservation`,
        reference: ref,
        memo: `合同金额低于预留，释放差额：${c.code}`,
      });
    if (amount > reserved) {
      const posted = await this.ledger.postIn(em, actor, {
        lineId: c.budgetLineId,
        operation: 'COMMIT_DIRECT',
        amountFen: amount - reserved,
        idempotencyKey: `contract-${c.id}-commit-direct`,
        categoryCode: project.item_code,
        reference: ref,
        memo: `合同金额高于预留，追加承诺：${c.code}`,
      });
      commitmentEntryId ??= posted.entryId;
    }
    const publicationDay = await this.calendar.addWorkingDays(shanghaiDate(now), PUBLICATION_WORKING_DAYS);
    const set: Partial<ContractEntity> = {
      status: 'SIGNED',
      frozenContent: frozen,
      contentSha256: sha,
      signedAt: now,
      commitmentEntryId,
      publicationDueAt: endOfDayShanghai(publicationDay),
      updatedAt: now,
    };
    await em.update(ContractEntity, { id: c.id }, set);
    Object.assign(c, set);
    await this.audit.record(em, actor, {
      action: 'contracts.contract.signed',
      entityType: 'contract',
      entityId: c.id,
      regionPath: c.regionPath,
      before: { status: 'DRAFT' },
      after: { status: 'SIGNED', contentSha256: sha, amountFen: c.amountFen, reservedFen: reserved.toString() },
    });
    await this.projects.setStatus(em, SYSTEM_ACTOR, c.projectId, 'CONTRACTED', now, true, { contractId: c.id });
    await this.hooks.signed(em, { contract: c, now });
    const officer = await this.tenderOfficer(em, c);
    await this.tellParties(
      em,
      c,
      officer,
      { template: 'contracts.contract.signed', params: { code: c.code, title: c.title, sha: sha.slice(0, 16) } },
      now,
    );
    await this.projects.tellNeeds(
      em,
      SYSTEM_ACTOR,
      c.projectId,
      {
        template: 'contracts.contract.step.signed',
        params: { title: c.title, amountFen: String(c.amountFen), termStart: c.termStart, termEnd: c.termEnd },
      },
      now,
    );
  }

  // ------------------------------------------------------------ publication

  async publish(actor: Actor, id: number): Promise<ContractDto> {
    await inTransaction(this.dataSource, async (em) => {
      const c = await this.managed(actor, id, em);
      this.assertTransition(c.status, 'ACTIVE', actor.roles);
      const now = await dbNow(em);
      await em.update(ContractEntity, { id: c.id }, { status: 'ACTIVE', publishedAt: now, updatedAt: now });
      await this.audit.record(em, actor, {
        action: 'contracts.contract.published',
        entityType: 'contract',
        entityId: c.id,
        regionPath: c.regionPath,
        before: { status: c.status },
        after: { status: 'ACTIVE', publishedAt: now.toISOString() },
      });
      await this.projects.setStatus(em, SYSTEM_ACTOR, c.projectId, 'IN_PROGRESS', now, true, { contractId: c.id });
      // OCDS: the contract notice (合同公告)
      await this.openData.record(em, c.projectId, ['contractUpdate'], now);
    });
    return this.get(actor, id);
  }

  /** The public contract notice (合同公告) of a tender: parties, amount, term, milestones — never bank accounts. */
  async publicNotice(tenderId: number): Promise<PublicContractNoticeDto> {
    const c = await this.dataSource.getRepository(ContractEntity).findOneBy({ tenderId });
    if (c === null || c.publishedAt === null || c.frozenContent === null || c.contentSha256 === null)
      throw new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `No contract notice for tender ${tenderId}.`);
    const s = JSON.parse(c.frozenContent) as SignedContent;
    return {
      code: s.code,
      title: s.title,
      tenderId: c.tenderId,
      purchaser: s.content.purchaser.name,
      supplier: s.content.supplier.name,
      supplierCreditCode: s.content.supplier.creditCode,
      amount: fenToYuan(s.amountFen),
      termStart: s.termStart,
      termEnd: s.termEnd,
      signedAt: (c.signedAt as Date).toISOString(),
      publishedAt: c.publishedAt.toISOString(),
      contentSha256: c.contentSha256,
      milestones: s.milestones.map((m) => ({
        seq: m.seq,
        title: m.title,
        dueDate: m.dueDate,
        share: bpToPercent(m.shareBp),
        amount: fenToYuan(m.amountFen),
      })),
    };
  }

  // ------------------------------------------------------------ signing rights

  async signatories(actor: Actor): Promise<SignatoryViewDto[]> {
    const orgId = actor.organisationId as number;
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.display_name, s.user_id AS signatory FROM users u
       LEFT JOIN contract_signatories s ON s.user_id = u.id AND s.organisation_id = u.organisation_id
       WHERE u.organisation_id = ? AND u.status = 'ACTIVE' ORDER BY u.id`,
      [orgId],
    )) as Array<{ id: number; display_name: string; signatory: number | null }>;
    return rows.map((r) => ({ userId: r.id, displayName: r.display_name, signatory: r.signatory !== null }));
  }

  /** A signatory of the organisation grants or withdraws signing rights of another member of it. */
  async setSignatory(actor: Actor, userId: number, granted: boolean): Promise<SignatoryViewDto[]> {
    await inTransaction(this.dataSource, async (em) => {
      const orgId = actor.organisationId;
      if (!isOrg(actor) || orgId === null || !(await this.isSignatory(em, actor, orgId)))
        throw new ContractsError(
          ContractsErrorCode.NOT_A_SIGNATORY,
          'Only a signatory of the organisation grants or withdraws signing rights.',
        );
      const [member] = (await em.query('SELECT id FROM users WHERE id = ? AND organisation_id = ?', [
        userId,
        orgId,
      ])) as Array<{ id: number }>;
      if (!member)
        throw new ContractsError(ContractsErrorCode.MEMBER_NOT_FOUND, `No member ${userId} in your organisation.`);
      if (userId === actor.userId && !granted)
        throw contractInvalid('userId', 'A signatory cannot withdraw their own rights; ask another signatory.');
      const now = await dbNow(em);
      if (granted)
        await em.query(
          'INSERT IGNORE INTO contract_signatories (organisation_id, user_id, granted_by, granted_at) VALUES (?, ?, ?, ?)',
          [orgId, userId, actor.userId, now],
        );
      else await em.delete(ContractSignatoryEntity, { organisationId: orgId, userId });
      await this.audit.record(em, actor, {
        action: granted ? 'contracts.signatory.granted' : 'contracts.signatory.withdrawn',
        entityType: 'organisation',
        entityId: orgId,
        regionPath: null,
        after: { userId },
      });
    });
    return this.signatories(actor);
  }

  // ------------------------------------------------------------ clocks

  private signatureJobs(c: ContractEntity) {
    const jobs = [];
    const reminder = nextReminder(c.signatureDueAt, c.signatureRemindedAt);
    if (reminder) jobs.push(contractJob(SIGNATURE_REMINDER_JOB, c.id, reminder));
    if (c.signatureOverdueAt === null) jobs.push(contractJob(SIGNATURE_DUE_JOB, c.id, c.signatureDueAt));
    return jobs;
  }

  sources(): DeadlineSource[] {
    const repo = () => this.dataSource.getRepository(ContractEntity);
    return [
      {
        kind: SIGNATURE_REMINDER_JOB,
        pending: async () =>
          (await repo().findBy({ status: 'DRAFT' })).flatMap((c) => {
            const r = nextReminder(c.signatureDueAt, c.signatureRemindedAt);
            return r ? [contractJob(SIGNATURE_REMINDER_JOB, c.id, r)] : [];
          }),
      },
      {
        kind: SIGNATURE_DUE_JOB,
        pending: async () =>
          (await repo().findBy({ status: 'DRAFT' }))
            .filter((c) => c.signatureOverdueAt === null)
            .map((c) => contractJob(SIGNATURE_DUE_JOB, c.id, c.signatureDueAt)),
      },
      {
        kind: PUBLICATION_DUE_JOB,
        pending: async () =>
          (await repo().findBy({ status: 'SIGNED' }))
            .filter((c) => c.publicationDueAt !== null && c.publicationOverdueAt === null)
            .map((c) => contractJob(PUBLICATION_DUE_JOB, c.id, c.publicationDueAt as Date)),
      },
    ];
  }

  /** A signature reminder (7 and 1 days before the deadline) to the officer and the supplier, once each. */
  async signatureReminderTick(contractId: number): Promise<ContractTick> {
    const next = await inTransaction(this.dataSource, async (em): Promise<ContractTick & { reschedule?: Date }> => {
      const c = await em.findOne(ContractEntity, { where: { id: contractId }, lock: { mode: 'pessimistic_write' } });
      if (c === null || c.status !== 'DRAFT') return { result: 'NOTHING_TO_DO' };
      const at = nextReminder(c.signatureDueAt, c.signatureRemindedAt);
      if (at === null) return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      if (now < at) return { result: 'NOT_DUE', dueInMs: at.getTime() - now.getTime() };
      await em.update(ContractEntity, { id: c.id }, { signatureRemindedAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'contracts.contract.signature_reminded',
        entityType: 'contract',
        entityId: c.id,
        regionPath: c.regionPath,
        after: { signatureDueAt: c.signatureDueAt.toISOString() },
      });
      await this.tellParties(
        em,
        c,
        await this.tenderOfficer(em, c),
        {
          template: 'contracts.contract.signature_reminder',
          params: { code: c.code, title: c.title, dueAt: c.signatureDueAt.toISOString() },
        },
        now,
      );
      const later = nextReminder(c.signatureDueAt, now);
      return { result: 'REMINDED', ...(later ? { reschedule: later } : {}) };
    });
    if ('reschedule' in next && next.reschedule)
      await this.deadlines.schedule(contractJob(SIGNATURE_REMINDER_JOB, contractId, next.reschedule));
    return next.result === 'NOT_DUE' ? next : { result: next.result };
  }

  /** Signature overdue: flag it, tell the officer, the region's finance officers and the supplier. */
  async signatureDueTick(contractId: number): Promise<ContractTick> {
    return inTransaction(this.dataSource, async (em): Promise<ContractTick> => {
      const c = await em.findOne(ContractEntity, { where: { id: contractId }, lock: { mode: 'pessimistic_write' } });
      if (c === null || c.status !== 'DRAFT' || c.signatureOverdueAt !== null) return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      if (now < c.signatureDueAt) return { result: 'NOT_DUE', dueInMs: c.signatureDueAt.getTime() - now.getTime() };
      await em.update(ContractEntity, { id: c.id }, { signatureOverdueAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'contracts.contract.signature_overdue',
        entityType: 'contract',
        entityId: c.id,
        regionPath: c.regionPath,
        after: { signatureDueAt: c.signatureDueAt.toISOString() },
      });
      const finance = (await this.people.activeWithRole('FINANCE_OFFICER', em))
        .filter((u) => u.regionPath !== null && c.regionPath.startsWith(u.regionPath))
        .map((u) => u.id);
      await this.tellParties(
        em,
        c,
        await this.tenderOfficer(em, c),
        {
          template: 'contracts.contract.signature_overdue',
          params: { code: c.code, title: c.title, dueAt: c.signatureDueAt.toISOString() },
        },
        now,
        finance,
      );
      return { result: 'SIGNATURE_OVERDUE' };
    });
  }

  /** Publication overdue (2 working days after signing): flag it and tell the officer. */
  async publicationDueTick(contractId: number): Promise<ContractTick> {
    return inTransaction(this.dataSource, async (em): Promise<ContractTick> => {
      const c = await em.findOne(ContractEntity, { where: { id: contractId }, lock: { mode: 'pessimistic_write' } });
      if (c === null || c.status !== 'SIGNED' || c.publicationDueAt === null || c.publicationOverdueAt !== null)
        return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      if (now < c.publicationDueAt) return { result: 'NOT_DUE', dueInMs: c.publicationDueAt.getTime() - now.getTime() };
      await em.update(ContractEntity, { id: c.id }, { publicationOverdueAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'contracts.contract.publication_overdue',
        entityType: 'contract',
        entityId: c.id,
        regionPath: c.regionPath,
        after: { publicationDueAt: c.publicationDueAt.toISOString() },
      });
      const officer = await this.tenderOfficer(em, c);
      if (officer !== null)
        await this.inbox.notify(
          em,
          [officer],
          {
            kind: 'contract.publication_due',
            template: 'contracts.contract.publication_due',
            params: { code: c.code, title: c.title, dueAt: c.publicationDueAt.toISOString() },
          },
          now,
        );
      return { result: 'PUBLICATION_OVERDUE' };
    });
  }

  // ------------------------------------------------------------ shared

  private assertTransition(from: ContractStatus, to: ContractStatus, as: readonly MachineActor[]): void {
    const problem = checkTransition(CONTRACT_TRANSITIONS, 'contract', from, to, as);
    if (problem) throw new ContractsError(ContractsErrorCode.CONTRACT_ILLEGAL_TRANSITION, problem, { from, to });
  }

  private async tenderOfficer(em: EntityManager, c: ContractEntity): Promise<number | null> {
    const [t] = (await em.query('SELECT created_by FROM tenders WHERE id = ?', [c.tenderId])) as Array<{
      created_by: number;
    }>;
    return t?.created_by ?? null;
  }

  /** An inbox message to the officer, the supplier's members and any others. */
  private async tellParties(
    em: EntityManager,
    c: ContractEntity,
    officer: number | null,
    message: Message,
    now: Date,
    others: number[] = [],
  ): Promise<void> {
    const members = (await this.people.memberIds([c.organisationId], em)).get(c.organisationId) ?? [];
    const to = [...new Set([...(officer === null ? [] : [officer]), ...members, ...others])];
    await this.inbox.notify(em, to, { kind: `contract.${message.template.split('.').pop()}`, ...message }, now);
  }

  /** Contracts of these tenders, for summaries elsewhere. */
  async byTenders(tenderIds: number[]): Promise<ContractEntity[]> {
    if (tenderIds.length === 0) return [];
    return this.dataSource.getRepository(ContractEntity).findBy({ tenderId: In(tenderIds) });
  }
}
