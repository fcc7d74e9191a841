import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { SURVEYABLE_CONTRACT_STATUSES } from '../domain/survey-rules';

/**
 * What the survey reads from the other contexts' tables (projects and their needs, supports, contracts, users),
 * in one place: hand-written SQL, because each question is one statement over several contexts' rows and the
 * other contexts have no read port for it. Nothing here writes.
 */

/** A verified, active resident: the only people who may answer (PRODUCT.md §5.1: only verified residents rate). */
const VERIFIED_RESIDENT = `u.status = 'ACTIVE' AND u.resident_verified_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'RESIDENT')`;

/**
 * Who is linked to a project, one row per link: the residents who raised its needs (online; a need entered by a
 * worker for an offline resident names the worker, who is no resident), who support them, and who are recorded as
 * its beneficiaries. `?` is the project id, three times.
 */
const LINKS = `
  SELECT n.submitted_by AS user_id, 'RAISED' AS source FROM project_needs pn JOIN needs n ON n.id = pn.need_id
   WHERE pn.project_id = ?
  UNION ALL
  SELECT s.user_id, 'SUPPORTED' FROM project_needs pn JOIN supports s ON s.need_id = pn.need_id WHERE pn.project_id = ?
  UNION ALL
  SELECT b.resident_id, 'BENEFICIARY' FROM evaluation_survey_beneficiaries b WHERE b.project_id = ?`;

export interface ProjectFacts {
  projectId: number;
  title: string;
  regionId: number;
  regionPath: string;
  regionName: string;
  /** The project's standing contract (SIGNED, ACTIVE or COMPLETED; the newest), or null. */
  contract: {
    id: number;
    code: string;
    status: string;
    organisationId: number;
    organisationName: string;
  } | null;
}

export interface ResidentFacts {
  userId: number;
  displayName: string;
  isResident: boolean;
  active: boolean;
  verified: boolean;
  regionPath: string | null;
  /** Raised or supports the project's needs, or recorded as its beneficiary. */
  linked: boolean;
}

export interface LinkedResident {
  userId: number;
  displayName: string;
  phone: string | null;
  regionPath: string | null;
  verified: boolean;
  sources: Array<'RAISED' | 'SUPPORTED' | 'BENEFICIARY'>;
}

@Injectable()
export class SurveyQueries {
  async project(em: EntityManager, projectId: number): Promise<ProjectFacts | null> {
    const [p] = (await em.query(
      `SELECT p.id, p.title, p.region_id, p.region_path, r.name AS region_name FROM projects p
         JOIN regions r ON r.id = p.region_id WHERE p.id = ?`,
      [projectId],
    )) as Array<{ id: number; title: string; region_id: number; region_path: string; region_name: string }>;
    if (p === undefined) return null;
    const [c] = (await em.query(
      `SELECT c.id, c.code, c.status, c.organisation_id, o.name AS organisation_name FROM contracts c
         JOIN organisations o ON o.id = c.organisation_id
        WHERE c.project_id = ? AND c.status IN (${SURVEYABLE_CONTRACT_STATUSES.map(() => '?').join(', ')})
        ORDER BY c.id DESC LIMIT 1`,
      [projectId, ...SURVEYABLE_CONTRACT_STATUSES],
    )) as Array<{ id: number; code: string; status: string; organisation_id: number; organisation_name: string }>;
    return {
      projectId: p.id,
      title: p.title,
      regionId: p.region_id,
      regionPath: p.region_path,
      regionName: p.region_name,
      contract:
        c === undefined
          ? null
          : {
              id: c.id,
              code: c.code,
              status: c.status,
              organisationId: c.organisation_id,
              organisationName: c.organisation_name,
            },
    };
  }

  /** The organisation the contract of a survey is with (the evaluated organisation). */
  async contractOrganisation(em: EntityManager, contractId: number): Promise<{ id: number; name: string } | null> {
    const [o] = (await em.query(
      'SELECT o.id, o.name FROM contracts c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?',
      [contractId],
    )) as Array<{ id: number; name: string }>;
    return o ?? null;
  }

  /** Whether an agency has an evaluation task on the project (its evaluators read the project's survey). */
  async agencyEvaluates(em: EntityManager, agencyId: number, projectId: number): Promise<boolean> {
    const rows = (await em.query('SELECT 1 AS x FROM evaluation_tasks WHERE project_id = ? AND agency_id = ? LIMIT 1', [
      projectId,
      agencyId,
    ])) as unknown[];
    return rows.length > 0;
  }

  async resident(em: EntityManager, userId: number, projectId: number): Promise<ResidentFacts | null> {
    const [u] = (await em.query(
      `SELECT u.id, u.display_name, u.status, u.resident_verified_at, u.region_path,
         EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'RESIDENT') AS is_resident,
         EXISTS (SELECT 1 FROM (${LINKS}) l WHERE l.user_id = u.id) AS linked
       FROM users u WHERE u.id = ?`,
      [projectId, projectId, projectId, userId],
    )) as Array<{
      id: number;
      display_name: string;
      status: string;
      resident_verified_at: Date | null;
      region_path: string | null;
      is_resident: number | string;
      linked: number | string;
    }>;
    if (u === undefined) return null;
    return {
      userId: u.id,
      displayName: u.display_name,
      isResident: Number(u.is_resident) === 1,
      active: u.status === 'ACTIVE',
      verified: u.resident_verified_at !== null,
      regionPath: u.region_path,
      linked: Number(u.linked) === 1,
    };
  }

  /**
   * The residents linked to a project, with how (verified or not: a staff list shows who still needs verifying),
   * optionally only those whose community is inside `regionPrefix` (a worker's subtree).
   */
  async linkedResidents(em: EntityManager, projectId: number, regionPrefix?: string): Promise<LinkedResident[]> {
    const rows = (await em.query(
      `SELECT u.id, u.display_name, u.phone, u.region_path, u.resident_verified_at, GROUP_CONCAT(DISTINCT l.source) AS sources
         FROM (${LINKS}) l JOIN users u ON u.id = l.user_id
        WHERE u.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'RESIDENT')
          ${regionPrefix === undefined ? '' : 'AND u.region_path LIKE ?'}
        GROUP BY u.id, u.display_name, u.phone, u.region_path, u.resident_verified_at
        ORDER BY u.display_name, u.id`,
      [projectId, projectId, projectId, ...(regionPrefix === undefined ? [] : [`${escapeLike(regionPrefix)}%`])],
    )) as Array<{
      id: number;
      display_name: string;
      phone: string | null;
      region_path: string | null;
      resident_verified_at: Date | null;
      sources: string;
    }>;
    const order = ['RAISED', 'SUPPORTED', 'BENEFICIARY'] as const;
    return rows.map((r) => ({
      userId: r.id,
      displayName: r.display_name,
      phone: r.phone,
      regionPath: r.region_path,
      verified: r.resident_verified_at !== null,
      sources: order.filter((s) => String(r.sources).split(',').includes(s)),
    }));
  }

  /** The raisers and supporters of the project's needs (the needs' followers, told through their timeline). */
  async needFollowerIds(em: EntityManager, projectId: number): Promise<Set<number>> {
    const rows = (await em.query(
      `SELECT n.submitted_by AS user_id FROM project_needs pn JOIN needs n ON n.id = pn.need_id WHERE pn.project_id = ?
       UNION SELECT s.user_id FROM project_needs pn JOIN supports s ON s.need_id = pn.need_id WHERE pn.project_id = ?`,
      [projectId, projectId],
    )) as Array<{ user_id: number }>;
    return new Set(rows.map((r) => r.user_id));
  }

  /**
   * How many residents may answer each project's survey: the verified residents linked to it, and anyone who has
   * already answered (so the response rate never exceeds 100 % when a link goes away after an answer).
   */
  async eligibleCounts(em: EntityManager, projectIds: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>(projectIds.map((id) => [id, 0]));
    if (projectIds.length === 0) return out;
    const ids = projectIds.map(() => '?').join(', ');
    const rows = (await em.query(
      `SELECT e.project_id, COUNT(DISTINCT e.user_id) AS n FROM (
         SELECT l.project_id, l.user_id FROM (
           SELECT pn.project_id, n.submitted_by AS user_id FROM project_needs pn JOIN needs n ON n.id = pn.need_id
            WHERE pn.project_id IN (${ids})
           UNION SELECT pn.project_id, s.user_id FROM project_needs pn JOIN supports s ON s.need_id = pn.need_id
            WHERE pn.project_id IN (${ids})
           UNION SELECT b.project_id, b.resident_id FROM evaluation_survey_beneficiaries b WHERE b.project_id IN (${ids})
         ) l JOIN users u ON u.id = l.user_id WHERE ${VERIFIED_RESIDENT}
         UNION
         SELECT s.project_id, a.resident_id FROM evaluation_survey_answers a JOIN evaluation_surveys s ON s.id = a.survey_id
          WHERE s.project_id IN (${ids})
       ) e GROUP BY e.project_id`,
      [...projectIds, ...projectIds, ...projectIds, ...projectIds],
    )) as Array<{ project_id: number; n: string | number }>;
    for (const r of rows) out.set(r.project_id, Number(r.n));
    return out;
  }

  /**
   * The verified resident an officer or worker names by username or phone, whose community lies inside every one
   * of `prefixes` (the project's region; a worker's own subtree).
   */
  async findVerifiedResident(
    em: EntityManager,
    who: string,
    prefixes: readonly string[],
  ): Promise<{ id: number; displayName: string; regionPath: string } | null> {
    const rows = (await em.query(
      `SELECT u.id, u.display_name, u.region_path FROM users u
        WHERE (u.username = ? OR u.phone = ?) AND ${VERIFIED_RESIDENT}
          ${prefixes.map(() => 'AND u.region_path LIKE ?').join(' ')}
        ORDER BY u.id LIMIT 2`,
      [who, who, ...prefixes.map((p) => `${escapeLike(p)}%`)],
    )) as Array<{ id: number; display_name: string; region_path: string }>;
    // a phone that two accounts share names nobody for sure
    if (rows.length !== 1) return null;
    return { id: rows[0].id, displayName: rows[0].display_name, regionPath: rows[0].region_path };
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
