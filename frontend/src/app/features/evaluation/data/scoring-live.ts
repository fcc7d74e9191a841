import { cmp, eq, Fraction, parseDecimal, parseRatio, sum, toFixedHalfUp, toRatio, ZERO } from './scoring-exact';
import type {
  Grade,
  GradeBands,
  GuideLevel,
  LeafProblem,
  LeafSource,
  SaveScoreRequest,
  SheetNode,
} from './scoring.api';

/**
 * The scoring page's live arithmetic, as pure functions: what each leaf counts while the evaluator types (the same
 * rules as the backend's `scoreLeaves`), the exact total, the grade it would give and what is still open. Nothing is
 * a float: scores are decimal texts, computed values arrive as "n/d".
 */

/** What the evaluator has typed on a leaf's card (texts as typed). */
export interface LeafDraft {
  score: string;
  overrideReason: string;
  note: string;
}

export interface LiveLeaf {
  key: string;
  score: Fraction | null;
  source: LeafSource | null;
  problem: LeafProblem | null;
}

/** A reason is at least 2 characters once trimmed (as the server checks it). */
export function hasReason(text: string | null | undefined): boolean {
  return (text ?? '').trim().length >= 2;
}

/** The draft a leaf's card starts from: what was saved. */
export function draftOf(node: SheetNode): LeafDraft {
  return {
    score: node.entry?.score ?? '',
    overrideReason: node.entry?.overrideReason ?? '',
    note: node.entry?.note ?? '',
  };
}

/** The request that saves a draft (blank texts are no value). */
export function toRequest(draft: LeafDraft): SaveScoreRequest {
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  return { score: text(draft.score), overrideReason: text(draft.overrideReason), note: text(draft.note) };
}

/** Whether the draft differs from what is saved. */
export function isDirty(node: SheetNode, draft: LeafDraft): boolean {
  const saved = toRequest(draftOf(node));
  const now = toRequest(draft);
  return saved.score !== now.score || saved.overrideReason !== now.overrideReason || saved.note !== now.note;
}

/** What one leaf counts with this draft (the backend's rules for manual, computed and insufficient leaves). */
export function liveLeaf(node: SheetNode, draft: LeafDraft): LiveLeaf {
  const points = parseDecimal(node.points) ?? ZERO;
  const typed = draft.score.trim() === '' ? null : draft.score.trim();
  const parsed = typed === null ? null : parseDecimal(typed);
  const out = (score: Fraction | null, source: LeafSource | null, problem: LeafProblem | null): LiveLeaf => ({
    key: node.key,
    score,
    source,
    problem,
  });
  const checked = (): LeafProblem | null =>
    typed === null
      ? 'SCORE_MISSING'
      : parsed === null
        ? 'SCORE_INVALID'
        : cmp(parsed, points) > 0
          ? 'SCORE_ABOVE_POINTS'
          : null;

  if (node.kind !== 'COMPUTED') {
    const p = checked();
    return p ? out(null, null, p) : out(parsed, 'MANUAL', null);
  }
  const auto = parseRatio(node.computedScore?.exact);
  if (auto === null) {
    const p = checked();
    if (p) return out(null, null, p === 'SCORE_MISSING' ? 'INSUFFICIENT_NEEDS_MANUAL_SCORE' : p);
    if (!hasReason(draft.overrideReason)) return out(null, null, 'REASON_REQUIRED');
    return out(parsed, 'MANUAL_INSUFFICIENT', null);
  }
  if (typed === null) return out(auto, 'COMPUTED', null);
  const p = checked();
  if (p) return out(null, null, p);
  if (eq(parsed as Fraction, auto)) return out(auto, 'COMPUTED', null);
  if (!hasReason(draft.overrideReason)) return out(null, null, 'REASON_REQUIRED');
  return out(parsed, 'OVERRIDE', null);
}

/** Whether the card must ask for a reason: a computed value changed, or a computed leaf without enough data. */
export function needsReason(node: SheetNode, draft: LeafDraft): boolean {
  if (node.kind !== 'COMPUTED') return false;
  const auto = parseRatio(node.computedScore?.exact);
  if (auto === null) return true;
  const parsed = parseDecimal(draft.score);
  return draft.score.trim() !== '' && (parsed === null || !eq(parsed, auto));
}

/** Every leaf of the tree, in order. */
export function leavesOf(nodes: readonly SheetNode[]): SheetNode[] {
  return nodes.flatMap((n) => (n.leaf ? [n] : leavesOf(n.children)));
}

/** The grade of a rounded total by the bands (lower bounds): as the server grades. */
export function gradeOf(rounded: string, bands: GradeBands): Grade {
  const s = parseDecimal(rounded) ?? ZERO;
  if (cmp(s, parseDecimal(bands.EXCELLENT) ?? ZERO) >= 0) return 'EXCELLENT';
  if (cmp(s, parseDecimal(bands.GOOD) ?? ZERO) >= 0) return 'GOOD';
  if (cmp(s, parseDecimal(bands.PASS) ?? ZERO) >= 0) return 'PASS';
  return 'FAIL';
}

export interface LiveTotal {
  rounded: string;
  exact: string;
  grade: Grade;
  complete: boolean;
  scored: number;
  leaves: number;
  remaining: Array<{ key: string; name: string; problem: LeafProblem }>;
}

/** The exact total of the leaves with the drafts as typed, the grade it would give, and what is still open. */
export function liveTotal(
  nodes: readonly SheetNode[],
  drafts: Readonly<Record<string, LeafDraft>>,
  bands: GradeBands,
): LiveTotal {
  const leaves = leavesOf(nodes);
  const live = leaves.map((l) => ({ node: l, r: liveLeaf(l, drafts[l.key] ?? draftOf(l)) }));
  const exact = sum(live.map((x) => x.r.score ?? ZERO));
  const rounded = toFixedHalfUp(exact, 2);
  const remaining = live
    .filter((x) => x.r.problem !== null)
    .map((x) => ({ key: x.node.key, name: x.node.name, problem: x.r.problem as LeafProblem }));
  return {
    rounded,
    exact: toRatio(exact),
    grade: gradeOf(rounded, bands),
    complete: remaining.length === 0,
    scored: live.filter((x) => x.r.score !== null).length,
    leaves: leaves.length,
    remaining,
  };
}

/** The exact sum of what is scored under a node, rounded; null when nothing is. */
export function subtotal(node: SheetNode, drafts: Readonly<Record<string, LeafDraft>>): string | null {
  const scores = leavesOf([node])
    .map((l) => liveLeaf(l, drafts[l.key] ?? draftOf(l)).score)
    .filter((s): s is Fraction => s !== null);
  return scores.length === 0 ? null : toFixedHalfUp(sum(scores), 2);
}

/** A guide level's choice fills the top of its range ("好 4–5" → "5"); the evaluator may then lower it. */
export function levelFill(level: GuideLevel): string {
  return level.to;
}

/** The level a typed score falls in (the first whose range holds it), or null. */
export function levelOf(guide: readonly GuideLevel[], score: string): GuideLevel | null {
  const s = parseDecimal(score);
  if (s === null) return null;
  return (
    guide.find((g) => {
      const from = parseDecimal(g.from);
      const to = parseDecimal(g.to);
      return from !== null && to !== null && cmp(s, from) >= 0 && cmp(s, to) <= 0;
    }) ?? null
  );
}
