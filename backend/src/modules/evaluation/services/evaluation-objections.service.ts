import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';

import { Actor, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Page, pageOf } from '../../../platform/http/pagination';
import { sniff } from '../../../platform/util/file-type';
import { AuditService } from '../../audit';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import {
  EVALUATION_OBJECTION_TRANSITIONS,
  EvaluationObjectionStatus,
  OBJECTION_MAX_FILE_BYTES,
} from '../domain/objection.state-machine';
import { windowDecision, windowOpen } from '../domain/publication-rules';
import { checkTransition } from '../domain/state-machines';
import {
  EvaluationObjectionDto,
  FileEvaluationObjectionDto,
  ListObjectionsQuery,
  ObjectionAttachmentInput,
} from '../dto/results.dto';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { EvaluationObjectionEntity, EvaluationObjectionFileEntity } from '../entities/objections.entities';
import { resultNames } from '../queries/results.queries';
import { assertTaskTransition, PublicationService } from './publication.service';
import { ResultNotices } from './result-notices';
import { canReadResult, taskForMember, taskForOfficer } from './result-scope';
import { ResultsView } from './results-view';

interface PreparedFile {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
}

function objectionNotFound(id: number): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.OBJECTION_NOT_FOUND, `Objection ${id} not found.`);
}

/**
 * Objections (异议) to a confirmed evaluation result (issue #11 item 5). A member of the evaluated organisation files
 * one within the window — the database clock decides, inside the transaction that holds the task's row, so a filing
 * and the window's job never both win — with reasons and up to three files; the region's officer upholds it (the
 * task goes back to the evaluator with the objection as comments, and a new confirmation opens a new window) or
 * dismisses it with reasons (publication follows at once if the window has passed and no other is open).
 */
@Injectable()
export class EvaluationObjectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notices: ResultNotices,
    private readonly publication: PublicationService,
    private readonly view: ResultsView,
  ) {}

  async file(actor: Actor, taskId: number, dto: FileEvaluationObjectionDto): Promise<EvaluationObjectionDto> {
    const files = prepare(dto.attachments ?? []);
    const id = await inTransaction(this.dataSource, async (em) => {
      const t = await taskForMember(em, actor, taskId, true);
      const now = await dbNow(em);
      if (!windowOpen(t.status, t.objectionDueAt, now))
        throw new EvaluationError(
          EvaluationErrorCode.OBJECTION_WINDOW_CLOSED,
          t.status === 'CONFIRMED' && t.objectionDueAt !== null
            ? `The objection window closed at ${t.objectionDueAt.toISOString()}: server time ${now.toISOString()}.`
            : `No objection window is open: the evaluation is ${t.status}.`,
          { objectionDueAt: t.objectionDueAt?.toISOString() ?? null, serverTime: now.toISOString() },
        );
      if (await em.existsBy(EvaluationObjectionEntity, { taskId, status: 'FILED' }))
        throw new EvaluationError(
          EvaluationErrorCode.OBJECTION_INVALID,
          'Your organisation’s objection to this result is still being decided.',
          { errors: [{ field: 'reasons', message: 'an objection to this result is still open' }] },
        );
      const res = await em.insert(EvaluationObjectionEntity, {
        taskId,
        organisationId: t.organisationId,
        regionPath: t.regionPath,
        status: 'FILED',
        openKey: taskId,
        reasons: dto.reasons,
        windowDueAt: t.objectionDueAt as Date,
        filedBy: actor.userId,
        filedAt: now,
        decidedBy: null,
        decidedAt: null,
        answer: null,
        createdAt: now,
        updatedAt: now,
      });
      const objectionId = (res.identifiers[0] as { id: number }).id;
      if (files.length > 0)
        await em.insert(
          EvaluationObjectionFileEntity,
          files.map((f) => ({ objectionId, ...f, createdAt: now })),
        );
      await this.audit.record(em, actor, {
        action: 'evaluation.objection.filed',
        entityType: 'evaluation_objection',
        entityId: objectionId,
        regionPath: t.regionPath,
        after: {
          taskId,
          status: 'FILED',
          reasons: dto.reasons,
          files: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256, size: f.size })),
          windowDueAt: t.objectionDueAt?.toISOString() ?? null,
        },
      });
      const names = (await resultNames(em, [taskId])).get(taskId);
      await this.notices.officers(
        em,
        t,
        {
          template: 'evaluation.result.objection_filed',
          params: {
            organisation: names?.organisationName ?? '',
            code: t.code,
            projectTitle: names?.projectTitle ?? '',
            reasons: dto.reasons.slice(0, 300),
          },
        },
        now,
      );
      return objectionId;
    });
    return this.get(actor, id);
  }

  /** FILED → UPHELD: the result goes back to the evaluator (CONFIRMED → RETURNED), the objection as comments. */
  async uphold(actor: Actor, id: number, answer: string): Promise<EvaluationObjectionDto> {
    await inTransaction(this.dataSource, async (em) => {
      const { o, t } = await this.decidable(em, actor, id, 'UPHELD');
      assertTaskTransition(t.status, 'RETURNED', actor.roles);
      const now = await dbNow(em);
      await this.decide(em, actor, o, t, 'UPHELD', answer, now);
      const comment = `异议成立：${o.reasons}\n采购专员意见：${answer}`.slice(0, 1000);
      await em.update(
        EvaluationTaskEntity,
        { id: t.id },
        { status: 'RETURNED', returnedAt: now, returnComment: comment, updatedAt: now },
      );
      await this.audit.record(em, actor, {
        action: 'evaluation.task.returned',
        entityType: 'evaluation_task',
        entityId: t.id,
        regionPath: t.regionPath,
        before: { status: t.status },
        after: { status: 'RETURNED', objectionId: o.id, comment },
      });
      const names = (await resultNames(em, [t.id])).get(t.id);
      await this.notices.organisation(
        em,
        t,
        { template: 'evaluation.result.objection_upheld', params: { code: t.code, answer } },
        now,
      );
      await this.notices.evaluator(
        em,
        t,
        {
          template: 'evaluation.result.returned_by_objection',
          params: {
            code: t.code,
            organisation: names?.organisationName ?? '',
            projectTitle: names?.projectTitle ?? '',
            reasons: o.reasons.slice(0, 300),
            answer,
          },
        },
        now,
      );
    });
    return this.get(actor, id);
  }

  /** FILED → DISMISSED with reasons; the result is published now if its window has passed and none is open. */
  async dismiss(actor: Actor, id: number, answer: string): Promise<EvaluationObjectionDto> {
    await inTransaction(this.dataSource, async (em) => {
      const { o, t } = await this.decidable(em, actor, id, 'DISMISSED');
      const now = await dbNow(em);
      await this.decide(em, actor, o, t, 'DISMISSED', answer, now);
      await this.notices.organisation(
        em,
        t,
        { template: 'evaluation.result.objection_dismissed', params: { code: t.code, answer } },
        now,
      );
      const open = await em.countBy(EvaluationObjectionEntity, { taskId: t.id, status: 'FILED' });
      const d = windowDecision({ status: t.status, objectionDueAt: t.objectionDueAt, openObjections: open }, now);
      if ('publish' in d) await this.publication.publishIn(em, t, now, 'OBJECTION_DISMISSED');
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, q: ListObjectionsQuery): Promise<Page<EvaluationObjectionDto>> {
    const qb = this.dataSource.getRepository(EvaluationObjectionEntity).createQueryBuilder('o');
    const staff = actor.roles.some((r) => ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER', 'AUDITOR'].includes(r));
    const member = actor.roles.includes('ORG_MEMBER') && actor.organisationId !== null;
    const evaluator = actor.roles.includes('EVALUATOR') && actor.organisationId !== null;
    qb.where(
      new Brackets((w) => {
        w.where('1 = 0');
        if (staff) {
          const s = regionScopeSql(actor, 'o.region_path');
          w.orWhere(s.sql, s.params);
        }
        if (member) w.orWhere('o.organisation_id = :memberOrg', { memberOrg: actor.organisationId });
        if (evaluator)
          w.orWhere(
            'EXISTS (SELECT 1 FROM evaluation_tasks et WHERE et.id = o.task_id AND et.agency_id = :agencyOrg)',
            {
              agencyOrg: actor.organisationId,
            },
          );
      }),
    );
    if (q.status?.length) qb.andWhere('o.status IN (:...status)', { status: q.status });
    if (q.taskId) qb.andWhere('o.task_id = :taskId', { taskId: q.taskId });
    const [rows, total] = await qb
      .orderBy("o.status = 'FILED'", 'DESC')
      .addOrderBy('o.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return pageOf(await this.view.objections(this.dataSource.manager, actor, rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<EvaluationObjectionDto> {
    const em = this.dataSource.manager;
    const { o, t } = await this.readable(em, actor, id);
    return (await this.view.objections(em, actor, [o], [t]))[0];
  }

  async attachment(
    actor: Actor,
    id: number,
    fileId: number,
  ): Promise<{ fileName: string; mime: string; content: Buffer }> {
    const em = this.dataSource.manager;
    await this.readable(em, actor, id);
    const f = await em
      .getRepository(EvaluationObjectionFileEntity)
      .createQueryBuilder('f')
      .addSelect('f.content')
      .where('f.id = :fileId AND f.objection_id = :id', { fileId, id })
      .getOne();
    if (f === null)
      throw new EvaluationError(
        EvaluationErrorCode.OBJECTION_NOT_FOUND,
        `File ${fileId} of objection ${id} not found.`,
      );
    return { fileName: f.fileName, mime: f.mime, content: f.content };
  }

  private async readable(
    em: EntityManager,
    actor: Actor,
    id: number,
  ): Promise<{ o: EvaluationObjectionEntity; t: EvaluationTaskEntity }> {
    const o = await em.findOneBy(EvaluationObjectionEntity, { id });
    const t = o === null ? null : await em.findOneBy(EvaluationTaskEntity, { id: o.taskId });
    if (o === null || t === null || !canReadResult(actor, t)) throw objectionNotFound(id);
    return { o, t };
  }

  /** The objection and its task, locked (task first, as filing does), for an officer of the task's region. */
  private async decidable(
    em: EntityManager,
    actor: Actor,
    id: number,
    to: EvaluationObjectionStatus,
  ): Promise<{ o: EvaluationObjectionEntity; t: EvaluationTaskEntity }> {
    const first = await em.findOneBy(EvaluationObjectionEntity, { id });
    if (first === null) throw objectionNotFound(id);
    let t: EvaluationTaskEntity;
    try {
      t = await taskForOfficer(em, actor, first.taskId, true);
    } catch {
      throw objectionNotFound(id);
    }
    const o = await em.findOneOrFail(EvaluationObjectionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    const problem = checkTransition(EVALUATION_OBJECTION_TRANSITIONS, 'objection', o.status, to, actor.roles);
    if (problem)
      throw new EvaluationError(EvaluationErrorCode.OBJECTION_ILLEGAL_TRANSITION, problem, { from: o.status, to });
    return { o, t };
  }

  private async decide(
    em: EntityManager,
    actor: Actor,
    o: EvaluationObjectionEntity,
    t: EvaluationTaskEntity,
    to: 'UPHELD' | 'DISMISSED',
    answer: string,
    now: Date,
  ): Promise<void> {
    await em.update(
      EvaluationObjectionEntity,
      { id: o.id },
      { status: to, openKey: null, decidedBy: actor.userId, decidedAt: now, answer, updatedAt: now },
    );
    await this.audit.record(em, actor, {
      action: to === 'UPHELD' ? 'evaluation.objection.upheld' : 'evaluation.objection.dismissed',
      entityType: 'evaluation_objection',
      entityId: o.id,
      regionPath: t.regionPath,
      before: { status: o.status },
      after: { status: to, taskId: t.id, answer },
    });
  }
}

/** Attachments: PDF, PNG or JPEG by their content (never their names), 5 MB at most each. */
function prepare(inputs: ObjectionAttachmentInput[]): PreparedFile[] {
  return inputs.map((a, i) => {
    const content = Buffer.from(a.contentBase64, 'base64');
    const field = `attachments[${i}].contentBase64`;
    if (content.length === 0 || content.length > OBJECTION_MAX_FILE_BYTES)
      throw new EvaluationError(EvaluationErrorCode.OBJECTION_INVALID, 'Each file must be 1 byte to 5 MB.', {
        errors: [{ field, message: 'must be 1 byte to 5 MB' }],
      });
    const mime = sniff(content);
    if (mime === null)
      throw new EvaluationError(EvaluationErrorCode.OBJECTION_INVALID, 'Attach PDF, PNG or JPEG files.', {
        errors: [{ field, message: 'must be a PDF, PNG or JPEG file' }],
      });
    return {
      fileName: a.fileName,
      mime,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    };
  });
}
