import { EntityManager } from 'typeorm';

/** A bar in force, as eligibility reads it. */
export interface OrganisationBarFact {
  regionPath: string;
  regionName: string;
  code: string;
  score: string;
  grade: string;
  /** The last day of the bar (Beijing), `YYYY-MM-DD`. */
  untilDate: string;
  endsAt: Date;
}

/** Bars in force (ends_at after the database clock) of the given organisations, with their region's name. */
export async function barsInForce(em: EntityManager, ids: number[]): Promise<Map<number, OrganisationBarFact[]>> {
  const out = new Map<number, OrganisationBarFact[]>();
  if (ids.length === 0) return out;
  const rows = (await em.query(
    `SELECT b.organisation_id, b.region_path, r.name AS region_name, b.source_code, b.score, b.grade,
            DATE_FORMAT(b.until_date, '%Y-%m-%d') AS until_date, b.ends_at
       FROM organisation_bars b JOIN regions r ON r.id = b.region_id
      WHERE b.organisation_id IN (${ids.map(() => '?').join(',')}) AND b.ends_at > UTC_TIMESTAMP(3)
      ORDER BY b.ends_at DESC, b.id DESC`,
    ids,
  )) as Array<{
    organisation_id: number;
    region_path: string;
    region_name: string;
    source_code: string;
    score: string;
    grade: string;
    until_date: string;
    ends_at: Date;
  }>;
  for (const r of rows) {
    const list = out.get(r.organisation_id) ?? [];
    list.push({
      regionPath: r.region_path,
      regionName: r.region_name,
      code: r.source_code,
      score: r.score,
      grade: r.grade,
      untilDate: r.until_date,
      endsAt: r.ends_at,
    });
    out.set(r.organisation_id, list);
  }
  return out;
}
