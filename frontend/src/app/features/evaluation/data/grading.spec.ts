import {
  changedEntries,
  cutoffProblems,
  fromCents,
  gradeByLines,
  gradeLabel,
  leavesOf,
  levelOf,
  scoreProblem,
  toCents,
  totalOf,
  treeTotal,
} from './grading';
import type { IndicatorNode } from './grading.api';

const guide = (p: string) => [
  { label: '好', from: String(Number(p) * 0.85), to: p, description: '' },
  { label: '差', from: '0', to: String(Number(p) * 0.85 - 0.01), description: '' },
];
const leaf = (key: string, points: string): IndicatorNode => ({
  key,
  name: key,
  points,
  kind: 'MANUAL',
  guide: guide(points),
});
const TREE: IndicatorNode[] = [
  {
    key: 'B',
    name: '基础条件',
    points: '20',
    children: [{ key: 'B1', name: '法人资格', points: '20', children: [leaf('B1-1', '10'), leaf('B1-2', '10')] }],
  },
  {
    key: 'G',
    name: '内部治理',
    points: '980',
    children: [{ key: 'G1', name: '规划', points: '980', children: [leaf('G1-1', '980')] }],
  },
];

describe('grading helpers', () => {
  it('counts points in hundredths, never floats', () => {
    expect(toCents('9.5')).toBe(950);
    expect(toCents('0.1')! + toCents('0.2')!).toBe(30);
    expect(toCents('9.555')).toBeNull();
    expect(toCents('-1')).toBeNull();
    expect(toCents('1e2')).toBeNull();
    expect(fromCents(90_550)).toBe('905.50');
    expect(fromCents(90_000, true)).toBe('900');
    expect(fromCents(950, true)).toBe('9.5');
  });

  it('checks a typed score against the item’s points', () => {
    expect(scoreProblem('', '10')).toBeNull();
    expect(scoreProblem('10', '10')).toBeNull();
    expect(scoreProblem('10.01', '10')).toBe('above');
    expect(scoreProblem('abc', '10')).toBe('format');
  });

  it('adds up the tree live, per area and in all, counting only usable scores', () => {
    const entries = {
      'B1-1': { score: '9.5', note: '' },
      'B1-2': { score: '11', note: '' },
      'G1-1': { score: '895.5', note: '' },
    };
    expect(totalOf(TREE[0], entries)).toEqual({ scored: 950, done: 1, leaves: 2 });
    expect(treeTotal(TREE, entries)).toEqual({ scored: 90_500, done: 2, leaves: 3 });
    expect(leavesOf(TREE).map((l) => [l.node.key, l.trail.join('/')])).toEqual([
      ['B1-1', '基础条件/法人资格'],
      ['B1-2', '基础条件/法人资格'],
      ['G1-1', '内部治理/规划'],
    ]);
  });

  it('grades by the lines: 905 is 5A where 5A ≥ 900 and 4A where 5A ≥ 950', () => {
    const city = { min1: '500', min2: '600', min3: '700', min4: '800', min5: '900' };
    expect(gradeByLines(90_500, city)).toBe(5);
    expect(gradeByLines(90_500, { ...city, min4: '850', min5: '950' })).toBe(4);
    expect(gradeByLines(49_999, city)).toBeNull();
    expect(gradeLabel(4)).toBe('4A');
    expect(gradeLabel(null)).toBeNull();
  });

  it('finds the guide level of a score', () => {
    expect(levelOf(guide('10'), '9')?.label).toBe('好');
    expect(levelOf(guide('10'), '3')?.label).toBe('差');
    expect(levelOf(guide('10'), '')).toBeNull();
  });

  it('refuses lines that do not ascend strictly within 1000', () => {
    const ok = { min1: '500', min2: '600', min3: '700', min4: '800', min5: '900' };
    expect(cutoffProblems(ok)).toEqual([]);
    expect(cutoffProblems({ ...ok, min4: '900' })).toEqual([{ field: 'min5', problem: 'order' }]);
    expect(cutoffProblems({ ...ok, min5: '1000.5' })).toEqual([{ field: 'min5', problem: 'range' }]);
    expect(cutoffProblems({ ...ok, min1: 'x' })).toEqual([{ field: 'min1', problem: 'format' }]);
  });

  it('sends only the leaves that changed (9.50 and 9.5 are the same score)', () => {
    const saved = { 'B1-1': { score: '9.50', note: '' }, 'B1-2': { score: '8', note: '旧' } };
    const typed = {
      'B1-1': { score: '9.5', note: '' },
      'B1-2': { score: '8', note: '新' },
      'G1-1': { score: '', note: '' },
    };
    expect(changedEntries(saved, typed)).toEqual([{ leafKey: 'B1-2', score: '8', note: '新' }]);
  });
});
