/**
 * OCDS packages around stored releases. The releases are spliced in as the exact text stored when they were written
 * (`ocds_releases.release_json`), never re-serialised: what is served is byte for byte what was recorded, and its
 * SHA-256 is the stored one.
 */
export interface PackageMeta {
  uri: string;
  publishedDate: string;
  publisher: { name: string; uri?: string };
  license: string;
  publicationPolicy: string;
}

function head(meta: PackageMeta): string {
  return (
    `{"uri":${JSON.stringify(meta.uri)},"version":"1.1","publishedDate":${JSON.stringify(meta.publishedDate)},` +
    `"publisher":${JSON.stringify(meta.publisher)},"license":${JSON.stringify(meta.license)},` +
    `"publicationPolicy":${JSON.stringify(meta.publicationPolicy)}`
  );
}

/** A release package (release-package-schema.json) of stored release texts, with optional paging links. */
export function releasePackageJson(meta: PackageMeta, releases: readonly string[], links?: { next?: string }): string {
  const l = links && Object.keys(links).length > 0 ? `,"links":${JSON.stringify(links)}` : '';
  return `${head(meta)},"releases":[${releases.join(',')}]${l}}`;
}

/** A record package (record-package-schema.json) of one record: embedded releases and the compiled release. */
export function recordPackageJson(
  meta: PackageMeta,
  packages: readonly string[],
  ocid: string,
  releases: readonly string[],
  compiledRelease: unknown,
): string {
  return (
    `${head(meta)},"packages":${JSON.stringify(packages)},"records":[{"ocid":${JSON.stringify(ocid)},` +
    `"releases":[${releases.join(',')}],"compiledRelease":${JSON.stringify(compiledRelease)}}]}`
  );
}

/** The opaque cursor of the release feed: the publication number of the last release served, base64url. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`r:${seq}`, 'utf8').toString('base64url');
}

/** The publication number in a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^r:(\d{1,18})$/.exec(text);
  return m && encodeCursor(m[1]) === cursor ? m[1] : null;
}

/** The Beijing month `YYYY-MM` as the instants [start, end). */
export function beijingMonth(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1, 1) - 8 * 3_600_000);
  const end = new Date(Date.UTC(y, m, 1) - 8 * 3_600_000);
  return { start, end };
}

/** The Beijing month of an instant. */
export function monthOf(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}
