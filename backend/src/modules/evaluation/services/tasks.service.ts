import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

import { Actor, inRegionScope, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { containsPattern } from '../../../platform/http/keyword';
import { Page, pageOf } from '../../../platform/http/pagination';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import type { Grade } from '../domain/scoring';
import type { TaskKind, TaskStatus } from '../domain/state-machines';
import { taskActions, TaskRelation } from '../domain/task-actions';
import { ListTasksQuery, TaskDto, TaskSort, TaskSummaryDto, TaskView } from '../dto/tasks.dto';
import { EvaluationTaskEntity } from '../entities/evaluation.entities';

/** Staff who read every task of their region subtree (PRODUCT.md §2). */
const STAFF_ROLES = ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER', 'AUDITOR'] as const;
/** What the evaluated organisation sees of its own tasks: results the officer has confirmed, and published ones. */
export const ORGANISATION_VISIBLE_STATUSES: readonly TaskStatus[] = ['CONFIRMED', 'PUBLISHED'];

const isStaff = (a: Actor) => a.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
const isOfficer = (a: Actor) => a.roles.includes('PROCUREMENT_OFFICER');

/** A task and how its reader sees it. */
export interface VisibleTask {
  task: EvaluationTaskEntity;
  view: TaskView;
}

export type ScopeFacts = Pick<EvaluationTaskEntity, 'regionPath' | 'evaluatorId' | 'organisationId' | 'status'>;

/**
 * THE scope rule of a task: staff of the task's region subtree see everything (STAFF); the evaluator it is assigned
 * to sees it (EVALUATOR); a member of the evaluated organisation sees it once CONFIRMED or PUBLISHED, without the
 * evaluator's identity (ORGANISATION); anyone else: null (the routes answer 404). The first that applies wins.
 */
export function taskViewOf(actor: Actor, t: ScopeFacts): TaskView | null {
  if (isStaff(actor) && inRegionScope(actor, t.regionPath)) return 'STAFF';
  if (actor.roles.includes('EVALUATOR') && t.evaluatorId !== null && t.evaluatorId === actor.userId) return 'EVALUATOR';
  if (
    actor.roles.includes('ORG_MEMBER') &&
    actor.organisationId !== null &&
    actor.organisationId === t.organisationId &&
    ORGANISATION_VISIBLE_STATUSES.includes(t.status)
  )
    return 'ORGANISATION';
  return null;
}

const SORTS: Record<TaskSort, [string, 'ASC' | 'DESC']> = {
  dueAt: ['t.due_at', 'ASC'],
  '-dueAt': ['t.due_at', 'DESC'],
  '-createdAt': ['t.id', 'DESC'],
  code: ['t.code', 'ASC'],
};

type Row = Record<string, unknown>;
const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : null);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Evaluation tasks as their readers see them (issue #11 items 2 and 8): the list, the detail with the actions the
 * reader may take, and THE scope rule every task route goes through — {@link visibleTask} for reading,
 * {@link managedTask} for the officer's moves, {@link assignedTask} for the evaluator's. Outside the scope a task
 * answers 404, exactly as a missing one (PRODUCT.md §6).
 */
@Injectable()
export class TasksService {
  constructor(private readonly dataSource: DataSource) {}

  // ------------------------------------------------------------ the scope rule

  /**
   * How `actor` sees a task, or null when they may not: staff of the task's region subtree see everything
   * (STAFF); the evaluator it is assigned to sees it (EVALUATOR); a member of the evaluated organisation sees it
   * once CONFIRMED or PUBLISHED, without the evaluator's identity (ORGANISATION). The first that applies wins.
   */
  viewOf(actor: Actor, t: ScopeFacts): TaskView | null {
    return taskViewOf(actor, t);
  }

  /** A task the actor may read (locked for update when `lock`), with their view of it; 404 otherwise. */
  async visibleTask(em: EntityManager, actor: Actor, id: number, lock = false): Promise<VisibleTask> {
    const task = await em.findOne(EvaluationTaskEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const view = task === null ? null : this.viewOf(actor, task);
    if (task === null || view === null) throw notFound(id);
    return { task, view };
  }

  /** A task the procurement officer manages (their region subtree), locked for update; 404 otherwise. */
  async managedTask(em: EntityManager, actor: Actor, id: number, lock = true): Promise<EvaluationTaskEntity> {
    const task = await em.findOne(EvaluationTaskEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (task === null || !isOfficer(actor) || !inRegionScope(actor, task.regionPath)) throw notFound(id);
    return task;
  }

  /** A task assigned to this evaluator, locked for update; 404 otherwise (also once reassigned to someone else). */
  async assignedTask(em: EntityManager, actor: Actor, id: number, lock = true): Promise<EvaluationTaskEntity> {
    const task = await em.findOne(EvaluationTaskEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (task === null || !actor.roles.includes('EVALUATOR') || task.evaluatorId !== actor.userId) throw notFound(id);
    return task;
  }

  /** The reader's relation to a task, for its actions. */
  relationOf(actor: Actor, t: ScopeFacts): TaskRelation {
    return {
      officer: isOfficer(actor) && inRegionScope(actor, t.regionPath),
      evaluator: actor.roles.includes('EVALUATOR') && t.evaluatorId !== null && t.evaluatorId === actor.userId,
      organisation:
        actor.roles.includes('ORG_MEMBER') &&
        actor.organisationId !== null &&
        actor.organisationId === t.organisationId,
    };
  }

  // ------------------------------------------------------------ reading

  /**
   * `GET /api/v1/evaluation/tasks`: staff see their region subtree, an evaluator the tasks assigned to them, an
   * organisation member its own tasks once CONFIRMED or PUBLISHED. Filters: status (one or several), kind, batch,
   * overdue, keyword; sorted by due time by default.
   */
  async list(actor: Actor, q: ListTasksQuery): Promise<Page<TaskSummaryDto>> {
    const qb = this.select(this.dataSource.manager);
    this.scope(qb, actor);
    if (q.status && q.status.length > 0) qb.andWhere('t.status IN (:...statuses)', { statuses: q.status });
    if (q.kind) qb.andWhere('t.kind = :kind', { kind: q.kind });
    if (q.batchId) qb.andWhere('t.batch_id = :batchId', { batchId: q.batchId });
    if (q.overdue === 'true') qb.andWhere('t.overdue_at IS NOT NULL');
    if (q.overdue === 'false') qb.andWhere('t.overdue_at IS NULL');
    const keyword = q.q;
    if (keyword)
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('t.code LIKE :q', { q: containsPattern(keyword) })
            .orWhere('c.code LIKE :q')
            .orWhere('c.title LIKE :q'),
        ),
      );
    const total = await qb.getCount();
    const [col, dir] = SORTS[q.sort ?? 'dueAt'];
    const rows = (await qb
      .orderBy(col, dir)
      .addOrderBy('t.id', dir)
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany()) as Row[];
    return pageOf(
      rows.map((r) => this.summary(r, this.viewOf(actor, scopeFacts(r)) ?? 'ORGANISATION')),
      total,
      q,
    );
  }

  /** `GET /api/v1/evaluation/tasks/:id`. */
  async get(actor: Actor, id: number): Promise<TaskDto> {
    const { task, view } = await this.visibleTask(this.dataSource.manager, actor, id);
    return this.detail(actor, task.id, view);
  }

  /** The detail of a task the caller has already found visible (e.g. after a move, in a helper's own service). */
  async detail(
    actor: Actor,
    taskId: number,
    view: TaskView,
    em: EntityManager = this.dataSource.manager,
  ): Promise<TaskDto> {
    const qb = this.select(em)
      .addSelect([
        "DATE_FORMAT(c.term_start, '%Y-%m-%d') AS term_start",
        "DATE_FORMAT(c.term_end, '%Y-%m-%d') AS term_end",
        'c.status AS contract_status',
        'tp.id AS template_id',
        'tp.code AS template_code',
        'tp.name AS template_name',
        'tp.version AS template_version',
        'ab.display_name AS assigned_by_name',
      ])
      .innerJoin('evaluation_templates', 'tp', 'tp.id = t.template_id')
      .leftJoin('users', 'ab', 'ab.id = t.assigned_by')
      .where('t.id = :id', { id: taskId });
    const r = (await qb.getRawOne()) as Row | undefined;
    if (r === undefined) throw notFound(taskId);
    const now = await dbNow(em);
    const facts = scopeFacts(r);
    const hidden = view === 'ORGANISATION';
    return {
      ...this.summary(r, view),
      view,
      contract: { status: String(r.contract_status), termStart: String(r.term_start), termEnd: String(r.term_end) },
      template: {
        id: Number(r.template_id),
        code: String(r.template_code),
        name: String(r.template_name),
        version: Number(r.template_version),
      },
      assignedByName: hidden ? null : str(r.assigned_by_name),
      remindedAt: iso(r.reminded_at),
      startedAt: iso(r.started_at),
      returnedAt: iso(r.returned_at),
      returnComment: hidden ? null : str(r.return_comment),
      objectionDueAt: iso(r.objection_due_at),
      cancelledAt: iso(r.cancelled_at),
      totalExact: str(r.total_exact),
      summary: str(r.summary),
      actions: taskActions(
        { status: facts.status, objectionDueAt: r.objection_due_at instanceof Date ? r.objection_due_at : null },
        this.relationOf(actor, facts),
        now,
      ),
    };
  }

  /** Summaries of these tasks for a staff reader (e.g. the answer of an assignment). */
  async summariesByIds(actor: Actor, ids: number[]): Promise<TaskSummaryDto[]> {
    if (ids.length === 0) return [];
    const rows = (await this.select(this.dataSource.manager)
      .where('t.id IN (:...ids)', { ids })
      .orderBy('t.id', 'ASC')
      .getRawMany()) as Row[];
    return rows.map((r) => this.summary(r, this.viewOf(actor, scopeFacts(r)) ?? 'ORGANISATION'));
  }

  // ------------------------------------------------------------ shared

  /** The task with the names a page shows (contract, organisation, project, region, batch, agency, evaluator). */
  private select(em: EntityManager): SelectQueryBuilder<EvaluationTaskEntity> {
    return em
      .createQueryBuilder(EvaluationTaskEntity, 't')
      .select([
        't.id AS id',
        't.code AS code',
        't.kind AS kind',
        't.status AS status',
        't.contract_id AS contract_id',
        't.project_id AS project_id',
        't.organisation_id AS organisation_id',
        't.region_id AS region_id',
        't.region_path AS region_path',
        't.batch_id AS batch_id',
        't.agency_id AS agency_id',
        't.evaluator_id AS evaluator_id',
        't.due_at AS due_at',
        't.reminded_at AS reminded_at',
        't.overdue_at AS overdue_at',
        't.assigned_at AS assigned_at',
        't.started_at AS started_at',
        't.submitted_at AS submitted_at',
        't.returned_at AS returned_at',
        't.return_comment AS return_comment',
        't.confirmed_at AS confirmed_at',
        't.objection_due_at AS objection_due_at',
        't.published_at AS published_at',
        't.cancelled_at AS cancelled_at',
        't.total_score AS total_score',
        't.total_exact AS total_exact',
        't.grade AS grade',
        't.summary AS summary',
        't.created_at AS created_at',
        'c.code AS contract_code',
        'c.title AS contract_title',
        'o.name AS organisation_name',
        'p.title AS project_title',
        'r.name AS region_name',
        'b.name AS batch_name',
        'a.name AS agency_name',
        'u.display_name AS evaluator_name',
      ])
      .innerJoin('contracts', 'c', 'c.id = t.contract_id')
      .innerJoin('organisations', 'o', 'o.id = t.organisation_id')
      .innerJoin('projects', 'p', 'p.id = t.project_id')
      .innerJoin('regions', 'r', 'r.id = t.region_id')
      .leftJoin('evaluation_batches', 'b', 'b.id = t.batch_id')
      .leftJoin('organisations', 'a', 'a.id = t.agency_id')
      .leftJoin('users', 'u', 'u.id = t.evaluator_id');
  }

  /** The list's scope: the union of what each of the reader's roles sees (the same rule as {@link viewOf}). */
  private scope(qb: SelectQueryBuilder<EvaluationTaskEntity>, actor: Actor): void {
    qb.where(
      new Brackets((w) => {
        let any = false;
        const or = (sql: string, params: Record<string, unknown>) => {
          if (any) w.orWhere(sql, params);
          else w.where(sql, params);
          any = true;
        };
        if (isStaff(actor) && actor.regionPath !== null) {
          const s = regionScopeSql(actor, 't.region_path');
          or(s.sql, s.params);
        }
        if (actor.roles.includes('EVALUATOR')) or('t.evaluator_id = :scopeEvaluator', { scopeEvaluator: actor.userId });
        if (actor.roles.includes('ORG_MEMBER') && actor.organisationId !== null)
          or('(t.organisation_id = :scopeOrganisation AND t.status IN (:...scopeOrgStatuses))', {
            scopeOrganisation: actor.organisationId,
            scopeOrgStatuses: ORGANISATION_VISIBLE_STATUSES,
          });
        if (!any) w.where('1 = 0');
      }),
    );
  }

  private summary(r: Row, view: TaskView): TaskSummaryDto {
    const hidden = view === 'ORGANISATION';
    return {
      id: Number(r.id),
      code: String(r.code),
      kind: String(r.kind) as TaskKind,
      status: String(r.status) as TaskStatus,
      contractId: Number(r.contract_id),
      contractCode: String(r.contract_code),
      contractTitle: String(r.contract_title),
      organisationId: Number(r.organisation_id),
      organisationName: String(r.organisation_name),
      projectId: Number(r.project_id),
      projectTitle: String(r.project_title),
      regionId: Number(r.region_id),
      regionName: String(r.region_name),
      batchId: num(r.batch_id),
      batchName: str(r.batch_name),
      agencyId: num(r.agency_id),
      agencyName: str(r.agency_name),
      evaluatorId: hidden ? null : num(r.evaluator_id),
      evaluatorName: hidden ? null : str(r.evaluator_name),
      dueAt: iso(r.due_at) as string,
      overdueAt: iso(r.overdue_at),
      assignedAt: iso(r.assigned_at),
      submittedAt: iso(r.submitted_at),
      confirmedAt: iso(r.confirmed_at),
      publishedAt: iso(r.published_at),
      totalScore: str(r.total_score),
      grade: (str(r.grade) as Grade | null) ?? null,
      createdAt: iso(r.created_at) as string,
    };
  }
}

function scopeFacts(r: Row): ScopeFacts {
  return {
    regionPath: String(r.region_path),
    evaluatorId: num(r.evaluator_id),
    organisationId: Number(r.organisation_id),
    status: String(r.status) as TaskStatus,
  };
}

export function taskNotFound(id: number): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.TASK_NOT_FOUND, `Evaluation task ${id} not found.`);
}
const notFound = taskNotFound;
