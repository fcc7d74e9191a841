import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor, inRegionScope, regionScopeSql, SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { DeadlineJob, deadlineJobId, Deadlines, DeadlineSource, QUEUES } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { ContractHooks } from '../../contracts';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { checkTransition, TASK_TRANSITIONS } from '../domain/state-machines';
import { finalTaskOpensAt, taskDueAt, UNFINISHED_TASK_STATUSES } from '../domain/task-dates';
import { FinalTaskCandidateDto, TaskDto } from '../dto/tasks.dto';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { TaskClocks } from '../jobs/task-clocks';
import { EvaluationJobs, EvaluationTick } from './evaluation-jobs';
import { LIVE_CONTRACT_STATUSES, loadContract, TaskContract, TaskCreation } from './task-creation';
import { TaskNotices } from './task-notices';
import { TasksService } from './tasks.service';

/** On QUEUES.EVALUATION: create a contract's FINAL task one month before its term ends. */
export const FINAL_TASK_JOB = 'evaluation.final-task';

export interface FinalTaskJobPayload {
  contractId: number;
}

/** Without an active template the job tries again this much later (and the officer sees the contract waiting). */
const NO_TEMPLATE_RETRY_MS = 6 * 3_600_000;

export function finalTaskJob(contractId: number, termEnd: string): DeadlineJob<FinalTaskJobPayload> {
  const runAt = finalTaskOpensAt(termEnd);
  return {
    queue: QUEUES.EVALUATION,
    name: FINAL_TASK_JOB,
    jobId: deadlineJobId('evaluation-final-task', contractId, runAt.getTime()),
    payload: { contractId },
    runAt,
  };
}

const isLive = (status: string) => (LIVE_CONTRACT_STATUSES as readonly string[]).includes(status);

/**
 * Every signed or active contract gets exactly one FINAL evaluation task (issue #11 item 2): the database says so
 * (`final_key` = contract id, unique), a deadline job creates it (OPEN, to be assigned) at 00:00 Beijing one
 * calendar month before the term ends, due EVALUATION_TASK_DUE_DAYS after the term's last day; the officer may
 * create it at once instead (a short term, or a job that has not fired yet) — the same use case, so both are
 * idempotent with each other. The job is set when the contract is signed (ContractHooks.onSigned) and rebuilt by
 * the reconciler from the live contracts without a final task. A terminated contract cancels its unfinished tasks
 * (ContractHooks.onTerminated), in the termination's transaction.
 */
@Injectable()
export class FinalTasks implements OnModuleInit {
  private readonly logger = new Logger(FinalTasks.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: Deadlines,
    private readonly jobs: EvaluationJobs,
    private readonly hooks: ContractHooks,
    private readonly audit: AuditService,
    private readonly creation: TaskCreation,
    private readonly clocks: TaskClocks,
    private readonly notices: TaskNotices,
    private readonly tasks: TasksService,
    private readonly env: Env,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerSource(this.source());
    this.jobs.register(FINAL_TASK_JOB, (d) => this.finalTaskTick((d as FinalTaskJobPayload).contractId));
    this.hooks.onSigned(async (_em, { contract, now }) => {
      await this.deadlines.schedule(finalTaskJob(contract.id, contract.termEnd), now);
    });
    this.hooks.onTerminated(async (em, { contract, now }) => this.cancelForTermination(em, contract.id, now));
  }

  // ------------------------------------------------------------ the job

  /** The job: creates the final task when its time has come, once. */
  async finalTaskTick(contractId: number): Promise<EvaluationTick> {
    const outcome = await inTransaction(
      this.dataSource,
      async (em): Promise<EvaluationTick & { task?: EvaluationTaskEntity }> => {
        const c = await loadContract(em, contractId, true);
        if (c === null || !isLive(c.status)) return { result: 'NOTHING_TO_DO' };
        if (await this.finalOf(em, c.id)) return { result: 'ALREADY_CREATED' };
        const now = await dbNow(em);
        const opensAt = finalTaskOpensAt(c.termEnd);
        if (now < opensAt) return { dueInMs: opensAt.getTime() - now.getTime() };
        try {
          return { result: 'CREATED', task: await this.createFinal(em, SYSTEM_ACTOR, c, now) };
        } catch (err) {
          if (!(err instanceof EvaluationError) || err.code !== EvaluationErrorCode.TEMPLATE_NOT_FOUND) throw err;
          this.logger.warn({ contractId }, 'no active evaluation template: the final task waits for one');
          return { dueInMs: NO_TEMPLATE_RETRY_MS };
        }
      },
    );
    if ('task' in outcome && outcome.task) await this.clocks.schedule(outcome.task);
    return 'dueInMs' in outcome ? { dueInMs: outcome.dueInMs } : { result: outcome.result };
  }

  // ------------------------------------------------------------ the officer's "create it now"

  /**
   * `POST /api/v1/evaluation/contracts/:contractId/final-task`: the officer creates the final task at once (a term
   * shorter than the job's lead, or a job that has not fired yet). Idempotent: the existing final task when there is
   * one, whoever made it.
   */
  async createNow(actor: Actor, contractId: number): Promise<TaskDto> {
    const made = await inTransaction(this.dataSource, async (em) => {
      const c = await loadContract(em, contractId, true);
      if (c === null || !actor.roles.includes('PROCUREMENT_OFFICER') || !inRegionScope(actor, c.regionPath))
        throw new EvaluationError(EvaluationErrorCode.CONTRACT_NOT_FOUND, `Contract ${contractId} not found.`);
      const existing = await this.finalOf(em, c.id);
      if (existing) return { task: existing, created: false };
      if (!isLive(c.status))
        throw new EvaluationError(
          EvaluationErrorCode.TASK_INVALID,
          `Contract ${c.code} is ${c.status}: only a signed or active contract is evaluated.`,
          { errors: [{ field: 'contractId', message: 'The contract is not signed or active.' }] },
        );
      return { task: await this.createFinal(em, actor, c, await dbNow(em)), created: true };
    });
    if (made.created) await this.clocks.schedule(made.task);
    return this.tasks.detail(actor, made.task.id, 'STAFF');
  }

  /**
   * `GET /api/v1/evaluation/final-task-candidates`: the live contracts of the officer's subtree still without a final
   * task, soonest term end first, with when the job will create it (at most 200).
   */
  async candidates(actor: Actor): Promise<FinalTaskCandidateDto[]> {
    const scope = regionScopeSql(actor, 'c.region_path');
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.code AS code',
        'c.title AS title',
        'c.status AS status',
        "DATE_FORMAT(c.term_end, '%Y-%m-%d') AS term_end",
        'o.name AS organisation_name',
        'r.name AS region_name',
      ])
      .from('contracts', 'c')
      .innerJoin('organisations', 'o', 'o.id = c.organisation_id')
      .innerJoin('regions', 'r', 'r.id = c.region_id')
      .where('c.status IN (:...live)', { live: LIVE_CONTRACT_STATUSES })
      .andWhere(scope.sql, scope.params)
      .andWhere('NOT EXISTS (SELECT 1 FROM evaluation_tasks t WHERE t.final_key = c.id)')
      .orderBy('c.term_end', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(200)
      .getRawMany()) as Array<Record<string, string | number>>;
    return rows.map((r) => ({
      contractId: Number(r.id),
      contractCode: String(r.code),
      contractTitle: String(r.title),
      contractStatus: String(r.status),
      organisationName: String(r.organisation_name),
      regionName: String(r.region_name),
      termEnd: String(r.term_end),
      opensAt: finalTaskOpensAt(String(r.term_end)).toISOString(),
      dueAt: taskDueAt(String(r.term_end), this.env.EVALUATION_TASK_DUE_DAYS).toISOString(),
    }));
  }

  // ------------------------------------------------------------ termination

  /** ContractHooks.onTerminated: every unfinished task of the contract is CANCELLED (a submitted result stands). */
  async cancelForTermination(em: EntityManager, contractId: number, now: Date): Promise<void> {
    const tasks = await em.find(EvaluationTaskEntity, { where: { contractId }, lock: { mode: 'pessimistic_write' } });
    for (const t of tasks) {
      if (!(UNFINISHED_TASK_STATUSES as readonly string[]).includes(t.status)) continue;
      const problem = checkTransition(TASK_TRANSITIONS, 'task', t.status, 'CANCELLED', ['SYSTEM']);
      if (problem) continue;
      await em.update(EvaluationTaskEntity, { id: t.id }, { status: 'CANCELLED', cancelledAt: now, updatedAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'evaluation.task.cancelled',
        entityType: 'evaluation_task',
        entityId: t.id,
        regionPath: t.regionPath,
        before: { status: t.status },
        after: { status: 'CANCELLED', reason: 'CONTRACT_TERMINATED', contractId },
      });
      await this.notices.tell(em, [t.evaluatorId], 'evaluation.tasks.cancelled', await this.notices.params(em, t), now);
    }
  }

  // ------------------------------------------------------------ shared

  private async finalOf(em: EntityManager, contractId: number): Promise<EvaluationTaskEntity | null> {
    return em.findOne(EvaluationTaskEntity, { where: { finalKey: contractId } });
  }

  private async createFinal(
    em: EntityManager,
    actor: Actor,
    c: TaskContract,
    now: Date,
  ): Promise<EvaluationTaskEntity> {
    const task = await this.creation.create(
      em,
      actor,
      { contract: c, kind: 'FINAL', dueAt: taskDueAt(c.termEnd, this.env.EVALUATION_TASK_DUE_DAYS), batchId: null },
      now,
    );
    const officers = (await this.notices.officersOf(em, task)).filter((id) => id !== actor.userId);
    await this.notices.tell(
      em,
      officers,
      'evaluation.tasks.created',
      { ...(await this.notices.params(em, task)), termEnd: c.termEnd },
      now,
    );
    return task;
  }

  /** The live contracts without a final task, for the reconciler. */
  source(): DeadlineSource {
    return {
      kind: FINAL_TASK_JOB,
      pending: async () => {
        const rows = (await this.dataSource.query(
          `SELECT c.id, DATE_FORMAT(c.term_end, '%Y-%m-%d') AS term_end FROM contracts c
           WHERE c.status IN (?, ?) AND NOT EXISTS (SELECT 1 FROM evaluation_tasks t WHERE t.final_key = c.id)`,
          [...LIVE_CONTRACT_STATUSES],
        )) as Array<{ id: number; term_end: string }>;
        return rows.map((r) => finalTaskJob(Number(r.id), r.term_end));
      },
    };
  }
}
