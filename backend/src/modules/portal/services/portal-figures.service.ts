import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { fenToYuan } from '../../../platform/util/money';
import { meanScore, percent } from '../domain/figures';
import { PortalFiguresDto, PortalRegionDto, PortalScopeQuery } from '../dto/portal.dto';
import { PortalCache } from './portal-cache';
import {
  currentYear,
  FUNDED_PROJECT_SQL,
  needRegionColumn,
  PUBLIC_PROJECT_SQL,
  regionOrRoot,
  regionRef,
  subtreePattern,
  yearBounds,
} from './portal-scope';

const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'];

/** The home page's figures for a year and a region subtree, and the region tree to choose from. */
@Injectable()
export class PortalFiguresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: PortalCache,
  ) {}

  regions(): Promise<PortalRegionDto[]> {
    return this.cache.get('regions', async () => {
      const rows = (await this.dataSource.query(
        'SELECT id, name, level, parent_id FROM regions ORDER BY path',
      )) as Array<{ id: number; name: string; level: string; parent_id: number | null }>;
      return rows.map((r) => ({ id: r.id, name: r.name, level: r.level, parentId: r.parent_id }));
    });
  }

  figures(q: PortalScopeQuery): Promise<PortalFiguresDto> {
    const year = q.year ?? currentYear();
    return this.cache.get(`figures:${year}:${q.regionId ?? ''}`, () => this.read(year, q.regionId));
  }

  private async read(year: number, regionId: number | undefined): Promise<PortalFiguresDto> {
    const db = this.dataSource;
    const region = await regionOrRoot(db, regionId);
    const subtree = subtreePattern(region.path);
    const [from, to] = yearBounds(year);

    const [needs] = (await db.query(
      `SELECT COUNT(*) AS raised,
              COALESCE(SUM(EXISTS (SELECT 1 FROM project_needs pn JOIN projects p ON p.id = pn.project_id
                                    WHERE pn.need_id = n.id AND ${FUNDED_PROJECT_SQL})), 0) AS funded
         FROM needs n
        WHERE ${needRegionColumn(region.level)} = ? AND n.created_at >= ? AND n.created_at < ? AND n.status <> 'MERGED'`,
      [region.id, from, to],
    )) as Array<{ raised: string | number; funded: string | number }>;

    const stages = (await db.query(
      `SELECT p.status AS code, COUNT(*) AS n FROM projects p JOIN budget_lines b ON b.id = p.budget_line_id
        WHERE p.region_path LIKE ? AND b.year = ? AND ${PUBLIC_PROJECT_SQL}
        GROUP BY p.status ORDER BY p.status`,
      [subtree, year],
    )) as Array<{ code: string; n: string | number }>;

    const [money] = (await db.query(
      `SELECT COALESCE(SUM(available_fen + reserved_fen + committed_fen + paid_fen), 0) AS allocated,
              COALESCE(SUM(committed_fen + paid_fen), 0) AS committed, COALESCE(SUM(paid_fen), 0) AS paid
         FROM budget_lines WHERE year = ? AND status = 'ACTIVE' AND region_path LIKE ?`,
      [year, subtree],
    )) as Array<{ allocated: string; committed: string; paid: string }>;

    const grades = (await db.query(
      `SELECT e.grade, COUNT(*) AS n, COALESCE(SUM(CAST(e.total_score * 100 AS SIGNED)), 0) AS cents
         FROM evaluation_tasks e JOIN projects p ON p.id = e.project_id JOIN budget_lines b ON b.id = p.budget_line_id
        WHERE e.kind = 'FINAL' AND e.status = 'PUBLISHED' AND p.region_path LIKE ? AND b.year = ?
        GROUP BY e.grade`,
      [subtree, year],
    )) as Array<{ grade: string; n: string | number; cents: string | number }>;

    const [survey] = (await db.query(
      `SELECT COUNT(a.id) AS answers, COALESCE(SUM(a.overall >= 4), 0) AS satisfied
         FROM evaluation_surveys s JOIN projects p ON p.id = s.project_id JOIN budget_lines b ON b.id = p.budget_line_id
         JOIN evaluation_survey_answers a ON a.survey_id = s.id
        WHERE s.status = 'CLOSED' AND p.region_path LIKE ? AND b.year = ?`,
      [subtree, year],
    )) as Array<{ answers: string | number; satisfied: string | number }>;

    const published = grades.reduce((s, g) => s + BigInt(g.n), 0n);
    const cents = grades.reduce((s, g) => s + BigInt(g.cents), 0n);
    const answers = BigInt(survey.answers);
    const satisfied = BigInt(survey.satisfied);
    return {
      year,
      region: regionRef(region),
      needsRaised: Number(needs.raised),
      needsFunded: Number(needs.funded),
      projectsByStage: stages.map((s) => ({ code: s.code, count: Number(s.n) })),
      money: {
        allocated: fenToYuan(money.allocated),
        committed: fenToYuan(money.committed),
        paid: fenToYuan(money.paid),
      },
      evaluation: {
        published: Number(published),
        averageScore: meanScore(cents, published),
        grades: GRADES.map((code) => ({ code, count: Number(grades.find((g) => g.grade === code)?.n ?? 0) })),
      },
      satisfaction: { answers: Number(answers), satisfied: Number(satisfied), rate: percent(satisfied, answers) },
    };
  }
}
