/** One changed field of an audit event: its path (`address.city`, `roles`), old and new value in words. */
export interface DiffRow {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
}

/** Shown for a value that is absent or null. */
export const NO_VALUE = '—';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A value readable at a glance: text as it is, lists joined, nested objects as `key: value` pairs. */
export function readable(value: unknown): string {
  if (value === null || value === undefined) return NO_VALUE;
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.map(readable).join(', ');
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${k}: ${readable(v)}`).join('; ')} }`;
  }
  return JSON.stringify(value);
}

/** The leaves of a before/after value by dotted path (objects are walked; arrays and scalars are leaves). */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isPlainObject(value) && (Object.keys(value).length > 0 || prefix === '')) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix === '' ? k : `${prefix}.${k}`, out);
  } else if (value !== null && value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an event changed, field by field: only the fields whose value differs (added, removed, changed), nested
 * objects by dotted path, in path order. An event with only `after` (a creation) lists every field as added.
 */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const scalar = (v: unknown) => v !== null && v !== undefined && !isPlainObject(v);
  if (scalar(before) || scalar(after)) {
    if (same(before, after)) return [];
    const kind =
      before === null || before === undefined ? 'added' : after === null || after === undefined ? 'removed' : 'changed';
    return [{ path: '', kind, before: readable(before), after: readable(after) }];
  }
  const b = flatten(before, '', new Map());
  const a = flatten(after, '', new Map());
  const paths = [...new Set([...b.keys(), ...a.keys()])].sort();
  const rows: DiffRow[] = [];
  for (const path of paths) {
    const has = { before: b.has(path), after: a.has(path) };
    if (has.before && has.after && same(b.get(path), a.get(path))) continue;
    rows.push({
      path,
      kind: !has.before ? 'added' : !has.after ? 'removed' : 'changed',
      before: readable(b.get(path)),
      after: readable(a.get(path)),
    });
  }
  return rows;
}
