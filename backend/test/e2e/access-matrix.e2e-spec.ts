import type { Response } from 'supertest';

import { ROLES, type Role } from '../../src/platform/access/permissions';
import { buildFixtures, PNG, type Fixtures } from '../access/fixtures';
import { auditedSince, auditHead, changedTables, digest, documentedRoutes, registeredRoutes } from '../access/matrix';
import { PUBLIC, ROUTE_ACCESS, type CrossTenant, type RouteRule } from '../access/route-access';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * Issue #9 B1: the access matrix. Every route the app registers, called anonymously, as every role and across
 * tenants, against the hand-written table in backend/test/access/route-access.ts (how to add a row: docs/api.md).
 */

/** The demo account that plays each role (README.md). */
const ROLE_USER: Record<Role, string> = {
  RESIDENT: 'resident',
  COMMUNITY_WORKER: 'worker',
  PROCUREMENT_OFFICER: 'officer',
  FINANCE_OFFICER: 'finance',
  ORG_MEMBER: 'orgmember',
  EXPERT: 'expert',
  EVALUATOR: 'evaluator',
  AUDITOR: 'auditor',
  ADMIN: 'admin',
};
/** Ids that exist nowhere: probes aim at them, so that an allowed call changes nothing. */
const MISSING_ID = '2147483000';
const MISSING_UUID = '00000000-0000-4000-8000-000000000000';
const MISSING_BY_PARAM: Record<string, string> = { year: '1999', date: '2099-01-01' };
const PROBE_BODY = { matrixProbe: 1 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

describe('the access matrix: every registered route, as every role, anonymously and across tenants', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  const tokens: Record<string, string> = {};
  const rows = Object.entries(ROUTE_ACCESS);

  beforeAll(async () => {
    t = await createTestApp();
    fixtures = await buildFixtures(t);
    const users = new Set<string>(Object.values(ROLE_USER));
    for (const [, r] of rows)
      for (const c of r.cross ?? []) {
        users.add(c.as);
        if (c.seenBy) users.add(c.seenBy);
      }
    // each user signs in once
    for (const u of users) tokens[u] = await bearer(t, u);
  }, 180_000);
  afterAll(() => t.close());

  const split = (key: string) => {
    const i = key.indexOf(' ');
    return { method: key.slice(0, i).toLowerCase() as Method, path: key.slice(i + 1) };
  };
  const paramsOf = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
  const fill = (path: string, values: Record<string, string>) =>
    path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(values[name]));

  async function send(
    key: string,
    opts: { token?: string; params?: Record<string, string>; body?: unknown; query?: string; file?: boolean },
  ): Promise<Response> {
    const { method, path } = split(key);
    const url = fill(path, opts.params ?? {}) + (opts.query ? `?${opts.query}` : '');
    let req = t.http()[method](url);
    if (opts.token) req = req.set('Authorization', opts.token);
    if (opts.file) return req.attach('file', PNG, '照片.png');
    if (method === 'get' || opts.body === undefined) return req;
    return req.send(opts.body as object);
  }

  /** The probe of an allowed or denied caller: missing ids, a body with an unknown field. */
  function probe(key: string, r: RouteRule): { params: Record<string, string>; body: unknown; query?: string } {
    const params: Record<string, string> = {};
    for (const p of paramsOf(split(key).path)) params[p] = r.probe?.params?.[p] ?? MISSING_BY_PARAM[p] ?? MISSING_ID;
    return { params, body: r.probe?.body ?? PROBE_BODY, query: r.probe?.query };
  }

  const describeResponse = (res: Response) =>
    `${res.status} ${(res.body as { code?: string })?.code ?? ''} ${(res.body as { detail?: string })?.detail ?? ''}`.trim();

  /** Runs `call`, and reports any table it changed (beyond `mayChange`) and any audit event other than a denial. */
  async function unchanged(
    problems: string[],
    what: string,
    mayChange: readonly string[],
    call: () => Promise<void>,
  ): Promise<void> {
    const before = await digest(t.ds);
    const seq = await auditHead(t.ds);
    await call();
    const changed = changedTables(before, await digest(t.ds), mayChange);
    if (changed.length > 0) problems.push(`${what}: changed ${changed.join(', ')}`);
    const audited = await auditedSince(t.ds, seq);
    if (audited.length > 0) problems.push(`${what}: audited ${audited.join(', ')}`);
  }

  it('has a row for every route the app registers, and none for a route that is gone', () => {
    const { routes, strays } = registeredRoutes(t.app);
    expect(strays).toEqual([]);
    const missing = routes.filter((k) => !(k in ROUTE_ACCESS));
    const gone = Object.keys(ROUTE_ACCESS).filter((k) => !routes.includes(k));
    expect({
      'add a row to backend/test/access/route-access.ts for': missing,
      'remove the row of a route that no longer exists': gone,
    }).toEqual({
      'add a row to backend/test/access/route-access.ts for': [],
      'remove the row of a route that no longer exists': [],
    });
  });

  it('is what /api/docs-json documents: exactly the routes of the table (the Swagger UI aside)', async () => {
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    const documented = documentedRoutes(doc.body as { paths: Record<string, Record<string, unknown>> });
    const expected = rows
      .filter(([, r]) => r.documented !== false)
      .map(([k]) => k)
      .sort();
    expect(documented).toEqual(expected);
  });

  it('answers 401 to an anonymous caller on every route that is not public, and changes nothing', async () => {
    const problems: string[] = [];
    for (const [key, r] of rows) {
      await unchanged(problems, `${key} anonymous`, r.mayChange ?? [], async () => {
        const res = await send(key, probe(key, r));
        const ok =
          r.allow === PUBLIC ? res.status !== 401 && res.status !== 403 && res.status < 500 : res.status === 401;
        if (!ok)
          problems.push(
            `${key} anonymous: expected ${r.allow === PUBLIC ? 'an answer (public)' : '401'}, got ${describeResponse(res)}`,
          );
      });
    }
    expect(problems).toEqual([]);
  });

  // nine roles × every route (the queue board alone adds 40): more than the default minute on a busy machine
  it('answers 403 to every role the table does not name, lets every role it names through, and changes nothing', async () => {
    const problems: string[] = [];
    for (const [key, r] of rows) {
      // one checksum per route (all nine roles), to keep the run short on a busy machine
      await unchanged(problems, `${key} as any role`, r.mayChange ?? [], async () => {
        for (const role of ROLES) {
          const allowed = r.allow === PUBLIC || r.allow.includes(role);
          const res = await send(key, { ...probe(key, r), token: tokens[ROLE_USER[role]] });
          if (allowed && (res.status === 401 || res.status === 403 || res.status >= 500))
            problems.push(`${key} as ${role}: expected to pass the access check, got ${describeResponse(res)}`);
          if (!allowed && !(res.status === 403 && (res.body as { code?: string }).code === 'FORBIDDEN'))
            problems.push(`${key} as ${role}: expected 403 FORBIDDEN, got ${describeResponse(res)}`);
        }
      });
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it("answers another tenant's real records exactly as missing ones (404, same code and detail), and changes nothing", async () => {
    const problems: string[] = [];
    let checks = 0;
    for (const [key, r] of rows) {
      for (const c of r.cross ?? []) {
        checks++;
        const refs = Object.fromEntries(
          Object.entries((c.body ?? {}) as Record<string, unknown>).filter(
            ([, v]) => typeof v === 'string' && v.startsWith('@'),
          ),
        );
        const what = `${key} as ${c.as} (${c.hides ?? JSON.stringify({ ...c.params, ...refs })}${c.query ? ` ?${c.query}` : ''})`;
        if (c.hides !== undefined) {
          const hidden = String(fixtures[c.hides.slice(1)]);
          const listed = async (user: string): Promise<boolean | string> => {
            const res = await send(key, { token: tokens[user], query: c.query ?? 'pageSize=100' });
            const list = ((res.body as { items?: unknown[] }).items ?? res.body) as Array<Record<string, unknown>>;
            if (res.status !== 200 || !Array.isArray(list)) return `expected a list, got ${describeResponse(res)}`;
            return list.some((x) => String(x.id ?? (x.need as { id?: unknown } | undefined)?.id) === hidden);
          };
          await unchanged(problems, what, [], async () => {
            const other = await listed(c.as);
            const own = c.seenBy === undefined ? 'no seenBy given' : await listed(c.seenBy);
            if (own !== true) problems.push(`${what}: ${c.seenBy} should list ${c.hides} (${hidden}): ${own}`);
            if (other !== false)
              problems.push(`${what}: ${other === true ? `lists ${c.hides} (${hidden}) of another tenant` : other}`);
          });
          continue;
        }
        const real = resolve(c, false);
        const missing = resolve(c, true);
        await unchanged(problems, what, [], async () => {
          const token = tokens[c.as];
          const a = await send(key, { token, ...real, file: c.file });
          const b = await send(key, { token, ...missing, file: c.file });
          const norm = (res: Response, values: string[]) => {
            let detail = String((res.body as { detail?: string }).detail ?? '');
            for (const v of values.filter((x) => x.length > 0).sort((x, y) => y.length - x.length))
              detail = detail.split(v).join('<id>');
            return `${res.status} ${(res.body as { code?: string }).code} ${detail}`;
          };
          if (a.status !== (c.status ?? 404))
            problems.push(`${what}: expected ${c.status ?? 404}, got ${describeResponse(a)}`);
          else if (norm(a, real.values) !== norm(b, missing.values))
            problems.push(`${what}: answers "${norm(a, real.values)}" but a missing one "${norm(b, missing.values)}"`);
        });
      }
    }
    expect(checks).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  });

  /** The params and body of a cross-tenant call, fixtures resolved; `missing`: the chosen ones replaced. */
  function resolve(
    c: CrossTenant,
    asMissing: boolean,
  ): { params: Record<string, string>; body: unknown; query?: string; values: string[] } {
    const query = Object.fromEntries(new URLSearchParams(c.query ?? ''));
    const swap = new Set(
      c.missing ?? Object.entries({ ...c.params, ...query }).flatMap(([k, v]) => (v.startsWith('@') ? [k] : [])),
    );
    const values: string[] = [];
    const value = (v: unknown, name: string | null): unknown => {
      if (Array.isArray(v)) return v.map((x) => value(x, name));
      if (v !== null && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x, name ?? k)]));
      if (typeof v !== 'string' || !v.startsWith('@')) return v;
      const real = fixtures[v.slice(1)];
      if (real === undefined) throw new Error(`no fixture ${v}`);
      const out =
        asMissing && name !== null && swap.has(name)
          ? UUID.test(String(real))
            ? MISSING_UUID
            : typeof real === 'number'
              ? Number(MISSING_ID)
              : MISSING_ID
          : real;
      if (name !== null && swap.has(name)) values.push(String(out));
      return out;
    };
    const params = Object.fromEntries(
      Object.entries(c.params ?? {}).map(([k, v]) => [k, String(value(v, k))]),
    ) as Record<string, string>;
    const body =
      c.body === undefined
        ? undefined
        : Object.fromEntries(Object.entries(c.body as Record<string, unknown>).map(([k, v]) => [k, value(v, k)]));
    const resolvedQuery = new URLSearchParams(
      Object.entries(query).map(([k, v]) => [k, String(value(v, k))]),
    ).toString();
    return { params, body, query: resolvedQuery || undefined, values };
  }
});
