import { EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import type { AssessmentStatus } from '../domain/grade-assessment';

/**
 * The grading reads that join the registry (organisation names, the decision document's file name) — hand-written
 * SQL, read-only, in one place. Writes to the registry go through the organisations context (GradeDecisions).
 */

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface CandidateRow {
  id: number;
  name: string;
  credit_code: string;
  region_name: string;
  grade: number | null;
  grade_expires_on: string | null;
  open_assessment_id: number | null;
}

/** ACTIVE social organisations registered in the region subtree at `regionPath`, by name (for opening an assessment). */
export async function candidates(
  em: EntityManager,
  regionPath: string,
  q: string | undefined,
  limit = 50,
): Promise<CandidateRow[]> {
  const params: unknown[] = [`${escapeLike(regionPath)}%`];
  let filter = '';
  if (q) {
    filter = 'AND (o.name LIKE ? OR o.credit_code LIKE ?)';
    params.push(`%${escapeLike(q)}%`, `${escapeLike(q.toUpperCase())}%`);
  }
  params.push(limit);
  return (await em.query(
    `SELECT o.id, o.name, o.credit_code, r.name AS region_name, o.grade,
            DATE_FORMAT(o.grade_expires_on, '%Y-%m-%d') AS grade_expires_on, ga.id AS open_assessment_id
       FROM organisations o
       JOIN regions r ON r.id = o.region_id
       LEFT JOIN grade_assessments ga ON ga.open_key = o.id
      WHERE o.status = 'ACTIVE' AND o.kind = 'SOCIAL_ORGANISATION' AND r.path LIKE ? ${filter}
      ORDER BY o.name, o.id
      LIMIT ?`,
    params,
  )) as CandidateRow[];
}

export interface AssessmentListFilter {
  status?: AssessmentStatus;
  organisationId?: number;
  q?: string;
}

/**
 * Which assessments a reader sees: staff those of organisations registered in their region subtree; a member of
 * an organisation its own decided ones; anyone else none. As a WHERE fragment on `a` (grade_assessments).
 */
export function readerScope(actor: Actor): { sql: string; params: unknown[] } {
  if (actor.regionPath !== null) return { sql: 'a.region_path LIKE ?', params: [`${escapeLike(actor.regionPath)}%`] };
  if (actor.organisationId !== null)
    return { sql: "a.organisation_id = ? AND a.status = 'DECIDED'", params: [actor.organisationId] };
  return { sql: '1 = 0', params: [] };
}

export async function listAssessmentIds(
  em: EntityManager,
  actor: Actor,
  f: AssessmentListFilter,
  page: { page: number; pageSize: number },
): Promise<{ ids: number[]; total: number }> {
  const scope = readerScope(actor);
  const where = [scope.sql];
  const params = [...scope.params];
  if (f.status) {
    where.push('a.status = ?');
    params.push(f.status);
  }
  if (f.organisationId) {
    where.push('a.organisation_id = ?');
    params.push(f.organisationId);
  }
  if (f.q) {
    where.push(
      '(a.code LIKE ? OR EXISTS (SELECT 1 FROM organisations o WHERE o.id = a.organisation_id AND o.name LIKE ?))',
    );
    params.push(`${escapeLike(f.q.toUpperCase())}%`, `%${escapeLike(f.q)}%`);
  }
  const sql = where.join(' AND ');
  const [{ n }] = (await em.query(`SELECT COUNT(*) AS n FROM grade_assessments a WHERE ${sql}`, params)) as Array<{
    n: string;
  }>;
  const rows = (await em.query(
    // open ones first (what needs work), then the newest
    `SELECT a.id FROM grade_assessments a WHERE ${sql}
      ORDER BY a.open_key IS NULL, COALESCE(a.decided_at, a.submitted_at, a.opened_at) DESC, a.id DESC LIMIT ? OFFSET ?`,
    [...params, page.pageSize, (page.page - 1) * page.pageSize],
  )) as Array<{ id: number }>;
  return { ids: rows.map((r) => r.id), total: Number(n) };
}

/** File names of organisation documents by id. */
export async function documentNames(em: EntityManager, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await em.query(
    `SELECT id, file_name FROM organisation_documents WHERE id IN (${ids.map(() => '?').join(',')})`,
    ids,
  )) as Array<{ id: number; file_name: string }>;
  return new Map(rows.map((r) => [r.id, r.file_name]));
}
