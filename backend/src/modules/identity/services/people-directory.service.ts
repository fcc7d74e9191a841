import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import type { Role } from '../../../platform/access';

/**
 * Read-only facts about people for other contexts: the expert pool (procurement draws committees
 * from it), the members of organisations (to notify them), display names for reports.
 */
@Injectable()
export class PeopleDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** Active users holding a role, by id. */
  async activeWithRole(
    role: Role,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ id: number; displayName: string; regionPath: string | null }>> {
    const rows = (await em.query(
      `SELECT u.id, u.display_name, u.region_path FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = ? WHERE u.status = 'ACTIVE' ORDER BY u.id`,
      [role],
    )) as Array<{ id: number; display_name: string; region_path: string | null }>;
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, regionPath: r.region_path }));
  }

  /** Ids of the active members of each organisation. */
  async memberIds(
    organisationIds: number[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(organisationIds.map((id) => [id, []]));
    if (organisationIds.length === 0) return out;
    const rows = (await em.query(
      `SELECT id, organisation_id FROM users WHERE status = 'ACTIVE' AND organisation_id IN (${organisationIds.map(() => '?').join(',')})`,
      organisationIds,
    )) as Array<{ id: number; organisation_id: number }>;
    for (const r of rows) out.get(r.organisation_id)?.push(r.id);
    return out;
  }

  async displayNames(userIds: number[], em: EntityManager = this.dataSource.manager): Promise<Map<number, string>> {
    if (userIds.length === 0) return new Map();
    const rows = (await em.query(
      `SELECT id, display_name FROM users WHERE id IN (${userIds.map(() => '?').join(',')})`,
      userIds,
    )) as Array<{ id: number; display_name: string }>;
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
}
