import {
  COMPUTED_INDICATORS,
  GuideLevel,
  IndicatorNode,
  IndicatorTree,
  LeafKind,
  PURPOSE_TOTALS,
  TemplateProblem,
  TemplatePurpose,
} from './templates.api';

/**
 * The template editor's tree, as pure functions: live point totals at every level (exact, in hundredths of a point —
 * points have at most 2 decimals, so integers of cents add up without a float's error), the problems the server
 * would find, immutable edits (add, remove, reorder, change a leaf's kind), and the server's `errors[]` placed on
 * the nodes they name. Paths address nodes by index: [1, 0] is `nodes[1].children[0]`.
 */

export type NodePath = readonly number[];
/** 决策 / 过程 / 产出 / 效益 → 产出数量 … → the leaf indicators. */
export const MAX_DEPTH = 3;
const POINTS = /^\d{1,9}(\.\d{1,2})?$/;
const KEY = /^[A-Za-z0-9_-]{1,32}$/;

/** `nodes[1].children[0]`: how the server's field paths name a node. */
export function pathKey(path: NodePath): string {
  return path.map((i, d) => (d === 0 ? `nodes[${i}]` : `children[${i}]`)).join('.');
}

export function isLeaf(node: IndicatorNode): boolean {
  return !node.children || node.children.length === 0;
}

/** "12.5" → 1250; null when the text is not points (a decimal with at most 2 places). */
export function toCents(points: string | null | undefined): number | null {
  const text = (points ?? '').trim();
  if (!POINTS.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** 1250 → "12.5", -300 → "-3": points as people write them. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  if (rest === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** A node's live total: its own points and what its children add up to (inner nodes only). */
export interface NodeTotal {
  own: number | null;
  /** The sum of the children's points (a child whose points are not a number counts 0). */
  children: number;
  /** children − own: 0 when they add up; null when the node's own points are not a number. */
  difference: number | null;
}

/** A problem of the tree as the editor sees it (mirrors the server's validateTree codes). */
export interface LocalProblem {
  /** The node (`nodes[0].children[1]`), or `total` / `nodes` for the tree itself. */
  node: string;
  /** What is wrong with it: `points`, `name`, `key`, `guide`, `guide[2]`, `computed`, `kind`, or '' (the node). */
  member: string;
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
    | 'GUIDE_INVALID'
    | 'TOTAL_NOT_FOR_PURPOSE';
  /** For POINTS_DO_NOT_ADD_UP: children − own (the top level: nodes − total), in cents. */
  difference?: number;
}

export interface TreeCheck {
  /** The declared total, what the top level adds up to, and the difference (sum − declared). */
  total: { declared: number | null; sum: number; difference: number | null };
  /** Every inner node's live total, by path key. */
  nodes: Readonly<Record<string, NodeTotal>>;
  problems: LocalProblem[];
}

/** Live totals and problems of `tree` as a template of `purpose` (what activation needs: no problem). */
export function checkTree(tree: IndicatorTree, purpose: TemplatePurpose): TreeCheck {
  const problems: LocalProblem[] = [];
  const totals: Record<string, NodeTotal> = {};
  const keys = new Set<string>();
  const declared = toCents(tree.total);
  if (declared === null || declared === 0) problems.push({ node: 'total', member: '', code: 'POINTS_INVALID' });
  else if (declared !== toCents(PURPOSE_TOTALS[purpose]))
    problems.push({ node: 'total', member: '', code: 'TOTAL_NOT_FOR_PURPOSE' });
  if (tree.nodes.length === 0) problems.push({ node: 'nodes', member: '', code: 'EMPTY' });

  const walk = (nodes: readonly IndicatorNode[], parent: NodePath): number => {
    let sum = 0;
    nodes.forEach((n, i) => {
      const path = [...parent, i];
      const at = pathKey(path);
      if (path.length > MAX_DEPTH) {
        problems.push({ node: at, member: '', code: 'TOO_DEEP' });
        return;
      }
      if (!KEY.test(n.key)) problems.push({ node: at, member: 'key', code: 'KEY_INVALID' });
      else if (keys.has(n.key)) problems.push({ node: at, member: 'key', code: 'KEY_DUPLICATE' });
      else keys.add(n.key);
      if (n.name.trim() === '' || n.name.length > 100)
        problems.push({ node: at, member: 'name', code: 'NAME_INVALID' });
      const own = toCents(n.points);
      if (own === null || own === 0) problems.push({ node: at, member: 'points', code: 'POINTS_INVALID' });
      sum += own ?? 0;
      if (!isLeaf(n)) {
        const children = walk(n.children ?? [], path);
        const difference = own === null ? null : children - own;
        totals[at] = { own, children, difference };
        if (difference !== null && difference !== 0)
          problems.push({ node: at, member: 'points', code: 'POINTS_DO_NOT_ADD_UP', difference });
        return;
      }
      if (n.kind !== 'MANUAL' && n.kind !== 'COMPUTED')
        problems.push({ node: at, member: 'kind', code: 'LEAF_KIND_INVALID' });
      if (n.kind === 'COMPUTED' && !(COMPUTED_INDICATORS as readonly string[]).includes(n.computed ?? ''))
        problems.push({ node: at, member: 'computed', code: 'COMPUTED_INVALID' });
      if (n.kind === 'MANUAL' && (n.guide ?? []).length === 0)
        problems.push({ node: at, member: 'guide', code: 'GUIDE_INVALID' });
      (n.guide ?? []).forEach((g, j) => {
        if (!guideLevelOk(g, own)) problems.push({ node: at, member: `guide[${j}]`, code: 'GUIDE_INVALID' });
      });
    });
    return sum;
  };
  const sum = walk(tree.nodes, []);
  const difference = declared === null ? null : sum - declared;
  if (tree.nodes.length > 0 && difference !== null && difference !== 0)
    problems.push({ node: 'total', member: 'points', code: 'POINTS_DO_NOT_ADD_UP', difference });
  return { total: { declared, sum, difference }, nodes: totals, problems };
}

/** A guide level has a label, a description, and a range from ≤ to within the leaf's points. */
export function guideLevelOk(g: GuideLevel, leafPoints: number | null): boolean {
  const from = toCents(g.from);
  const to = toCents(g.to);
  return (
    g.label.trim() !== '' && from !== null && to !== null && from <= to && (leafPoints === null || to <= leafPoints)
  );
}

/** The problems of one node, by member (for the page to show beside it). */
export function problemsOf(problems: readonly LocalProblem[], node: string): LocalProblem[] {
  return problems.filter((p) => p.node === node);
}

// ---------------------------------------------------------------------------------------------------------------
// The server's errors[] on the nodes

/** A server problem placed on a node: `tree.nodes[1].children[0].points` → node `nodes[1].children[0]`, `points`. */
export interface PlacedProblem {
  node: string;
  member: string;
  code: string;
  message: string;
}

const FIELD = /^tree\.((?:nodes\[\d+\])(?:\.children\[\d+\])*)(?:\.(.+))?$/;

export function placeProblem(p: TemplateProblem): PlacedProblem {
  const m = FIELD.exec(p.field);
  if (m) return { node: m[1], member: m[2] ?? '', code: p.code, message: p.message };
  // tree.total, tree.nodes, or a field of the template itself (name, code)
  return { node: p.field.replace(/^tree\./, ''), member: '', code: p.code, message: p.message };
}

/** The server's problems grouped by node (`total`, `nodes`, `nodes[0]…`, or a template field such as `name`). */
export function placeProblems(problems: readonly TemplateProblem[]): Record<string, PlacedProblem[]> {
  const out: Record<string, PlacedProblem[]> = {};
  for (const p of problems.map(placeProblem)) (out[p.node] ??= []).push(p);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Edits: each returns a new tree (the editor keeps it in a signal)

export function nodeAt(tree: IndicatorTree, path: NodePath): IndicatorNode {
  let nodes = tree.nodes;
  let node: IndicatorNode | undefined;
  for (const i of path) {
    node = nodes[i];
    if (!node) throw new RangeError(`No node at ${pathKey(path)}`);
    nodes = node.children ?? [];
  }
  if (!node) throw new RangeError('An empty path names no node');
  return node;
}

/** The siblings list that holds `path`'s node, replaced through `edit`. */
function editSiblings(
  tree: IndicatorTree,
  parent: NodePath,
  edit: (siblings: IndicatorNode[]) => IndicatorNode[],
): IndicatorTree {
  if (parent.length === 0) return { ...tree, nodes: edit([...tree.nodes]) };
  return updateNode(tree, parent, (p) => ({ ...p, children: edit([...(p.children ?? [])]) }));
}

export function updateNode(
  tree: IndicatorTree,
  path: NodePath,
  change: (node: IndicatorNode) => IndicatorNode,
): IndicatorTree {
  const rebuild = (nodes: readonly IndicatorNode[], depth: number): IndicatorNode[] =>
    nodes.map((n, i) => {
      if (i !== path[depth]) return n;
      if (depth === path.length - 1) return change(n);
      return { ...n, children: rebuild(n.children ?? [], depth + 1) };
    });
  return { ...tree, nodes: rebuild(tree.nodes, 0) };
}

/** A key no node of the tree has: the parent's key and the next number (`C2` → `C21`, `C22`…), or A, B, C… on top. */
export function freshKey(tree: IndicatorTree, parentKey: string | null): string {
  const used = new Set<string>();
  const collect = (nodes: readonly IndicatorNode[]) =>
    nodes.forEach((n) => {
      used.add(n.key);
      collect(n.children ?? []);
    });
  collect(tree.nodes);
  if (parentKey === null) {
    for (let i = 0; i < 26; i++) {
      const k = String.fromCharCode(65 + i);
      if (!used.has(k)) return k;
    }
  }
  const base = parentKey ?? 'N';
  for (let i = 1; ; i++) {
    const k = `${base}${i}`.slice(0, 32);
    if (!used.has(k)) return k;
  }
}

/** A new manual leaf (its scoring guide still to write). */
export function newLeaf(key: string, points = ''): IndicatorNode {
  return { key, name: '', points, kind: 'MANUAL', guide: [] };
}

/**
 * Adds a leaf under `parent` ([] for the top level), at the end. A leaf that gets its first child becomes an inner
 * node: it drops its kind, measure, guide and evidence hint, and the child starts with its points (still adding up).
 * Returns the new tree and the new node's path; null when the parent is already on the last level.
 */
export function addChild(tree: IndicatorTree, parent: NodePath): { tree: IndicatorTree; path: NodePath } | null {
  if (parent.length >= MAX_DEPTH) return null;
  if (parent.length === 0) {
    const leaf = newLeaf(freshKey(tree, null));
    return { tree: { ...tree, nodes: [...tree.nodes, leaf] }, path: [tree.nodes.length] };
  }
  const p = nodeAt(tree, parent);
  const first = isLeaf(p);
  const leaf = newLeaf(freshKey(tree, p.key), first ? p.points : '');
  const next = updateNode(tree, parent, (n) => {
    const inner: IndicatorNode = { key: n.key, name: n.name, points: n.points };
    return { ...inner, children: [...(n.children ?? []), leaf] };
  });
  return { tree: next, path: [...parent, (p.children ?? []).length] };
}

/** Removes a node and what is under it; a parent left without children becomes a manual leaf. */
export function removeNode(tree: IndicatorTree, path: NodePath): IndicatorTree {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  const next = editSiblings(tree, parent, (siblings) => siblings.filter((_, i) => i !== index));
  if (parent.length === 0) return next;
  return updateNode(next, parent, (p) =>
    isLeaf(p) ? { key: p.key, name: p.name, points: p.points, kind: 'MANUAL', guide: [] } : p,
  );
}

/** Moves a node up (-1) or down (+1) among its siblings; unchanged at either end. */
export function moveNode(tree: IndicatorTree, path: NodePath, delta: -1 | 1): IndicatorTree {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  return editSiblings(tree, parent, (siblings) => {
    const to = index + delta;
    if (to < 0 || to >= siblings.length) return siblings;
    [siblings[index], siblings[to]] = [siblings[to], siblings[index]];
    return siblings;
  });
}

/** A leaf scored by the evaluator, or computed from the system's data (which measure: chosen next). */
export function setKind(node: IndicatorNode, kind: LeafKind): IndicatorNode {
  const { computed: _computed, ...rest } = node;
  return kind === 'MANUAL' ? { ...rest, kind } : { ...rest, kind, computed: node.computed };
}

/**
 * A guide of four levels over the leaf's points — 优 80–100 %, 良 60–80 %, 中 30–60 %, 差 below — each ending 0.01
 * below the next one's start; the descriptions are the officer's to write. Empty when the points are not a number.
 */
export function defaultGuide(points: string, labels: readonly string[]): GuideLevel[] {
  const max = toCents(points);
  if (max === null || max === 0) return [];
  const starts = [80, 60, 30].map((c) => Math.round((max * c) / 100)).concat(0);
  return labels.slice(0, 4).map((label, i) => ({
    label,
    from: formatCents(starts[i]),
    to: formatCents(i === 0 ? max : Math.max(starts[i], starts[i - 1] - 1)),
    description: '',
  }));
}

/** The tree as it is sent: names and texts trimmed, empty evidence hints and measures of manual leaves left out. */
export function treeForRequest(tree: IndicatorTree): IndicatorTree {
  const node = (n: IndicatorNode): IndicatorNode => {
    const out: IndicatorNode = { key: n.key.trim(), name: n.name.trim(), points: n.points.trim() };
    if (!isLeaf(n)) return { ...out, children: (n.children ?? []).map(node) };
    if (n.kind) out.kind = n.kind;
    if (n.kind === 'COMPUTED' && n.computed) out.computed = n.computed;
    out.guide = (n.guide ?? []).map((g) => ({
      label: g.label.trim(),
      from: g.from.trim(),
      to: g.to.trim(),
      description: g.description.trim(),
    }));
    const hint = n.evidenceHint?.trim();
    if (hint) out.evidenceHint = hint;
    return out;
  };
  return { total: tree.total.trim(), nodes: tree.nodes.map(node) };
}

/**
 * A fresh tree for a new template: empty, or the 决策 / 过程 / 产出 / 效益 frame with one leaf (named `leafName`, its
 * guide to write) under each, the points shared out of the purpose's total.
 */
export function starterTree(
  purpose: TemplatePurpose,
  frame: readonly { name: string; share: number }[] | null,
  leafName = '',
): IndicatorTree {
  const total = PURPOSE_TOTALS[purpose];
  if (!frame) return { total, nodes: [] };
  const totalCents = toCents(total) as number;
  return {
    total,
    nodes: frame.map((f, i) => {
      const key = String.fromCharCode(65 + i);
      const points = formatCents(Math.round((totalCents * f.share) / 100));
      return { key, name: f.name, points, children: [{ ...newLeaf(`${key}1`, points), name: leafName }] };
    }),
  };
}
