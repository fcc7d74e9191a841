import {
  draftOf,
  gradeOf,
  isDirty,
  LeafDraft,
  levelFill,
  levelOf,
  liveLeaf,
  liveTotal,
  needsReason,
  subtotal,
  toRequest,
} from './scoring-live';
import type { GradeBands, SheetNode } from './scoring.api';

const BANDS: GradeBands = { EXCELLENT: '90', GOOD: '80', PASS: '60' };
const guide = (points: string) => [
  { label: '好', from: points, to: points, description: '完全达到要求' },
  { label: '一般', from: '0', to: points, description: '部分达到要求' },
];

function leaf(key: string, points: string, over: Partial<SheetNode> = {}): SheetNode {
  return {
    key,
    name: key,
    points,
    depth: 2,
    leaf: true,
    score: null,
    children: [],
    kind: 'MANUAL',
    computed: null,
    guide: guide(points),
    evidenceHint: null,
    entry: null,
    measure: null,
    computedScore: null,
    source: null,
    problem: null,
    evidence: [],
    ...over,
  };
}
const computed = (key: string, points: string, exact: string | null) =>
  leaf(key, points, {
    kind: 'COMPUTED',
    computed: 'SATISFACTION',
    guide: [],
    computedScore: exact === null ? null : { exact, rounded: '' },
  });
const group = (key: string, points: string, children: SheetNode[]): SheetNode => ({
  ...leaf(key, points),
  depth: 1,
  leaf: false,
  kind: null,
  guide: null,
  children,
});

/** The oracle tree of issue #11 as the scoresheet gives it (computed values exact). */
const TREE: SheetNode[] = [
  group('D', '15', [leaf('D1', '5'), leaf('D2', '5'), leaf('D3', '5')]),
  group('P', '25', [leaf('P1', '10'), leaf('P2', '15')]),
  group('O', '35', [computed('O1', '15', '27/2'), leaf('O2', '10'), computed('O3', '10', '15/2')]),
  group('E', '25', [leaf('E1', '10'), computed('E2', '15', '1395/106')]),
];
const d = (score: string, overrideReason = ''): LeafDraft => ({ score, overrideReason, note: '' });

describe('the scoring page’s live total (exact, no floats)', () => {
  it('the oracle: 5, 4, 4, 9, 12, 8, 8 with the computed leaves → 84.16 → 良好, complete', () => {
    const drafts = { D1: d('5'), D2: d('4'), D3: d('4'), P1: d('9'), P2: d('12'), O2: d('8'), E1: d('8') };
    const t = liveTotal(TREE, drafts, BANDS);
    expect(t).toMatchObject({ rounded: '84.16', grade: 'GOOD', complete: true, scored: 10, leaves: 10, remaining: [] });
    expect(subtotal(TREE[3], drafts)).toBe('21.16');
    expect(subtotal(TREE[0], {})).toBeNull();
  });

  it('counts the computed leaves before anything is typed, and lists what is open', () => {
    const t = liveTotal(TREE, {}, BANDS);
    expect(t.rounded).toBe('34.16');
    expect(t.remaining.map((r) => r.key)).toEqual(['D1', 'D2', 'D3', 'P1', 'P2', 'O2', 'E1']);
    expect(t.grade).toBe('FAIL');
  });

  it('a changed computed value needs a reason; the same value does not', () => {
    const o1 = TREE[2].children[0];
    expect(liveLeaf(o1, d('14'))).toMatchObject({ problem: 'REASON_REQUIRED', score: null });
    expect(needsReason(o1, d('14'))).toBe(true);
    expect(liveLeaf(o1, d('14', '台账漏记 24 人'))).toMatchObject({ source: 'OVERRIDE', problem: null });
    expect(liveLeaf(o1, d('13.5'))).toMatchObject({ source: 'COMPUTED', problem: null });
    expect(needsReason(o1, d('13.5'))).toBe(false);
    expect(liveLeaf(o1, d('16', '超出'))).toMatchObject({ problem: 'SCORE_ABOVE_POINTS' });
  });

  it('a computed leaf without enough data is scored by hand with a reason', () => {
    const e2 = computed('E2', '15', null);
    expect(liveLeaf(e2, d('')).problem).toBe('INSUFFICIENT_NEEDS_MANUAL_SCORE');
    expect(needsReason(e2, d(''))).toBe(true);
    expect(liveLeaf(e2, d('12')).problem).toBe('REASON_REQUIRED');
    expect(liveLeaf(e2, d('12', '入户访谈 12 户'))).toMatchObject({ source: 'MANUAL_INSUFFICIENT', problem: null });
  });

  it('a manual score is a decimal within the points, 2 places at most', () => {
    const d1 = TREE[0].children[0];
    expect(liveLeaf(d1, d('4.75')).problem).toBeNull();
    expect(liveLeaf(d1, d('5.01')).problem).toBe('SCORE_ABOVE_POINTS');
    expect(liveLeaf(d1, d('4.755')).problem).toBe('SCORE_INVALID');
    expect(liveLeaf(d1, d('')).problem).toBe('SCORE_MISSING');
  });

  it('grades the rounded total by the configured bands', () => {
    expect(gradeOf('90.00', BANDS)).toBe('EXCELLENT');
    expect(gradeOf('89.99', BANDS)).toBe('GOOD');
    expect(gradeOf('60', BANDS)).toBe('PASS');
    expect(gradeOf('59.99', BANDS)).toBe('FAIL');
    expect(gradeOf('92', { EXCELLENT: '95', GOOD: '85', PASS: '70' })).toBe('GOOD');
  });

  it('fills a guide level’s top score and finds the level of a typed score', () => {
    const g = guide('5');
    expect(levelFill(g[0])).toBe('5');
    expect(levelOf(g, '5')?.label).toBe('好');
    expect(levelOf(g, '3.5')?.label).toBe('一般');
    expect(levelOf(g, 'x')).toBeNull();
  });

  it('saves blank texts as no value and knows when a card has unsaved changes', () => {
    const node = leaf('D1', '5', { entry: { score: '4', overrideReason: null, note: null, updatedAt: null } });
    expect(draftOf(node)).toEqual({ score: '4', overrideReason: '', note: '' });
    expect(isDirty(node, d('4'))).toBe(false);
    expect(isDirty(node, d(' 4 '))).toBe(false);
    expect(isDirty(node, d('4.5'))).toBe(true);
    expect(toRequest({ score: ' ', overrideReason: '  理由 ', note: '' })).toEqual({
      score: null,
      overrideReason: '理由',
      note: null,
    });
  });
});
