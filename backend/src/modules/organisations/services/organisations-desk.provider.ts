import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, hasPermission, PERMISSIONS, regionScopeSql } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';
import { endOfDayShanghai, shanghaiDate } from '../../regions';
import { gradeLabel } from '../domain/grade';
import { gradeRenewalDue } from '../domain/grade-expiry';

const MAX_ROWS = 20;

/**
 * The registry's part of the desk: registrations waiting for an officer's review (in the officer's region
 * subtree, as the review list), and for the members of an organisation or an evaluation agency their own
 * organisation's standing — a status other than ACTIVE, a grade to renew.
 */
@Injectable()
export class OrganisationsDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'organisations';

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DeskRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async items(actor: Actor, now: Date): Promise<DeskItem[]> {
    const out: DeskItem[] = [];
    if (hasPermission(actor.roles, PERMISSIONS.ORGANISATIONS_REVIEW)) out.push(...(await this.toReview(actor)));
    if (hasPermission(actor.roles, PERMISSIONS.ORGANISATIONS_SELF) && actor.organisationId !== null)
      out.push(...(await this.own(actor.organisationId, now)));
    return out;
  }

  /** Index `idx_organisations_status (status, kind)`, then the registered region's path. */
  private async toReview(actor: Actor): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 'r.path');
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select(['o.id AS id', 'o.name AS name', 'o.kind AS kind', 'COALESCE(o.updated_at, o.created_at) AS since'])
      .from('organisations', 'o')
      .innerJoin('regions', 'r', 'r.id = o.region_id')
      .where("o.status = 'PENDING_REVIEW'")
      .andWhere(scope.sql, scope.params)
      .orderBy('COALESCE(o.updated_at, o.created_at)', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(MAX_ROWS)
      .getRawMany()) as Array<{ id: number; name: string; kind: string; since: Date }>;
    return rows.map((r) => ({
      kind: 'organisations.review',
      count: 1,
      ref: { type: 'organisation', id: r.id },
      title: r.name,
      dueAt: null,
      dueRule: null,
      since: r.since.toISOString(),
      route: `/organisations/${r.id}`,
      params: { organisationKind: r.kind },
    }));
  }

  private async own(organisationId: number, now: Date): Promise<DeskItem[]> {
    const [o] = (await this.dataSource.query(
      `SELECT id, name, status, status_reason, blacklisted_until, grade, DATE_FORMAT(grade_expires_on, '%Y-%m-%d') AS grade_expires_on
         FROM organisations WHERE id = ?`,
      [organisationId],
    )) as Array<{
      id: number;
      name: string;
      status: string;
      status_reason: string | null;
      blacklisted_until: Date | null;
      grade: number | null;
      grade_expires_on: string | null;
    }>;
    if (!o) return [];
    const out: DeskItem[] = [];
    if (o.status !== 'ACTIVE') {
      const until = o.status === 'BLACKLISTED' ? o.blacklisted_until : null;
      out.push({
        kind: 'organisations.status',
        count: 1,
        ref: { type: 'organisation', id: o.id },
        title: o.name,
        dueAt: until?.toISOString() ?? null,
        dueRule: until ? 'BLACKLIST_ENDS' : null,
        since: null,
        route: '/my/organisation',
        params: { status: o.status, reason: o.status_reason },
      });
    }
    const grade = o.grade === null ? null : Number(o.grade);
    if (o.grade_expires_on !== null && gradeRenewalDue(grade, o.grade_expires_on, shanghaiDate(now))) {
      const due = endOfDayShanghai(o.grade_expires_on);
      out.push({
        kind: 'organisations.grade_expiry',
        count: 1,
        ref: { type: 'organisation', id: o.id },
        title: o.name,
        dueAt: due.toISOString(),
        dueRule: 'GRADE_EXPIRES',
        since: null,
        route: '/my/organisation',
        params: { grade: gradeLabel(grade), expired: now >= due },
      });
    }
    return out;
  }
}
