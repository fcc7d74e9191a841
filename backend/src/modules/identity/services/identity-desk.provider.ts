import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, hasPermission, PERMISSIONS, regionScopeSql } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';

const MAX_ROWS = 20;

/** As in `UsersService.list`: an actor at a root of the region tree also sees the users without a region. */
function isRootScope(actor: Actor): boolean {
  return actor.regionPath !== null && actor.regionPath.split('/').filter(Boolean).length === 1;
}

/**
 * Identity's part of the desk: residents waiting for a community worker's verification, and for
 * administrators the locked accounts (due when the lock ends by itself) and the disabled ones. Scoped like
 * the residents' and users' lists: the region subtree.
 */
@Injectable()
export class IdentityDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'identity';

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DeskRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async items(actor: Actor, now: Date): Promise<DeskItem[]> {
    const out: DeskItem[] = [];
    if (hasPermission(actor.roles, PERMISSIONS.RESIDENTS_VERIFY)) out.push(...(await this.unverified(actor)));
    if (hasPermission(actor.roles, PERMISSIONS.USERS_MANAGE)) {
      out.push(...(await this.locked(actor, now)));
      out.push(...(await this.disabled(actor)));
    }
    return out;
  }

  /** Index `idx_users_verified_region (resident_verified_at, region_path)`: the NULL range, then the subtree prefix. */
  private async unverified(actor: Actor): Promise<DeskItem[]> {
    const scope = regionScopeSql(actor, 'u.region_path');
    const [row] = (await this.dataSource
      .createQueryBuilder()
      .select(['COUNT(*) AS n', 'MIN(u.created_at) AS since'])
      .from('users', 'u')
      .where('u.resident_verified_at IS NULL')
      .andWhere(scope.sql, scope.params)
      .andWhere("u.status = 'ACTIVE'")
      .andWhere("EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role = 'RESIDENT')")
      .getRawMany()) as Array<{ n: string; since: Date | null }>;
    if (Number(row.n) === 0) return [];
    return [
      {
        kind: 'identity.residents_verify',
        count: Number(row.n),
        ref: null,
        title: null,
        dueAt: null,
        dueRule: null,
        since: row.since?.toISOString() ?? null,
        route: '/residents',
      },
    ];
  }

  /** Index `idx_users_locked_until`: only the accounts locked right now, by the database clock. */
  private async locked(actor: Actor, now: Date): Promise<DeskItem[]> {
    const rows = (await this.scoped(actor)
      .select(['u.id AS id', 'u.username AS username', 'u.display_name AS display_name', 'u.locked_until AS until'])
      .andWhere('u.locked_until > :now', { now })
      .orderBy('u.locked_until', 'ASC')
      .limit(MAX_ROWS)
      .getRawMany()) as Array<{ id: number; username: string; display_name: string; until: Date }>;
    return rows.map((r) => ({
      kind: 'identity.account_locked',
      count: 1,
      ref: { type: 'user', id: r.id },
      title: r.display_name,
      dueAt: r.until.toISOString(),
      dueRule: 'LOCK_ENDS',
      since: null,
      route: '/admin/users',
      params: { username: r.username },
    }));
  }

  /** Index `idx_users_status_region (status, region_path)`. */
  private async disabled(actor: Actor): Promise<DeskItem[]> {
    const [row] = (await this.scoped(actor)
      .select('COUNT(*) AS n')
      .andWhere("u.status = 'DISABLED'")
      .getRawMany()) as Array<{ n: string }>;
    if (Number(row.n) === 0) return [];
    return [
      {
        kind: 'identity.accounts_disabled',
        count: Number(row.n),
        ref: null,
        title: null,
        dueAt: null,
        dueRule: null,
        since: null,
        route: '/admin/users',
      },
    ];
  }

  private scoped(actor: Actor) {
    const scope = regionScopeSql(actor, 'u.region_path');
    const root = isRootScope(actor) ? ' OR u.region_path IS NULL' : '';
    return this.dataSource.createQueryBuilder().from('users', 'u').where(`(${scope.sql}${root})`, scope.params);
  }
}
