/**
 * The OCDS 1.1 merge routine (standard.open-contracting.org/1.1/en/schema/merging/): the compiled release of a record
 * is its releases applied in date order, each field's latest value winning, with these rules:
 *
 * - `omitWhenMerged` fields (the release's `id`, `date` and `tag`) are not merged; the compiled release has the ocid,
 *   the latest release's date, tag `["compiled"]` and the id `<ocid>-<that date>`;
 * - a field whose value is null is removed from the compiled release;
 * - objects are merged field by field;
 * - an array of objects that all have an `id` is merged by identifier: an object with an id seen before is merged into
 *   it, a new id is appended (ids compare by value and type, as the standard's reference implementation does);
 * - any other array (strings, numbers, objects without ids), and the arrays the schema marks `wholeListMerge`, are
 *   replaced whole.
 *
 * Pure: no I/O. The `wholeListMerge` paths come from the release schema (checked by the spec against the file).
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** Paths (field names from the root, arrays transparent) of the release schema's `wholeListMerge` arrays. */
export const WHOLE_LIST_MERGE_PATHS: ReadonlySet<string> = new Set([
  'parties/additionalIdentifiers',
  'buyer/additionalIdentifiers',
  'tender/procuringEntity/additionalIdentifiers',
  'tender/items/additionalClassifications',
  'tender/tenderers/additionalIdentifiers',
  'awards/suppliers/additionalIdentifiers',
  'awards/items/additionalClassifications',
  'contracts/items/additionalClassifications',
  'contracts/implementation/transactions/payer/additionalIdentifiers',
  'contracts/implementation/transactions/payee/additionalIdentifiers',
]);

/** The release's own fields the merge leaves out. */
export const OMIT_WHEN_MERGED: ReadonlySet<string> = new Set(['id', 'date', 'tag']);

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T extends Json>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** A copy without the null fields (at every depth of objects; arrays replaced whole keep what they hold). */
function withoutNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map((x) => (isObject(x) ? withoutNulls(x) : clone(x)));
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNulls(x);
  return out;
}

function mergeObject(target: JsonObject, source: JsonObject, path: string): void {
  for (const [key, value] of Object.entries(source)) {
    const at = path === '' ? key : `${path}/${key}`;
    if (value === null) {
      delete target[key];
    } else if (isObject(value)) {
      const existing = target[key];
      const into: JsonObject = isObject(existing) ? existing : {};
      mergeObject(into, value, at);
      target[key] = into;
    } else if (Array.isArray(value)) {
      target[key] = mergeArray(target[key], value, at);
    } else {
      target[key] = value;
    }
  }
}

function mergeArray(existing: Json | undefined, incoming: Json[], path: string): Json[] {
  const byId = incoming.length > 0 && incoming.every((x) => isObject(x) && x.id !== undefined && x.id !== null);
  if (!byId || WHOLE_LIST_MERGE_PATHS.has(path)) return withoutNulls(incoming) as Json[];
  const out: Json[] = Array.isArray(existing) ? existing : [];
  for (const item of incoming as JsonObject[]) {
    const found = out.find((x) => isObject(x) && x.id === item.id) as JsonObject | undefined;
    if (found) mergeObject(found, item, path);
    else {
      const fresh: JsonObject = {};
      mergeObject(fresh, item, path);
      out.push(fresh);
    }
  }
  return out;
}

export interface ReleaseLike extends JsonObject {
  ocid: string;
  id: string;
  date: string;
}

/** The compiled release of one contracting process's releases (any order; sorted by date here, stable for ties). */
export function compileReleases(releases: readonly ReleaseLike[]): JsonObject {
  if (releases.length === 0) throw new RangeError('a record needs at least one release');
  const ocid = releases[0].ocid;
  if (releases.some((r) => r.ocid !== ocid)) throw new RangeError('releases of different ocids cannot be compiled');
  const ordered = releases
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Date.parse(a.r.date) - Date.parse(b.r.date) || a.i - b.i)
    .map((x) => x.r);
  const merged: JsonObject = {};
  for (const release of ordered) {
    const fields: JsonObject = {};
    for (const [k, v] of Object.entries(release)) if (!OMIT_WHEN_MERGED.has(k)) fields[k] = v;
    mergeObject(merged, clone(fields), '');
  }
  const last = ordered[ordered.length - 1].date;
  const { ocid: _o, ...rest } = merged;
  return { ocid, id: `${ocid}-${last}`, date: last, tag: ['compiled'], ...rest };
}
