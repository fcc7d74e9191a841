import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, hasPermission, PERMISSIONS, regionScopeSql } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';
import { RegionsService } from '../../regions';
import { LEVEL_COLUMN } from './need-list.query';

/** At most this many campaigns per kind of item; the count still says how many there are. */
const MAX_ROWS = 20;

/**
 * The community worker's desk (needs context): needs waiting for moderation (by campaign, due when the
 * campaign closes: a need accepted later can no longer gather supports), campaigns closing, and closed
 * campaigns whose council decision (议事会) is not recorded yet. Scoped like the lists: the worker's
 * region subtree.
 */
@Injectable()
export class NeedsDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'needs';

  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly registry: DeskRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async items(actor: Actor): Promise<DeskItem[]> {
    if (actor.regionId === null) return [];
    const out: DeskItem[] = [];
    if (hasPermission(actor.roles, PERMISSIONS.NEEDS_MODERATE)) out.push(...(await this.toModerate(actor)));
    if (hasPermission(actor.roles, PERMISSIONS.CAMPAIGNS_MANAGE)) out.push(...(await this.campaigns(actor, 'OPEN')));
    if (hasPermission(actor.roles, PERMISSIONS.NEEDS_DELIBERATE)) out.push(...(await this.campaigns(actor, 'CLOSED')));
    return out;
  }

  /** SUBMITTED needs of the worker's region, per campaign: served by the list's `(level_id, status, …)` index. */
  private async toModerate(actor: Actor): Promise<DeskItem[]> {
    const region = await this.regions.findById(actor.regionId as number);
    if (region === null) return [];
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.title, c.status, c.closes_at, k.n, k.since
         FROM (SELECT n.campaign_id, COUNT(*) AS n, MIN(n.created_at) AS since
                 FROM needs n WHERE n.${LEVEL_COLUMN[region.level]} = ? AND n.status = 'SUBMITTED'
                GROUP BY n.campaign_id) k
         JOIN campaigns c ON c.id = k.campaign_id
        ORDER BY c.closes_at, c.id LIMIT ${MAX_ROWS}`,
      [region.id],
    )) as Array<{ id: number; title: string; status: string; closes_at: Date; n: string; since: Date }>;
    return rows.map((r) => {
      const open = r.status === 'OPEN' || r.status === 'DRAFT';
      return {
        kind: 'needs.moderate',
        count: Number(r.n),
        ref: { type: 'campaign', id: r.id },
        title: r.title,
        dueAt: open ? r.closes_at.toISOString() : null,
        dueRule: open ? 'CAMPAIGN_CLOSES' : null,
        since: r.since.toISOString(),
        route: '/needs/moderation',
      };
    });
  }

  /**
   * OPEN campaigns (closing: due at `closes_at`) or CLOSED ones (a deliberation to record: CLOSED becomes
   * DECIDED when it is recorded). Index `idx_campaigns_status_closes`, then the subtree prefix.
   */
  private async campaigns(actor: Actor, status: 'OPEN' | 'CLOSED'): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 'c.region_path');
    const rows = (await this.dataSource
      .createQueryBuilder()
      .select(['c.id AS id', 'c.title AS title', 'c.closes_at AS closes_at'])
      // open: the needs residents can support; closed: the needs waiting for the council's decision
      .addSelect(
        `(SELECT COUNT(*) FROM needs n WHERE n.campaign_id = c.id AND n.status IN (${status === 'OPEN' ? "'ACCEPTED'" : "'ACCEPTED', 'SHORTLISTED'"}))`,
        'needs',
      )
      .from('campaigns', 'c')
      .where('c.status = :status', { status })
      .andWhere(scope.sql, scope.params)
      .orderBy('c.closes_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(MAX_ROWS)
      .getRawMany()) as Array<{ id: number; title: string; closes_at: Date; needs: string }>;
    return rows.map((r) =>
      status === 'OPEN'
        ? {
            kind: 'needs.campaign_closing',
            count: 1,
            ref: { type: 'campaign', id: r.id },
            title: r.title,
            dueAt: r.closes_at.toISOString(),
            dueRule: 'CAMPAIGN_CLOSES',
            since: null,
            route: '/campaigns',
            params: { needs: Number(r.needs) },
          }
        : {
            kind: 'needs.deliberation',
            count: 1,
            ref: { type: 'campaign', id: r.id },
            title: r.title,
            dueAt: null,
            dueRule: null,
            since: r.closes_at.toISOString(),
            route: `/campaigns/${r.id}/deliberation`,
            params: { needs: Number(r.needs) },
          },
    );
  }
}
