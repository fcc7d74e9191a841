import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { addCalendarDays, CalendarService, shanghaiDate } from '../../regions';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { objectionWindowDue, windowCalendarSpan } from '../domain/publication-rules';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { projectFacts } from '../queries/results.queries';
import { assertTaskTransition, PublicationService } from './publication.service';
import { ResultNotices } from './result-notices';
import { taskForOfficer } from './result-scope';

/**
 * The officer's review of a submitted evaluation (issue #11 item 5): confirm it — the result goes to the evaluated
 * organisation, whose objection window (EVALUATION_OBJECTION_WORKING_DAYS working days, starting as
 * OBJECTION_WINDOW_START says) closes by job — or return it to the evaluator with comments. Only a procurement
 * officer of the task's region subtree decides (the scope check answers 404 to anyone else).
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly notices: ResultNotices,
    private readonly publication: PublicationService,
  ) {}

  /** SUBMITTED → CONFIRMED; the objection window opens (database clock, working-day calendar). */
  async confirm(actor: Actor, id: number): Promise<void> {
    const { dueAt } = await inTransaction(this.dataSource, async (em) => {
      const t = await taskForOfficer(em, actor, id, true);
      assertTaskTransition(t.status, 'CONFIRMED', actor.roles);
      const now = await dbNow(em);
      const days = this.env.EVALUATION_OBJECTION_WORKING_DAYS;
      const today = shanghaiDate(now);
      const cal = await this.calendar.calendarBetween(today, addCalendarDays(today, windowCalendarSpan(days)));
      const due = objectionWindowDue(now, this.env.OBJECTION_WINDOW_START, days, cal);
      await em.update(
        EvaluationTaskEntity,
        { id },
        { status: 'CONFIRMED', confirmedBy: actor.userId, confirmedAt: now, objectionDueAt: due, updatedAt: now },
      );
      await this.audit.record(em, actor, {
        action: 'evaluation.task.confirmed',
        entityType: 'evaluation_task',
        entityId: id,
        regionPath: t.regionPath,
        before: { status: t.status },
        after: {
          status: 'CONFIRMED',
          score: t.totalScore,
          grade: t.grade,
          objectionDueAt: due.toISOString(),
          workingDays: days,
          convention: this.env.OBJECTION_WINDOW_START,
        },
      });
      const projectTitle = (await projectFacts(em, t.projectId))?.title ?? t.code;
      const params = {
        code: t.code,
        projectTitle,
        score: t.totalScore,
        grade: t.grade,
        objectionDueAt: due.toISOString(),
      };
      await this.notices.organisation(em, t, { template: 'evaluation.result.confirmed', params }, now);
      await this.notices.evaluator(em, t, { template: 'evaluation.result.task_confirmed', params }, now);
      return { dueAt: due };
    });
    await this.publication.scheduleWindow(id, dueAt);
  }

  /** SUBMITTED → RETURNED to the evaluator, with the officer's comments (required). */
  async returnToEvaluator(actor: Actor, id: number, comment: string): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const t = await taskForOfficer(em, actor, id, true);
      // CONFIRMED → RETURNED is an upheld objection's (POST /evaluation/objections/:id/uphold), not a review's
      if (t.status !== 'SUBMITTED')
        throw new EvaluationError(
          EvaluationErrorCode.TASK_ILLEGAL_TRANSITION,
          `Only a submitted evaluation is returned by review (this one is ${t.status}).`,
          { from: t.status, to: 'RETURNED' },
        );
      assertTaskTransition(t.status, 'RETURNED', actor.roles);
      const now = await dbNow(em);
      await em.update(
        EvaluationTaskEntity,
        { id },
        { status: 'RETURNED', returnedAt: now, returnComment: comment, updatedAt: now },
      );
      await this.audit.record(em, actor, {
        action: 'evaluation.task.returned',
        entityType: 'evaluation_task',
        entityId: id,
        regionPath: t.regionPath,
        before: { status: t.status },
        after: { status: 'RETURNED', comment },
      });
      const projectTitle = (await projectFacts(em, t.projectId))?.title ?? t.code;
      await this.notices.evaluator(
        em,
        t,
        { template: 'evaluation.result.returned', params: { code: t.code, projectTitle, comment } },
        now,
      );
    });
  }
}
