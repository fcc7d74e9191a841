import { frac } from './exact';
import { IndicatorTree } from './indicator-tree';
import { SystemMeasures } from './measures';
import { measureView, openLeaves, sheetNodes } from './scoresheet';
import { scoreLeaves } from './scoring';

const guide = [{ label: '好', from: '0', to: '5', description: '达到要求' }];
const TREE: IndicatorTree = {
  total: '30',
  nodes: [
    {
      key: 'D',
      name: '决策',
      points: '10',
      children: [
        { key: 'D1', name: '立项', points: '5', kind: 'MANUAL', guide },
        { key: 'D2', name: '目标', points: '5', kind: 'MANUAL', guide },
      ],
    },
    {
      key: 'E',
      name: '效益',
      points: '20',
      children: [
        {
          key: 'EQ',
          name: '满意度',
          points: '15',
          children: [{ key: 'E2', name: '服务对象满意度', points: '15', kind: 'COMPUTED', computed: 'SATISFACTION' }],
        },
        { key: 'E3', name: '资金到位率', points: '5', kind: 'COMPUTED', computed: 'FUNDS_PAID' },
      ],
    },
  ],
};
const MEASURES: SystemMeasures = {
  SATISFACTION: { actual: frac(186n), planned: frac(212n), basis: null },
  FUNDS_PAID: { actual: frac(0n), planned: frac(0n), insufficient: 'NO_PLAN', basis: null },
};

describe('the scoresheet as people read it', () => {
  const results = scoreLeaves(TREE, { D1: { score: '4.5' } }, MEASURES);
  const nodes = sheetNodes(TREE, results, new Map(), MEASURES, (key) => (key === 'D1' ? ['photo'] : []));

  it('gives each inner node the exact sum of what is scored below it, rounded half-up for display', () => {
    expect(nodes[0]).toMatchObject({ key: 'D', depth: 1, leaf: false, score: { rounded: '4.50', exact: '9/2' } });
    // 15 × 186/212 = 1395/106 = 13.160377…
    expect(nodes[1].score).toEqual({ rounded: '13.16', exact: '1395/106' });
    expect(nodes[1].children[0]).toMatchObject({ key: 'EQ', depth: 2, score: { rounded: '13.16' } });
    expect(nodes[1].children[0].children[0]).toMatchObject({
      key: 'E2',
      depth: 3,
      leaf: true,
      source: 'COMPUTED',
      computedScore: { rounded: '13.16', exact: '1395/106' },
      measure: { indicator: 'SATISFACTION', unit: 'ANSWERS', actual: '186', planned: '212', ratePercent: '87.74' },
    });
    expect(nodes[0].children[0].evidence).toEqual(['photo']);
  });

  it('lists what submission still refuses, in tree order', () => {
    expect(openLeaves(TREE, results)).toEqual([
      { key: 'D2', name: '目标', problem: 'SCORE_MISSING' },
      { key: 'E3', name: '资金到位率', problem: 'INSUFFICIENT_NEEDS_MANUAL_SCORE' },
    ]);
  });

  it('shows a measure without a plan as such (no rate)', () => {
    expect(measureView('FUNDS_PAID', MEASURES.FUNDS_PAID!)).toEqual({
      indicator: 'FUNDS_PAID',
      unit: 'FEN',
      actual: '0',
      planned: '0',
      ratePercent: null,
      insufficient: 'NO_PLAN',
      basis: null,
    });
  });
});
