import type { FundsReportRow } from '../../../api';
import { axisMoney, barValue, reportChartOption, reportTooltip, reportTotal } from './report-chart';

const ROWS: FundsReportRow[] = [
  {
    key: 'DISTRICT_FINANCE',
    label: '区级财政',
    allocated: '1200000.00',
    reserved: '100000.00',
    committed: '400000.00',
    paid: '399999.99',
    paidRateBp: 3333,
    committedRateBp: 3333,
  },
  {
    key: 'DONATION',
    label: '社会<捐赠>',
    allocated: '88888.88',
    reserved: '0.00',
    committed: '0.00',
    paid: '0.00',
    paidRateBp: 0,
    committedRateBp: 0,
  },
];
const LABELS = { allocated: '批复', committed: '承诺', paid: '已支付' };
const RATES = { paid: '支付率', committed: '承诺率' };

interface Series {
  name: string;
  type: string;
  data: number[];
}

describe('reportChartOption', () => {
  it('draws one group per row with allocated, committed and paid bars in integer fen', () => {
    const option = reportChartOption(ROWS, LABELS, RATES) as {
      xAxis: { data: string[] };
      series: Series[];
      legend: { data: string[] };
    };
    expect(option.xAxis.data).toEqual(['区级财政', '社会<捐赠>']);
    expect(option.legend.data).toEqual(['批复', '承诺', '已支付']);
    expect(option.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['批复', 'bar', [120000000, 8888888]],
      ['承诺', 'bar', [40000000, 0]],
      ['已支付', 'bar', [39999999, 0]],
    ]);
  });

  it('gives an empty chart for no rows', () => {
    const option = reportChartOption([], LABELS, RATES) as { xAxis: { data: string[] }; series: Series[] };
    expect(option.xAxis.data).toEqual([]);
    expect(option.series.every((s) => s.data.length === 0)).toBe(true);
  });
});

describe('chart texts', () => {
  it('labels the value axis in yuan from integer fen', () => {
    expect(axisMoney(120000000)).toBe('¥1,200,000');
    expect(axisMoney(8888888)).toBe('¥88,888.88');
    expect(axisMoney(0)).toBe('¥0');
    expect(barValue('0.10')).toBe(10);
  });

  it('shows the API’s amounts and the rates in the tooltip, escaping the group name', () => {
    const tooltip = reportTooltip(ROWS, LABELS, RATES);
    const text = tooltip([
      { dataIndex: 1, seriesIndex: 0, marker: '●', seriesName: '批复' },
      { dataIndex: 1, seriesIndex: 2, marker: '●', seriesName: '已支付' },
    ]);
    expect(text).toBe(
      '<strong>社会&#60;捐赠&#62;</strong><br/>●批复: ¥88,888.88<br/>●已支付: ¥0.00<br/>承诺率: 0.00%<br/>支付率: 0.00%',
    );
    expect(tooltip({ dataIndex: 0, seriesIndex: 1 })).toContain('承诺: ¥400,000.00');
    expect(tooltip([])).toBe('');
  });
});

describe('reportTotal', () => {
  it('adds the groups exactly and computes the rates like the server (rounded down)', () => {
    expect(reportTotal(ROWS, '合计')).toEqual({
      key: 'total',
      label: '合计',
      allocated: '1288888.88',
      reserved: '100000.00',
      committed: '400000.00',
      paid: '399999.99',
      // 40000000 × 10000 ÷ 128888888 = 3103.44… → 3103
      committedRateBp: 3103,
      // 39999999 × 10000 ÷ 128888888 = 3103.44… → 3103
      paidRateBp: 3103,
    });
    expect(reportTotal([], '合计')).toMatchObject({ allocated: '0.00', paidRateBp: 0 });
  });

  it('does not lose a fen on sums that floats get wrong', () => {
    const rows = [ROWS[1], { ...ROWS[1], key: 'x', allocated: '0.10' }, { ...ROWS[1], key: 'y', allocated: '0.20' }];
    expect(reportTotal(rows, 'Σ').allocated).toBe('88889.18');
  });
});
