import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';

import { Actor, regionScopeSql, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Deadlines, DeadlineSource } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { CustodyService } from '../../funds';
import { InboxService } from '../../notifications';
import { OrganisationsService } from '../../organisations';
import { addCalendarDays, CalendarService, shanghaiDate } from '../../regions';
import { invalid, ProcurementError, ProcurementErrorCode } from '../domain/procurement.errors';
import { OBJECTION_TRANSITIONS, ObjectionStatus } from '../domain/state-machines';
import { objectionAnswerDue } from '../domain/tender-periods';
import { AnswerObjectionDto, ObjectionDto } from '../dto/procurement.dto';
import { BidEntity, ObjectionEntity, TenderEntity } from '../entities/procurement.entities';
import { EvaluationService } from './evaluation.service';
import {
  OBJECTION_ANSWER_REMINDER_JOB,
  OBJECTION_REMINDER_LEAD_MS,
  objectionReminderJob,
  TickResult,
} from './procurement-deadlines';
import { ProjectsService } from './projects.service';
import { isOrg, isStaff, TendersService } from './tenders.service';
import { assertTransition } from './transitions';

/** 质疑: bidders object within the window after the award notice; the officer answers within 7 working days. */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tenders: TendersService,
    private readonly evaluation: EvaluationService,
    private readonly projects: ProjectsService,
    private readonly organisations: OrganisationsService,
    private readonly inbox: InboxService,
    private readonly calendar: CalendarService,
    private readonly deadlines: Deadlines,
    private readonly custody: CustodyService,
  ) {}

  /** Filing: only a bidder of the tender, only while the window is open by the database clock. */
  async file(actor: Actor, tenderId: number, grounds: string): Promise<ObjectionDto> {
    const id = await inTransaction(this.dataSource, async (em) => {
      const t = await this.tenders.visible(actor, tenderId, em, true);
      // Only its bidders may object; to anybody else the tender answers exactly as a missing one.
      if (
        !isOrg(actor) ||
        !(await em.existsBy(BidEntity, {
          tenderId,
          organisationId: actor.organisationId as number,
          status: Not(In(['WITHDRAWN', 'REPLACED'])),
        }))
      ) {
        throw new ProcurementError(ProcurementErrorCode.TENDER_NOT_FOUND, `Tender ${tenderId} not found.`);
      }
      const now = await dbNow(em);
      if (t.status !== 'AWARD_NOTICE' || t.objectionWindowEndsAt === null || now >= t.objectionWindowEndsAt) {
        throw new ProcurementError(
          ProcurementErrorCode.OBJECTION_WINDOW_CLOSED,
          `Objections are taken during the window after the award notice${t.objectionWindowEndsAt ? ` (until ${t.objectionWindowEndsAt.toISOString()})` : ''}.`,
        );
      }
      const cal = await this.calendar.calendarBetween(shanghaiDate(now), addCalendarDays(shanghaiDate(now), 40));
      const o = em.create(ObjectionEntity, {
        tenderId,
        organisationId: actor.organisationId as number,
        filedBy: actor.userId,
        grounds,
        status: 'FILED',
        filedAt: now,
        answerDueAt: objectionAnswerDue(now, cal),
        reviewedBy: null,
        answer: null,
        action: null,
        answeredAt: null,
        remindedAt: null,
      });
      await em.insert(ObjectionEntity, o);
      await this.audit.record(em, actor, {
        action: 'procurement.objection.filed',
        entityType: 'objection',
        entityId: o.id,
        regionPath: t.regionPath,
        after: { tenderId, organisationId: o.organisationId, answerDueAt: o.answerDueAt.toISOString() },
      });
      await this.inbox.notify(
        em,
        [t.createdBy],
        {
          kind: 'objection.filed',
          template: 'procurement.objection.filed',
          params: { tenderTitle: t.title, answerDueAt: o.answerDueAt.toISOString() },
        },
        now,
      );
      return o;
    });
    await this.deadlines.schedule(objectionReminderJob(id.id, id.answerDueAt));
    return this.get(actor, id.id);
  }

  /** Reminder job: the day before the answer is due, the officer is told (once) if the objection is still open. */
  async answerReminderTick(objectionId: number): Promise<TickResult> {
    return inTransaction(this.dataSource, async (em): Promise<TickResult> => {
      const o = await em.findOne(ObjectionEntity, { where: { id: objectionId }, lock: { mode: 'pessimistic_write' } });
      if (o === null || o.remindedAt !== null || (o.status !== 'FILED' && o.status !== 'UNDER_REVIEW'))
        return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      const at = new Date(o.answerDueAt.getTime() - OBJECTION_REMINDER_LEAD_MS);
      if (now < at) return { result: 'NOT_DUE', dueInMs: at.getTime() - now.getTime() };
      const t = await em.findOneByOrFail(TenderEntity, { id: o.tenderId });
      await em.update(ObjectionEntity, { id: o.id }, { remindedAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'procurement.objection.answer_reminded',
        entityType: 'objection',
        entityId: o.id,
        regionPath: t.regionPath,
        after: { answerDueAt: o.answerDueAt.toISOString() },
      });
      await this.inbox.notify(
        em,
        [t.createdBy],
        {
          kind: 'objection.answer_due',
          template: 'procurement.objection.answer_due',
          params: { tenderTitle: t.title, answerDueAt: o.answerDueAt.toISOString(), grounds: o.grounds.slice(0, 300) },
        },
        now,
      );
      return { result: 'REMINDED' };
    });
  }

  sources(): DeadlineSource[] {
    return [
      {
        kind: OBJECTION_ANSWER_REMINDER_JOB,
        pending: async () =>
          (
            await this.dataSource
              .getRepository(ObjectionEntity)
              .find({ where: { status: In(['FILED', 'UNDER_REVIEW']) } })
          )
            .filter((o) => o.remindedAt === null)
            .map((o) => objectionReminderJob(o.id, o.answerDueAt)),
      },
    ];
  }

  async list(actor: Actor): Promise<ObjectionDto[]> {
    const qb = this.dataSource
      .getRepository(ObjectionEntity)
      .createQueryBuilder('o')
      .innerJoin(TenderEntity, 't', 't.id = o.tender_id');
    if (isStaff(actor)) {
      const scope = regionScopeSql(actor, 't.region_path');
      qb.where(scope.sql, scope.params);
    } else if (isOrg(actor)) {
      qb.where('o.organisation_id = :org', { org: actor.organisationId });
    } else {
      return [];
    }
    return this.dtos(await qb.orderBy('o.id', 'DESC').take(500).getMany());
  }

  async get(actor: Actor, id: number): Promise<ObjectionDto> {
    const o = await this.dataSource.getRepository(ObjectionEntity).findOneBy({ id });
    if (o === null) throw new ProcurementError(ProcurementErrorCode.OBJECTION_NOT_FOUND, `Objection ${id} not found.`);
    const ok = isOrg(actor)
      ? o.organisationId === actor.organisationId
      : await this.tenders.visible(actor, o.tenderId, this.dataSource.manager).then(
          () => true,
          () => false,
        );
    if (!ok) throw new ProcurementError(ProcurementErrorCode.OBJECTION_NOT_FOUND, `Objection ${id} not found.`);
    return (await this.dtos([o]))[0];
  }

  async review(actor: Actor, id: number): Promise<ObjectionDto> {
    await this.move(actor, id, 'UNDER_REVIEW', async () => undefined);
    return this.get(actor, id);
  }

  /**
   * The answer. Upheld: the tender goes back to evaluation (a new round) or is cancelled for a
   * re-tender (the project returns to APPROVED). Dismissed: if the window has passed and nothing else
   * is open, the award becomes final at once.
   */
  async answer(actor: Actor, id: number, dto: AnswerObjectionDto): Promise<ObjectionDto> {
    if (dto.outcome === 'UPHELD' && !dto.action)
      throw invalid(
        ProcurementErrorCode.TENDER_INVALID,
        'action',
        'An upheld objection sends the tender back to evaluation (RE_EVALUATE) or cancels it (CANCEL).',
      );
    await this.move(actor, id, dto.outcome, async (em, o, t, now) => {
      await em.update(
        ObjectionEntity,
        { id },
        {
          answer: dto.answer,
          action: dto.outcome === 'UPHELD' ? (dto.action ?? null) : null,
          answeredAt: now,
          reviewedBy: actor.userId,
        },
      );
      await this.tenders.notifyOrganisations(em, [o.organisationId], now, {
        template: 'procurement.objection.answered',
        params: { tenderTitle: t.title, outcome: dto.outcome, answer: dto.answer.slice(0, 400) },
      });
      if (dto.outcome === 'UPHELD' && t.status === 'AWARD_NOTICE') {
        if (dto.action === 'RE_EVALUATE') {
          await this.evaluation.reopenEvaluation(em, actor, t, now, dto.answer.slice(0, 200));
          await this.projects.tellNeeds(
            em,
            actor,
            t.projectId,
            { template: 'procurement.step.re_evaluation', params: { tenderTitle: t.title } },
            now,
          );
        } else {
          await em.query(
            "UPDATE bids SET status = 'NOT_AWARDED' WHERE tender_id = ? AND status IN ('SCORED', 'QUALIFIED')",
            [t.id],
          );
          await this.tenders.setStatus(em, actor, t, 'CANCELLED', now, false, {
            outcomeNote: `质疑成立，废标：${dto.answer.slice(0, 200)}`,
          });
          await this.custody.tenderEnded(em, actor, t.id, now);
          await this.projects.setStatus(em, SYSTEM_ACTOR, t.projectId, 'APPROVED', now, true, {
            reason: '质疑成立，废标，可重新采购',
          });
          await this.projects.tellNeeds(
            em,
            actor,
            t.projectId,
            { template: 'procurement.step.award_cancelled', params: { tenderTitle: t.title } },
            now,
          );
        }
      } else if (dto.outcome === 'DISMISSED') {
        await this.tenders.finaliseIfClear(em, t, now);
      }
    });
    return this.get(actor, id);
  }

  private async move(
    actor: Actor,
    id: number,
    to: ObjectionStatus,
    work: (em: EntityManager, o: ObjectionEntity, t: TenderEntity, now: Date) => Promise<void>,
  ): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const o = await em.findOne(ObjectionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (o === null)
        throw new ProcurementError(ProcurementErrorCode.OBJECTION_NOT_FOUND, `Objection ${id} not found.`);
      const t = await this.tenders.managed(actor, o.tenderId, em).catch(() => {
        throw new ProcurementError(ProcurementErrorCode.OBJECTION_NOT_FOUND, `Objection ${id} not found.`);
      });
      assertTransition(
        OBJECTION_TRANSITIONS,
        'objection',
        ProcurementErrorCode.OBJECTION_ILLEGAL_TRANSITION,
        o.status,
        to,
        actor,
      );
      const now = await dbNow(em);
      await em.update(ObjectionEntity, { id }, { status: to, reviewedBy: actor.userId });
      await work(em, o, t, now);
      await this.audit.record(em, actor, {
        action: `procurement.objection.${to.toLowerCase()}`,
        entityType: 'objection',
        entityId: id,
        regionPath: t.regionPath,
        before: { status: o.status },
        after: { status: to, tenderId: t.id },
      });
    });
  }

  private async dtos(rows: ObjectionEntity[]): Promise<ObjectionDto[]> {
    if (rows.length === 0) return [];
    const tenders = await this.dataSource.getRepository(TenderEntity).findBy({ id: In(rows.map((r) => r.tenderId)) });
    const orgs = await this.organisations.eligibility(
      this.dataSource.manager,
      rows.map((r) => r.organisationId),
    );
    return rows.map((o) => ({
      id: o.id,
      tenderId: o.tenderId,
      tenderTitle: tenders.find((t) => t.id === o.tenderId)?.title ?? '',
      organisationId: o.organisationId,
      organisationName: orgs.get(o.organisationId)?.name ?? '',
      grounds: o.grounds,
      status: o.status,
      filedAt: o.filedAt.toISOString(),
      answerDueAt: o.answerDueAt.toISOString(),
      answer: o.answer,
      action: o.action,
      answeredAt: o.answeredAt?.toISOString() ?? null,
    }));
  }
}
