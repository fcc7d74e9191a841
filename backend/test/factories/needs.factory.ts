import { DataSource } from 'typeorm';

import { Actor } from '../../src/platform/access';

/** Verified residents of a community, created directly (no password sign-in needed for service-level tests). */
export async function makeResidents(
  ds: DataSource,
  communityCode: string,
  n: number,
  prefix: string,
): Promise<Actor[]> {
  const [community] = (await ds.query('SELECT id, path FROM regions WHERE code = ?', [communityCode])) as Array<{
    id: number;
    path: string;
  }>;
  const [{ password_hash }] = (await ds.query("SELECT password_hash FROM users WHERE username = 'resident'")) as Array<{
    password_hash: string;
  }>;
  const actors: Actor[] = [];
  for (let i = 0; i < n; i++) {
    const username = `${prefix}${i}`;
    const res = (await ds.query(
      `INSERT INTO users (username, display_name, phone, password_hash, status, failed_login_count, region_id, region_path, resident_verified_at, created_at, updated_at)
       VALUES (?, ?, NULL, ?, 'ACTIVE', 0, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [username, `居民${i}`, password_hash, community.id, community.path],
    )) as { insertId: number };
    await ds.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'RESIDENT')", [res.insertId]);
    actors.push({
      userId: res.insertId,
      username,
      roles: ['RESIDENT'],
      regionId: community.id,
      regionPath: community.path,
      organisationId: null,
      sessionId: null,
      ip: '127.0.0.1',
    });
  }
  return actors;
}

export async function publishedVersionId(ds: DataSource): Promise<number> {
  const [v] = (await ds.query(
    "SELECT id FROM catalogue_versions WHERE status = 'PUBLISHED' ORDER BY year DESC LIMIT 1",
  )) as Array<{ id: number }>;
  return v.id;
}

export async function categoryIdOfItem(ds: DataSource, itemCode: string): Promise<number> {
  const [c] = (await ds.query(
    "SELECT i.category_id AS id FROM catalogue_items i JOIN catalogue_versions v ON v.id = i.version_id AND v.status = 'PUBLISHED' WHERE i.code = ? LIMIT 1",
    [itemCode],
  )) as Array<{ id: number }>;
  return c.id;
}

export const MEAL_ATTRIBUTES = {
  targetGroup: '独居老人',
  headcount: 40,
  frequency: '每天',
  timeWindow: '每周一至周五 11:00-12:30',
};
