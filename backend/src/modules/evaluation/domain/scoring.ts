import { cmp, div, eq, frac, Fraction, min, mul, parseDecimal, sum, toFixedHalfUp, toRatio, ZERO } from './exact';
import { ComputedIndicator, IndicatorTree, leavesOf } from './indicator-tree';

/**
 * Scoring an evaluation (PRODUCT.md §4, §5.9). A manual leaf gets the evaluator's score (0 … its points, 2 places
 * at most). A computed leaf gets points × min(1, actual ÷ planned) from the system's own data — exact, never a
 * float — unless the evaluator overrides it with a written reason, or its data is insufficient (no plan, or fewer
 * survey answers than the minimum), when the evaluator must score it by hand with a reason. The total is the exact
 * sum; it is shown, graded and paid on rounded half-up to 2 places (84.160377… → 84.16 → 良好).
 */

/** What the system measured for a computed leaf: `actual` of `planned` (e.g. 432 of 480 beneficiaries). */
export interface Measure {
  actual: Fraction;
  planned: Fraction;
  /** Why the measure cannot score the leaf (no plan, too few answers): the evaluator scores it by hand. */
  insufficient?: 'NO_PLAN' | 'TOO_FEW_ANSWERS' | 'NO_DATA';
}

export type Measures = Partial<Record<ComputedIndicator, Measure>>;

/** The evaluator's entry for one leaf: a score (decimal text) and, for a computed leaf, the reason to override. */
export interface LeafEntry {
  score?: string | null;
  overrideReason?: string | null;
}

export interface LeafResult {
  key: string;
  kind: 'MANUAL' | 'COMPUTED';
  computed?: ComputedIndicator;
  points: string;
  /** The computed value before any override (exact), when the leaf is computed and measurable. */
  computedScore: Fraction | null;
  measure: Measure | null;
  /** The score that counts (exact), or null while the leaf is still to be scored. */
  score: Fraction | null;
  /** Where the score comes from. */
  source: 'MANUAL' | 'COMPUTED' | 'OVERRIDE' | 'MANUAL_INSUFFICIENT' | null;
  problem: LeafProblem | null;
}

export type LeafProblem =
  'SCORE_MISSING' | 'SCORE_INVALID' | 'SCORE_ABOVE_POINTS' | 'REASON_REQUIRED' | 'INSUFFICIENT_NEEDS_MANUAL_SCORE';

/** points × min(1, actual ÷ planned); null when the measure is insufficient or has no plan. */
export function computedScore(points: Fraction, m: Measure | undefined | null): Fraction | null {
  if (!m || m.insufficient || eq(m.planned, ZERO)) return null;
  const ratio = min(div(m.actual, m.planned), frac(1n));
  return mul(points, cmp(ratio, ZERO) < 0 ? ZERO : ratio);
}

function hasReason(r: string | null | undefined): boolean {
  return typeof r === 'string' && r.trim().length >= 2;
}

/** Scores every leaf of `tree` from the evaluator's entries and the system's measures. */
export function scoreLeaves(
  tree: IndicatorTree,
  entries: Readonly<Record<string, LeafEntry | undefined>>,
  measures: Measures,
): LeafResult[] {
  return leavesOf(tree).map(({ node }) => {
    const points = parseDecimal(node.points) ?? ZERO;
    const entry = entries[node.key] ?? {};
    const typed = entry.score === undefined || entry.score === null || entry.score === '' ? null : entry.score;
    const parsed = typed === null ? null : parseDecimal(typed);
    const base = { key: node.key, kind: node.kind ?? 'MANUAL', points: node.points } as const;
    const invalid = (problem: LeafProblem) => ({ problem, score: null, source: null });
    const checkTyped = (): { score: Fraction | null; problem: LeafProblem | null } => {
      if (typed === null) return { score: null, problem: 'SCORE_MISSING' };
      if (parsed === null) return { score: null, problem: 'SCORE_INVALID' };
      if (cmp(parsed, points) > 0) return { score: null, problem: 'SCORE_ABOVE_POINTS' };
      return { score: parsed, problem: null };
    };

    if (node.kind !== 'COMPUTED') {
      const t = checkTyped();
      return {
        ...base,
        computedScore: null,
        measure: null,
        ...(t.problem ? invalid(t.problem) : { score: t.score, source: 'MANUAL' as const, problem: null }),
      };
    }
    const measure = (node.computed && measures[node.computed]) || null;
    const auto = computedScore(points, measure);
    const common = { ...base, computed: node.computed, computedScore: auto, measure };
    if (auto === null) {
      // insufficient data: the evaluator must score by hand, with a reason
      const t = checkTyped();
      if (t.problem)
        return { ...common, ...invalid(t.problem === 'SCORE_MISSING' ? 'INSUFFICIENT_NEEDS_MANUAL_SCORE' : t.problem) };
      if (!hasReason(entry.overrideReason)) return { ...common, ...invalid('REASON_REQUIRED') };
      return { ...common, score: t.score, source: 'MANUAL_INSUFFICIENT' as const, problem: null };
    }
    if (typed === null) return { ...common, score: auto, source: 'COMPUTED' as const, problem: null };
    const t = checkTyped();
    if (t.problem) return { ...common, ...invalid(t.problem) };
    if (t.score !== null && eq(t.score, auto))
      return { ...common, score: auto, source: 'COMPUTED' as const, problem: null };
    if (!hasReason(entry.overrideReason)) return { ...common, ...invalid('REASON_REQUIRED') };
    return { ...common, score: t.score, source: 'OVERRIDE' as const, problem: null };
  });
}

export interface Total {
  /** Exact sum of the leaves that are scored. */
  exact: Fraction;
  /** "84.16": what is shown, graded and paid on. */
  rounded: string;
  /** "n/d": the exact value, kept for the record. */
  ratio: string;
  /** Every leaf scored without a problem. */
  complete: boolean;
}

export function totalOf(results: readonly LeafResult[]): Total {
  const exact = sum(results.map((r) => r.score ?? ZERO));
  return {
    exact,
    rounded: toFixedHalfUp(exact, 2),
    ratio: toRatio(exact),
    complete: results.every((r) => r.problem === null && r.score !== null),
  };
}

/** The grades of PRODUCT.md §4: 优秀 ≥ 90, 良好 80–89.99, 合格 60–79.99, 不合格 < 60. */
export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];

/** The lower bound of each passing band (a decimal text on the 100-point scale): configuration. */
export interface GradeBands {
  EXCELLENT: string;
  GOOD: string;
  PASS: string;
}

export const DEFAULT_GRADE_BANDS: GradeBands = { EXCELLENT: '90', GOOD: '80', PASS: '60' };

/** "EXCELLENT:90,GOOD:80,PASS:60" → bands; null when the text is not three descending bands. */
export function parseGradeBands(text: string): GradeBands | null {
  const out: Partial<GradeBands> = {};
  for (const part of text.split(',')) {
    const [name, value] = part.split(':').map((s) => s.trim());
    if (!['EXCELLENT', 'GOOD', 'PASS'].includes(name) || parseDecimal(value ?? '') === null) return null;
    out[name as keyof GradeBands] = value;
  }
  const { EXCELLENT, GOOD, PASS } = out;
  if (!EXCELLENT || !GOOD || !PASS) return null;
  const [e, g, p] = [EXCELLENT, GOOD, PASS].map((v) => parseDecimal(v) as Fraction);
  if (!(cmp(e, g) > 0 && cmp(g, p) > 0)) return null;
  return { EXCELLENT, GOOD, PASS };
}

/** The grade of a score (the rounded 2-place text, as shown), by the bands. */
export function gradeOf(rounded: string, bands: GradeBands = DEFAULT_GRADE_BANDS): Grade {
  const s = parseDecimal(rounded);
  if (s === null) throw new RangeError(`Not a score: ${rounded}`);
  if (cmp(s, parseDecimal(bands.EXCELLENT) as Fraction) >= 0) return 'EXCELLENT';
  if (cmp(s, parseDecimal(bands.GOOD) as Fraction) >= 0) return 'GOOD';
  if (cmp(s, parseDecimal(bands.PASS) as Fraction) >= 0) return 'PASS';
  return 'FAIL';
}
