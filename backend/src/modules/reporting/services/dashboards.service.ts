import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { beijingDate, Locale } from '../../../platform/i18n';
import { fenToYuan } from '../../../platform/util/money';
import { UserPreferences } from '../../identity';
import { RegionsService } from '../../regions';
import { reportWords, ReportWords, wordOf } from '../domain/reporting-labels';
import {
  ACCEPTED_NEED_STATUSES,
  addExecution,
  applyMove,
  APPROVED_NEED_STATUSES,
  averageScore,
  categoryGroup,
  DELIVERED_NEED_STATUSES,
  EVALUATED_NEED_STATUSES,
  Execution,
  FUNDED_NEED_STATUSES,
  FUNNEL_STAGES,
  FunnelStage,
  GRADES,
  hundredths,
  inCategory,
  PROJECT_STAGES,
  ratioBp,
  SOURCES,
  ZERO_EXECUTION,
} from '../domain/reporting-rules';
import {
  BudgetExecutionDto,
  DashboardFiltersDto,
  DashboardQuery,
  ExecutionRowDto,
  FunnelStageDto,
  GradeRegionDto,
  GradesDto,
  MilestoneRowDto,
  MilestonesDto,
  NeedsFunnelDto,
  OrganisationRecordDto,
  OrganisationsDto,
  ProjectStagesDto,
  SatisfactionDto,
  SatisfactionRowDto,
} from '../dto/dashboards.dto';
import { CategoryRow, RegionRow, ReportingQueries, ReportScope } from '../queries/reporting.queries';

/** What one dashboard request resolved to: the scope of its SQL, the reader's words and the groups of the subtree. */
export interface DashboardContext {
  scope: ReportScope;
  filters: DashboardFiltersDto;
  locale: Locale;
  words: ReportWords;
  root: { id: number; name: string; path: string };
  children: RegionRow[];
  categories: CategoryRow[];
}

const count = (v: string | number | null | undefined): number => Number(v ?? 0);

/**
 * The dashboards (数据看板): each use case resolves the filters against the caller's scope (a region of another
 * subtree answers 404 REGIONS_REGION_NOT_FOUND, exactly as a missing one), runs its statements of
 * {@link ReportingQueries} and turns the aggregated rows into the chart's figures — money in BigInt fen, ratios in
 * basis points, labels in the reader's language. Read-only: nothing is written, so nothing is audited.
 */
@Injectable()
export class DashboardsService {
  readonly queries: ReportingQueries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly preferences: UserPreferences,
  ) {
    this.queries = new ReportingQueries(dataSource);
  }

  async context(actor: Actor, q: DashboardQuery, acceptLanguage?: string): Promise<DashboardContext> {
    const root = await this.regions.getInScope(actor, q.regionId ?? actor.regionId ?? 0);
    const locale = await this.preferences.readerLocale(actor, acceptLanguage);
    const words = reportWords(locale);
    const now = await dbNow(this.dataSource.manager);
    const year = q.year ?? Number(beijingDate(now).slice(0, 4));
    const [children, categories] = await Promise.all([this.queries.childRegions(root.path), this.queries.categories()]);
    const category = q.category ?? null;
    return {
      scope: { rootPath: root.path, year, category, now },
      filters: {
        region: { id: root.id, name: root.name },
        year,
        category: category === null ? null : { code: category, name: categoryName(categories, category) },
        generatedAt: now.toISOString(),
      },
      locale,
      words,
      root: { id: root.id, name: root.name, path: root.path },
      children,
      categories,
    };
  }

  async needsFunnel(c: DashboardContext): Promise<NeedsFunnelDto> {
    const [statuses, progress] = await Promise.all([
      this.queries.needStatusCounts(c.scope),
      this.queries.needProgress(c.scope),
    ]);
    const by = new Map(statuses.map((r) => [r.status, count(r.needs)]));
    const sum = (list: readonly string[]) => list.reduce((n, s) => n + (by.get(s) ?? 0), 0);
    const counts: Record<FunnelStage, number> = {
      raised: [...by.values()].reduce((a, b) => a + b, 0),
      accepted: sum(ACCEPTED_NEED_STATUSES),
      approved: sum(APPROVED_NEED_STATUSES),
      funded: sum(FUNDED_NEED_STATUSES) + count(progress.funded),
      delivered: sum(DELIVERED_NEED_STATUSES) + count(progress.delivered),
      evaluated: sum(EVALUATED_NEED_STATUSES),
    };
    const stages: FunnelStageDto[] = FUNNEL_STAGES.map((stage, i) => ({
      stage,
      label: c.words.stage[stage],
      needs: counts[stage],
      fromPreviousBp: i === 0 ? null : ratioBp(counts[stage], counts[FUNNEL_STAGES[i - 1]]),
      fromRaisedBp: ratioBp(counts[stage], counts.raised),
    }));
    return { filters: c.filters, stages };
  }

  async budgetExecution(c: DashboardContext): Promise<BudgetExecutionDto> {
    const moves = (await this.queries.ledgerMoves(c.scope)).filter((m) =>
      inCategory(m.category_code, c.scope.category),
    );
    const byRegion = new Map<string, Execution>();
    const bySource = new Map<string, Execution>();
    const byCategory = new Map<string, Execution>();
    let total: Execution = { ...ZERO_EXECUTION };
    const groups = categoryGroups(c.categories, c.scope.category);
    const add = (map: Map<string, Execution>, key: string, e: Execution) =>
      map.set(key, addExecution(map.get(key) ?? { ...ZERO_EXECUTION }, e));
    for (const m of moves) {
      const e = applyMove({ ...ZERO_EXECUTION }, m.from_bucket, m.to_bucket, BigInt(m.fen));
      total = addExecution(total, e);
      add(byRegion, this.regionKey(c, m.region_path), e);
      add(bySource, m.source, e);
      add(byCategory, categoryGroup(m.category_code, groups) ?? '-', e);
    }
    const row = (key: string, label: string, e: Execution): ExecutionRowDto => ({
      key,
      label,
      allocated: fenToYuan(e.allocated),
      reserved: fenToYuan(e.reserved),
      committed: fenToYuan(e.committed),
      paid: fenToYuan(e.paid),
      committedRateBp: ratioBp(e.committed, e.allocated),
      paidRateBp: ratioBp(e.paid, e.allocated),
    });
    return {
      filters: c.filters,
      total: row('total', c.words.total, total),
      byRegion: this.regionGroups(c).flatMap(([key, label]) => {
        const e = byRegion.get(key);
        return e ? [row(key, label, e)] : [];
      }),
      bySource: SOURCES.flatMap((s) => {
        const e = bySource.get(s);
        return e ? [row(s, wordOf(c.words.source, s), e)] : [];
      }),
      byCategory: [...byCategory.entries()]
        .sort(([a], [b]) => (a === '-' ? 1 : b === '-' ? -1 : a.localeCompare(b)))
        .map(([key, e]) =>
          row(key, key === '-' ? c.words.unrestricted : `${key} ${categoryName(c.categories, key)}`, e),
        ),
    };
  }

  async projects(c: DashboardContext): Promise<ProjectStagesDto> {
    const rows = await this.queries.projectStages(c.scope);
    const by = new Map(rows.map((r) => [r.status, r]));
    let projects = 0;
    let fen = 0n;
    const stages = PROJECT_STAGES.map((status) => {
      const r = by.get(status);
      projects += count(r?.projects);
      fen += BigInt(r?.estimated_fen ?? 0);
      return {
        status,
        label: wordOf(c.words.project, status),
        projects: count(r?.projects),
        estimated: fenToYuan(BigInt(r?.estimated_fen ?? 0)),
      };
    });
    return {
      filters: c.filters,
      stages,
      total: { status: 'TOTAL', label: c.words.total, projects, estimated: fenToYuan(fen) },
    };
  }

  async milestones(c: DashboardContext): Promise<MilestonesDto> {
    const rows = await this.queries.milestones(c.scope);
    type Tally = { onTime: number; late: number; overdue: number; open: number };
    const zero = (): Tally => ({ onTime: 0, late: 0, overdue: 0, open: 0 });
    const by = new Map<string, Tally>();
    const total = zero();
    for (const r of rows) {
      const key = this.regionKey(c, r.region_path);
      const t = by.get(key) ?? zero();
      for (const [k, v] of [
        ['onTime', r.on_time],
        ['late', r.late],
        ['overdue', r.overdue],
        ['open', r.open],
      ] as const) {
        t[k] += count(v);
        total[k] += count(v);
      }
      by.set(key, t);
    }
    const row = (key: string, label: string, t: Tally): MilestoneRowDto => ({
      key,
      label,
      ...t,
      onTimeRateBp: ratioBp(t.onTime, t.onTime + t.late + t.overdue),
    });
    return {
      filters: c.filters,
      total: row('total', c.words.total, total),
      byRegion: this.regionGroups(c).flatMap(([key, label]) => {
        const t = by.get(key);
        return t ? [row(key, label, t)] : [];
      }),
    };
  }

  async grades(c: DashboardContext): Promise<GradesDto> {
    const rows = await this.queries.grades(c.scope);
    const counts = new Map<string, { final: number; midTerm: number }>();
    const regions = new Map<string, { byGrade: Map<string, number>; sum: bigint; n: number }>();
    let sum = 0n;
    let n = 0;
    for (const r of rows) {
      const g = counts.get(r.grade) ?? { final: 0, midTerm: 0 };
      if (r.kind === 'FINAL') g.final += count(r.results);
      else g.midTerm += count(r.results);
      counts.set(r.grade, g);
      sum += hundredths(r.score_sum);
      n += count(r.results);
      const key = this.regionKey(c, r.region_path);
      const reg = regions.get(key) ?? { byGrade: new Map<string, number>(), sum: 0n, n: 0 };
      reg.byGrade.set(r.grade, (reg.byGrade.get(r.grade) ?? 0) + count(r.results));
      reg.sum += hundredths(r.score_sum);
      reg.n += count(r.results);
      regions.set(key, reg);
    }
    const byRegion: GradeRegionDto[] = this.regionGroups(c).flatMap(([key, label]) => {
      const reg = regions.get(key);
      if (!reg) return [];
      return [
        {
          key,
          label,
          excellent: reg.byGrade.get('EXCELLENT') ?? 0,
          good: reg.byGrade.get('GOOD') ?? 0,
          pass: reg.byGrade.get('PASS') ?? 0,
          fail: reg.byGrade.get('FAIL') ?? 0,
          averageScore: averageScore(reg.sum, reg.n),
        },
      ];
    });
    return {
      filters: c.filters,
      grades: GRADES.map((grade) => {
        const g = counts.get(grade) ?? { final: 0, midTerm: 0 };
        return {
          grade,
          label: c.words.grade[grade],
          final: g.final,
          midTerm: g.midTerm,
          total: g.final + g.midTerm,
          shareBp: ratioBp(g.final + g.midTerm, n),
        };
      }),
      results: n,
      averageScore: averageScore(sum, n),
      byRegion,
    };
  }

  async satisfaction(c: DashboardContext): Promise<SatisfactionDto> {
    const rows = await this.queries.satisfaction(c.scope);
    type Tally = { surveys: number; answers: number; satisfied: number };
    const zero = (): Tally => ({ surveys: 0, answers: 0, satisfied: 0 });
    const byRegion = new Map<string, Tally>();
    const byCategory = new Map<string, Tally>();
    const total = zero();
    const groups = categoryGroups(c.categories, c.scope.category);
    const add = (t: Tally, r: (typeof rows)[number]) => {
      t.surveys += count(r.surveys);
      t.answers += count(r.answers);
      t.satisfied += count(r.satisfied);
      return t;
    };
    for (const r of rows) {
      add(total, r);
      const rk = this.regionKey(c, r.region_path);
      byRegion.set(rk, add(byRegion.get(rk) ?? zero(), r));
      const ck = categoryGroup(r.category_code, groups) ?? '-';
      byCategory.set(ck, add(byCategory.get(ck) ?? zero(), r));
    }
    const row = (key: string, label: string, t: Tally): SatisfactionRowDto => ({
      key,
      label,
      ...t,
      rateBp: ratioBp(t.satisfied, t.answers),
    });
    return {
      filters: c.filters,
      total: row('total', c.words.total, total),
      byRegion: this.regionGroups(c).flatMap(([key, label]) => {
        const t = byRegion.get(key);
        return t ? [row(key, label, t)] : [];
      }),
      byCategory: [...byCategory.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, t]) => row(key, `${key} ${categoryName(c.categories, key)}`, t)),
    };
  }

  async organisations(c: DashboardContext): Promise<OrganisationsDto> {
    const [contracts, milestones, grades] = await Promise.all([
      this.queries.organisationContracts(c.scope),
      this.queries.organisationMilestones(c.scope),
      this.queries.organisationGrades(c.scope),
    ]);
    const ids = [...new Set([...contracts, ...milestones, ...grades].map((r) => Number(r.organisation_id)))].sort(
      (a, b) => a - b,
    );
    const orgs = new Map((await this.queries.organisations(ids, c.scope)).map((o) => [Number(o.id), o]));
    const today = beijingDate(c.scope.now);
    const items: Array<OrganisationRecordDto & { fen: bigint }> = ids.map((id) => {
      const o = orgs.get(id);
      const k = contracts.find((r) => Number(r.organisation_id) === id);
      const m = milestones.find((r) => Number(r.organisation_id) === id);
      const gs = grades.filter((r) => Number(r.organisation_id) === id);
      const g = (grade: string) => count(gs.find((r) => r.grade === grade)?.results);
      const results = gs.reduce((n, r) => n + count(r.results), 0);
      const fen = BigInt(k?.contract_fen ?? 0);
      const gradeValid =
        o !== undefined && o.grade !== null && (o.grade_expires_on === null || o.grade_expires_on >= today);
      return {
        id,
        name: o?.name ?? String(id),
        registryGrade: gradeValid ? `${o.grade}A` : null,
        contracts: count(k?.contracts),
        contractValue: fenToYuan(fen),
        milestonesOnTime: count(m?.on_time),
        lateDeliveries: count(m?.late) + count(m?.overdue),
        results,
        excellent: g('EXCELLENT'),
        good: g('GOOD'),
        pass: g('PASS'),
        fail: g('FAIL'),
        averageScore: averageScore(
          gs.reduce((s, r) => s + hundredths(r.score_sum), 0n),
          results,
        ),
        bars: count(o?.bars),
        fen,
      };
    });
    items.sort((a, b) => (a.fen === b.fen ? a.id - b.id : a.fen > b.fen ? -1 : 1));
    return { filters: c.filters, items: items.map(({ fen: _fen, ...rest }) => rest) };
  }

  /** The group of a row's region: the root's child whose subtree holds it, or the root itself. */
  private regionKey(c: DashboardContext, path: string): string {
    const child = c.children.find((r) => path.startsWith(r.path));
    return String(child ? child.id : c.root.id);
  }

  /** Every group of the subtree, in order: the root's own level first, then its children by division code. */
  private regionGroups(c: DashboardContext): Array<[string, string]> {
    return [
      [String(c.root.id), c.words.ownLevel.replace('{name}', c.root.name)],
      ...c.children.map((r): [string, string] => [String(r.id), r.name]),
    ];
  }
}

/** The newest name of a category code ('' when the catalogue does not know it). */
export function categoryName(categories: readonly CategoryRow[], code: string): string {
  let name = '';
  for (const cat of categories) if (cat.code === code) name = cat.name;
  return name;
}

/** The codes to group categories by: the filter's direct children, or the top-level categories without one. */
export function categoryGroups(categories: readonly CategoryRow[], filter: string | null): string[] {
  return [
    ...new Set(
      categories
        .filter((c) => (filter === null ? c.parent_code === null : c.parent_code === filter))
        .map((c) => c.code),
    ),
  ];
}
