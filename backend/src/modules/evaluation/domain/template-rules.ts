import { eq, Fraction, parseDecimal, sum, toFixedHalfUp, ZERO } from './exact';
import {
  ComputedIndicator,
  IndicatorNode,
  IndicatorTree,
  isLeaf,
  leavesOf,
  TreeProblem,
  validateTree,
} from './indicator-tree';
import {
  checkTransition,
  type MachineActor,
  type TemplatePurpose,
  type TemplateStatus,
  type Transition,
} from './state-machines';

/**
 * The rules of an indicator template's life (指标体系, PRODUCT.md §5.9): what a draft may be saved with, what it
 * takes to be activated, and the lifecycle `DRAFT → ACTIVE → RETIRED`. A template a task has used is frozen
 * (`frozen_at`): its content never changes again; a new version is a copy.
 */

/** Every template of a purpose totals this: 100 points for a project evaluation, 1,000 for a grade assessment. */
export const TEMPLATE_TOTALS: Readonly<Record<TemplatePurpose, string>> = {
  PROJECT: '100',
  ORGANISATION_GRADE: '1000',
};

/**
 * Template lifecycle. A DRAFT is edited and activated once its tree is valid; an ACTIVE one can be used by tasks (and
 * is frozen by the first); RETIRED is no longer offered (tasks that used it keep it). Retiring a frozen template is
 * allowed: it changes what is offered next, not what was evaluated with it.
 */
export const TEMPLATE_TRANSITIONS: readonly Transition<TemplateStatus>[] = [
  { from: 'DRAFT', to: 'ACTIVE', by: ['PROCUREMENT_OFFICER'], label: '启用指标体系' },
  { from: 'ACTIVE', to: 'RETIRED', by: ['PROCUREMENT_OFFICER'], label: '停用指标体系' },
];

export function checkTemplateTransition(
  from: TemplateStatus,
  to: TemplateStatus,
  as: readonly MachineActor[],
): string | null {
  return checkTransition(TEMPLATE_TRANSITIONS, 'template', from, to, as);
}

/** A problem of a template: one of the tree's, or the total that does not suit the purpose. */
export interface TemplateProblem {
  /** Path inside the tree, e.g. `nodes[1].children[0].points`, or `total`. */
  path: string;
  code: TreeProblem['code'] | 'TOTAL_NOT_FOR_PURPOSE';
  message: string;
}

/**
 * Problems a DRAFT may be saved with: its content is still being written — points that do not add up yet, a node
 * still at 0 points, no indicator yet, a manual leaf without its scoring guide or with a level beyond its points, a
 * computed leaf that does not say what it computes yet. They are shown beside the nodes and block activation only.
 * What makes the tree itself wrong (a key used twice or malformed, a fourth level, a nameless node, a leaf without
 * a kind, a total that is not the purpose's) refuses even a draft.
 */
const PENDING_CODES: ReadonlySet<TemplateProblem['code']> = new Set<TemplateProblem['code']>([
  'POINTS_DO_NOT_ADD_UP',
  'POINTS_INVALID',
  'EMPTY',
  'GUIDE_INVALID',
  'COMPUTED_INVALID',
]);

export function toleratedInDraft(p: TemplateProblem): boolean {
  return PENDING_CODES.has(p.code) && !(p.code === 'POINTS_INVALID' && p.path === 'total');
}

/** Every problem of `tree` as a template of `purpose`: the tree's own and a total other than the purpose's. */
export function templateProblems(tree: IndicatorTree, purpose: TemplatePurpose): TemplateProblem[] {
  const problems: TemplateProblem[] = validateTree(tree);
  const total = parseDecimal(String(tree?.total ?? ''));
  const wanted = parseDecimal(TEMPLATE_TOTALS[purpose]) as Fraction;
  if (total !== null && !eq(total, ZERO) && !eq(total, wanted))
    problems.push({
      path: 'total',
      code: 'TOTAL_NOT_FOR_PURPOSE',
      message:
        purpose === 'PROJECT'
          ? `A project evaluation template totals ${TEMPLATE_TOTALS.PROJECT} points, not ${tree.total}.`
          : `A grade assessment template totals ${TEMPLATE_TOTALS.ORGANISATION_GRADE} points, not ${tree.total}.`,
    });
  return problems;
}

/** Splits a template's problems into those that refuse even a draft and those a draft is saved with. */
export function splitProblems(problems: readonly TemplateProblem[]): {
  blocking: TemplateProblem[];
  pending: TemplateProblem[];
} {
  return {
    blocking: problems.filter((p) => !toleratedInDraft(p)),
    pending: problems.filter((p) => toleratedInDraft(p)),
  };
}

/**
 * Only the fields of the tree format, in its order (unknown members dropped, points as text): what is stored. The
 * request DTO has already refused unknown members and wrong types; this keeps the stored JSON canonical.
 */
export function canonicalTree(tree: IndicatorTree): IndicatorTree {
  const node = (n: IndicatorNode): IndicatorNode => {
    const out: IndicatorNode = { key: n.key, name: n.name, points: String(n.points) };
    if (n.children && n.children.length > 0) {
      out.children = n.children.map(node);
      return out;
    }
    if (n.kind !== undefined) out.kind = n.kind;
    if (n.computed !== undefined && n.computed !== null) out.computed = n.computed;
    if (n.guide !== undefined)
      out.guide = n.guide.map((g) => ({
        label: g.label,
        from: String(g.from),
        to: String(g.to),
        description: g.description,
      }));
    if (n.evidenceHint !== undefined && n.evidenceHint !== null && n.evidenceHint !== '')
      out.evidenceHint = n.evidenceHint;
    return out;
  };
  return { total: String(tree.total), nodes: (tree.nodes ?? []).map(node) };
}

/** What a template's tree holds, at a glance: computed from the tree, never stored. */
export interface TreeSummary {
  /** The declared total ("100"). */
  total: string;
  /** For each level (1 = 决策/过程/产出/效益): how many nodes, how many of them are leaves, and their points. */
  levels: { depth: number; nodes: number; leaves: number; points: string }[];
  /** The top-level indicators with their points and the number of leaves under each. */
  branches: { key: string; name: string; points: string; leaves: number }[];
  leafCount: number;
  manualLeaves: number;
  /** The leaves the system scores from its own data, with what each computes. */
  computedLeaves: { key: string; name: string; points: string; computed: ComputedIndicator }[];
  /** The points the computed leaves carry together: the share of the score the system measures. */
  computedPoints: string;
}

/** "15", "12.5", "0.25": points as people write them (exact, at most 2 places). */
export function showPoints(x: Fraction): string {
  return toFixedHalfUp(x, 2).replace(/\.?0+$/, '');
}

function pointsOf(n: IndicatorNode): Fraction {
  return parseDecimal(String(n?.points ?? '')) ?? ZERO;
}

export function summariseTree(tree: IndicatorTree): TreeSummary {
  const levels = new Map<number, { nodes: number; leaves: number; points: Fraction[] }>();
  const walk = (nodes: readonly IndicatorNode[], depth: number): number => {
    let leaves = 0;
    for (const n of nodes) {
      const level = levels.get(depth) ?? { nodes: 0, leaves: 0, points: [] };
      level.nodes += 1;
      level.points.push(pointsOf(n));
      if (isLeaf(n)) {
        level.leaves += 1;
        leaves += 1;
      } else leaves += walk(n.children ?? [], depth + 1);
      levels.set(depth, level);
    }
    return leaves;
  };
  const nodes = Array.isArray(tree?.nodes) ? tree.nodes : [];
  walk(nodes, 1);
  const leaves = leavesOf({ total: tree?.total ?? '0', nodes });
  const computed = leaves
    .map((l) => l.node)
    .filter((n): n is IndicatorNode & { computed: ComputedIndicator } => n.kind === 'COMPUTED' && !!n.computed);
  return {
    total: String(tree?.total ?? ''),
    levels: [...levels.entries()]
      .sort(([a], [b]) => a - b)
      .map(([depth, l]) => ({ depth, nodes: l.nodes, leaves: l.leaves, points: showPoints(sum(l.points)) })),
    branches: nodes.map((n) => ({
      key: n.key,
      name: n.name,
      points: showPoints(pointsOf(n)),
      leaves: isLeaf(n) ? 1 : leavesOf({ total: '0', nodes: n.children ?? [] }).length,
    })),
    leafCount: leaves.length,
    manualLeaves: leaves.filter((l) => l.node.kind !== 'COMPUTED').length,
    computedLeaves: computed.map((n) => ({
      key: n.key,
      name: n.name,
      points: showPoints(pointsOf(n)),
      computed: n.computed,
    })),
    computedPoints: showPoints(sum(computed.map(pointsOf))),
  };
}
