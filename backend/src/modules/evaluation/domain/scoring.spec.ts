import { finalTranche } from '../../contracts';
import { frac, parseDecimal, toFixedHalfUp } from './exact';
import { IndicatorNode, IndicatorTree, validateTree } from './indicator-tree';
import { DEFAULT_GRADE_BANDS, gradeOf, Measures, parseGradeBands, scoreLeaves, totalOf } from './scoring';

const guide = (points: string) => [{ label: '好', from: '0', to: points, description: '按评分标准' }];
const manual = (key: string, points: string): IndicatorNode => ({
  key,
  name: key,
  points,
  kind: 'MANUAL',
  guide: guide(points),
});
const computed = (key: string, points: string, c: IndicatorNode['computed']): IndicatorNode => ({
  key,
  name: key,
  points,
  kind: 'COMPUTED',
  computed: c,
});

/** The hand-computed tree of issue #11. */
const TREE: IndicatorTree = {
  total: '100',
  nodes: [
    { key: 'D', name: '决策', points: '15', children: [manual('D1', '5'), manual('D2', '5'), manual('D3', '5')] },
    { key: 'P', name: '过程', points: '25', children: [manual('P1', '10'), manual('P2', '15')] },
    {
      key: 'O',
      name: '产出',
      points: '35',
      children: [
        { key: 'OQ', name: '数量', points: '15', children: [computed('O1', '15', 'BENEFICIARIES_SERVED')] },
        { key: 'OL', name: '质量', points: '10', children: [manual('O2', '10')] },
        { key: 'OT', name: '时效', points: '10', children: [computed('O3', '10', 'MILESTONES_ON_TIME')] },
      ],
    },
    {
      key: 'E',
      name: '效益',
      points: '25',
      children: [manual('E1', '10'), computed('E2', '15', 'SATISFACTION')],
    },
  ],
};

const MEASURES: Measures = {
  BENEFICIARIES_SERVED: { actual: frac(432n), planned: frac(480n) },
  MILESTONES_ON_TIME: { actual: frac(3n), planned: frac(4n) },
  SATISFACTION: { actual: frac(186n), planned: frac(212n) },
};

describe('evaluation scoring (oracle: the hand-computed tree of issue #11)', () => {
  it('accepts the tree: every level adds up to its parent and the top level to 100', () => {
    expect(validateTree(TREE)).toEqual([]);
  });

  it('决策 13 + 过程 21 + 产出 29 + 效益 21.160377… = 84.160377… → 84.16 → 良好, final tranche paid in full', () => {
    const leaves = scoreLeaves(
      TREE,
      {
        D1: { score: '5' },
        D2: { score: '4' },
        D3: { score: '4' },
        P1: { score: '9' },
        P2: { score: '12' },
        O2: { score: '8' },
        E1: { score: '8' },
      },
      MEASURES,
    );
    const by = Object.fromEntries(leaves.map((l) => [l.key, l]));
    expect(toFixedHalfUp(by.O1.score!, 2)).toBe('13.50');
    expect(toFixedHalfUp(by.O3.score!, 2)).toBe('7.50');
    expect(toFixedHalfUp(by.E2.score!, 6)).toBe('13.160377');
    expect(by.E2.score).toEqual(frac(186n * 15n, 212n)); // exact: 1395/106
    const total = totalOf(leaves);
    expect(total.complete).toBe(true);
    expect(toFixedHalfUp(total.exact, 6)).toBe('84.160377');
    expect(total.rounded).toBe('84.16');
    expect(gradeOf(total.rounded)).toBe('GOOD');
    const tranche = finalTranche(300_000_00n, total.rounded, 1500);
    expect(tranche).toEqual({ outcome: 'FULL', payFen: 300_000_00n, releaseFen: 0n });
  });

  it('a 合格 result reduces the final tranche to the fen (contract ¥98,765.43, tranche 30 % = ¥29,629.63, 15 % off)', () => {
    // the contract's final tranche as the contract module splits it: the last tranche absorbs the rounding
    const amountFen = 9_876_543n;
    const first = (amountFen * 7000n) / 10000n; // 6,913,580 (70 %, rounded down by the split)
    const trancheFen = amountFen - first; // 2,962,963
    const leaves = scoreLeaves(
      TREE,
      {
        D1: { score: '4' },
        D2: { score: '3' },
        D3: { score: '3.5' },
        P1: { score: '6' },
        P2: { score: '9' },
        O2: { score: '6' },
        E1: { score: '6' },
      },
      { ...MEASURES, SATISFACTION: { actual: frac(120n), planned: frac(212n) } },
    );
    const total = totalOf(leaves);
    // 10.5 + 15 + (13.5 + 6 + 7.5) + (6 + 15 × 120/212 = 8.490566…) = 66.990566… → 66.99
    expect(total.rounded).toBe('66.99');
    expect(gradeOf(total.rounded)).toBe('PASS');
    const t = finalTranche(trancheFen, total.rounded, 1500);
    // reduction = 2,962,963 × 15 % = 444,444.45 → 444,444 fen (half-up); paid 2,518,519 fen = ¥25,185.19
    expect(t).toEqual({ outcome: 'REDUCED', payFen: 2_518_519n, releaseFen: 444_444n });
    expect(t.payFen + t.releaseFen).toBe(trancheFen);
  });

  it('caps a computed leaf at its points (more served than planned scores the points, not more)', () => {
    const leaves = scoreLeaves(TREE, {}, { BENEFICIARIES_SERVED: { actual: frac(600n), planned: frac(480n) } });
    expect(leaves.find((l) => l.key === 'O1')!.score).toEqual(frac(15n));
  });

  it('an override of a computed value needs a written reason; the same value needs none', () => {
    const o = (e: object) => scoreLeaves(TREE, { O1: e }, MEASURES).find((l) => l.key === 'O1')!;
    expect(o({ score: '14' }).problem).toBe('REASON_REQUIRED');
    expect(o({ score: '14', overrideReason: '现场核查：台账漏记 24 人' })).toMatchObject({
      source: 'OVERRIDE',
      problem: null,
    });
    expect(o({ score: '13.5' })).toMatchObject({ source: 'COMPUTED', problem: null });
    expect(o({ score: '16', overrideReason: '超出' }).problem).toBe('SCORE_ABOVE_POINTS');
  });

  it('an insufficient survey must be scored by hand with a reason', () => {
    const m: Measures = {
      ...MEASURES,
      SATISFACTION: { actual: frac(3n), planned: frac(4n), insufficient: 'TOO_FEW_ANSWERS' },
    };
    const e2 = (e: object) => scoreLeaves(TREE, { E2: e }, m).find((l) => l.key === 'E2')!;
    expect(e2({}).problem).toBe('INSUFFICIENT_NEEDS_MANUAL_SCORE');
    expect(e2({ score: '12' }).problem).toBe('REASON_REQUIRED');
    expect(e2({ score: '12', overrideReason: '入户访谈 12 户' })).toMatchObject({
      source: 'MANUAL_INSUFFICIENT',
      problem: null,
    });
  });

  it('a manual score is a decimal within the leaf’s points, 2 places at most', () => {
    const d1 = (score: string) => scoreLeaves(TREE, { D1: { score } }, MEASURES).find((l) => l.key === 'D1')!.problem;
    expect(d1('5')).toBeNull();
    expect(d1('4.75')).toBeNull();
    expect(d1('5.01')).toBe('SCORE_ABOVE_POINTS');
    expect(d1('4.755')).toBe('SCORE_INVALID');
    expect(d1('-1')).toBe('SCORE_INVALID');
    expect(d1('1e1')).toBe('SCORE_INVALID');
  });

  it('refuses weights that do not add up, at every level', () => {
    const bad: IndicatorTree = JSON.parse(JSON.stringify(TREE));
    bad.nodes[1].children![1].points = '14';
    const problems = validateTree(bad);
    expect(problems.map((p) => [p.path, p.code])).toEqual(
      [
        ['nodes[1].points', 'POINTS_DO_NOT_ADD_UP'],
        ['nodes[1].children[1].guide[0]', 'GUIDE_INVALID'],
      ].reverse(),
    );
    const top: IndicatorTree = { ...TREE, total: '1000' };
    expect(validateTree(top).map((p) => p.code)).toEqual(['POINTS_DO_NOT_ADD_UP']);
  });

  it('refuses a fourth level, duplicate keys and untyped leaves', () => {
    const deep: IndicatorTree = {
      total: '10',
      nodes: [
        {
          key: 'A',
          name: 'A',
          points: '10',
          children: [
            {
              key: 'B',
              name: 'B',
              points: '10',
              children: [{ key: 'C', name: 'C', points: '10', children: [manual('D', '10')] }],
            },
          ],
        },
      ],
    };
    expect(validateTree(deep).map((p) => p.code)).toContain('TOO_DEEP');
    const dup: IndicatorTree = { total: '10', nodes: [manual('A', '5'), manual('A', '5')] };
    expect(validateTree(dup).map((p) => p.code)).toEqual(['KEY_DUPLICATE']);
    const untyped: IndicatorTree = { total: '5', nodes: [{ key: 'A', name: 'A', points: '5' }] };
    expect(validateTree(untyped).map((p) => p.code)).toContain('LEAF_KIND_INVALID');
  });

  it('grades by the bands, on the rounded score (89.995 shows 90.00 and is 优秀); the bands are configuration', () => {
    expect(gradeOf('90.00')).toBe('EXCELLENT');
    expect(gradeOf('89.99')).toBe('GOOD');
    expect(gradeOf('80')).toBe('GOOD');
    expect(gradeOf('79.99')).toBe('PASS');
    expect(gradeOf('60')).toBe('PASS');
    expect(gradeOf('59.99')).toBe('FAIL');
    expect(toFixedHalfUp(parseDecimal('89.99')!, 2)).toBe('89.99');
    expect(toFixedHalfUp(frac(89995n, 1000n), 2)).toBe('90.00');
    const strict = parseGradeBands('EXCELLENT:95,GOOD:85,PASS:70')!;
    expect(gradeOf('92', strict)).toBe('GOOD');
    expect(gradeOf('92', DEFAULT_GRADE_BANDS)).toBe('EXCELLENT');
    expect(parseGradeBands('EXCELLENT:80,GOOD:90,PASS:60')).toBeNull();
    expect(parseGradeBands('EXCELLENT:90,GOOD:80')).toBeNull();
  });
});
