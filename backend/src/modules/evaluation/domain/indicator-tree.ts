import { cmp, eq, Fraction, parseDecimal, sum, ZERO } from './exact';

/**
 * An indicator template's tree (PRODUCT.md §5.9): up to three levels under the root — e.g. 决策 / 过程 / 产出 / 效益,
 * then quantity, quality, timeliness, cost, social benefit, sustainability, 服务对象满意度, then the leaf indicators.
 * Every node has points; the children of a node add up to exactly its points and the top level adds up to the
 * template's total (100 for a project evaluation, 1,000 for an organisation's grade assessment). Only leaves are
 * scored: by the evaluator (MANUAL, within the leaf's points, with evidence) or COMPUTED from the system's own data.
 */
export const COMPUTED_INDICATORS = [
  /** Beneficiaries served ÷ planned (the project plan's expected beneficiaries; accepted reports' actuals). */
  'BENEFICIARIES_SERVED',
  /** Service hours delivered ÷ planned (hours-counted services). */
  'SERVICE_HOURS',
  /** Milestones accepted by their due date ÷ all milestones of the contract. */
  'MILESTONES_ON_TIME',
  /** Paid ÷ committed (资金到位率). */
  'FUNDS_PAID',
  /** Residents satisfied (满意 + 非常满意) ÷ answers of the project's survey. */
  'SATISFACTION',
] as const;
export type ComputedIndicator = (typeof COMPUTED_INDICATORS)[number];

export const LEAF_KINDS = ['MANUAL', 'COMPUTED'] as const;
export type LeafKind = (typeof LEAF_KINDS)[number];

/** One level of a leaf's scoring guide (评分标准), e.g. { label: '好', from: '4', to: '5', description: '…' }. */
export interface GuideLevel {
  label: string;
  /** Points range of the level, decimal strings within the leaf's points. */
  from: string;
  to: string;
  description: string;
}

export interface IndicatorNode {
  /** Stable within the template ("A", "A1", "A1a"): scores are stored by key. Letters, digits, '-' and '_'. */
  key: string;
  name: string;
  /** Decimal string, > 0, at most 2 places. */
  points: string;
  /** Present (non-empty) on inner nodes; absent or empty on leaves. */
  children?: IndicatorNode[];
  /** Leaves only. */
  kind?: LeafKind;
  /** Leaves of kind COMPUTED only. */
  computed?: ComputedIndicator;
  /** Leaves only: how to score (levels with descriptions). May be empty for a computed leaf. */
  guide?: GuideLevel[];
  /** What evidence the evaluator should collect (leaves, optional). */
  evidenceHint?: string;
}

export interface IndicatorTree {
  /** 100 for a project evaluation, 1000 for a grade assessment. */
  total: string;
  nodes: IndicatorNode[];
}

export interface TreeProblem {
  /** JSON-ish path of the offending node, e.g. "nodes[1].children[0].points". */
  path: string;
  code:
    | 'EMPTY'
    | 'TOO_DEEP'
    | 'KEY_INVALID'
    | 'KEY_DUPLICATE'
    | 'NAME_INVALID'
    | 'POINTS_INVALID'
    | 'POINTS_DO_NOT_ADD_UP'
    | 'LEAF_KIND_INVALID'
    | 'COMPUTED_INVALID'
    | 'GUIDE_INVALID';
  message: string;
}

export const MAX_DEPTH = 3;
const KEY = /^[A-Za-z0-9_-]{1,32}$/;

export function isLeaf(node: IndicatorNode): boolean {
  return !node.children || node.children.length === 0;
}

/** Every leaf in tree order, with the path of names above it (for reports). */
export function leavesOf(tree: IndicatorTree): { node: IndicatorNode; trail: string[] }[] {
  const out: { node: IndicatorNode; trail: string[] }[] = [];
  const walk = (nodes: IndicatorNode[], trail: string[]) => {
    for (const n of nodes) {
      if (isLeaf(n)) out.push({ node: n, trail });
      else walk(n.children ?? [], [...trail, n.name]);
    }
  };
  walk(tree.nodes, []);
  return out;
}

/**
 * Checks a tree: at most three levels, unique keys, positive points with at most 2 places, each node's children
 * adding up to exactly its points and the top level to the total, leaves typed (a computed leaf names what it
 * computes), guide levels within the leaf's points. Returns every problem (empty: the tree is valid).
 */
export function validateTree(tree: IndicatorTree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const keys = new Set<string>();
  const total = parseDecimal(String(tree?.total ?? ''));
  if (total === null || eq(total, ZERO))
    problems.push({ path: 'total', code: 'POINTS_INVALID', message: 'The total must be a positive number.' });
  if (!Array.isArray(tree?.nodes) || tree.nodes.length === 0) {
    problems.push({ path: 'nodes', code: 'EMPTY', message: 'A template needs at least one indicator.' });
    return problems;
  }

  const walk = (nodes: IndicatorNode[], path: string, depth: number): Fraction | null => {
    let ok = true;
    const points: Fraction[] = [];
    nodes.forEach((n, i) => {
      const p = `${path}[${i}]`;
      if (depth > MAX_DEPTH) {
        problems.push({ path: p, code: 'TOO_DEEP', message: `At most ${MAX_DEPTH} levels.` });
        ok = false;
        return;
      }
      if (typeof n?.key !== 'string' || !KEY.test(n.key))
        problems.push({ path: `${p}.key`, code: 'KEY_INVALID', message: 'A key is 1–32 letters, digits, - or _.' });
      else if (keys.has(n.key))
        problems.push({ path: `${p}.key`, code: 'KEY_DUPLICATE', message: `The key ${n.key} is used twice.` });
      else keys.add(n.key);
      if (typeof n?.name !== 'string' || n.name.trim().length === 0 || n.name.length > 100)
        problems.push({ path: `${p}.name`, code: 'NAME_INVALID', message: 'A name is 1–100 characters.' });
      const own = parseDecimal(String(n?.points ?? ''));
      if (own === null || eq(own, ZERO)) {
        problems.push({
          path: `${p}.points`,
          code: 'POINTS_INVALID',
          message: 'Points are a positive number (2 places at most).',
        });
        ok = false;
      } else points.push(own);
      if (!isLeaf(n)) {
        if (n.kind !== undefined || n.computed !== undefined)
          problems.push({ path: `${p}.kind`, code: 'LEAF_KIND_INVALID', message: 'Only a leaf has a kind.' });
        const inner = walk(n.children ?? [], `${p}.children`, depth + 1);
        if (inner !== null && own !== null && !eq(inner, own))
          problems.push({
            path: `${p}.points`,
            code: 'POINTS_DO_NOT_ADD_UP',
            message: `The indicators under ${n.name} add up to ${show(inner)}, not ${n.points}.`,
          });
        return;
      }
      if (n.kind !== 'MANUAL' && n.kind !== 'COMPUTED')
        problems.push({ path: `${p}.kind`, code: 'LEAF_KIND_INVALID', message: 'A leaf is MANUAL or COMPUTED.' });
      if (n.kind === 'COMPUTED' && !(COMPUTED_INDICATORS as readonly string[]).includes(String(n.computed)))
        problems.push({ path: `${p}.computed`, code: 'COMPUTED_INVALID', message: 'Say what the leaf computes.' });
      if (n.kind === 'MANUAL' && n.computed !== undefined)
        problems.push({ path: `${p}.computed`, code: 'COMPUTED_INVALID', message: 'A manual leaf computes nothing.' });
      if (n.kind === 'MANUAL' && (!Array.isArray(n.guide) || n.guide.length === 0))
        problems.push({ path: `${p}.guide`, code: 'GUIDE_INVALID', message: 'A manual leaf needs a scoring guide.' });
      (n.guide ?? []).forEach((g, j) => {
        const from = parseDecimal(String(g?.from ?? ''));
        const to = parseDecimal(String(g?.to ?? ''));
        const bad =
          typeof g?.label !== 'string' ||
          g.label.trim() === '' ||
          typeof g?.description !== 'string' ||
          from === null ||
          to === null ||
          cmp(from, to) > 0 ||
          (own !== null && cmp(to, own) > 0);
        if (bad)
          problems.push({
            path: `${p}.guide[${j}]`,
            code: 'GUIDE_INVALID',
            message: 'A guide level has a label, a description and a range within the leaf’s points.',
          });
      });
    });
    return ok ? sum(points) : null;
  };

  const top = walk(tree.nodes, 'nodes', 1);
  if (top !== null && total !== null && !eq(top, total))
    problems.push({
      path: 'total',
      code: 'POINTS_DO_NOT_ADD_UP',
      message: `The top-level indicators add up to ${show(top)}, not ${tree.total}.`,
    });
  return problems;
}

function show(x: Fraction): string {
  const whole = x.n / x.d;
  const cents = ((x.n * 100n) / x.d) % 100n;
  return cents === 0n ? `${whole}` : `${whole}.${cents.toString().padStart(2, '0')}`;
}
