import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, hasPermission, PERMISSIONS, regionScopeSql } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';
import { UNFINISHED_TASK_STATUSES } from '../domain/task-dates';

const MAX_ROWS = 20;
/** Tasks an evaluator works on: assigned, started, or returned with comments. */
const TO_EVALUATE = ['ASSIGNED', 'IN_PROGRESS', 'RETURNED'];

type Row = Record<string, unknown>;
const iso = (d: unknown): string | null => (d instanceof Date ? d.toISOString() : null);

/**
 * Evaluation tasks on the desk (首页工作台), scoped as the task list is:
 * - an evaluator: each task assigned to them and not yet submitted (`evaluation.task_to_evaluate`, soonest due
 *   first, with its status: returned ones say so);
 * - an officer (region subtree): the OPEN tasks waiting for an agency (`evaluation.tasks_to_assign`, one line
 *   pointing at the most urgent) and the unfinished tasks flagged overdue (`evaluation.tasks_overdue`).
 */
@Injectable()
export class TasksDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'evaluation';

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DeskRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async items(actor: Actor): Promise<DeskItem[]> {
    const out: DeskItem[] = [];
    if (hasPermission(actor.roles, PERMISSIONS.EVALUATION_SCORE)) out.push(...(await this.toEvaluate(actor)));
    if (hasPermission(actor.roles, PERMISSIONS.EVALUATION_MANAGE) && actor.regionPath !== null) {
      out.push(...(await this.grouped(actor, 'OPEN')));
      out.push(...(await this.grouped(actor, 'OVERDUE')));
    }
    return out;
  }

  /** `idx_evaluation_tasks_evaluator` (evaluator_id, status). */
  private async toEvaluate(actor: Actor): Promise<DeskItem[]> {
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select([
        't.id AS id',
        't.code AS code',
        't.kind AS kind',
        't.status AS status',
        't.due_at AS due_at',
        't.assigned_at AS assigned_at',
        't.returned_at AS returned_at',
        'c.title AS title',
      ])
      .from('evaluation_tasks', 't')
      .innerJoin('contracts', 'c', 'c.id = t.contract_id')
      .where('t.evaluator_id = :me', { me: actor.userId })
      .andWhere('t.status IN (:...statuses)', { statuses: TO_EVALUATE })
      .orderBy('t.due_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(MAX_ROWS)
      .getRawMany()) as Row[];
    return rows.map((r) => ({
      kind: 'evaluation.task_to_evaluate',
      count: 1,
      ref: { type: 'evaluation_task', id: Number(r.id) },
      title: String(r.title),
      dueAt: iso(r.due_at),
      dueRule: 'EVALUATION_TASK_DUE',
      since: iso(r.status === 'RETURNED' ? r.returned_at : r.assigned_at),
      route: `/evaluation/tasks/${Number(r.id)}`,
      params: { code: String(r.code), status: String(r.status), taskKind: String(r.kind) },
    }));
  }

  /** The officer's OPEN tasks, or the unfinished ones flagged overdue, as one line (`idx_evaluation_tasks_region_status`). */
  private async grouped(actor: Actor, what: 'OPEN' | 'OVERDUE'): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 't.region_path');
    const qb = this.dataSource
      .createQueryBuilder()
      .select(['t.id AS id', 't.code AS code', 't.due_at AS due_at', 't.created_at AS created_at', 'c.title AS title'])
      .addSelect('COUNT(*) OVER ()', 'total')
      .from('evaluation_tasks', 't')
      .innerJoin('contracts', 'c', 'c.id = t.contract_id')
      .where(scope.sql, scope.params);
    if (what === 'OPEN') qb.andWhere("t.status = 'OPEN'");
    else
      qb.andWhere('t.status IN (:...unfinished)', { unfinished: UNFINISHED_TASK_STATUSES }).andWhere(
        't.overdue_at IS NOT NULL',
      );
    const [r] = (await qb.orderBy('t.due_at', 'ASC').addOrderBy('t.id', 'ASC').limit(1).getRawMany()) as Row[];
    if (r === undefined) return [];
    const count = Number(r.total);
    return [
      {
        kind: what === 'OPEN' ? 'evaluation.tasks_to_assign' : 'evaluation.tasks_overdue',
        count,
        ref: { type: 'evaluation_task', id: Number(r.id) },
        title: count === 1 ? String(r.title) : null,
        dueAt: iso(r.due_at),
        dueRule: 'EVALUATION_TASK_DUE',
        since: iso(r.created_at),
        route: '/evaluation/tasks',
        query: what === 'OPEN' ? { status: 'OPEN' } : { overdue: 'true' },
        params: { code: String(r.code) },
      },
    ];
  }
}
