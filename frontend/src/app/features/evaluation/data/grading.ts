import type { AssessmentStatus, CutoffLines, GuideLevel, IndicatorNode } from './grading.api';

/**
 * Pure helpers of the grading pages: points as integer hundredths (never floats: "9.5" + "0.1" is exactly 960
 * hundredths), the live totals of the 1,000-point tree, the grade the lines give, what a typed score is worth.
 */
const POINTS = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** "9.5" → 950; null when the text is not points with at most 2 decimals. */
export function toCents(text: string): number | null {
  const m = POINTS.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
}

/** 950 → "9.50"; with `plain`, 90000 → "900" and 950 → "9.5". */
export function fromCents(cents: number, plain = false): string {
  const whole = Math.trunc(cents / 100);
  const part = String(Math.abs(cents % 100)).padStart(2, '0');
  if (!plain) return `${whole}.${part}`;
  return part === '00' ? String(whole) : `${whole}.${part.replace(/0$/, '')}`;
}

export type ScoreProblem = 'format' | 'above';

/** Why a typed score cannot be saved (null: fine, including empty = not scored). */
export function scoreProblem(text: string, points: string): ScoreProblem | null {
  if (text.trim() === '') return null;
  const cents = toCents(text);
  if (cents === null) return 'format';
  return cents > (toCents(points) ?? 0) ? 'above' : null;
}

export interface LeafRow {
  node: IndicatorNode;
  /** The names above it: area, indicator. */
  trail: string[];
}

export function leavesOf(nodes: readonly IndicatorNode[], trail: string[] = []): LeafRow[] {
  return nodes.flatMap((n) =>
    n.children && n.children.length > 0 ? leavesOf(n.children, [...trail, n.name]) : [{ node: n, trail }],
  );
}

/** The scores typed so far, by leaf key ("" while unscored). */
export type Entries = Readonly<Record<string, { score: string; note: string }>>;

export interface NodeTotal {
  /** Points scored under the node (hundredths); leaves with an unusable score count 0. */
  scored: number;
  /** Leaves scored / leaves under the node. */
  done: number;
  leaves: number;
}

/** The live subtotal of a node of the tree from the typed entries. */
export function totalOf(node: IndicatorNode, entries: Entries): NodeTotal {
  if (!node.children || node.children.length === 0) {
    const text = entries[node.key]?.score ?? '';
    const ok = text.trim() !== '' && scoreProblem(text, node.points) === null;
    return { scored: ok ? (toCents(text) as number) : 0, done: ok ? 1 : 0, leaves: 1 };
  }
  return node.children
    .map((c) => totalOf(c, entries))
    .reduce((a, b) => ({ scored: a.scored + b.scored, done: a.done + b.done, leaves: a.leaves + b.leaves }), {
      scored: 0,
      done: 0,
      leaves: 0,
    });
}

export function treeTotal(nodes: readonly IndicatorNode[], entries: Entries): NodeTotal {
  return totalOf({ key: '', name: '', points: '0', children: [...nodes] }, entries);
}

/** The grade (1..5) the lines give to a total in hundredths, or null below the 1A line. */
export function gradeByLines(cents: number, lines: CutoffLines): number | null {
  const mins = [lines.min1, lines.min2, lines.min3, lines.min4, lines.min5].map((m) => toCents(m) ?? Infinity);
  for (let g = 5; g >= 1; g--) if (cents >= mins[g - 1]) return g;
  return null;
}

/** "5A", or null. */
export function gradeLabel(grade: number | null | undefined): string | null {
  return grade ? `${grade}A` : null;
}

/** The guide level a typed score falls in (to highlight it), or null. */
export function levelOf(guide: readonly GuideLevel[] | undefined, text: string): GuideLevel | null {
  const cents = text.trim() === '' ? null : toCents(text);
  if (cents === null || !guide) return null;
  return guide.find((g) => cents >= (toCents(g.from) ?? Infinity) && cents <= (toCents(g.to) ?? -1)) ?? null;
}

export type CutoffProblem = { field: keyof CutoffLines; problem: 'format' | 'range' | 'order' };

/** The lines as typed: numbers of at most 2 decimals, 0 < 1A < 2A < 3A < 4A < 5A ≤ 1000. */
export function cutoffProblems(lines: CutoffLines): CutoffProblem[] {
  const out: CutoffProblem[] = [];
  let previous: number | null = null;
  for (const field of ['min1', 'min2', 'min3', 'min4', 'min5'] as const) {
    const v = toCents(lines[field] ?? '');
    if (v === null) out.push({ field, problem: 'format' });
    else if (v <= 0 || v > 100_000) out.push({ field, problem: 'range' });
    else if (previous !== null && v <= previous) out.push({ field, problem: 'order' });
    if (v !== null) previous = v;
  }
  return out;
}

export function statusColor(status: AssessmentStatus): string {
  switch (status) {
    case 'IN_PROGRESS':
      return 'processing';
    case 'SUBMITTED':
      return 'warning';
    case 'RETURNED':
      return 'magenta';
    case 'DECIDED':
      return 'success';
    case 'CANCELLED':
      return 'default';
  }
}

/** The entries to send: the leaves whose score or note differs from what is saved. */
export function changedEntries(
  saved: Entries,
  typed: Entries,
): Array<{ leafKey: string; score: string | null; note: string | null }> {
  return Object.entries(typed)
    .filter(([key, v]) => {
      const s = saved[key] ?? { score: '', note: '' };
      const sameScore =
        v.score.trim() === s.score.trim() || (toCents(v.score) !== null && toCents(v.score) === toCents(s.score));
      return !sameScore || v.note.trim() !== s.note.trim();
    })
    .map(([leafKey, v]) => ({
      leafKey,
      score: v.score.trim() === '' ? null : v.score.trim(),
      note: v.note.trim() === '' ? null : v.note.trim(),
    }));
}
