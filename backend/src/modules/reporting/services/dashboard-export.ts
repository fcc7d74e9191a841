import ExcelJS from 'exceljs';

import { formatBeijingNumeric } from '../../../platform/i18n';
import { ReportWords } from '../domain/reporting-labels';
import { bpText } from '../domain/reporting-rules';
import {
  BudgetExecutionDto,
  Chart,
  DashboardFiltersDto,
  ExecutionRowDto,
  GradesDto,
  MilestonesDto,
  NeedsFunnelDto,
  OrganisationsDto,
  ProjectStagesDto,
  SatisfactionDto,
  SatisfactionRowDto,
} from '../dto/dashboards.dto';

/** One worksheet: a header row, then one row per figure. Money stays text in yuan (exact), counts are numbers. */
export interface ExportTable {
  name: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

export type ChartData =
  | { chart: 'needs-funnel'; data: NeedsFunnelDto }
  | { chart: 'budget-execution'; data: BudgetExecutionDto }
  | { chart: 'projects'; data: ProjectStagesDto }
  | { chart: 'milestones'; data: MilestonesDto }
  | { chart: 'grades'; data: GradesDto }
  | { chart: 'satisfaction'; data: SatisfactionDto }
  | { chart: 'organisations'; data: OrganisationsDto };

/** The tables of a chart, exactly the figures of its JSON (the test compares them cell by cell). */
export function exportTables(c: ChartData, w: ReportWords): ExportTable[] {
  const h = w.head;
  const sheet = w.sheet[c.chart];
  switch (c.chart) {
    case 'needs-funnel':
      return [
        {
          name: sheet,
          columns: [h.stage, h.needs, h.fromPrevious, h.fromRaised],
          rows: c.data.stages.map((s) => [s.label, s.needs, bpText(s.fromPreviousBp), bpText(s.fromRaisedBp)]),
        },
      ];
    case 'budget-execution': {
      const row = (dimension: string, r: ExecutionRowDto): Array<string | number> => [
        dimension,
        r.label,
        r.allocated,
        r.reserved,
        r.committed,
        r.paid,
        bpText(r.committedRateBp),
        bpText(r.paidRateBp),
      ];
      return [
        {
          name: sheet,
          columns: [h.dimension, h.name, h.allocated, h.reserved, h.committed, h.paid, h.committedRate, h.paidRate],
          rows: [
            row(w.total, c.data.total),
            ...c.data.byRegion.map((r) => row(h.byRegion, r)),
            ...c.data.bySource.map((r) => row(h.bySource, r)),
            ...c.data.byCategory.map((r) => row(h.byCategory, r)),
          ],
        },
      ];
    }
    case 'projects':
      return [
        {
          name: sheet,
          columns: [h.status, h.projects, h.estimated],
          rows: [...c.data.stages, c.data.total].map((s) => [s.label, s.projects, s.estimated]),
        },
      ];
    case 'milestones':
      return [
        {
          name: sheet,
          columns: [h.region, h.onTime, h.late, h.overdue, h.open, h.onTimeRate],
          rows: [...c.data.byRegion, c.data.total].map((r) => [
            r.label,
            r.onTime,
            r.late,
            r.overdue,
            r.open,
            bpText(r.onTimeRateBp),
          ]),
        },
      ];
    case 'grades':
      return [
        {
          name: sheet,
          columns: [h.grade, h.final, h.midTerm, h.results, h.share],
          rows: [
            ...c.data.grades.map((g) => [g.label, g.final, g.midTerm, g.total, bpText(g.shareBp)]),
            [w.total, '', '', c.data.results, c.data.averageScore ?? '—'],
          ],
        },
        {
          name: `${sheet}-${h.byRegion}`,
          columns: [h.region, w.grade.EXCELLENT, w.grade.GOOD, w.grade.PASS, w.grade.FAIL, h.averageScore],
          rows: c.data.byRegion.map((r) => [r.label, r.excellent, r.good, r.pass, r.fail, r.averageScore ?? '—']),
        },
      ];
    case 'satisfaction': {
      const row = (dimension: string, r: SatisfactionRowDto): Array<string | number> => [
        dimension,
        r.label,
        r.surveys,
        r.answers,
        r.satisfied,
        bpText(r.rateBp),
      ];
      return [
        {
          name: sheet,
          columns: [h.dimension, h.name, h.surveys, h.answers, h.satisfied, h.rate],
          rows: [
            row(w.total, c.data.total),
            ...c.data.byRegion.map((r) => row(h.byRegion, r)),
            ...c.data.byCategory.map((r) => row(h.byCategory, r)),
          ],
        },
      ];
    }
    case 'organisations':
      return [
        {
          name: sheet,
          columns: [
            h.organisation,
            h.registryGrade,
            h.contracts,
            h.contractValue,
            h.onTime,
            h.lateDeliveries,
            h.results,
            w.grade.EXCELLENT,
            w.grade.GOOD,
            w.grade.PASS,
            w.grade.FAIL,
            h.averageScore,
            h.bars,
          ],
          rows: c.data.items.map((o) => [
            o.name,
            o.registryGrade ?? '—',
            o.contracts,
            o.contractValue,
            o.milestonesOnTime,
            o.lateDeliveries,
            o.results,
            o.excellent,
            o.good,
            o.pass,
            o.fail,
            o.averageScore ?? '—',
            o.bars,
          ]),
        },
      ];
  }
}

/** The workbook: the chart's tables, then a sheet saying what they were computed for and when (Beijing time). */
export async function dashboardWorkbook(c: ChartData, w: ReportWords, filters: DashboardFiltersDto): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const t of exportTables(c, w)) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.addRow(t.columns);
    ws.getRow(1).font = { bold: true };
    t.columns.forEach((col, i) => (ws.getColumn(i + 1).width = Math.max(10, Math.min(40, col.length * 2 + 4))));
    for (const r of t.rows) ws.addRow(r);
  }
  const about = wb.addWorksheet(w.sheet.about);
  about.addRow([w.about.region, filters.region.name]);
  about.addRow([w.about.year, filters.year]);
  about.addRow([
    w.about.category,
    filters.category === null ? w.allCategories : `${filters.category.code} ${filters.category.name}`,
  ]);
  about.addRow([w.about.generatedAt, formatBeijingNumeric(filters.generatedAt, 'second')]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function exportFileName(chart: Chart, filters: DashboardFiltersDto): string {
  return `dashboard-${chart}-${filters.year}-${filters.region.id}.xlsx`;
}
