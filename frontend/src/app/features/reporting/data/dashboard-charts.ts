import type { EChartsCoreOption } from 'echarts/core';

import { fenToMoney, formatMoney, moneyToFen } from '../../../shared/money';
import type {
  ExecutionRow,
  FunnelStage,
  GradeCount,
  MilestoneRow,
  ProjectStage,
  SatisfactionRow,
} from './reporting.types';

/**
 * The ECharts options of 数据看板, pure functions of the API's figures. Bar heights are numbers (integer fen, counts,
 * basis points); every text a person reads (tooltips, labels, the tables beside the charts) comes from the API's
 * strings or from integers, never from a float.
 */

const BLUE = '#1677ff';
const ORANGE = '#d46b08';
const GREEN = '#389e0d';
const RED = '#cf1322';
const GREY = '#8c8c8c';

/** An amount as a bar height: integer fen (exact below 90 trillion yuan). */
export function fenValue(money: string): number {
  return Number(moneyToFen(money) ?? '0');
}

/** Integer fen as yuan text: `120000000` → `¥1,200,000.00`. */
export function fenText(fen: number): string {
  const money = fenToMoney(Math.round(fen));
  return money === null ? '' : formatMoney(money);
}

/** Basis points as a percentage text with string operations: 916 → `9.16%`; null → `—`. */
export function bpText(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  const abs = Math.abs(bp);
  return `${bp < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

const base = { animation: false, tooltip: { confine: true } };

/** 需求漏斗: one layer per stage, in the order of the lifecycle (not sorted by size). */
export function funnelOption(stages: readonly FunnelStage[]): EChartsCoreOption {
  return {
    ...base,
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '8%',
        label: { show: true, position: 'inside', formatter: '{b} {c}', color: '#fff' },
        data: stages.map((s) => ({ name: s.label, value: s.needs })),
      },
    ],
  };
}

export type ExecutionMeasure = 'allocated' | 'reserved' | 'committed' | 'paid';
export const EXECUTION_MEASURES: readonly ExecutionMeasure[] = ['allocated', 'reserved', 'committed', 'paid'];

/** 预算执行: the four amounts of each group side by side. */
export function executionOption(
  rows: readonly ExecutionRow[],
  labels: Readonly<Record<ExecutionMeasure, string>>,
): EChartsCoreOption {
  return {
    ...base,
    color: [BLUE, ORANGE, '#faad14', GREEN],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => fenText(v) },
    legend: { top: 0, data: EXECUTION_MEASURES.map((m) => labels[m]) },
    grid: { left: 8, right: 16, top: 40, bottom: 8 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, rotate: rows.length > 3 ? 30 : 0 },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fenText(v).replace(/\.00$/, '') } },
    series: EXECUTION_MEASURES.map((m) => ({
      name: labels[m],
      type: 'bar',
      barMaxWidth: 28,
      data: rows.map((r) => fenValue(r[m])),
    })),
  };
}

/** 项目阶段: projects per stage (stages without projects left out of the chart, kept in the table). */
export function projectsOption(stages: readonly ProjectStage[], seriesName: string): EChartsCoreOption {
  const shown = stages.filter((s) => s.projects > 0);
  return {
    ...base,
    color: [BLUE],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8 },
    xAxis: {
      type: 'category',
      data: shown.map((s) => s.label),
      axisLabel: { interval: 0, rotate: shown.length > 4 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: seriesName, type: 'bar', barMaxWidth: 36, data: shown.map((s) => s.projects) }],
  };
}

export type MilestoneMeasure = 'onTime' | 'late' | 'overdue' | 'open';
export const MILESTONE_MEASURES: readonly MilestoneMeasure[] = ['onTime', 'late', 'overdue', 'open'];

/** 里程碑: per region, stacked: on time, late, overdue, not yet due. */
export function milestonesOption(
  rows: readonly MilestoneRow[],
  labels: Readonly<Record<MilestoneMeasure, string>>,
): EChartsCoreOption {
  return {
    ...base,
    color: [GREEN, ORANGE, RED, GREY],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: MILESTONE_MEASURES.map((m) => labels[m]) },
    grid: { left: 8, right: 16, top: 40, bottom: 8 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, rotate: rows.length > 3 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: MILESTONE_MEASURES.map((m) => ({
      name: labels[m],
      type: 'bar',
      stack: 'milestones',
      barMaxWidth: 36,
      data: rows.map((r) => r[m]),
    })),
  };
}

/** 评估等级: the share of each grade (a pie), best first. */
export function gradesOption(grades: readonly GradeCount[]): EChartsCoreOption {
  return {
    ...base,
    color: [GREEN, BLUE, '#faad14', RED],
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{b} {c}' },
        data: grades.map((g) => ({ name: g.label, value: g.total })),
      },
    ],
  };
}

/** 满意度: the rate of each group as a bar (basis points), the texts as the API's percentages. */
export function satisfactionOption(rows: readonly SatisfactionRow[], seriesName: string): EChartsCoreOption {
  const shown = rows.filter((r) => r.rateBp !== null);
  return {
    ...base,
    color: [GREEN],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => bpText(v) },
    grid: { left: 8, right: 16, top: 16, bottom: 8 },
    xAxis: {
      type: 'category',
      data: shown.map((r) => r.label),
      axisLabel: { interval: 0, rotate: shown.length > 3 ? 30 : 0 },
    },
    yAxis: { type: 'value', max: 10000, axisLabel: { formatter: (v: number) => `${v / 100}%` } },
    series: [{ name: seriesName, type: 'bar', barMaxWidth: 36, data: shown.map((r) => r.rateBp) }],
  };
}
