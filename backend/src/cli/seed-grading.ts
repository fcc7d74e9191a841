import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '../modules/audit/services/audit.service';
import { DEFAULT_CUTOFFS } from '../modules/evaluation/domain/grade-cutoffs';
import { SYSTEM_ACTOR } from '../platform/access';
import {
  GRADE_TEMPLATE_CODE,
  GRADE_TEMPLATE_DESCRIPTION,
  GRADE_TEMPLATE_NAME,
  GRADE_TEMPLATE_TREE,
} from './seed-grading-template';

export interface GradingSeedReport {
  templates: number;
  cutoffs: number;
  users: number;
}

/** The city whose civil-affairs bureau draws the default lines (南京市). */
const CITY_CODE = '320100000000';

/**
 * 等级评估 demo data (issue #11 item 6), idempotent: the 1,000-point grade template (ACTIVE), the city's default grade
 * lines (5A ≥ 900, 4A ≥ 800, 3A ≥ 700, 2A ≥ 600, 1A ≥ 500, effective from 2020-01-01, decided by the system) and —
 * for the demo only (`demo`), since a grade is decided by an officer who did not score it — a second procurement
 * officer of 鼓楼区, `officer2`. Existing rows are left as they are.
 */
export async function seedGrading(ds: DataSource, opts: { demo?: boolean } = {}): Promise<GradingSeedReport> {
  return ds.transaction(async (em) => {
    const report: GradingSeedReport = { templates: 0, cutoffs: 0, users: 0 };
    const [{ now }] = (await em.query('SELECT UTC_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;
    const template = (await em.query(
      `INSERT INTO evaluation_templates (code, version, name, purpose, status, total_points, tree, description, created_at, updated_at)
       SELECT ?, 1, ?, 'ORGANISATION_GRADE', 'ACTIVE', ?, ?, ?, ?, ?
        WHERE NOT EXISTS (SELECT 1 FROM evaluation_templates WHERE code = ?)`,
      [
        GRADE_TEMPLATE_CODE,
        GRADE_TEMPLATE_NAME,
        GRADE_TEMPLATE_TREE.total,
        JSON.stringify(GRADE_TEMPLATE_TREE),
        GRADE_TEMPLATE_DESCRIPTION,
        now,
        now,
        GRADE_TEMPLATE_CODE,
      ],
    )) as { affectedRows: number };
    report.templates += template.affectedRows;
    const cutoffs = (await em.query(
      `INSERT INTO grade_cutoffs (region_id, min_1a, min_2a, min_3a, min_4a, min_5a, effective_from, note, decided_by, decided_at)
       SELECT r.id, ?, ?, ?, ?, ?, '2020-01-01', '默认分数线：5A ≥ 900，4A ≥ 800，3A ≥ 700，2A ≥ 600，1A ≥ 500', NULL, ?
         FROM regions r
        WHERE r.code = ? AND NOT EXISTS (SELECT 1 FROM grade_cutoffs c WHERE c.region_id = r.id)`,
      [
        DEFAULT_CUTOFFS.min1,
        DEFAULT_CUTOFFS.min2,
        DEFAULT_CUTOFFS.min3,
        DEFAULT_CUTOFFS.min4,
        DEFAULT_CUTOFFS.min5,
        now,
        CITY_CODE,
      ],
    )) as { affectedRows: number };
    report.cutoffs += cutoffs.affectedRows;
    if (opts.demo) report.users += await secondOfficer(em, now);
    if (Object.values(report).some((n) => n > 0))
      await new AuditService(ds).record(em, SYSTEM_ACTOR, {
        action: 'system.seed.applied',
        entityType: 'system',
        after: { grading: report },
      });
    return report;
  });
}

/** 钱审定（鼓楼区民政局）: decides the grade assessments 王采购 scores (and the other way round). */
async function secondOfficer(em: EntityManager, now: Date): Promise<number> {
  const res = (await em.query(
    `INSERT IGNORE INTO users (username, display_name, phone, email, password_hash, status, failed_login_count, locked_until,
       region_id, region_path, organisation_id, resident_verified_at, created_at, updated_at)
     SELECT 'officer2', '钱审定（鼓楼区民政局）', NULL, 'officer2@demo.diandan.local', password_hash, 'ACTIVE', 0, NULL,
            region_id, region_path, NULL, NULL, ?, ?
       FROM users WHERE username = 'officer'`,
    [now, now],
  )) as { affectedRows: number; insertId: number };
  if (res.affectedRows !== 1) return 0;
  await em.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'PROCUREMENT_OFFICER')", [res.insertId]);
  return 1;
}
