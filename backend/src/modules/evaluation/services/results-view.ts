import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';

import { Actor, inRegionScope } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { fenToYuan } from '../../../platform/util/money';
import { PeopleDirectory } from '../../identity';
import { evaluationRef, windowOpen } from '../domain/publication-rules';
import { EvaluationObjectionDto, EvaluationResultDto } from '../dto/results.dto';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { EvaluationObjectionEntity, EvaluationObjectionFileEntity } from '../entities/objections.entities';
import { barsOfTasks, finalTranches, resultNames } from '../queries/results.queries';
import { isEvaluatedMember, isResultStaff, isTaskAgency } from './result-scope';

/** The statuses in which the evaluated organisation sees the score: a result confirmed, and not back in rework. */
const SHOWN_TO_ORGANISATION = ['CONFIRMED', 'PUBLISHED'];

/**
 * Results and objections as each reader sees them: the organisation its confirmed results (the score only while
 * the result stands: not while an upheld objection has it redone), never the officer's return comments; staff and
 * the agency everything; the actions the caller may take now (by the database clock).
 */
@Injectable()
export class ResultsView {
  constructor(private readonly people: PeopleDirectory) {}

  async results(em: EntityManager, actor: Actor, tasks: EvaluationTaskEntity[]): Promise<EvaluationResultDto[]> {
    if (tasks.length === 0) return [];
    const ids = tasks.map((t) => t.id);
    const now = await dbNow(em);
    const names = await resultNames(em, ids);
    const tranches = await finalTranches(em, new Map(ids.map((id) => [evaluationRef(id), id])));
    const bars = await barsOfTasks(em, ids);
    const objections = await em.find(EvaluationObjectionEntity, { where: { taskId: In(ids) }, order: { id: 'DESC' } });
    const objectionDtos = await this.objections(em, actor, objections, tasks);
    return tasks.map((t) => {
      const n = names.get(t.id);
      const staff = isResultStaff(actor, t);
      const agency = isTaskAgency(actor, t);
      const member = isEvaluatedMember(actor, t);
      const showScore = staff || agency || SHOWN_TO_ORGANISATION.includes(t.status);
      const open = windowOpen(t.status, t.objectionDueAt, now);
      const mine = objectionDtos.filter((o) => o.taskId === t.id);
      const actions: EvaluationResultDto['actions'] = [];
      if (t.status === 'SUBMITTED' && actor.roles.includes('PROCUREMENT_OFFICER') && inRegionScope(actor, t.regionPath))
        actions.push('CONFIRM', 'RETURN');
      if (open && member && !mine.some((o) => o.status === 'FILED')) actions.push('OBJECT');
      const tr = tranches.get(t.id);
      return {
        id: t.id,
        code: t.code,
        kind: t.kind,
        status: t.status,
        projectId: t.projectId,
        projectTitle: n?.projectTitle ?? '',
        contractId: t.contractId,
        contractCode: n?.contractCode ?? '',
        organisationId: t.organisationId,
        organisationName: n?.organisationName ?? '',
        agencyName: n?.agencyName ?? null,
        evaluatorName: n?.evaluatorName ?? null,
        totalScore: showScore ? t.totalScore : null,
        grade: showScore ? t.grade : null,
        summary: showScore ? t.summary : null,
        submittedAt: t.submittedAt?.toISOString() ?? null,
        confirmedAt: t.confirmedAt?.toISOString() ?? null,
        objectionDueAt: t.objectionDueAt?.toISOString() ?? null,
        windowOpen: open,
        publishedAt: t.publishedAt?.toISOString() ?? null,
        returnedAt: t.returnedAt?.toISOString() ?? null,
        returnComment: staff || agency ? t.returnComment : null,
        reportUrl: `/api/v1/evaluation/tasks/${t.id}/report.pdf`,
        finalTranche: tr
          ? {
              outcome: tr.outcome,
              tranche: fenToYuan(tr.trancheFen),
              amount: fenToYuan(tr.amountFen),
              released: fenToYuan(tr.releasedFen),
              status: tr.status,
            }
          : null,
        bar: bars.get(t.id) ?? null,
        objections: mine,
        actions,
      };
    });
  }

  async objections(
    em: EntityManager,
    actor: Actor,
    rows: EvaluationObjectionEntity[],
    knownTasks: EvaluationTaskEntity[] = [],
  ): Promise<EvaluationObjectionDto[]> {
    if (rows.length === 0) return [];
    const taskIds = [...new Set(rows.map((o) => o.taskId))];
    const missing = taskIds.filter((id) => !knownTasks.some((t) => t.id === id));
    const tasks = [
      ...knownTasks,
      ...(missing.length ? await em.findBy(EvaluationTaskEntity, { id: In(missing) }) : []),
    ];
    const names = await resultNames(em, taskIds);
    const people = await this.people.displayNames(
      [...new Set(rows.flatMap((o) => [o.filedBy, ...(o.decidedBy === null ? [] : [o.decidedBy])]))],
      em,
    );
    const files = await em.find(EvaluationObjectionFileEntity, {
      where: { objectionId: In(rows.map((o) => o.id)) },
      order: { id: 'ASC' },
    });
    return rows.map((o) => {
      const t = tasks.find((x) => x.id === o.taskId) as EvaluationTaskEntity;
      const n = names.get(o.taskId);
      const showScore = isResultStaff(actor, t) || isTaskAgency(actor, t) || SHOWN_TO_ORGANISATION.includes(t.status);
      const decides =
        o.status === 'FILED' &&
        t.status === 'CONFIRMED' &&
        actor.roles.includes('PROCUREMENT_OFFICER') &&
        inRegionScope(actor, t.regionPath);
      return {
        id: o.id,
        taskId: o.taskId,
        taskCode: t.code,
        taskStatus: t.status,
        projectTitle: n?.projectTitle ?? '',
        organisationId: o.organisationId,
        organisationName: n?.organisationName ?? '',
        score: showScore ? t.totalScore : null,
        grade: showScore ? t.grade : null,
        status: o.status,
        reasons: o.reasons,
        windowDueAt: o.windowDueAt.toISOString(),
        filedAt: o.filedAt.toISOString(),
        filedByName: people.get(o.filedBy) ?? '',
        decidedAt: o.decidedAt?.toISOString() ?? null,
        decidedByName: o.decidedBy === null ? null : (people.get(o.decidedBy) ?? ''),
        answer: o.answer,
        files: files
          .filter((f) => f.objectionId === o.id)
          .map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256 })),
        actions: decides ? (['UPHOLD', 'DISMISS'] as const).slice() : [],
      };
    });
  }
}
