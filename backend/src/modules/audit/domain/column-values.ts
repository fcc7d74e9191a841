/**
 * What an audit column will hold, computed before hashing: the hash must cover exactly what the database
 * stores, or the first awkward value breaks the chain for good (issue #9 A1: a lone UTF-16 surrogate was hashed
 * as such while the utf8mb4 column stored U+FFFD).
 */

/** Lengths of the varchar columns of `audit_events`, in characters (code points), as the migration declares. */
export const AUDIT_COLUMN_LENGTHS = {
  actorUsername: 64,
  actorRoles: 255,
  ip: 64,
  action: 96,
  entityType: 48,
  entityId: 64,
  regionPath: 255,
} as const;

/** Marks a value cut to fit its column, so nobody mistakes the stored prefix for the whole. */
export const CUT_MARK = '…';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Well-formed Unicode: each lone surrogate becomes U+FFFD, which is what the UTF-8 encoder of the driver sends
 * (and so what a utf8mb4 column holds). Everything else (NUL, bidi controls, emoji) is stored as it is.
 */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}

/**
 * `s` as a varchar(max) column holds it: well-formed, and at most `max` code points — a longer value is cut and
 * ends with {@link CUT_MARK} instead of making the insert fail (strict mode) and the whole use case with it.
 */
export function fitColumn(s: string, max: number): string {
  const chars = Array.from(wellFormed(s));
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + CUT_MARK;
}

export function fitNullableColumn(s: string | null, max: number): string | null {
  return s === null ? null : fitColumn(s, max);
}

/**
 * A JSON value (already normalised by canonical JSON: only null, booleans, numbers, strings, arrays, plain
 * objects) with every string — object keys included — made well-formed.
 */
export function wellFormedJson(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[wellFormed(k)] = wellFormedJson(v);
    return out;
  }
  return value;
}

/** `occurred_at` is datetime(3): millisecond precision, which a JS Date already has; anything finer is cut. */
export function toColumnInstant(d: Date): Date {
  return new Date(Math.trunc(d.getTime()));
}
