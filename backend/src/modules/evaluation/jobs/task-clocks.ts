import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { DeadlineJob, deadlineJobId, Deadlines, DeadlineSource, QUEUES } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { taskReminderAt, UNFINISHED_TASK_STATUSES } from '../domain/task-dates';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { EvaluationJobs, EvaluationTick } from '../services/evaluation-jobs';
import { TaskNotices } from '../services/task-notices';

/** Job names on QUEUES.EVALUATION (one consumer: EvaluationProcessor, through the EvaluationJobs registry). */
export const TASK_REMINDER_JOB = 'evaluation.task-reminder';
export const TASK_DUE_JOB = 'evaluation.task-due';

export interface TaskJobPayload {
  taskId: number;
}

const unfinished = (status: string) => (UNFINISHED_TASK_STATUSES as readonly string[]).includes(status);

export function taskReminderJob(
  t: Pick<EvaluationTaskEntity, 'id' | 'dueAt'>,
  reminderDays: number,
): DeadlineJob<TaskJobPayload> {
  const runAt = taskReminderAt(t.dueAt, reminderDays);
  return {
    queue: QUEUES.EVALUATION,
    name: TASK_REMINDER_JOB,
    jobId: deadlineJobId('evaluation-task-reminder', t.id, runAt.getTime()),
    payload: { taskId: t.id },
    runAt,
  };
}

export function taskDueJob(t: Pick<EvaluationTaskEntity, 'id' | 'dueAt'>): DeadlineJob<TaskJobPayload> {
  return {
    queue: QUEUES.EVALUATION,
    name: TASK_DUE_JOB,
    jobId: deadlineJobId('evaluation-task-due', t.id, t.dueAt.getTime()),
    payload: { taskId: t.id },
    runAt: t.dueAt,
  };
}

/**
 * A task's clocks (issue #11 item 2): EVALUATION_TASK_REMINDER_DAYS before its due time a reminder to the evaluator
 * (and to the officer while nobody is assigned); at the due time (24:00 Beijing of the due date) a task still
 * without a submitted result is flagged overdue (`overdue_at`) and the evaluator and the officer are told. Each
 * tick re-reads the task with the database clock and does its work once; a job that fires early is delayed again.
 * The jobs are set when a task is created; the reconciler rebuilds them from the unfinished tasks (the sources).
 */
@Injectable()
export class TaskClocks implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: Deadlines,
    private readonly jobs: EvaluationJobs,
    private readonly audit: AuditService,
    private readonly notices: TaskNotices,
    private readonly env: Env,
  ) {}

  onModuleInit(): void {
    for (const source of this.sources()) this.deadlines.registerSource(source);
    this.jobs.register(TASK_REMINDER_JOB, (d) => this.reminderTick((d as TaskJobPayload).taskId));
    this.jobs.register(TASK_DUE_JOB, (d) => this.dueTick((d as TaskJobPayload).taskId));
  }

  /** Sets a task's clocks (idempotent: deterministic job ids). Never throws: the reconciler restores a miss. */
  async schedule(t: Pick<EvaluationTaskEntity, 'id' | 'dueAt'>, now?: Date): Promise<void> {
    await this.deadlines.schedule(taskReminderJob(t, this.env.EVALUATION_TASK_REMINDER_DAYS), now);
    await this.deadlines.schedule(taskDueJob(t), now);
  }

  async reminderTick(taskId: number): Promise<EvaluationTick> {
    return this.tick(taskId, async (em, t, now) => {
      if (t.remindedAt !== null || t.overdueAt !== null) return { result: 'NOTHING_TO_DO' };
      if (now >= t.dueAt) return { result: 'PAST_DUE' }; // the due tick flags it; no reminder after the fact
      const at = taskReminderAt(t.dueAt, this.env.EVALUATION_TASK_REMINDER_DAYS);
      if (now < at) return { dueInMs: at.getTime() - now.getTime() };
      await em.update(EvaluationTaskEntity, { id: t.id }, { remindedAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'evaluation.task.reminded',
        entityType: 'evaluation_task',
        entityId: t.id,
        regionPath: t.regionPath,
        after: { status: t.status, dueAt: t.dueAt.toISOString(), evaluatorId: t.evaluatorId },
      });
      const params = await this.notices.params(em, t);
      if (t.evaluatorId !== null)
        await this.notices.tell(em, [t.evaluatorId], 'evaluation.tasks.reminder', params, now);
      if (t.status === 'OPEN')
        await this.notices.tell(
          em,
          await this.notices.officersOf(em, t),
          'evaluation.tasks.unassigned_reminder',
          params,
          now,
        );
      return { result: 'REMINDED' };
    });
  }

  async dueTick(taskId: number): Promise<EvaluationTick> {
    return this.tick(taskId, async (em, t, now) => {
      if (t.overdueAt !== null) return { result: 'NOTHING_TO_DO' };
      if (now < t.dueAt) return { dueInMs: t.dueAt.getTime() - now.getTime() };
      await em.update(EvaluationTaskEntity, { id: t.id }, { overdueAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'evaluation.task.overdue',
        entityType: 'evaluation_task',
        entityId: t.id,
        regionPath: t.regionPath,
        before: { status: t.status, overdueAt: null },
        after: { dueAt: t.dueAt.toISOString(), overdueAt: now.toISOString(), evaluatorId: t.evaluatorId },
      });
      const params = await this.notices.params(em, t);
      const to = [t.evaluatorId, ...(await this.notices.officersOf(em, t))];
      await this.notices.tell(em, to, 'evaluation.tasks.overdue', params, now);
      return { result: 'OVERDUE' };
    });
  }

  /** Runs `work` on the locked task if it is still unfinished, with the database clock. */
  private async tick(
    taskId: number,
    work: (em: EntityManager, t: EvaluationTaskEntity, now: Date) => Promise<EvaluationTick>,
  ): Promise<EvaluationTick> {
    return inTransaction(this.dataSource, async (em) => {
      const t = await em.findOne(EvaluationTaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (t === null || !unfinished(t.status)) return { result: 'NOTHING_TO_DO' };
      return work(em, t, await dbNow(em));
    });
  }

  /** The unfinished tasks' clocks, for the reconciler. */
  sources(): DeadlineSource[] {
    const owed = async () =>
      (await this.dataSource.query(
        `SELECT id, due_at, reminded_at FROM evaluation_tasks
         WHERE status IN (${UNFINISHED_TASK_STATUSES.map(() => '?').join(', ')}) AND overdue_at IS NULL`,
        [...UNFINISHED_TASK_STATUSES],
      )) as Array<{ id: number; due_at: Date; reminded_at: Date | null }>;
    return [
      {
        kind: TASK_REMINDER_JOB,
        pending: async () =>
          (await owed())
            .filter((r) => r.reminded_at === null)
            .map((r) => taskReminderJob({ id: r.id, dueAt: r.due_at }, this.env.EVALUATION_TASK_REMINDER_DAYS)),
      },
      { kind: TASK_DUE_JOB, pending: async () => (await owed()).map((r) => taskDueJob({ id: r.id, dueAt: r.due_at })) },
    ];
  }
}
