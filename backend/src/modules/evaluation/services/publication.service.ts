import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Deadlines, DeadlineSource } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { ContractHooks, FinalPaymentResult, FinalPaymentService } from '../../contracts';
import { NeedProgress, NeedStatus } from '../../needs';
import { OpenDataReleases } from '../../open-data';
import { OrganisationEvaluationRecords } from '../../organisations';
import { ProjectsService } from '../../procurement';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { evaluationRef, windowDecision } from '../domain/publication-rules';
import { checkTransition, MachineActor, TASK_TRANSITIONS, TaskStatus } from '../domain/state-machines';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';
import { EvaluationObjectionEntity } from '../entities/objections.entities';
import { OBJECTION_WINDOW_JOB, objectionWindowJob, ObjectionWindowPayload } from '../jobs/objection-window';
import { finalMilestoneStatus, needStatuses, projectFacts } from '../queries/results.queries';
import { EvaluationJobs, EvaluationTick } from './evaluation-jobs';
import { ResultNotices } from './result-notices';

/** The needs' way from procurement to evaluation (PRODUCT.md §3): each step a SYSTEM transition of their machine. */
const NEED_PATH: readonly NeedStatus[] = ['IN_PROCUREMENT', 'IN_SERVICE', 'DELIVERED', 'EVALUATED'];

/** Raises a 409 for a move the task machine does not allow (to whom it is asked by). */
export function assertTaskTransition(from: TaskStatus, to: TaskStatus, as: readonly MachineActor[]): void {
  const problem = checkTransition(TASK_TRANSITIONS, 'evaluation task', from, to, as);
  if (problem) throw new EvaluationError(EvaluationErrorCode.TASK_ILLEGAL_TRANSITION, problem, { from, to });
}

/**
 * Publication of an evaluation result (issue #11 item 5), in ONE transaction with the database clock:
 * CONFIRMED → PUBLISHED; for a FINAL task the contract's final tranche through the contracts module
 * (FinalPaymentService.applyEvaluationResult, idempotent on `evaluation_task/<id>`: full, reduced or withheld); the
 * result on the organisation's record and in its grades; for a failed result a bar from bidding in the evaluated
 * district; the project COMPLETED → EVALUATED (and its needs along their machine to EVALUATED) once both the result
 * is published and the contract is complete; a step with the grade on the needs' timeline; the organisation told.
 *
 * What triggers it: the objection window's job (`evaluation-objection-window`, rebuilt by the reconciler from the
 * confirmed tasks after Redis lost it) when the window has passed and no objection is open, or the dismissal of the
 * last open objection after the window. A final milestone accepted only after publication gets its tranche then.
 */
@Injectable()
export class PublicationService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly deadlines: Deadlines,
    private readonly jobs: EvaluationJobs,
    private readonly audit: AuditService,
    private readonly notices: ResultNotices,
    private readonly projects: ProjectsService,
    private readonly progress: NeedProgress,
    private readonly finalPayment: FinalPaymentService,
    private readonly hooks: ContractHooks,
    private readonly records: OrganisationEvaluationRecords,
    private readonly openData: OpenDataReleases,
  ) {}

  onModuleInit(): void {
    this.jobs.register(OBJECTION_WINDOW_JOB, (data) => this.windowTick((data as ObjectionWindowPayload).taskId));
    this.deadlines.registerSource(this.source());
    // the final milestone accepted after the result was published: its tranche follows the result at once
    this.hooks.onMilestoneAccepted(async (em, e) => {
      if (e.milestone.isFinal === 1) await this.finalMilestoneAccepted(em, e.contract.id);
    });
    // the contract completed (its last tranche settled) after the result was published: the project is evaluated
    this.hooks.onCompleted(async (em, e) => this.contractCompleted(em, e.contract.id, e.now));
  }

  /** Sets the window's job (after the confirmation's commit; a no-op when it exists; never throws). */
  async scheduleWindow(taskId: number, dueAt: Date): Promise<void> {
    await this.deadlines.schedule(objectionWindowJob(taskId, dueAt));
  }

  /**
   * The window's job: under the task's row lock and by the database clock — not yet due: delayed again; passed with
   * no objection open: published; anything else: nothing (a second run finds it PUBLISHED).
   */
  async windowTick(taskId: number): Promise<EvaluationTick> {
    return inTransaction(this.dataSource, async (em): Promise<EvaluationTick> => {
      const t = await em.findOne(EvaluationTaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (t === null) return { result: 'GONE' };
      const now = await dbNow(em);
      const open = await em.countBy(EvaluationObjectionEntity, { taskId, status: 'FILED' });
      const d = windowDecision({ status: t.status, objectionDueAt: t.objectionDueAt, openObjections: open }, now);
      if ('dueInMs' in d) return { dueInMs: d.dueInMs };
      if ('done' in d) return { result: d.done };
      await this.publishIn(em, t, now, 'WINDOW_PASSED');
      return { result: 'PUBLISHED' };
    });
  }

  /**
   * Publishes a CONFIRMED task in the caller's transaction (the task's row locked by the caller). `trigger` says
   * why, for the audit trail.
   */
  async publishIn(
    em: EntityManager,
    t: EvaluationTaskEntity,
    now: Date,
    trigger: 'WINDOW_PASSED' | 'OBJECTION_DISMISSED',
  ): Promise<void> {
    const actor = SYSTEM_ACTOR;
    assertTaskTransition(t.status, 'PUBLISHED', ['SYSTEM']);
    if (t.totalScore === null || t.grade === null)
      throw new EvaluationError(EvaluationErrorCode.TASK_INVALID, `Evaluation ${t.code} has no result to publish.`);
    const score = t.totalScore;
    const grade = t.grade;
    await em.update(EvaluationTaskEntity, { id: t.id }, { status: 'PUBLISHED', publishedAt: now, updatedAt: now });
    t.status = 'PUBLISHED';
    t.publishedAt = now;
    const project = await projectFacts(em, t.projectId);
    const projectTitle = project?.title ?? t.code;

    // 1. the final tranche (尾款): released in full, reduced or withheld by the score — once the final milestone is
    //    accepted; before that it follows at the acceptance (finalMilestoneAccepted)
    let tranche: FinalPaymentResult | null = null;
    let trancheWaits = false;
    if (t.kind === 'FINAL') {
      if ((await finalMilestoneStatus(em, t.contractId)) === 'ACCEPTED')
        tranche = await this.finalPayment.applyEvaluationResult(em, t.contractId, score, evaluationRef(t.id));
      else trancheWaits = true;
    }

    // 2. the organisation's record and grades; 3. a failed result bars it from bidding in the district
    await this.records.recordResult(
      em,
      {
        organisationId: t.organisationId,
        source: { type: 'evaluation_task', id: t.id },
        code: t.code,
        kind: t.kind,
        title: projectTitle,
        score,
        grade,
        regionId: t.regionId,
        regionPath: t.regionPath,
      },
      now,
    );
    const bar =
      grade === 'FAIL'
        ? await this.records.bar(
            em,
            actor,
            {
              organisationId: t.organisationId,
              source: { type: 'evaluation_task', id: t.id },
              code: t.code,
              score,
              grade,
              regionPath: t.regionPath,
              months: this.env.EVALUATION_FAIL_BAR_MONTHS,
            },
            now,
          )
        : null;

    await this.audit.record(em, actor, {
      action: 'evaluation.task.published',
      entityType: 'evaluation_task',
      entityId: t.id,
      regionPath: t.regionPath,
      before: { status: 'CONFIRMED' },
      after: {
        status: 'PUBLISHED',
        trigger,
        score,
        grade,
        finalTranche: tranche
          ? {
              paymentRequestId: tranche.paymentRequestId,
              outcome: tranche.outcome,
              payFen: tranche.payFen.toString(),
              releaseFen: tranche.releaseFen.toString(),
            }
          : trancheWaits
            ? 'WAITS_FOR_FINAL_ACCEPTANCE'
            : null,
        bar: bar ? { regionPath: bar.regionPath, untilDate: bar.untilDate } : null,
      },
    });

    // OCDS: the evaluation result as a reporting milestone of the contract's implementation
    await this.openData.record(em, t.projectId, ['implementationUpdate'], now);
    // 4. the project and its needs, if the contract is complete; 5. the timeline; 6. the organisation
    await this.evaluateProject(em, t, now);
    await this.projects.tellNeeds(
      em,
      actor,
      t.projectId,
      { template: 'evaluation.result.step_published', params: { projectTitle, score, grade, kind: t.kind } },
      now,
    );
    await this.notices.organisation(
      em,
      t,
      {
        template: 'evaluation.result.published',
        params: {
          code: t.code,
          projectTitle,
          score,
          grade,
          barredUntil: bar?.untilDate ?? null,
          barRegion: bar?.regionName ?? null,
        },
      },
      now,
    );
  }

  /** The final milestone was accepted (in the acceptance's transaction): a published result decides the tranche. */
  async finalMilestoneAccepted(em: EntityManager, contractId: number): Promise<void> {
    const t = await em.findOne(EvaluationTaskEntity, { where: { contractId, kind: 'FINAL', status: 'PUBLISHED' } });
    if (t === null || t.totalScore === null) return;
    await this.finalPayment.applyEvaluationResult(em, contractId, t.totalScore, evaluationRef(t.id));
  }

  /** The contract was completed (in that transaction): with its result published, the project is evaluated. */
  async contractCompleted(em: EntityManager, contractId: number, now: Date): Promise<void> {
    const t = await em.findOne(EvaluationTaskEntity, { where: { contractId, kind: 'FINAL', status: 'PUBLISHED' } });
    if (t !== null) await this.evaluateProject(em, t, now);
  }

  /**
   * COMPLETED → EVALUATED (SYSTEM) for the project of a published FINAL result, and its needs along their machine
   * (IN_PROCUREMENT → IN_SERVICE → DELIVERED → EVALUATED, each step a legal SYSTEM transition; the contexts before
   * did not move them past IN_PROCUREMENT). Nothing while the project is not COMPLETED (its last tranche unpaid):
   * the contract's completion calls this again.
   */
  private async evaluateProject(em: EntityManager, t: EvaluationTaskEntity, now: Date): Promise<void> {
    if (t.kind !== 'FINAL' || t.totalScore === null || t.grade === null) return;
    const project = await projectFacts(em, t.projectId);
    if (project?.status !== 'COMPLETED') return;
    const params = { projectTitle: project.title, score: t.totalScore, grade: t.grade };
    await this.projects.setStatus(em, SYSTEM_ACTOR, t.projectId, 'EVALUATED', now, true, {
      evaluationTaskId: t.id,
      score: t.totalScore,
      grade: t.grade,
    });
    const needIds = await this.projects.needIds(em, t.projectId);
    const statuses = await needStatuses(em, needIds);
    for (let step = 1; step < NEED_PATH.length; step++) {
      const to = NEED_PATH[step];
      const due = needIds.filter((id) => {
        const at = NEED_PATH.indexOf(statuses.get(id) as NeedStatus);
        return at >= 0 && at < step;
      });
      if (due.length === 0) continue;
      const why =
        to === 'EVALUATED'
          ? { template: 'evaluation.result.why_evaluated', params }
          : { template: 'evaluation.result.why_delivered', params: { projectTitle: project.title } };
      await this.progress.move(em, SYSTEM_ACTOR, due, to, now, why, { evaluationTaskId: t.id });
      for (const id of due) statuses.set(id, to);
    }
  }

  /** The reconciler's view: every confirmed task's window end (not those past it waiting for an open objection). */
  source(): DeadlineSource {
    return {
      kind: OBJECTION_WINDOW_JOB,
      pending: async () => {
        const rows = (await this.dataSource.query(
          `SELECT t.id, t.objection_due_at FROM evaluation_tasks t
            WHERE t.status = 'CONFIRMED' AND t.objection_due_at IS NOT NULL
              AND NOT (t.objection_due_at <= UTC_TIMESTAMP(3)
                       AND EXISTS (SELECT 1 FROM evaluation_objections o WHERE o.task_id = t.id AND o.status = 'FILED'))`,
        )) as Array<{ id: number; objection_due_at: Date }>;
        return rows.map((r) => objectionWindowJob(r.id, r.objection_due_at));
      },
    };
  }
}
