import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, hasPermission, PERMISSIONS, regionScopeSql } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';
import { budgetYearEnd } from '../domain/budget-year';

const MAX_ROWS = 20;

/**
 * The finance officer's part of the desk in the funds context: budget lines and adjustments waiting for
 * approval in their region subtree — except those they requested themselves (separation of duties: they
 * could not approve them). Due by the end of the line's budget year.
 */
@Injectable()
export class FundsDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'funds';

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DeskRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async items(actor: Actor): Promise<DeskItem[]> {
    if (!hasPermission(actor.roles, PERMISSIONS.FUNDS_APPROVE)) return [];
    return [...(await this.lines(actor)), ...(await this.adjustments(actor))];
  }

  /** Index `idx_budget_lines_region (region_path, year)`; few lines per region. */
  private async lines(actor: Actor): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 'l.region_path');
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select(['l.id AS id', 'l.title AS title', 'l.year AS year', 'l.requested_fen AS fen', 'l.created_at AS since'])
      .from('budget_lines', 'l')
      .where(scope.sql, scope.params)
      .andWhere("l.status = 'PENDING_APPROVAL'")
      .andWhere('l.created_by <> :me', { me: actor.userId })
      .orderBy('l.year', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .limit(MAX_ROWS)
      .getRawMany()) as Array<{ id: number; title: string; year: number; fen: string; since: Date }>;
    return rows.map((r) => ({
      kind: 'funds.line_approve',
      count: 1,
      ref: { type: 'budget_line', id: r.id },
      title: r.title,
      dueAt: budgetYearEnd(Number(r.year)).toISOString(),
      dueRule: 'BUDGET_YEAR_END',
      since: r.since.toISOString(),
      route: `/funds/lines/${r.id}`,
      params: { year: Number(r.year), amountFen: String(r.fen) },
    }));
  }

  /** The lines in scope (as above), then their adjustments by `idx_budget_adjustments_line`. */
  private async adjustments(actor: Actor): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 'l.region_path');
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select([
        'a.id AS id',
        'l.id AS line_id',
        'l.title AS title',
        'l.year AS year',
        'a.delta_fen AS fen',
        'a.created_at AS since',
      ])
      .from('budget_lines', 'l')
      .innerJoin('budget_adjustments', 'a', 'a.line_id = l.id')
      .where(scope.sql, scope.params)
      .andWhere("a.status = 'PENDING'")
      .andWhere('a.requested_by <> :me', { me: actor.userId })
      .orderBy('l.year', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(MAX_ROWS)
      .getRawMany()) as Array<{ id: number; line_id: number; title: string; year: number; fen: string; since: Date }>;
    return rows.map((r) => ({
      kind: 'funds.adjustment_approve',
      count: 1,
      ref: { type: 'budget_adjustment', id: r.id },
      title: r.title,
      dueAt: budgetYearEnd(Number(r.year)).toISOString(),
      dueRule: 'BUDGET_YEAR_END',
      since: r.since.toISOString(),
      route: `/funds/lines/${r.line_id}`,
      params: { year: Number(r.year), deltaFen: String(r.fen) },
    }));
  }
}
