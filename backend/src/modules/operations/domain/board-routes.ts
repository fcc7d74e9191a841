/**
 * What the queue board (Bull Board, under {@link BOARD_BASE}) lets a caller do, route by route. Deny by default: a
 * route of the board this table does not know (a later version of the board adding one) is refused like the
 * destructive ones. Reads need `queues.read`; the two retries need `queues.manage` and are audited.
 */
export const BOARD_BASE = '/api/v1/queues/board';

/** The board's own cookie: Path-scoped to {@link BOARD_BASE}, HttpOnly, SameSite=Strict. */
export const BOARD_COOKIE = 'diandan_board';

/** The audience of the board's token: never valid as a bearer token, never valid for anything else. */
export const BOARD_AUDIENCE = 'queue-board';

export type BoardAccess =
  { kind: 'read' } | { kind: 'retry-job' } | { kind: 'retry-failed' } | { kind: 'refused'; reason: string };

/**
 * Why the other write actions of the board are refused to everyone, administrators included:
 * - pausing a queue stops deadlines that the law fixes (a tender's opening, an objection window) from firing;
 * - emptying, obliterating or cleaning a queue, or removing a job, destroys the record of a failure (failed jobs are
 *   kept seven days for that) — and a removed deadline job would be restored by the reconciler anyway;
 * - promoting a delayed job fires a deadline before its time: its handler, deciding on the database clock, does
 *   nothing, and the job is then gone until the reconciler restores it;
 * - adding a job, editing its data, delay or priority, changing concurrency or rate limits, or touching job
 *   schedulers injects work the domain did not decide.
 */
const REFUSED: Array<[RegExp, string]> = [
  [/\/(pause|resume)$/, 'Pausing or resuming queues is not offered: deadlines fixed by law must fire on time.'],
  [
    /\/(empty|obliterate|clean(\/:queueStatus)?|remove-unprocessed-children)$/,
    'Removing jobs is not offered: failed jobs are the record of what went wrong (kept 7 days).',
  ],
  [/\/promote$/, 'Promoting a delayed job is not offered: a deadline never fires before its time.'],
];

const REFUSED_DEFAULT = 'This action is not offered on the queue board: deadline jobs are created by the application.';

/** `method` as Express names it (lower case), `route` as the board declares it (`/api/queues/:queueName/…`). */
export function boardAccess(method: string, route: string): BoardAccess {
  const m = method.toLowerCase();
  if (m === 'get') return { kind: 'read' };
  if (m === 'put' && route === '/api/queues/:queueName/:jobId/retry') return { kind: 'retry-job' };
  if (m === 'put' && route === '/api/queues/:queueName/retry/:queueStatus') return { kind: 'retry-failed' };
  for (const [pattern, reason] of REFUSED) if (pattern.test(route)) return { kind: 'refused', reason };
  return { kind: 'refused', reason: REFUSED_DEFAULT };
}

/** The value of one cookie in a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) return part.slice(i + 1).trim() || null;
  }
  return null;
}

/** The `Set-Cookie` value of the board's session (or of its removal, with `maxAge` 0). */
export function boardCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${BOARD_COOKIE}=${token}`,
    `Path=${BOARD_BASE}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * A write of the board carried by the cookie must come from the board's own page: SameSite=Strict keeps the cookie
 * off cross-site requests, and a browser's `Origin` (or `Sec-Fetch-Site`) naming another site is refused as well.
 */
export function isCrossSite(headers: { origin?: string; host?: string; 'sec-fetch-site'?: string }): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  if (headers.origin === undefined) return false;
  try {
    return new URL(headers.origin).host !== headers.host;
  } catch {
    return true;
  }
}

/** Bull Board's file names carry a 10-hex content hash (`main.f10757109b.js`): cached for a year. */
export function boardAssetCacheControl(path: string): string {
  return /\.[0-9a-f]{8,}\.(?:js|css)$/.test(path) ? 'private, max-age=31536000, immutable' : 'private, no-cache';
}
