/**
 * Title similarity for "similar needs" while typing: Dice coefficient over character bigrams,
 * ignoring spaces and punctuation (works for Chinese, where words are not space-separated).
 */
export function bigrams(text: string): Map<string, number> {
  const chars = [...text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  const sizeA = [...A.values()].reduce((s, n) => s + n, 0);
  const sizeB = [...B.values()].reduce((s, n) => s + n, 0);
  if (sizeA === 0 || sizeB === 0) return 0;
  let common = 0;
  for (const [g, n] of A) common += Math.min(n, B.get(g) ?? 0);
  return (2 * common) / (sizeA + sizeB);
}

export const SIMILAR_THRESHOLD = 0.3;

export function mostSimilar<T extends { title: string }>(
  title: string,
  candidates: T[],
  limit = 5,
): Array<T & { score: number }> {
  return candidates
    .map((c) => ({ ...c, score: Math.round(similarity(title, c.title) * 100) / 100 }))
    .filter((c) => c.score >= SIMILAR_THRESHOLD)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}
