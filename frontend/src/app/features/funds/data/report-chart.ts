import type { EChartsCoreOption } from 'echarts/core';

import type { FundsReportRow, Money } from '../../../api';
import { escapeHtml } from '../../../core/http/notifier';
import { fenToMoney, formatMoney, moneyToFen } from '../../../shared/money';
import { formatBasisPoints } from '../../../shared/rates';

/** The three bars of each group, in this order. */
export const CHART_MEASURES = ['allocated', 'committed', 'paid'] as const;
export type ChartMeasure = (typeof CHART_MEASURES)[number];

/** The series names, in the user's language. */
export type ChartLabels = Readonly<Record<ChartMeasure, string>>;

/** 批复 blue, 承诺 orange, 已支付 green (ant design's palette). */
const COLORS: Readonly<Record<ChartMeasure, string>> = { allocated: '#1677ff', committed: '#faad14', paid: '#52c41a' };

/** One item of an axis tooltip's `params` (what the formatter below reads of it). */
export interface TooltipParam {
  dataIndex: number;
  seriesIndex: number;
  marker?: string;
  seriesName?: string;
}

/**
 * An amount as a bar height: integer fen, exact for any amount below 90 trillion yuan. Texts never
 * come from these numbers but from the API's strings (tooltips) or from integer fen (axis).
 */
export function barValue(money: Money): number {
  return Number(moneyToFen(money) ?? '0');
}

/** A tick of the value axis (integer fen) as yuan: `120000000` → `¥1,200,000`, cents only when there are some. */
export function axisMoney(fen: number): string {
  const money = fenToMoney(Math.round(fen));
  if (money === null) return '';
  return formatMoney(money).replace(/\.00$/, '');
}

/** The tooltip of one group: its label, then each measure as the API sent it, then the two rates. */
export function reportTooltip(
  rows: readonly FundsReportRow[],
  labels: ChartLabels,
  rateLabels: { paid: string; committed: string },
) {
  return (params: TooltipParam | TooltipParam[]): string => {
    const list = Array.isArray(params) ? params : [params];
    const row = list.length > 0 ? rows[list[0].dataIndex] : undefined;
    if (!row) return '';
    const lines = list.map((p) => {
      const measure = CHART_MEASURES[p.seriesIndex];
      if (!measure) return '';
      return `${p.marker ?? ''}${escapeHtml(labels[measure])}: ${formatMoney(row[measure])}`;
    });
    return [
      `<strong>${escapeHtml(row.label)}</strong>`,
      ...lines.filter(Boolean),
      `${escapeHtml(rateLabels.committed)}: ${formatBasisPoints(row.committedRateBp)}`,
      `${escapeHtml(rateLabels.paid)}: ${formatBasisPoints(row.paidRateBp)}`,
    ].join('<br/>');
  };
}

/**
 * The execution report as a grouped bar chart: one group per row (region, source …), with the
 * allocated, committed and paid amounts side by side.
 */
export function reportChartOption(
  rows: readonly FundsReportRow[],
  labels: ChartLabels,
  rateLabels: { paid: string; committed: string },
): EChartsCoreOption {
  return {
    animation: false,
    color: CHART_MEASURES.map((m) => COLORS[m]),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: reportTooltip(rows, labels, rateLabels) },
    legend: { top: 0, data: CHART_MEASURES.map((m) => labels[m]) },
    // echarts 6 keeps the axis labels inside the chart by itself (grid.outerBoundsMode 'auto')
    grid: { left: 8, right: 16, top: 40, bottom: 8 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: axisMoney } },
    series: CHART_MEASURES.map((m) => ({
      name: labels[m],
      type: 'bar',
      barMaxWidth: 36,
      data: rows.map((r) => barValue(r[m])),
    })),
  };
}

/**
 * The sum of the groups (key `total`), with its rates, computed like the server's: integer fen
 * added as BigInt, rates as ⌊part × 10000 ÷ allocated⌋ basis points.
 */
export function reportTotal(rows: readonly FundsReportRow[], label: string): FundsReportRow {
  const sum = (pick: (r: FundsReportRow) => Money): bigint =>
    rows.reduce((acc, r) => acc + BigInt(moneyToFen(pick(r)) ?? '0'), 0n);
  const allocated = sum((r) => r.allocated);
  const committed = sum((r) => r.committed);
  const paid = sum((r) => r.paid);
  const rate = (part: bigint): number => (allocated > 0n ? Number((part * 10000n) / allocated) : 0);
  const money = (fen: bigint): Money => fenToMoney(fen.toString()) ?? '0.00';
  return {
    key: 'total',
    label,
    allocated: money(allocated),
    reserved: money(sum((r) => r.reserved)),
    committed: money(committed),
    paid: money(paid),
    paidRateBp: rate(paid),
    committedRateBp: rate(committed),
  };
}
