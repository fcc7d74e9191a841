import {
  bpText,
  executionOption,
  fenText,
  fenValue,
  funnelOption,
  gradesOption,
  milestonesOption,
  projectsOption,
  satisfactionOption,
} from './dashboard-charts';

describe('dashboard charts', () => {
  it('keeps money exact: bars in integer fen, texts from fen', () => {
    expect(fenValue('1200000.00')).toBe(120_000_000);
    expect(fenValue('0.07')).toBe(7);
    expect(fenText(120_000_000)).toBe('¥1,200,000.00');
    expect(bpText(916)).toBe('9.16%');
    expect(bpText(10000)).toBe('100.00%');
    expect(bpText(null)).toBe('—');
  });

  it('draws the funnel in the order of the lifecycle', () => {
    const option = funnelOption([
      { stage: 'raised', label: '提出', needs: 10, fromPreviousBp: null, fromRaisedBp: 10000 },
      { stage: 'accepted', label: '受理', needs: 7, fromPreviousBp: 7000, fromRaisedBp: 7000 },
    ]) as { series: Array<{ sort: string; data: unknown[] }> };
    expect(option.series[0].sort).toBe('none');
    expect(option.series[0].data).toEqual([
      { name: '提出', value: 10 },
      { name: '受理', value: 7 },
    ]);
  });

  it('puts the four amounts of each group side by side', () => {
    const row = {
      key: '1',
      label: '鼓楼区',
      allocated: '100.00',
      reserved: '10.00',
      committed: '50.00',
      paid: '20.05',
      committedRateBp: 5000,
      paidRateBp: 2005,
    };
    const option = executionOption([row], { allocated: 'A', reserved: 'R', committed: 'C', paid: 'P' }) as {
      series: Array<{ name: string; data: number[] }>;
    };
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['A', [10000]],
      ['R', [1000]],
      ['C', [5000]],
      ['P', [2005]],
    ]);
  });

  it('leaves empty stages and unanswered groups out of the charts', () => {
    const stages = [
      { status: 'DRAFT', label: '草稿', projects: 0, estimated: '0.00' },
      { status: 'TENDERING', label: '采购中', projects: 2, estimated: '10.00' },
    ];
    expect((projectsOption(stages, '项目数') as { series: Array<{ data: number[] }> }).series[0].data).toEqual([2]);
    const rows = [
      { key: 'a', label: 'A', surveys: 1, answers: 0, satisfied: 0, rateBp: null },
      { key: 'b', label: 'B', surveys: 1, answers: 3, satisfied: 2, rateBp: 6666 },
    ];
    expect((satisfactionOption(rows, '满意率') as { xAxis: { data: string[] } }).xAxis.data).toEqual(['B']);
  });

  it('stacks the milestone classes and slices the grades', () => {
    const option = milestonesOption(
      [{ key: '1', label: 'S1', onTime: 3, late: 1, overdue: 1, open: 1, onTimeRateBp: 6000 }],
      { onTime: 'on', late: 'late', overdue: 'over', open: 'open' },
    ) as { series: Array<{ stack: string; data: number[] }> };
    expect(option.series.map((s) => s.data[0])).toEqual([3, 1, 1, 1]);
    expect(new Set(option.series.map((s) => s.stack)).size).toBe(1);
    const pie = gradesOption([
      { grade: 'EXCELLENT', label: '优秀', final: 1, midTerm: 2, total: 3, shareBp: 10000 },
    ]) as {
      series: Array<{ data: unknown[] }>;
    };
    expect(pie.series[0].data).toEqual([{ name: '优秀', value: 3 }]);
  });
});
