import { EntityManager } from 'typeorm';

export interface RegionInfo {
  id: number;
  code: string;
  name: string;
  level: string;
  path: string;
}

/**
 * The regions of a subtree, and the district each record of it belongs to: the region of level DISTRICT among the
 * record's ancestors inside the subtree, or the subtree's root itself when there is none (a subtree below a
 * district, or a record held by the city). Sampling draws per district (≥ 30 % in each) and the summaries count
 * per district with this.
 */
export class RegionGroups {
  private readonly byId = new Map<number, RegionInfo>();

  private constructor(
    readonly root: RegionInfo,
    regions: RegionInfo[],
  ) {
    for (const r of regions) this.byId.set(r.id, r);
  }

  static async load(em: EntityManager, root: RegionInfo): Promise<RegionGroups> {
    const rows = (await em.query("SELECT id, code, name, level, path FROM regions WHERE path LIKE CONCAT(?, '%')", [
      root.path,
    ])) as Array<{ id: number; code: string; name: string; level: string; path: string }>;
    return new RegionGroups(
      root,
      rows.map((r) => ({ ...r, id: Number(r.id) })),
    );
  }

  static async region(em: EntityManager, id: number): Promise<RegionInfo | null> {
    const [r] = (await em.query('SELECT id, code, name, level, path FROM regions WHERE id = ?', [id])) as Array<{
      id: number;
      code: string;
      name: string;
      level: string;
      path: string;
    }>;
    return r === undefined ? null : { ...r, id: Number(r.id) };
  }

  get(id: number): RegionInfo | undefined {
    return this.byId.get(id);
  }

  /** The district (or the root) a record with this region path belongs to. */
  groupOf(path: string): RegionInfo {
    for (const id of path.split('/').filter(Boolean).map(Number)) {
      const r = this.byId.get(id);
      if (r !== undefined && r.level === 'DISTRICT') return r;
    }
    return this.root;
  }
}
