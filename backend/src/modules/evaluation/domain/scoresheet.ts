import { div, frac, Fraction, mul, sum, toFixedHalfUp, toRatio } from './exact';
import { ComputedIndicator, IndicatorNode, IndicatorTree, isLeaf } from './indicator-tree';
import { toDecimal4, type SystemMeasure } from './measures';
import type { LeafProblem, LeafResult } from './scoring';

/**
 * The scoresheet as people read it (the page, the PDF, the workbook): the tree with each node's points and the
 * exact sum of what is scored below it, each leaf's result, and every value shown rounded half-up to 2 places with
 * its exact "n/d" beside it. Pure: the services give the results, entries and evidence.
 */

/** What a computed indicator counts, for labels: people, hours, milestones, fen, survey answers. */
export const MEASURE_UNITS: Record<ComputedIndicator, 'PEOPLE' | 'HOURS' | 'MILESTONES' | 'FEN' | 'ANSWERS'> = {
  BENEFICIARIES_SERVED: 'PEOPLE',
  SERVICE_HOURS: 'HOURS',
  MILESTONES_ON_TIME: 'MILESTONES',
  FUNDS_PAID: 'FEN',
  SATISFACTION: 'ANSWERS',
};

export interface ExactView {
  /** Rounded half-up to 2 places: what is shown, graded and paid on. */
  rounded: string;
  /** The exact value, "n/d". */
  exact: string;
}

export function exactView(x: Fraction): ExactView {
  return { rounded: toFixedHalfUp(x, 2), exact: toRatio(x) };
}

export interface MeasureView {
  indicator: ComputedIndicator;
  unit: (typeof MEASURE_UNITS)[ComputedIndicator];
  /** Decimal text in the unit (at most 4 places: counts, hours, fen). */
  actual: string;
  planned: string;
  /** actual ÷ planned in percent, rounded half-up to 2 places; null without a plan. */
  ratePercent: string | null;
  insufficient: 'NO_PLAN' | 'TOO_FEW_ANSWERS' | 'NO_DATA' | null;
  basis: string | null;
}

export function measureView(indicator: ComputedIndicator, m: SystemMeasure): MeasureView {
  return {
    indicator,
    unit: MEASURE_UNITS[indicator],
    actual: toDecimal4(m.actual) ?? toFixedHalfUp(m.actual, 4),
    planned: toDecimal4(m.planned) ?? toFixedHalfUp(m.planned, 4),
    ratePercent: m.planned.n === 0n ? null : toFixedHalfUp(mul(div(m.actual, m.planned), frac(100n)), 2),
    insufficient: m.insufficient ?? null,
    basis: m.basis,
  };
}

/** The evaluator's saved entry of a leaf. */
export interface EntryView {
  score: string | null;
  overrideReason: string | null;
  note: string | null;
  updatedAt: string | null;
}

export interface SheetNode<E> {
  key: string;
  name: string;
  points: string;
  /** 1 for the top level. */
  depth: number;
  leaf: boolean;
  /** Inner nodes: the exact sum of the scored leaves below (null when none is scored yet); leaves: the score. */
  score: ExactView | null;
  children: SheetNode<E>[];
  // leaves only
  kind: 'MANUAL' | 'COMPUTED' | null;
  computed: ComputedIndicator | null;
  guide: IndicatorNode['guide'] | null;
  evidenceHint: string | null;
  entry: EntryView | null;
  measure: MeasureView | null;
  computedScore: ExactView | null;
  source: LeafResult['source'];
  problem: LeafProblem | null;
  evidence: E[];
}

/** The tree with results, in template order. */
export function sheetNodes<E>(
  tree: IndicatorTree,
  results: readonly LeafResult[],
  entries: ReadonlyMap<string, EntryView>,
  measures: Partial<Record<ComputedIndicator, SystemMeasure>>,
  evidence: (leafKey: string) => E[],
): SheetNode<E>[] {
  const byKey = new Map(results.map((r) => [r.key, r]));
  const build = (node: IndicatorNode, depth: number): { view: SheetNode<E>; scored: Fraction[] } => {
    if (isLeaf(node)) {
      const r = byKey.get(node.key);
      const m = node.kind === 'COMPUTED' && node.computed ? measures[node.computed] : undefined;
      const view: SheetNode<E> = {
        key: node.key,
        name: node.name,
        points: node.points,
        depth,
        leaf: true,
        score: r?.score ? exactView(r.score) : null,
        children: [],
        kind: node.kind ?? 'MANUAL',
        computed: node.computed ?? null,
        guide: node.guide ?? [],
        evidenceHint: node.evidenceHint ?? null,
        entry: entries.get(node.key) ?? null,
        measure: m && node.computed ? measureView(node.computed, m) : null,
        computedScore: r?.computedScore ? exactView(r.computedScore) : null,
        source: r?.source ?? null,
        problem: r?.problem ?? null,
        evidence: evidence(node.key),
      };
      return { view, scored: r?.score ? [r.score] : [] };
    }
    const inner = (node.children ?? []).map((c) => build(c, depth + 1));
    const scored = inner.flatMap((i) => i.scored);
    return {
      view: {
        key: node.key,
        name: node.name,
        points: node.points,
        depth,
        leaf: false,
        score: scored.length > 0 ? exactView(sum(scored)) : null,
        children: inner.map((i) => i.view),
        kind: null,
        computed: null,
        guide: null,
        evidenceHint: null,
        entry: null,
        measure: null,
        computedScore: null,
        source: null,
        problem: null,
        evidence: [],
      },
      scored,
    };
  };
  return tree.nodes.map((n) => build(n, 1).view);
}

/** The leaves still to be scored, or scored with a problem, in tree order (what submission refuses). */
export function openLeaves(
  tree: IndicatorTree,
  results: readonly LeafResult[],
): Array<{ key: string; name: string; problem: LeafProblem }> {
  const names = new Map<string, string>();
  const walk = (nodes: IndicatorNode[]) =>
    nodes.forEach((n) => (isLeaf(n) ? names.set(n.key, n.name) : walk(n.children ?? [])));
  walk(tree.nodes);
  return results
    .filter((r): r is LeafResult & { problem: LeafProblem } => r.problem !== null)
    .map((r) => ({ key: r.key, name: names.get(r.key) ?? r.key, problem: r.problem }));
}
