import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, Like } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor, inRegionScope, regionScopeSql, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { containsPattern } from '../../../platform/http/keyword';
import { Page, pageOf } from '../../../platform/http/pagination';
import { Message } from '../../../platform/i18n';
import { Deadlines, DeadlineSource } from '../../../platform/queue';
import { fenToYuan, yuanToFen } from '../../../platform/util/money';
import { AuditService } from '../../audit';
import { CatalogueService } from '../../catalogue';
import { BID_DEPOSIT_CAP_BP, CustodyService, withinCap } from '../../funds';
import { PeopleDirectory } from '../../identity';
import { InboxService } from '../../notifications';
import { OpenDataReleases, tenderTransitionTags } from '../../open-data';
import { OrganisationsService } from '../../organisations';
import { addCalendarDays, CalendarService, shanghaiDate } from '../../regions';
import { committeeSizeProblem } from '../domain/committee';
import { centsToPoints, Criterion, pointsToCents, schemeProblem } from '../domain/comprehensive-scoring';
import { ineligibilityReasons } from '../domain/eligibility';
import { invalid, ProcurementError, ProcurementErrorCode } from '../domain/procurement.errors';
import { TENDER_TRANSITIONS, TenderStatus } from '../domain/state-machines';
import {
  awardConfirmationReminder,
  checkBidDeadline,
  deadlineAfterAmendment,
  earliestDeadlineDate,
  objectionWindowEnd,
} from '../domain/tender-periods';
import {
  AmendmentDto,
  CreateTenderDto,
  CriterionView,
  ListTendersQuery,
  NoticeDto,
  PublicTenderDto,
  PublicTendersQuery,
  TenderDto,
  UpdateTenderDto,
} from '../dto/procurement.dto';
import {
  BidEntity,
  BidEventEntity,
  CommitteeMemberEntity,
  ObjectionEntity,
  TenderEntity,
  TenderInterestEntity,
  TenderNoticeEntity,
} from '../entities/procurement.entities';
import { AwardHooks } from './award-hooks';
import {
  AWARD_REMINDER_JOB,
  OBJECTION_WINDOW_JOB,
  TENDER_DEADLINE_JOB,
  tenderJob,
  TickResult,
} from './procurement-deadlines';
import { ProjectsService } from './projects.service';
import { assertTransition } from './transitions';

const isOrg = (a: Actor) => a.roles.includes('ORG_MEMBER') && a.organisationId !== null;
const isStaff = (a: Actor) =>
  a.roles.some((r) => r === 'PROCUREMENT_OFFICER' || r === 'AUDITOR' || r === 'FINANCE_OFFICER');

export function criteriaOf(t: Pick<TenderEntity, 'criteria'>): Array<Criterion & { name: string }> {
  return JSON.parse(t.criteria) as Array<Criterion & { name: string }>;
}

/** Tenders: drafting, publication with the legal periods, notices, the deadline, opening, award notice and its window. */
@Injectable()
export class TendersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly catalogue: CatalogueService,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleDirectory,
    private readonly inbox: InboxService,
    private readonly projects: ProjectsService,
    private readonly deadlines: Deadlines,
    private readonly awardHooks: AwardHooks,
    private readonly custody: CustodyService,
    private readonly openData: OpenDataReleases,
  ) {}

  // ------------------------------------------------------------ reading

  async list(actor: Actor, q: ListTendersQuery): Promise<Page<TenderDto>> {
    const qb = this.dataSource.getRepository(TenderEntity).createQueryBuilder('t');
    if (isStaff(actor)) {
      const scope = regionScopeSql(actor, 't.region_path');
      qb.where(new Brackets((w) => w.where(scope.sql, scope.params)));
    } else if (isOrg(actor)) {
      qb.where('t.published_at IS NOT NULL');
    } else if (actor.roles.includes('EXPERT')) {
      qb.where('t.id IN (SELECT tender_id FROM committee_members WHERE expert_id = :me)', { me: actor.userId });
    } else {
      qb.where('1 = 0');
    }
    if (q.status?.length) qb.andWhere('t.status IN (:...status)', { status: q.status });
    if (q.q) qb.andWhere('t.title LIKE :q', { q: containsPattern(q.q) });
    if (q.projectId) qb.andWhere('t.project_id = :projectId', { projectId: q.projectId });
    const [rows, total] = await qb
      .orderBy('t.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.toDtos(actor, rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<TenderDto> {
    return (await this.toDtos(actor, [await this.visible(actor, id, this.dataSource.manager)]))[0];
  }

  /**
   * A tender the actor may see, 404 otherwise: staff in their region subtree; organisation members
   * once published; experts only the tenders whose committee they sit on.
   */
  async visible(actor: Actor, id: number, em: EntityManager, lock = false): Promise<TenderEntity> {
    const t = await em.findOne(TenderEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    let ok = false;
    if (t !== null) {
      if (isStaff(actor)) ok = inRegionScope(actor, t.regionPath);
      else if (isOrg(actor)) ok = t.publishedAt !== null;
      else if (actor.roles.includes('EXPERT'))
        ok = await em.existsBy(CommitteeMemberEntity, { tenderId: id, expertId: actor.userId });
    }
    if (!ok || t === null) throw new ProcurementError(ProcurementErrorCode.TENDER_NOT_FOUND, `Tender ${id} not found.`);
    return t;
  }

  /** A tender the actor manages (officer in scope). */
  async managed(actor: Actor, id: number, em: EntityManager, lock = true): Promise<TenderEntity> {
    const t = await em.findOne(TenderEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (t === null || !actor.roles.includes('PROCUREMENT_OFFICER') || !inRegionScope(actor, t.regionPath))
      throw new ProcurementError(ProcurementErrorCode.TENDER_NOT_FOUND, `Tender ${id} not found.`);
    return t;
  }

  // ------------------------------------------------------------ drafting and publication

  async create(actor: Actor, dto: CreateTenderDto): Promise<TenderDto> {
    const id = await inTransaction(this.dataSource, async (em) => {
      const project = await this.projects.visible(actor, dto.projectId, em, true);
      if (project.status !== 'APPROVED')
        throw invalid(
          ProcurementErrorCode.TENDER_INVALID,
          'projectId',
          `The project is ${project.status}: only an approved project can be put out to tender.`,
        );
      const live = await em.count(TenderEntity, { where: { projectId: project.id, status: In(['DRAFT']) } });
      if (live > 0)
        throw invalid(ProcurementErrorCode.TENDER_INVALID, 'projectId', 'The project already has a draft tender.');
      const now = await dbNow(em);
      const fields = await this.validated(em, dto, BigInt(project.estimatedFen), project.catalogueItemId, now);
      const t = em.create(TenderEntity, {
        ...fields,
        projectId: project.id,
        regionPath: project.regionPath,
        status: 'DRAFT',
        publishedAt: null,
        openedAt: null,
        evaluationRound: 1,
        committeeNote: null,
        report: null,
        reportAt: null,
        confirmationDueAt: null,
        confirmationRemindedAt: null,
        winnerBidId: null,
        awardNoticeAt: null,
        objectionWindowEndsAt: null,
        awardedAt: null,
        outcomeNote: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(TenderEntity, t);
      await this.audit.record(em, actor, {
        action: 'procurement.tender.created',
        entityType: 'tender',
        entityId: t.id,
        regionPath: t.regionPath,
        after: this.snapshot(t),
      });
      return t.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, dto: UpdateTenderDto): Promise<TenderDto> {
    await inTransaction(this.dataSource, async (em) => {
      const t = await this.managed(actor, id, em);
      if (t.status !== 'DRAFT')
        throw new ProcurementError(
          ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
          'A published tender changes only through amendments.',
          { tenderStatus: t.status },
        );
      if (dto.projectId !== t.projectId)
        throw invalid(ProcurementErrorCode.TENDER_INVALID, 'projectId', 'A tender stays with its project.');
      const project = await this.projects.visible(actor, t.projectId, em);
      const now = await dbNow(em);
      const before = this.snapshot(t);
      const fields = await this.validated(em, dto, BigInt(project.estimatedFen), project.catalogueItemId, now);
      await em.update(TenderEntity, { id }, { ...fields, updatedAt: now });
      await this.audit.record(em, actor, {
        action: 'procurement.tender.updated',
        entityType: 'tender',
        entityId: id,
        regionPath: t.regionPath,
        before,
        after: this.snapshot({ ...t, ...fields }),
      });
    });
    return this.get(actor, id);
  }

  /** Publication: the database clock is the publication time; the deadline must keep the legal minimum period. */
  async publish(actor: Actor, id: number): Promise<TenderDto> {
    const t = await inTransaction(this.dataSource, async (em) => {
      const t = await this.managed(actor, id, em);
      assertTransition(
        TENDER_TRANSITIONS,
        'tender',
        ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
        t.status,
        'PUBLISHED',
        actor,
      );
      const now = await dbNow(em);
      const cal = await this.calendar.calendarBetween(shanghaiDate(now), addCalendarDays(shanghaiDate(now), 120));
      const short = checkBidDeadline(t.method, now, t.bidDeadline, cal);
      if (short) {
        const message = `The bid deadline must fall on ${short.earliest} or later for this method (published today).`;
        throw new ProcurementError(ProcurementErrorCode.TENDER_PERIOD_TOO_SHORT, message, {
          errors: [{ field: 'bidDeadline', message }],
          earliest: short.earliest,
        });
      }
      await this.projects.setStatus(em, actor, t.projectId, 'TENDERING', now, false, { tenderId: id });
      await this.setStatus(em, actor, t, 'PUBLISHED', now, false, { publishedAt: now });
      await this.projects.tellNeeds(
        em,
        actor,
        t.projectId,
        {
          template: 'procurement.step.tender_published',
          params: { tenderTitle: t.title, method: t.method, bidDeadline: t.bidDeadline.toISOString() },
        },
        now,
      );
      return t;
    });
    await this.deadlines.schedule(tenderJob(TENDER_DEADLINE_JOB, t.id, t.bidDeadline));
    return this.get(actor, id);
  }

  async cancel(actor: Actor, id: number, reason: string): Promise<TenderDto> {
    await inTransaction(this.dataSource, async (em) => {
      const t = await this.managed(actor, id, em);
      assertTransition(
        TENDER_TRANSITIONS,
        'tender',
        ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
        t.status,
        'CANCELLED',
        actor,
      );
      const now = await dbNow(em);
      const wasPublished = t.status === 'PUBLISHED';
      await this.setStatus(em, actor, t, 'CANCELLED', now, false, { outcomeNote: reason });
      await this.custody.tenderEnded(em, actor, t.id, now);
      if (wasPublished) {
        await this.projects.setStatus(em, SYSTEM_ACTOR, t.projectId, 'APPROVED', now, true, {
          reason: `采购公告已终止：${reason}`,
        });
        await this.notifyInterested(em, t, now, {
          template: 'procurement.tender.cancelled',
          params: { tenderTitle: t.title, reason },
        });
        await this.projects.tellNeeds(
          em,
          actor,
          t.projectId,
          { template: 'procurement.step.tender_cancelled', params: { tenderTitle: t.title, reason } },
          now,
        );
      }
    });
    return this.get(actor, id);
  }

  // ------------------------------------------------------------ notices (clarifications, amendments, questions)

  async notices(actor: Actor, id: number): Promise<NoticeDto[]> {
    const t = await this.visible(actor, id, this.dataSource.manager);
    const rows = await this.dataSource
      .getRepository(TenderNoticeEntity)
      .find({ where: { tenderId: t.id }, order: { id: 'ASC' } });
    const manager = actor.roles.includes('PROCUREMENT_OFFICER');
    return rows
      .filter(
        (n) =>
          n.status === 'PUBLISHED' ||
          manager ||
          (actor.organisationId !== null && n.askedByOrganisationId === actor.organisationId),
      )
      .map((n) => ({
        id: n.id,
        kind: n.kind,
        status: n.status,
        question: n.question,
        body: n.body,
        affectsPreparation: n.affectsPreparation === 1,
        deadlineBefore: n.deadlineBefore?.toISOString() ?? null,
        deadlineAfter: n.deadlineAfter?.toISOString() ?? null,
        createdAt: n.createdAt.toISOString(),
        publishedAt: n.publishedAt?.toISOString() ?? null,
        mine: actor.organisationId !== null && n.askedByOrganisationId === actor.organisationId,
      }));
  }

  /**
   * An amendment (更正公告). One that affects bid preparation less than 15 days before the deadline
   * moves the deadline, and every bid already submitted must be confirmed again.
   */
  async amend(actor: Actor, id: number, dto: AmendmentDto): Promise<TenderDto> {
    const moved = await inTransaction(this.dataSource, async (em) => {
      const t = await this.managed(actor, id, em);
      if (t.status !== 'PUBLISHED')
        throw new ProcurementError(
          ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
          'Only a published tender, before its deadline, can be amended.',
          { tenderStatus: t.status },
        );
      const now = await dbNow(em);
      if (now >= t.bidDeadline)
        throw new ProcurementError(ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION, 'The bid deadline has passed.');
      const cal = await this.calendar.calendarBetween(shanghaiDate(now), addCalendarDays(shanghaiDate(now), 60));
      const r = deadlineAfterAmendment(now, t.bidDeadline, dto.affectsPreparation, cal);
      await em.insert(TenderNoticeEntity, {
        tenderId: id,
        kind: 'AMENDMENT',
        status: 'PUBLISHED',
        question: null,
        askedByOrganisationId: null,
        body: dto.body,
        affectsPreparation: dto.affectsPreparation ? 1 : 0,
        deadlineBefore: t.bidDeadline,
        deadlineAfter: r.deadline,
        createdAt: now,
        publishedAt: now,
        publishedBy: actor.userId,
      });
      let reconfirm = 0;
      if (dto.affectsPreparation) {
        const res = (await em.query(
          "UPDATE bids SET needs_reconfirm = 1 WHERE tender_id = ? AND status = 'SUBMITTED'",
          [id],
        )) as { affectedRows: number };
        reconfirm = res.affectedRows;
      }
      if (r.moved) await em.update(TenderEntity, { id }, { bidDeadline: r.deadline, updatedAt: now });
      // OCDS: the amendment (更正公告) and the deadline it moved
      await this.openData.record(em, t.projectId, ['tenderAmendment'], now);
      // The number of bids asked to reconfirm stays out of the audit trail until opening: it would count the bids.
      await this.audit.record(em, actor, {
        action: 'procurement.tender.amended',
        entityType: 'tender',
        entityId: id,
        regionPath: t.regionPath,
        before: { bidDeadline: t.bidDeadline.toISOString() },
        after: { bidDeadline: r.deadline.toISOString(), moved: r.moved, affectsPreparation: dto.affectsPreparation },
      });
      if (reconfirm > 0)
        await this.journal(
          em,
          actor,
          {
            tenderId: id,
            organisationId: 0,
            bidId: null,
            action: 'bids.reconfirm_requested',
            payload: { bids: reconfirm },
          },
          now,
        );
      await this.notifyInterested(em, t, now, {
        template: 'procurement.tender.amended',
        params: {
          tenderTitle: t.title,
          text: dto.body.slice(0, 300),
          moved: r.moved,
          deadline: r.deadline.toISOString(),
          reconfirm: dto.affectsPreparation,
        },
      });
      if (r.moved)
        await this.projects.tellNeeds(
          em,
          actor,
          t.projectId,
          {
            template: 'procurement.step.deadline_moved',
            params: { tenderTitle: t.title, before: t.bidDeadline.toISOString(), after: r.deadline.toISOString() },
          },
          now,
        );
      return r.moved ? { ...t, bidDeadline: r.deadline } : null;
    });
    if (moved) await this.deadlines.schedule(tenderJob(TENDER_DEADLINE_JOB, moved.id, moved.bidDeadline));
    return this.get(actor, id);
  }

  async clarify(actor: Actor, id: number, body: string): Promise<NoticeDto[]> {
    await inTransaction(this.dataSource, async (em) => {
      const t = await this.managed(actor, id, em);
      if (t.status !== 'PUBLISHED')
        throw new ProcurementError(
          ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
          'Clarifications are published while the tender is open.',
        );
      const now = await dbNow(em);
      const n = em.create(TenderNoticeEntity, {
        tenderId: id,
        kind: 'CLARIFICATION',
        status: 'PUBLISHED',
        question: null,
        askedByOrganisationId: null,
        body,
        affectsPreparation: 0,
        deadlineBefore: null,
        deadlineAfter: null,
        createdAt: now,
        publishedAt: now,
        publishedBy: actor.userId,
      });
      await em.insert(TenderNoticeEntity, n);
      await this.audit.record(em, actor, {
        action: 'procurement.tender.clarified',
        entityType: 'tender',
        entityId: id,
        regionPath: t.regionPath,
        after: { noticeId: n.id },
      });
      await this.notifyInterested(em, t, now, {
        template: 'procurement.tender.clarified',
        params: { tenderTitle: t.title, text: body.slice(0, 500) },
      });
    });
    return this.notices(actor, id);
  }

  /** An organisation asks a question; who asked is never shown to others (it would reveal a likely bidder). */
  async ask(actor: Actor, id: number, question: string): Promise<NoticeDto[]> {
    await inTransaction(this.dataSource, async (em) => {
      const t = await this.visible(actor, id, em, true);
      if (t.status !== 'PUBLISHED')
        throw new ProcurementError(
          ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
          'Questions are taken while the tender is open.',
        );
      const now = await dbNow(em);
      await this.registerInterestIn(em, actor, t, now);
      const n = em.create(TenderNoticeEntity, {
        tenderId: id,
        kind: 'CLARIFICATION',
        status: 'ASKED',
        question,
        askedByOrganisationId: actor.organisationId,
        body: null,
        affectsPreparation: 0,
        deadlineBefore: null,
        deadlineAfter: null,
        createdAt: now,
        publishedAt: null,
        publishedBy: null,
      });
      await em.insert(TenderNoticeEntity, n);
      await this.journal(
        em,
        actor,
        {
          tenderId: id,
          organisationId: actor.organisationId ?? 0,
          bidId: null,
          action: 'tender.question_asked',
          payload: { noticeId: n.id },
        },
        now,
      );
      await this.inbox.notify(
        em,
        [t.createdBy],
        {
          kind: 'tender.question',
          template: 'procurement.tender.question',
          params: { tenderTitle: t.title, question: question.slice(0, 500) },
        },
        now,
      );
    });
    return this.notices(actor, id);
  }

  /** The answer is published to everybody who registered interest, with the question (not the asker). */
  async answer(actor: Actor, id: number, noticeId: number, answer: string): Promise<NoticeDto[]> {
    await inTransaction(this.dataSource, async (em) => {
      const t = await this.managed(actor, id, em);
      const n = await em.findOne(TenderNoticeEntity, {
        where: { id: noticeId, tenderId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (n === null)
        throw new ProcurementError(ProcurementErrorCode.CLARIFICATION_NOT_FOUND, `Question ${noticeId} not found.`);
      if (n.status !== 'ASKED')
        throw new ProcurementError(
          ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
          'The question has been answered already.',
        );
      const now = await dbNow(em);
      await em.update(
        TenderNoticeEntity,
        { id: noticeId },
        { status: 'PUBLISHED', body: answer, publishedAt: now, publishedBy: actor.userId },
      );
      await this.audit.record(em, actor, {
        action: 'procurement.tender.question_answered',
        entityType: 'tender',
        entityId: id,
        regionPath: t.regionPath,
        after: { noticeId },
      });
      await this.notifyInterested(em, t, now, {
        template: 'procurement.tender.answered',
        params: { tenderTitle: t.title, question: (n.question ?? '').slice(0, 200), answer: answer.slice(0, 300) },
      });
    });
    return this.notices(actor, id);
  }

  async registerInterest(actor: Actor, id: number): Promise<TenderDto> {
    await inTransaction(this.dataSource, async (em) => {
      const t = await this.visible(actor, id, em);
      if (t.status !== 'PUBLISHED')
        throw new ProcurementError(ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION, 'The tender is not open for bids.');
      await this.registerInterestIn(em, actor, t, await dbNow(em));
    });
    return this.get(actor, id);
  }

  /** Inserts (or keeps) the organisation's interest row — locking it: bids of one organisation are serialised on it. */
  async registerInterestIn(
    em: EntityManager,
    actor: Actor,
    t: Pick<TenderEntity, 'id' | 'regionPath' | 'minGrade' | 'designatedOrganisationId'>,
    now: Date,
  ): Promise<void> {
    if (actor.organisationId === null)
      throw new ProcurementError(
        ProcurementErrorCode.BID_NOT_ELIGIBLE,
        'Only members of an organisation can take part.',
      );
    const reasons = await this.ineligibility(em, actor.organisationId, t, now);
    if (reasons.length > 0)
      throw new ProcurementError(
        ProcurementErrorCode.BID_NOT_ELIGIBLE,
        `Your organisation may not bid: ${reasons.join('；')}`,
        { reasons },
      );
    const res = (await em.query(
      'INSERT INTO tender_interests (tender_id, organisation_id, created_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE tender_id = tender_id',
      [t.id, actor.organisationId, now],
    )) as { affectedRows: number };
    if (res.affectedRows === 1)
      await this.journal(
        em,
        actor,
        {
          tenderId: t.id,
          organisationId: actor.organisationId,
          bidId: null,
          action: 'tender.interest_registered',
          payload: {},
        },
        now,
      );
  }

  async ineligibility(
    em: EntityManager,
    organisationId: number,
    t: Pick<TenderEntity, 'regionPath' | 'minGrade' | 'designatedOrganisationId'>,
    now: Date,
  ): Promise<string[]> {
    const org = (await this.organisations.eligibility(em, [organisationId])).get(organisationId);
    if (!org) return ['机构不存在'];
    return ineligibilityReasons(
      org,
      { minGrade: t.minGrade, regionPath: t.regionPath, designatedOrganisationId: t.designatedOrganisationId },
      now,
      shanghaiDate(now),
    );
  }

  // ------------------------------------------------------------ the deadline: close and open

  /**
   * The bid-deadline handler: under the tender's row lock, and only when the database clock says the
   * deadline has passed, closes the tender and opens it (same instant). Bids not re-confirmed after an
   * amendment are set aside; the sealed journal joins the audit chain; an open tender with fewer than
   * 3 valid bids fails. Running it twice does nothing the second time.
   */
  async deadlineTick(tenderId: number): Promise<TickResult> {
    // 1. Close, in a short transaction of its own: bids waiting on the tender row are released at once and
    //    refused (the tender is no longer PUBLISHED) instead of waiting for the whole opening.
    const closed = await inTransaction(this.dataSource, async (em): Promise<TickResult | null> => {
      const t = await em.findOne(TenderEntity, { where: { id: tenderId }, lock: { mode: 'pessimistic_write' } });
      if (t === null || (t.status !== 'PUBLISHED' && t.status !== 'CLOSED')) return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      if (now < t.bidDeadline) return { result: 'NOT_DUE', dueInMs: t.bidDeadline.getTime() - now.getTime() };
      if (t.status === 'PUBLISHED') await this.setStatus(em, SYSTEM_ACTOR, t, 'CLOSED', now, true);
      return null;
    });
    if (closed) return closed;
    // 2. Open (same instant in law; a crash in between leaves it CLOSED, which the reconciler reschedules at once).
    return inTransaction(this.dataSource, async (em): Promise<TickResult> => {
      const t = await em.findOne(TenderEntity, { where: { id: tenderId }, lock: { mode: 'pessimistic_write' } });
      if (t === null || t.status !== 'CLOSED') return { result: 'NOTHING_TO_DO' };
      await this.open(em, t, await dbNow(em));
      return { result: t.status };
    });
  }

  private async open(em: EntityManager, t: TenderEntity, now: Date): Promise<void> {
    await em.query(
      "UPDATE bids SET status = 'DISQUALIFIED', qualification_reason = '更正公告后未在截止前重新确认投标' WHERE tender_id = ? AND status = 'SUBMITTED' AND needs_reconfirm = 1",
      [t.id],
    );
    await em.query("UPDATE bids SET status = 'OPENED' WHERE tender_id = ? AND status = 'SUBMITTED'", [t.id]);
    await this.unseal(em, t, now);
    const bids = await em.find(BidEntity, { where: { tenderId: t.id, status: In(['OPENED', 'DISQUALIFIED']) } });
    const valid = bids.filter((b) => b.status === 'OPENED');
    await this.setStatus(
      em,
      SYSTEM_ACTOR,
      t,
      'OPENED',
      now,
      true,
      { openedAt: now },
      {
        bids: bids.length,
        valid: valid.length,
        receipts: bids.map((b) => ({
          bidId: b.id,
          organisationId: b.organisationId,
          submittedAt: b.submittedAt.toISOString(),
          sha256: b.sealSha256,
          price: fenToYuan(b.priceFen),
          status: b.status,
        })),
      },
    );
    const bidders = [...new Set(bids.map((b) => b.organisationId))];
    const counts = { tenderTitle: t.title, bids: bids.length, valid: valid.length };
    await this.notifyOrganisations(em, bidders, now, { template: 'procurement.tender.opened_bidders', params: counts });
    await this.inbox.notify(
      em,
      [t.createdBy],
      { kind: 'tender.opened', template: 'procurement.tender.opened_officer', params: counts },
      now,
    );
    // The residents learn that bids were opened, not how many: that is the bidders' and officers' business.
    await this.projects.tellNeeds(
      em,
      SYSTEM_ACTOR,
      t.projectId,
      { template: 'procurement.step.bids_opened', params: { tenderTitle: t.title } },
      now,
    );
    await this.failIfTooFew(em, t, valid.length, now);
  }

  /** 流标: fewer than 3 valid bids in an open tender. Returns true when the tender failed. */
  async failIfTooFew(em: EntityManager, t: TenderEntity, valid: number, now: Date): Promise<boolean> {
    const min = t.method === 'OPEN_TENDER' ? 3 : 1;
    if (valid >= min) return false;
    const note = `有效投标 ${valid} 份，不足 ${min} 份，流标`;
    await em.query("UPDATE bids SET status = 'NOT_AWARDED' WHERE tender_id = ? AND status IN ('OPENED', 'QUALIFIED')", [
      t.id,
    ]);
    await this.setStatus(em, SYSTEM_ACTOR, t, 'FAILED', now, true, { outcomeNote: note });
    await this.custody.tenderEnded(em, SYSTEM_ACTOR, t.id, now);
    await this.projects.setStatus(em, SYSTEM_ACTOR, t.projectId, 'APPROVED', now, true, { reason: note });
    const bidders = (await em.find(BidEntity, { where: { tenderId: t.id } })).map((b) => b.organisationId);
    const params = { tenderTitle: t.title, valid, minimum: min };
    await this.notifyOrganisations(em, [...new Set(bidders)], now, {
      template: 'procurement.tender.failed_bidders',
      params,
    });
    await this.inbox.notify(
      em,
      [t.createdBy],
      { kind: 'tender.failed', template: 'procurement.tender.failed_officer', params },
      now,
    );
    await this.projects.tellNeeds(
      em,
      SYSTEM_ACTOR,
      t.projectId,
      { template: 'procurement.step.tender_failed', params },
      now,
    );
    return true;
  }

  /** Copies the sealed journal into the audit chain (each with the time it happened) and stamps it. */
  private async unseal(em: EntityManager, t: TenderEntity, now: Date): Promise<void> {
    const events = await em.find(BidEventEntity, { where: { tenderId: t.id }, order: { id: 'ASC' } });
    await this.audit.recordMany(
      em,
      events
        .filter((x) => x.unsealedAt === null)
        .map((e) => ({
          actor: {
            userId: e.actorId ?? 0,
            username: e.actorUsername,
            roles: [],
            regionPath: null,
            regionId: null,
            organisationId: e.organisationId || null,
            sessionId: null,
            ip: e.ip,
          },
          input: {
            action: `procurement.${e.action}`,
            entityType: e.bidId ? 'bid' : 'tender',
            entityId: e.bidId ?? t.id,
            regionPath: t.regionPath,
            after: {
              ...(JSON.parse(e.payload) as Record<string, unknown>),
              tenderId: t.id,
              organisationId: e.organisationId,
              occurredAt: e.occurredAt.toISOString(),
              sealedEventId: e.id,
            },
          },
        })),
    );
    await em.query('UPDATE bid_events SET unsealed_at = ? WHERE tender_id = ? AND unsealed_at IS NULL', [now, t.id]);
  }

  // ------------------------------------------------------------ award notice and its objection window

  /** The officer confirms the recommended winner: the award notice is published and the objection window starts. */
  async confirmAward(actor: Actor, id: number, winnerBidId: string | undefined): Promise<TenderDto> {
    const t = await inTransaction(this.dataSource, async (em) => {
      const t = await this.managed(actor, id, em);
      assertTransition(
        TENDER_TRANSITIONS,
        'tender',
        ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
        t.status,
        'AWARD_NOTICE',
        actor,
      );
      const first = await em.find(BidEntity, { where: { tenderId: id, status: 'SCORED', rankNo: 1 } });
      const winner = winnerBidId ? first.find((b) => b.id === winnerBidId) : first.length === 1 ? first[0] : undefined;
      if (!winner) {
        const message =
          first.length > 1
            ? 'Several bids share the first rank: choose the winner among them.'
            : 'The winner must be the first-ranked bid of the committee report.';
        throw invalid(ProcurementErrorCode.TENDER_INVALID, 'winnerBidId', message);
      }
      const now = await dbNow(em);
      const cal = await this.calendar.calendarBetween(shanghaiDate(now), addCalendarDays(shanghaiDate(now), 60));
      const ends = objectionWindowEnd(now, this.env.OBJECTION_WINDOW_START, cal);
      const org = (await this.organisations.eligibility(em, [winner.organisationId])).get(winner.organisationId);
      await this.setStatus(
        em,
        actor,
        t,
        'AWARD_NOTICE',
        now,
        false,
        { winnerBidId: winner.id, awardNoticeAt: now, objectionWindowEndsAt: ends },
        {
          winner: org?.name,
          price: fenToYuan(winner.priceFen),
          objectionWindowEndsAt: ends.toISOString(),
          convention: this.env.OBJECTION_WINDOW_START,
        },
      );
      // the other bidders' deposits fall due for refund within 5 working days of the award notice
      await this.custody.awardNoticed(em, actor, { tenderId: id, winnerOrganisationId: winner.organisationId }, now);
      const bidders = (
        await em.find(BidEntity, {
          where: { tenderId: id, status: In(['SCORED', 'QUALIFIED', 'DISQUALIFIED', 'OPENED']) },
        })
      ).map((b) => b.organisationId);
      const notice = {
        tenderTitle: t.title,
        winner: org?.name ?? '',
        amountFen: String(winner.priceFen),
        objectionWindowEndsAt: ends.toISOString(),
      };
      await this.notifyOrganisations(em, [...new Set(bidders)], now, {
        template: 'procurement.tender.award_notice',
        params: notice,
      });
      await this.projects.tellNeeds(
        em,
        actor,
        t.projectId,
        { template: 'procurement.step.award_notice', params: notice },
        now,
      );
      return t;
    });
    await this.deadlines.schedule(tenderJob(OBJECTION_WINDOW_JOB, t.id, t.objectionWindowEndsAt as Date));
    return this.get(actor, id);
  }

  /** Objection-window handler: AWARDED once the window has passed and no objection is open. */
  async objectionWindowTick(tenderId: number): Promise<TickResult> {
    return inTransaction(this.dataSource, async (em): Promise<TickResult> => {
      const t = await em.findOne(TenderEntity, { where: { id: tenderId }, lock: { mode: 'pessimistic_write' } });
      if (t === null || t.status !== 'AWARD_NOTICE' || t.objectionWindowEndsAt === null)
        return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      if (now < t.objectionWindowEndsAt)
        return { result: 'NOT_DUE', dueInMs: t.objectionWindowEndsAt.getTime() - now.getTime() };
      return { result: (await this.finaliseIfClear(em, t, now)) ? 'AWARDED' : 'OBJECTIONS_OPEN' };
    });
  }

  /** AWARD_NOTICE → AWARDED when the window is over and nothing is open (called by the job and after each answer). */
  async finaliseIfClear(em: EntityManager, t: TenderEntity, now: Date): Promise<boolean> {
    if (t.status !== 'AWARD_NOTICE' || t.objectionWindowEndsAt === null || now < t.objectionWindowEndsAt) return false;
    const open = await em.count(ObjectionEntity, { where: { tenderId: t.id, status: In(['FILED', 'UNDER_REVIEW']) } });
    if (open > 0) return false;
    const winner = await em.findOneByOrFail(BidEntity, { id: t.winnerBidId as string });
    await em.query("UPDATE bids SET status = 'WINNER' WHERE id = ?", [winner.id]);
    await em.query(
      "UPDATE bids SET status = 'NOT_AWARDED' WHERE tender_id = ? AND id <> ? AND status IN ('SCORED', 'QUALIFIED')",
      [t.id, winner.id],
    );
    await this.setStatus(em, SYSTEM_ACTOR, t, 'AWARDED', now, true, { awardedAt: now });
    await this.projects.setStatus(em, SYSTEM_ACTOR, t.projectId, 'AWARDED', now, true, {
      tenderId: t.id,
      winnerBidId: winner.id,
    });
    await this.awardHooks.awarded(em, { tender: t, winnerBid: winner, now });
    await this.organisations.appendRecord(
      em,
      {
        organisationId: winner.organisationId,
        kind: 'AWARD',
        message: { template: 'organisations.record.awarded', params: { tenderTitle: t.title } },
        referenceType: 'tender',
        referenceId: t.id,
        amountFen: BigInt(winner.priceFen),
      },
      now,
    );
    await this.notifyOrganisations(em, [winner.organisationId], now, {
      template: 'procurement.tender.awarded_winner',
      params: { tenderTitle: t.title },
    });
    await this.inbox.notify(
      em,
      [t.createdBy],
      { kind: 'tender.awarded', template: 'procurement.tender.awarded_officer', params: { tenderTitle: t.title } },
      now,
    );
    const winnerName = (await this.organisations.eligibility(em, [winner.organisationId])).get(
      winner.organisationId,
    )?.name;
    await this.projects.tellNeeds(
      em,
      SYSTEM_ACTOR,
      t.projectId,
      {
        template: 'procurement.step.awarded',
        params: { tenderTitle: t.title, winner: winnerName ?? '', amountFen: String(winner.priceFen) },
      },
      now,
    );
    return true;
  }

  /** Reminder before the confirmation of the winner is due (5 working days after the report). */
  async reminderTick(tenderId: number): Promise<TickResult> {
    return inTransaction(this.dataSource, async (em): Promise<TickResult> => {
      const t = await em.findOne(TenderEntity, { where: { id: tenderId }, lock: { mode: 'pessimistic_write' } });
      if (t === null || t.status !== 'RECOMMENDED' || t.confirmationRemindedAt !== null || t.reportAt === null)
        return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      const at = await this.reminderAt(t.reportAt);
      if (now < at) return { result: 'NOT_DUE', dueInMs: at.getTime() - now.getTime() };
      await em.update(TenderEntity, { id: t.id }, { confirmationRemindedAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'procurement.tender.confirmation_reminded',
        entityType: 'tender',
        entityId: t.id,
        regionPath: t.regionPath,
        after: { confirmationDueAt: t.confirmationDueAt?.toISOString() },
      });
      await this.inbox.notify(
        em,
        [t.createdBy],
        {
          kind: 'tender.confirmation_due',
          template: 'procurement.tender.confirmation_due',
          params: {
            tenderTitle: t.title,
            reportAt: t.reportAt.toISOString(),
            confirmationDueAt: t.confirmationDueAt?.toISOString() ?? null,
          },
        },
        now,
      );
      return { result: 'REMINDED' };
    });
  }

  async reminderAt(reportAt: Date): Promise<Date> {
    const cal = await this.calendar.calendarBetween(
      shanghaiDate(reportAt),
      addCalendarDays(shanghaiDate(reportAt), 40),
    );
    return awardConfirmationReminder(reportAt, cal);
  }

  /** What the reconciler rebuilds after Redis lost its jobs. */
  sources(): DeadlineSource[] {
    const repo = () => this.dataSource.getRepository(TenderEntity);
    return [
      {
        kind: TENDER_DEADLINE_JOB,
        pending: async () =>
          (await repo().findBy({ status: In(['PUBLISHED', 'CLOSED']) })).map((t) =>
            tenderJob(TENDER_DEADLINE_JOB, t.id, t.bidDeadline),
          ),
      },
      {
        kind: OBJECTION_WINDOW_JOB,
        pending: async () =>
          (await repo().findBy({ status: 'AWARD_NOTICE' }))
            .filter((t) => t.objectionWindowEndsAt)
            .map((t) => tenderJob(OBJECTION_WINDOW_JOB, t.id, t.objectionWindowEndsAt as Date)),
      },
      {
        kind: AWARD_REMINDER_JOB,
        pending: async () =>
          Promise.all(
            (await repo().findBy({ status: 'RECOMMENDED' }))
              .filter((t) => t.reportAt && !t.confirmationRemindedAt)
              .map(async (t) => tenderJob(AWARD_REMINDER_JOB, t.id, await this.reminderAt(t.reportAt as Date))),
          ),
      },
    ];
  }

  // ------------------------------------------------------------ public (transparency)

  async publicList(q: PublicTendersQuery): Promise<Page<PublicTenderDto>> {
    const statuses =
      q.kind === 'AWARD_NOTICE'
        ? ['AWARD_NOTICE', 'AWARDED']
        : q.kind === 'OPEN'
          ? ['PUBLISHED']
          : ['PUBLISHED', 'CLOSED', 'OPENED', 'EVALUATING', 'RECOMMENDED', 'AWARD_NOTICE', 'AWARDED', 'FAILED'];
    const [rows, total] = await this.dataSource.getRepository(TenderEntity).findAndCount({
      where: { status: In(statuses), ...(q.q ? { title: Like(containsPattern(q.q)) } : {}) },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(await this.publicDtos(rows), total, q);
  }

  async publicGet(id: number): Promise<PublicTenderDto> {
    const t = await this.dataSource.getRepository(TenderEntity).findOneBy({ id });
    if (t === null || t.status === 'DRAFT' || (t.status === 'CANCELLED' && t.publishedAt === null))
      throw new ProcurementError(ProcurementErrorCode.TENDER_NOT_FOUND, `Tender ${id} not found.`);
    return (await this.publicDtos([t]))[0];
  }

  private async publicDtos(rows: TenderEntity[]): Promise<PublicTenderDto[]> {
    const winners = await this.winners(rows);
    const regions = (await this.dataSource.query(
      `SELECT p.id, r.name FROM projects p JOIN regions r ON r.id = p.region_id WHERE p.id IN (${rows.map(() => '?').join(',') || 'NULL'})`,
      rows.map((r) => r.projectId),
    )) as Array<{ id: number; name: string }>;
    return rows.map((t) => {
      const w = winners.get(t.id);
      const noticeOut = t.status === 'AWARD_NOTICE' || t.status === 'AWARDED';
      return {
        id: t.id,
        title: t.title,
        description: t.description,
        method: t.method,
        status: t.status,
        regionName: regions.find((r) => r.id === t.projectId)?.name ?? '',
        maxPrice: fenToYuan(t.maxPriceFen),
        publishedAt: t.publishedAt?.toISOString() ?? null,
        bidDeadline: t.bidDeadline.toISOString(),
        awardNoticeAt: noticeOut ? (t.awardNoticeAt?.toISOString() ?? null) : null,
        winnerName: noticeOut ? (w?.name ?? null) : null,
        winnerPrice: noticeOut ? (w?.price ?? null) : null,
        objectionWindowEndsAt: noticeOut ? (t.objectionWindowEndsAt?.toISOString() ?? null) : null,
      };
    });
  }

  // ------------------------------------------------------------ shared

  async setStatus(
    em: EntityManager,
    actor: Actor,
    t: TenderEntity,
    to: TenderStatus,
    now: Date,
    system: boolean,
    set: Partial<TenderEntity> = {},
    note: Record<string, unknown> = {},
  ): Promise<void> {
    assertTransition(
      TENDER_TRANSITIONS,
      'tender',
      ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION,
      t.status,
      to,
      actor,
      system,
    );
    const from = t.status;
    await em.update(TenderEntity, { id: t.id }, { ...set, status: to, updatedAt: now });
    Object.assign(t, set, { status: to });
    // OCDS: a public stage of the tender (published, opened, failed, cancelled, award notice, award final or cancelled)
    // writes a release of the project's contracting process, from what this transaction has written at its commit
    const tags = tenderTransitionTags(from, to);
    if (tags !== null) await this.openData.record(em, t.projectId, tags, now);
    await this.audit.record(em, actor, {
      action: `procurement.tender.${to.toLowerCase()}`,
      entityType: 'tender',
      entityId: t.id,
      regionPath: t.regionPath,
      before: { status: from },
      after: { status: to, ...note },
    });
  }

  /** Appends to the sealed journal (bid actions, interest, questions): nobody reads it before opening. */
  async journal(
    em: EntityManager,
    actor: Actor,
    e: {
      tenderId: number;
      organisationId: number;
      bidId: string | null;
      action: string;
      payload: Record<string, unknown>;
    },
    now: Date,
  ): Promise<void> {
    await em.query(
      'INSERT INTO bid_events (tender_id, bid_id, organisation_id, actor_id, actor_username, ip, action, payload, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        e.tenderId,
        e.bidId,
        e.organisationId,
        actor.userId === 0 ? null : actor.userId,
        actor.username,
        actor.ip,
        e.action,
        JSON.stringify(e.payload),
        now,
      ],
    );
  }

  /** An inbox message (a template and its parameters) to every member of the organisations. */
  async notifyOrganisations(em: EntityManager, organisationIds: number[], now: Date, message: Message): Promise<void> {
    const members = await this.people.memberIds(organisationIds, em);
    await this.inbox.notify(em, [...members.values()].flat(), { kind: 'tender.notice', ...message }, now);
  }

  private async notifyInterested(em: EntityManager, t: TenderEntity, now: Date, message: Message): Promise<void> {
    const orgs = (await em.find(TenderInterestEntity, { where: { tenderId: t.id } })).map((i) => i.organisationId);
    await this.notifyOrganisations(em, orgs, now, message);
  }

  private async validated(
    em: EntityManager,
    dto: CreateTenderDto,
    estimateFen: bigint,
    catalogueItemId: number,
    now: Date,
  ) {
    const criteria = dto.criteria.map((c) => ({ code: c.code, name: c.name, maxCents: pointsToCents(c.maxScore) }));
    const scheme = schemeProblem(dto.scoringMethod, dto.priceWeight, criteria);
    if (scheme) throw invalid(ProcurementErrorCode.TENDER_INVALID, 'criteria', scheme);
    const size = committeeSizeProblem(dto.method, dto.committeeSize);
    if (size) throw invalid(ProcurementErrorCode.TENDER_INVALID, 'committeeSize', size);
    const maxPriceFen = yuanToFen(dto.maxPrice);
    if (maxPriceFen <= 0n || maxPriceFen > estimateFen)
      throw invalid(
        ProcurementErrorCode.TENDER_INVALID,
        'maxPrice',
        `The maximum price must be more than 0 and at most the project estimate (${fenToYuan(estimateFen)} yuan).`,
      );
    const bidDepositFen = dto.bidDeposit ? yuanToFen(dto.bidDeposit) : 0n;
    if (bidDepositFen > 0n && !withinCap(bidDepositFen, estimateFen, BID_DEPOSIT_CAP_BP))
      throw invalid(
        ProcurementErrorCode.TENDER_INVALID,
        'bidDeposit',
        `The bid deposit may be at most 2 % of the project budget (${fenToYuan((estimateFen * BigInt(BID_DEPOSIT_CAP_BP)) / 10_000n)} yuan).`,
      );
    if (dto.method === 'SINGLE_SOURCE' && !dto.designatedOrganisationId)
      throw invalid(
        ProcurementErrorCode.TENDER_INVALID,
        'designatedOrganisationId',
        'A single-source procurement names the invited organisation.',
      );
    if (dto.method !== 'SINGLE_SOURCE' && dto.designatedOrganisationId)
      throw invalid(
        ProcurementErrorCode.TENDER_INVALID,
        'designatedOrganisationId',
        'Only a single-source procurement names one organisation.',
      );
    if (
      dto.designatedOrganisationId &&
      !(await this.organisations.eligibility(em, [dto.designatedOrganisationId])).has(dto.designatedOrganisationId)
    ) {
      throw invalid(
        ProcurementErrorCode.TENDER_INVALID,
        'designatedOrganisationId',
        `Organisation ${dto.designatedOrganisationId} not found.`,
      );
    }
    const deadline = new Date(dto.bidDeadline);
    if (deadline <= now)
      throw invalid(ProcurementErrorCode.TENDER_INVALID, 'bidDeadline', 'The bid deadline must be in the future.');
    const item = await this.catalogue.item(catalogueItemId, em);
    return {
      title: dto.title,
      description: dto.description,
      method: dto.method,
      minGrade: dto.minGrade ?? (item?.minOrgGrade || null),
      designatedOrganisationId: dto.designatedOrganisationId ?? null,
      scoringMethod: dto.scoringMethod,
      priceWeightPct: dto.scoringMethod === 'LOWEST_PRICE' ? 0 : dto.priceWeight,
      criteria: JSON.stringify(criteria),
      maxPriceFen: maxPriceFen.toString(),
      bidDepositFen: bidDepositFen > 0n ? bidDepositFen.toString() : null,
      committeeSize: dto.committeeSize,
      bidDeadline: deadline,
    };
  }

  private snapshot(
    t: Pick<
      TenderEntity,
      | 'title'
      | 'method'
      | 'minGrade'
      | 'scoringMethod'
      | 'priceWeightPct'
      | 'criteria'
      | 'maxPriceFen'
      | 'bidDepositFen'
      | 'committeeSize'
      | 'bidDeadline'
      | 'status'
    >,
  ) {
    return {
      title: t.title,
      method: t.method,
      minGrade: t.minGrade,
      scoringMethod: t.scoringMethod,
      priceWeight: t.priceWeightPct,
      criteria: JSON.parse(t.criteria) as unknown,
      maxPrice: fenToYuan(t.maxPriceFen),
      bidDeposit: t.bidDepositFen === null ? null : fenToYuan(t.bidDepositFen),
      committeeSize: t.committeeSize,
      bidDeadline: t.bidDeadline.toISOString(),
      status: t.status,
    };
  }

  private async winners(
    rows: TenderEntity[],
  ): Promise<Map<number, { name: string; price: string; organisationId: number }>> {
    const ids = rows.map((t) => t.winnerBidId).filter((x): x is string => x !== null);
    if (ids.length === 0) return new Map();
    const bids = await this.dataSource.getRepository(BidEntity).findBy({ id: In(ids) });
    const orgs = await this.organisations.eligibility(
      this.dataSource.manager,
      bids.map((b) => b.organisationId),
    );
    const out = new Map<number, { name: string; price: string; organisationId: number }>();
    for (const b of bids)
      out.set(b.tenderId, {
        name: orgs.get(b.organisationId)?.name ?? '',
        price: fenToYuan(b.priceFen),
        organisationId: b.organisationId,
      });
    return out;
  }

  async toDtos(actor: Actor, rows: TenderEntity[]): Promise<TenderDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const opened = rows.filter((r) => r.openedAt !== null).map((r) => r.id);
    // Counts only for opened tenders: before opening nobody learns how many bids exist.
    const counts =
      opened.length === 0
        ? []
        : ((await this.dataSource.query(
            `SELECT tender_id, COUNT(*) AS n FROM bids WHERE tender_id IN (${opened.map(() => '?').join(',')}) AND status NOT IN ('REPLACED', 'WITHDRAWN') GROUP BY tender_id`,
            opened,
          )) as Array<{ tender_id: number; n: string }>);
    const winners = await this.winners(rows.filter((r) => r.status === 'AWARD_NOTICE' || r.status === 'AWARDED'));
    const interests = isOrg(actor)
      ? await this.dataSource
          .getRepository(TenderInterestEntity)
          .findBy({ tenderId: In(ids), organisationId: actor.organisationId as number })
      : [];
    const seats = await this.dataSource
      .getRepository(CommitteeMemberEntity)
      .findBy({ tenderId: In(ids), expertId: actor.userId });
    const now = await dbNow(this.dataSource.manager);
    const cal = await this.calendar.calendarBetween(shanghaiDate(now), addCalendarDays(shanghaiDate(now), 120));
    const out: TenderDto[] = [];
    for (const t of rows) {
      const w = winners.get(t.id);
      const dto: TenderDto = {
        id: t.id,
        projectId: t.projectId,
        title: t.title,
        description: t.description,
        method: t.method,
        status: t.status,
        minGrade: t.minGrade,
        designatedOrganisationId: t.designatedOrganisationId,
        scoringMethod: t.scoringMethod,
        priceWeight: t.priceWeightPct,
        criteria: criteriaOf(t).map((c): CriterionView => ({
          code: c.code,
          name: c.name,
          maxScore: centsToPoints(c.maxCents) as string,
        })),
        maxPrice: fenToYuan(t.maxPriceFen),
        bidDeposit: t.bidDepositFen === null ? null : fenToYuan(t.bidDepositFen),
        committeeSize: t.committeeSize,
        publishedAt: t.publishedAt?.toISOString() ?? null,
        bidDeadline: t.bidDeadline.toISOString(),
        earliestDeadline: t.status === 'DRAFT' ? earliestDeadlineDate(t.method, shanghaiDate(now), cal) : null,
        openedAt: t.openedAt?.toISOString() ?? null,
        bidCount: t.openedAt === null ? null : Number(counts.find((c) => c.tender_id === t.id)?.n ?? 0),
        confirmationDueAt: t.confirmationDueAt?.toISOString() ?? null,
        awardNoticeAt: t.awardNoticeAt?.toISOString() ?? null,
        objectionWindowEndsAt: t.objectionWindowEndsAt?.toISOString() ?? null,
        awardedAt: t.awardedAt?.toISOString() ?? null,
        winnerBidId: w ? t.winnerBidId : null,
        winnerName: w?.name ?? null,
        winnerPrice: w?.price ?? null,
        outcomeNote: t.outcomeNote,
        evaluationRound: t.evaluationRound,
      };
      if (isOrg(actor)) {
        dto.interested = interests.some((i) => i.tenderId === t.id);
        dto.ineligibleReasons =
          t.status === 'PUBLISHED'
            ? await this.ineligibility(this.dataSource.manager, actor.organisationId as number, t, now)
            : [];
      }
      if (actor.roles.includes('EXPERT') || actor.roles.includes('PROCUREMENT_OFFICER'))
        dto.onCommittee = seats.some((s) => s.tenderId === t.id);
      out.push(dto);
    }
    return out;
  }
}

export { isOrg, isStaff };
