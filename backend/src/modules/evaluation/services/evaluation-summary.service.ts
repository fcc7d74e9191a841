import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, inRegionScope } from '../../../platform/access';
import { formatBeijingNumeric, formatDeadlineNumeric } from '../../../platform/i18n';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { Grade, GRADES } from '../domain/scoring';
import { TASK_STATUSES, TaskKind, TaskStatus } from '../domain/state-machines';
import { startOfDayShanghai } from '../domain/task-dates';
import { LateTaskDto, SummaryCountsDto, SummaryDto, SummaryQuery, SummaryRowDto } from '../dto/batches.dto';
import { RegionGroups, RegionInfo } from './region-groups';
import { SamplingService } from './sampling.service';

/** Results that count in the grade distribution: confirmed by the officer, or published. */
const GRADED: readonly TaskStatus[] = ['CONFIRMED', 'PUBLISHED'];

const STATUS_ZH: Record<TaskStatus, string> = {
  OPEN: '待分派',
  ASSIGNED: '已分派',
  IN_PROGRESS: '评估中',
  SUBMITTED: '待确认',
  RETURNED: '已退回',
  CONFIRMED: '已确认',
  PUBLISHED: '已公布',
  CANCELLED: '已取消',
};
const GRADE_ZH: Record<Grade, string> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };
const KIND_ZH: Record<TaskKind, string> = { FINAL: '终期', MID_TERM: '中期' };

interface TaskRow {
  id: number;
  code: string;
  kind: TaskKind;
  status: TaskStatus;
  region_path: string;
  grade: Grade | null;
  due_at: Date;
  overdue_at: Date | null;
  submitted_at: Date | null;
  contract_code: string;
  contract_title: string;
  organisation_name: string;
  region_name: string;
  agency_name: string | null;
  evaluator_name: string | null;
}

function emptyCounts(): SummaryCountsDto {
  return {
    tasks: 0,
    byStatus: Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>,
    byGrade: Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>,
    graded: 0,
    late: 0,
  };
}

function add(c: SummaryCountsDto, t: TaskRow): void {
  c.tasks++;
  c.byStatus[t.status]++;
  if (GRADED.includes(t.status) && t.grade !== null) {
    c.byGrade[t.grade]++;
    c.graded++;
  }
  if (t.overdue_at !== null) c.late++;
}

/**
 * The officer's summaries (issue #11 item 7, "a batch summary for the officer (distribution of grades, late
 * tasks)"): for one sampling batch, or for every task of a region subtree due in a year; per district, tasks by
 * status, the grades of the confirmed and published results, and the tasks flagged overdue — with an Excel export.
 */
@Injectable()
export class EvaluationSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sampling: SamplingService,
  ) {}

  /** `GET /api/v1/evaluation/batches/:id/summary`. */
  async batch(actor: Actor, batchId: number): Promise<SummaryDto> {
    const em = this.dataSource.manager;
    const b = await this.sampling.visible(em, actor, batchId);
    const root = (await RegionGroups.region(em, b.regionId)) as RegionInfo;
    const rows = await this.tasks(em, 't.batch_id = ?', [b.id]);
    return {
      scope: 'BATCH',
      batchId: b.id,
      batchName: b.name,
      regionId: root.id,
      regionName: root.name,
      year: null,
      ...this.summarise(await RegionGroups.load(em, root), rows),
    };
  }

  /** `GET /api/v1/evaluation/summary?year=&regionId=`: the tasks of a subtree due in a year (Beijing). */
  async regionYear(actor: Actor, q: SummaryQuery): Promise<SummaryDto> {
    const em = this.dataSource.manager;
    const root = await RegionGroups.region(em, q.regionId ?? actor.regionId ?? 0);
    const staff = actor.roles.some((r) => ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER', 'AUDITOR'].includes(r));
    if (root === null || !staff || !inRegionScope(actor, root.path))
      throw new EvaluationError(
        EvaluationErrorCode.TASK_INVALID,
        `Region ${q.regionId ?? actor.regionId} is not in your area.`,
        { errors: [{ field: 'regionId', message: 'The region is not in your area.' }] },
      );
    const rows = await this.tasks(em, "t.region_path LIKE CONCAT(?, '%') AND t.due_at >= ? AND t.due_at < ?", [
      root.path,
      startOfDayShanghai(`${q.year}-01-01`),
      startOfDayShanghai(`${q.year + 1}-01-01`),
    ]);
    return {
      scope: 'REGION_YEAR',
      batchId: null,
      batchName: null,
      regionId: root.id,
      regionName: root.name,
      year: q.year,
      ...this.summarise(await RegionGroups.load(em, root), rows),
    };
  }

  /** The summary as an Excel workbook: the counts per district, and the late tasks. */
  async xlsx(s: SummaryDto): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const title =
      s.scope === 'BATCH'
        ? `抽查批次：${s.batchName ?? ''}（${s.regionName}）`
        : `${s.regionName} ${s.year} 年评估任务`;
    const ws = wb.addWorksheet('汇总');
    ws.addRow([title]).font = { bold: true, size: 13 };
    const header = [
      '区划',
      '任务数',
      ...TASK_STATUSES.map((x) => STATUS_ZH[x]),
      ...GRADES.map((g) => GRADE_ZH[g]),
      '已定等级',
      '逾期',
    ];
    ws.addRow(header).font = { bold: true };
    const line = (name: string, c: SummaryCountsDto) => [
      name,
      c.tasks,
      ...TASK_STATUSES.map((x) => c.byStatus[x]),
      ...GRADES.map((g) => c.byGrade[g]),
      c.graded,
      c.late,
    ];
    for (const r of s.rows) ws.addRow(line(r.regionName, r));
    ws.addRow(line('合计', s.total)).font = { bold: true };
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 16 : 9));

    const late = wb.addWorksheet('逾期任务');
    late.columns = [
      { header: '评估编号', key: 'code', width: 18 },
      { header: '类型', key: 'kind', width: 8 },
      { header: '状态', key: 'status', width: 10 },
      { header: '合同编号', key: 'contract', width: 18 },
      { header: '项目', key: 'title', width: 34 },
      { header: '被评估机构', key: 'org', width: 30 },
      { header: '区划', key: 'region', width: 14 },
      { header: '评估机构', key: 'agency', width: 28 },
      { header: '评估员', key: 'evaluator', width: 18 },
      { header: '应完成时间', key: 'due', width: 22 },
      { header: '逾期标记时间', key: 'overdue', width: 22 },
      { header: '提交时间', key: 'submitted', width: 22 },
    ];
    late.getRow(1).font = { bold: true };
    for (const t of s.lateTasks)
      late.addRow({
        code: t.code,
        kind: KIND_ZH[t.kind],
        status: STATUS_ZH[t.status],
        contract: t.contractCode,
        title: t.contractTitle,
        org: t.organisationName,
        region: t.regionName,
        agency: t.agencyName ?? '',
        evaluator: t.evaluatorName ?? '',
        due: formatDeadlineNumeric(t.dueAt),
        overdue: formatBeijingNumeric(t.overdueAt),
        submitted: formatBeijingNumeric(t.submittedAt),
      });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  private summarise(
    regions: RegionGroups,
    rows: TaskRow[],
  ): Omit<SummaryDto, 'scope' | 'batchId' | 'batchName' | 'regionId' | 'regionName' | 'year'> {
    const total = emptyCounts();
    const perRegion = new Map<number, SummaryRowDto>();
    for (const t of rows) {
      add(total, t);
      const g = regions.groupOf(t.region_path);
      const row = perRegion.get(g.id) ?? { regionId: g.id, regionName: g.name, ...emptyCounts() };
      add(row, t);
      perRegion.set(g.id, row);
    }
    const code = (id: number) => regions.get(id)?.code ?? '';
    const lateTasks: LateTaskDto[] = rows
      .filter((t) => t.overdue_at !== null)
      .sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || a.id - b.id)
      .map((t) => ({
        id: Number(t.id),
        code: t.code,
        kind: t.kind,
        status: t.status,
        contractCode: t.contract_code,
        contractTitle: t.contract_title,
        organisationName: t.organisation_name,
        regionName: t.region_name,
        agencyName: t.agency_name,
        evaluatorName: t.evaluator_name,
        dueAt: t.due_at.toISOString(),
        overdueAt: (t.overdue_at as Date).toISOString(),
        submittedAt: t.submitted_at?.toISOString() ?? null,
      }));
    return {
      total,
      rows: [...perRegion.values()].sort((a, b) => code(a.regionId).localeCompare(code(b.regionId))),
      lateTasks,
    };
  }

  private async tasks(em: EntityManager, where: string, params: unknown[]): Promise<TaskRow[]> {
    return (await em.query(
      `SELECT t.id, t.code, t.kind, t.status, t.region_path, t.grade, t.due_at, t.overdue_at, t.submitted_at,
         c.code AS contract_code, c.title AS contract_title, o.name AS organisation_name, r.name AS region_name,
         a.name AS agency_name, u.display_name AS evaluator_name
       FROM evaluation_tasks t
       JOIN contracts c ON c.id = t.contract_id
       JOIN organisations o ON o.id = t.organisation_id
       JOIN regions r ON r.id = t.region_id
       LEFT JOIN organisations a ON a.id = t.agency_id
       LEFT JOIN users u ON u.id = t.evaluator_id
       WHERE ${where}`,
      params,
    )) as TaskRow[];
  }
}
