import { DataSource, EntityManager } from 'typeorm';

import {
  beijingYearRange,
  FUNDED_PROJECT_STATUSES,
  SATISFIED_MIN_OVERALL,
  SIGNED_CONTRACT_STATUSES,
} from '../domain/reporting-rules';

/**
 * What every dashboard query is limited to: a region subtree (the materialised path of its root, already checked to
 * be inside the caller's scope), a year and optionally a catalogue category (a code: its whole subtree qualifies).
 */
export interface ReportScope {
  /** `/1/4/`: the subtree's root path (digits and slashes only, so it needs no LIKE escaping). */
  rootPath: string;
  year: number;
  /** A category code such as `A` or `A01` (validated `^[A-Z][A-Z0-9]{0,15}$`), or null for every category. */
  category: string | null;
  /** The database clock, for "overdue" and "in force". */
  now: Date;
}

export interface NeedStatusCountRow {
  status: string;
  needs: string;
}
export interface NeedProgressRow {
  funded: string;
  delivered: string;
}
export interface LedgerMoveRow {
  region_path: string;
  source: string;
  category_code: string | null;
  from_bucket: string;
  to_bucket: string;
  fen: string;
}
export interface ProjectStageRow {
  status: string;
  projects: string;
  estimated_fen: string;
}
export interface MilestoneRow {
  region_path: string;
  on_time: string;
  late: string;
  overdue: string;
  open: string;
}
export interface GradeRow {
  region_path: string;
  kind: string;
  grade: string;
  results: string;
  score_sum: string;
}
export interface SatisfactionRow {
  region_path: string;
  category_code: string;
  surveys: string;
  answers: string;
  satisfied: string;
}
export interface OrganisationContractRow {
  organisation_id: number;
  contracts: string;
  contract_fen: string;
}
export interface OrganisationMilestoneRow {
  organisation_id: number;
  on_time: string;
  late: string;
  overdue: string;
}
export interface OrganisationGradeRow {
  organisation_id: number;
  grade: string;
  results: string;
  score_sum: string;
}
export interface OrganisationRow {
  id: number;
  name: string;
  grade: number | null;
  grade_expires_on: string | null;
  bars: string;
}
export interface RegionRow {
  id: number;
  name: string;
  path: string;
}
export interface CategoryRow {
  code: string;
  name: string;
  parent_code: string | null;
}

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
const FUNDED = list(FUNDED_PROJECT_STATUSES);
const SIGNED = list(SIGNED_CONTRACT_STATUSES);

/**
 * Every SQL statement of the dashboards, in one class so that a bench can call each one directly with a scope
 * (`new ReportingQueries(dataSource).needStatusCounts(scope)`). Read-only: each answers aggregated rows (counts and
 * sums as strings: BIGINT / DECIMAL sums from mysql2, converted with BigInt by the caller — never a float), and each
 * range-scans an index that starts with the table's `region_path` (migration 1764000820000 adds the ones missing).
 * The "year" of a record is stated beside each query and in docs/domain/reporting.md.
 */
export class ReportingQueries {
  constructor(private readonly db: DataSource | EntityManager) {}

  private q<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.db.query(sql, params) as Promise<T[]>;
  }

  /** `AND <column> LIKE 'A%'` for the category filter (a code prefix), or nothing. */
  private categorySql(column: string, s: ReportScope, params: unknown[]): string {
    if (s.category === null) return '';
    params.push(`${s.category}%`);
    return ` AND ${column} LIKE ?`;
  }

  /**
   * Needs raised in the year (Beijing calendar year of `created_at`) in the subtree, counted per current status.
   * Index `idx_needs_report (region_path, created_at, status, category_id)`: a covering range scan.
   */
  needStatusCounts(s: ReportScope): Promise<NeedStatusCountRow[]> {
    const { start, end } = beijingYearRange(s.year);
    const params: unknown[] = [`${s.rootPath}%`, start, end];
    const category =
      s.category === null
        ? ''
        : ' AND n.category_id IN (SELECT cc.id FROM catalogue_categories cc WHERE cc.code LIKE ?)';
    if (s.category !== null) params.push(`${s.category}%`);
    return this.q(
      `SELECT n.status, COUNT(*) AS needs
         FROM needs n
        WHERE n.region_path LIKE ? AND n.created_at >= ? AND n.created_at < ?${category}
        GROUP BY n.status`,
      params,
    );
  }

  /**
   * Of the same needs, those still IN_PROCUREMENT (the evaluation's publication moves them on) whose project has a
   * signed contract (funded) and whose contract's final milestone is accepted (delivered).
   */
  async needProgress(s: ReportScope): Promise<NeedProgressRow> {
    const { start, end } = beijingYearRange(s.year);
    const params: unknown[] = [`${s.rootPath}%`, start, end];
    const category =
      s.category === null
        ? ''
        : ' AND n.category_id IN (SELECT cc.id FROM catalogue_categories cc WHERE cc.code LIKE ?)';
    if (s.category !== null) params.push(`${s.category}%`);
    const [row] = await this.q<NeedProgressRow>(
      `SELECT COALESCE(SUM(EXISTS (SELECT 1 FROM project_needs pn JOIN projects p ON p.id = pn.project_id
                                     WHERE pn.need_id = n.id AND p.status IN (${FUNDED}))), 0) AS funded,
              COALESCE(SUM(EXISTS (SELECT 1 FROM project_needs pn JOIN projects p ON p.id = pn.project_id
                                     JOIN contracts c ON c.project_id = p.id AND c.status IN (${SIGNED})
                                     JOIN contract_milestones m ON m.contract_id = c.id AND m.is_final = 1
                                                               AND m.status = 'ACCEPTED'
                                     WHERE pn.need_id = n.id AND p.status IN (${FUNDED}))), 0) AS delivered
         FROM needs n
        WHERE n.region_path LIKE ? AND n.created_at >= ? AND n.created_at < ? AND n.status = 'IN_PROCUREMENT'${category}`,
      params,
    );
    return row;
  }

  /**
   * The ledger of the year's ACTIVE budget lines in the subtree, summed per line group and move. Each entry is
   * attributed to a category: moves to or from SOURCE (allocations) to the line's restricted category (null when the
   * line is not restricted); every other move to the category of the project it serves — through its reference
   * (`project`, `contract`, `payment_request`), or the reference of the entry a reversal reverses.
   * Indexes: `idx_budget_lines_region (region_path, year)`, `idx_ledger_entries_line (line_id, id)`, primary keys.
   */
  ledgerMoves(s: ReportScope): Promise<LedgerMoveRow[]> {
    return this.q(
      `SELECT x.region_path, x.source, x.category_code, x.from_bucket, x.to_bucket, SUM(x.amount_fen) AS fen
         FROM (SELECT l.region_path, l.source, e.from_bucket, e.to_bucket, e.amount_fen,
                      CASE WHEN e.from_bucket = 'SOURCE' OR e.to_bucket = 'SOURCE' THEN l.restricted_category_code
                           ELSE p.category_code END AS category_code
                 FROM budget_lines l
                 JOIN ledger_entries e ON e.line_id = l.id
                 LEFT JOIN ledger_entries o ON o.id = e.reverses_entry_id
                 LEFT JOIN payment_requests pr
                        ON COALESCE(o.reference_type, e.reference_type) = 'payment_request'
                       AND pr.id = CAST(COALESCE(o.reference_id, e.reference_id) AS UNSIGNED)
                 LEFT JOIN contracts c
                        ON c.id = CASE COALESCE(o.reference_type, e.reference_type)
                                    WHEN 'contract' THEN CAST(COALESCE(o.reference_id, e.reference_id) AS UNSIGNED)
                                    WHEN 'payment_request' THEN pr.contract_id END
                 LEFT JOIN projects p
                        ON p.id = CASE COALESCE(o.reference_type, e.reference_type)
                                    WHEN 'project' THEN CAST(COALESCE(o.reference_id, e.reference_id) AS UNSIGNED)
                                    ELSE c.project_id END
                WHERE l.status = 'ACTIVE' AND l.year = ? AND l.region_path LIKE ?) x
        GROUP BY x.region_path, x.source, x.category_code, x.from_bucket, x.to_bucket`,
      [s.year, `${s.rootPath}%`],
    );
  }

  /**
   * Projects of the subtree funded from a budget line of the year, per status, with their estimated amounts.
   * Index `idx_projects_region_status (region_path, status)`, the line by primary key.
   */
  projectStages(s: ReportScope): Promise<ProjectStageRow[]> {
    const params: unknown[] = [`${s.rootPath}%`, s.year];
    const category = this.categorySql('p.category_code', s, params);
    return this.q(
      `SELECT p.status, COUNT(*) AS projects, SUM(p.estimated_fen) AS estimated_fen
         FROM projects p JOIN budget_lines l ON l.id = p.budget_line_id
        WHERE p.region_path LIKE ? AND l.year = ?${category}
        GROUP BY p.status`,
      params,
    );
  }

  /**
   * Milestones of the subtree's signed contracts funded from a line of the year, classed against their due time per
   * contract region: accepted on or before `due_at` / after it / not accepted and past it / not yet due. Milestones
   * of TERMINATED contracts count only when they were accepted (the others will never be delivered).
   * Indexes: `idx_contracts_region_status (region_path, status)`, `uq_contract_milestones_seq (contract_id, seq)`.
   */
  milestones(s: ReportScope): Promise<MilestoneRow[]> {
    const params: unknown[] = [s.now, s.now, `${s.rootPath}%`, s.year];
    const category = this.categorySql('p.category_code', s, params);
    return this.q(
      `SELECT c.region_path,
              SUM(m.status = 'ACCEPTED' AND m.accepted_at <= m.due_at) AS on_time,
              SUM(m.status = 'ACCEPTED' AND m.accepted_at > m.due_at) AS late,
              SUM(m.status <> 'ACCEPTED' AND m.due_at < ?) AS overdue,
              SUM(m.status <> 'ACCEPTED' AND m.due_at >= ?) AS open
         FROM contracts c
         JOIN budget_lines l ON l.id = c.budget_line_id
         JOIN projects p ON p.id = c.project_id
         JOIN contract_milestones m ON m.contract_id = c.id
        WHERE c.region_path LIKE ? AND l.year = ?
          AND (c.status IN (${SIGNED}) OR (c.status = 'TERMINATED' AND m.status = 'ACCEPTED'))${category}
        GROUP BY c.region_path`,
      params,
    );
  }

  /**
   * Published evaluation results (tasks PUBLISHED) of the subtree's contracts funded from a line of the year, per
   * region, kind (FINAL, MID_TERM) and grade, with the sum of their scores (DECIMAL, exact).
   * Index `idx_evaluation_tasks_region_status (region_path, status)`.
   */
  grades(s: ReportScope): Promise<GradeRow[]> {
    const params: unknown[] = [`${s.rootPath}%`, s.year];
    const category = this.categorySql('p.category_code', s, params);
    return this.q(
      `SELECT t.region_path, t.kind, t.grade, COUNT(*) AS results, SUM(t.total_score) AS score_sum
         FROM evaluation_tasks t
         JOIN contracts c ON c.id = t.contract_id
         JOIN budget_lines l ON l.id = c.budget_line_id
         JOIN projects p ON p.id = t.project_id
        WHERE t.region_path LIKE ? AND t.status = 'PUBLISHED' AND t.grade IS NOT NULL AND l.year = ?${category}
        GROUP BY t.region_path, t.kind, t.grade`,
      params,
    );
  }

  /**
   * Residents' satisfaction surveys of the subtree's projects funded from a line of the year: answers, and those whose
   * overall satisfaction is 4 or 5, per survey region and project category.
   * Indexes: `idx_evaluation_surveys_region (region_path, status)`, `uq_evaluation_survey_answers_resident
   * (survey_id, resident_id)`.
   */
  satisfaction(s: ReportScope): Promise<SatisfactionRow[]> {
    const params: unknown[] = [SATISFIED_MIN_OVERALL, `${s.rootPath}%`, s.year];
    const category = this.categorySql('p.category_code', s, params);
    return this.q(
      `SELECT s.region_path, p.category_code, COUNT(DISTINCT s.id) AS surveys, COUNT(a.id) AS answers,
              COALESCE(SUM(a.overall >= ?), 0) AS satisfied
         FROM evaluation_surveys s
         JOIN projects p ON p.id = s.project_id
         JOIN budget_lines l ON l.id = p.budget_line_id
         LEFT JOIN evaluation_survey_answers a ON a.survey_id = s.id
        WHERE s.region_path LIKE ? AND l.year = ?${category}
        GROUP BY s.region_path, p.category_code`,
      params,
    );
  }

  /** Signed contracts (and terminated ones that were signed) per organisation: how many, and their value with changes. */
  organisationContracts(s: ReportScope): Promise<OrganisationContractRow[]> {
    const params: unknown[] = [`${s.rootPath}%`, s.year];
    const category = this.categorySql('p.category_code', s, params);
    return this.q(
      `SELECT c.organisation_id, COUNT(*) AS contracts, SUM(c.amount_fen + c.changes_fen) AS contract_fen
         FROM contracts c
         JOIN budget_lines l ON l.id = c.budget_line_id
         JOIN projects p ON p.id = c.project_id
        WHERE c.region_path LIKE ? AND c.signed_at IS NOT NULL AND l.year = ?${category}
        GROUP BY c.organisation_id`,
      params,
    );
  }

  /** The milestone classes of {@link milestones}, per supplier organisation. */
  organisationMilestones(s: ReportScope): Promise<OrganisationMilestoneRow[]> {
    const params: unknown[] = [s.now, `${s.rootPath}%`, s.year];
    const category = this.categorySql('p.category_code', s, params);
    return this.q(
      `SELECT c.organisation_id,
              SUM(m.status = 'ACCEPTED' AND m.accepted_at <= m.due_at) AS on_time,
              SUM(m.status = 'ACCEPTED' AND m.accepted_at > m.due_at) AS late,
              SUM(m.status <> 'ACCEPTED' AND m.due_at < ?) AS overdue
         FROM contracts c
         JOIN budget_lines l ON l.id = c.budget_line_id
         JOIN projects p ON p.id = c.project_id
         JOIN contract_milestones m ON m.contract_id = c.id
        WHERE c.region_path LIKE ? AND l.year = ?
          AND (c.status IN (${SIGNED}) OR (c.status = 'TERMINATED' AND m.status = 'ACCEPTED'))${category}
        GROUP BY c.organisation_id`,
      params,
    );
  }

  /** The published grades of {@link grades}, per evaluated organisation. */
  organisationGrades(s: ReportScope): Promise<OrganisationGradeRow[]> {
    const params: unknown[] = [`${s.rootPath}%`, s.year];
    const category = this.categorySql('p.category_code', s, params);
    return this.q(
      `SELECT t.organisation_id, t.grade, COUNT(*) AS results, SUM(t.total_score) AS score_sum
         FROM evaluation_tasks t
         JOIN contracts c ON c.id = t.contract_id
         JOIN budget_lines l ON l.id = c.budget_line_id
         JOIN projects p ON p.id = t.project_id
        WHERE t.region_path LIKE ? AND t.status = 'PUBLISHED' AND t.grade IS NOT NULL AND l.year = ?${category}
        GROUP BY t.organisation_id, t.grade`,
      params,
    );
  }

  /**
   * The organisations named, with their registry grade (1–5 = 1A–5A) and the bars from bidding in force now that
   * reach into the subtree (a bar of the subtree, or of a region above it). Index `idx_organisation_bars_org
   * (organisation_id, ends_at)`.
   */
  organisations(ids: readonly number[], s: ReportScope): Promise<OrganisationRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.q(
      `SELECT o.id, o.name, o.grade, DATE_FORMAT(o.grade_expires_on, '%Y-%m-%d') AS grade_expires_on,
              (SELECT COUNT(*) FROM organisation_bars b
                WHERE b.organisation_id = o.id AND b.starts_at <= ? AND b.ends_at > ?
                  AND (b.region_path LIKE ? OR ? LIKE CONCAT(b.region_path, '%'))) AS bars
         FROM organisations o WHERE o.id IN (${ids.map(() => '?').join(', ')})`,
      [s.now, s.now, `${s.rootPath}%`, s.rootPath, ...ids],
    );
  }

  /** The root's direct children, to group a subtree's rows by (a row on the root itself is its own group). */
  childRegions(rootPath: string): Promise<RegionRow[]> {
    return this.q(
      `SELECT r.id, r.name, r.path FROM regions r
         JOIN regions root ON root.path = ? AND r.parent_id = root.id
        ORDER BY r.code`,
      [rootPath],
    );
  }

  /** Category names by code, from the newest catalogue version that has the code. */
  categories(): Promise<CategoryRow[]> {
    return this.q(
      `SELECT c.code, c.name, pc.code AS parent_code
         FROM catalogue_categories c
         JOIN catalogue_versions v ON v.id = c.version_id
         LEFT JOIN catalogue_categories pc ON pc.id = c.parent_id
        ORDER BY v.year, v.version, c.code`,
      [],
    );
  }
}
