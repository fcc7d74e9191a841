/** The fields of a desk item that decide its place on the page. */
export interface Orderable {
  kind: string;
  dueAt: string | null;
  since: string | null;
}

const time = (iso: string | null): number => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

/**
 * What comes first on a desk: the earliest due date; items without one after every dated item, the longest
 * waiting first; then by kind, for a stable page. Returns a new array.
 */
export function orderDesk<T extends Orderable>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => time(a.dueAt) - time(b.dueAt) || time(a.since) - time(b.since) || a.kind.localeCompare(b.kind),
  );
}
