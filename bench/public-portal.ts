/* eslint-disable no-console -- a command-line tool: its output is the report */
/**
 * Public portal and open-data bench (issue #12, bench/README.md): at 100 concurrent anonymous clients, the real API's
 * public project page (`GET /api/v1/public/projects/:id`) and OCDS release feed (`GET /api/v1/public/open-data/
 * releases?cursor=…`) side by side with a raw endpoint that runs the same statements through a bare mysql2 pool, in
 * the same run, on the province-scale seed (`bench/seed-scale.ts` with its chain phases).
 *
 *   npx ts-node --transpile-only -P backend/tsconfig.app.json bench/public-portal.ts
 *
 * The raw endpoint (this file with --raw-server) calls the portal's and the open data's own read code —
 * `PortalProjectsService.get`, `OpenDataFeed.releases` — over a mysql2 pool configured as TypeORM configures the
 * application's (no Nest, no guard, no interceptor, no TypeORM, no cache): the same SQL statements in the same order,
 * the same JSON assembled. The calendar they read (working days for the tender dates' rules) is the same
 * `SELECT … FROM calendar_days WHERE date BETWEEN ? AND ?`. The API caches public answers for 5 s (PORTAL_CACHE_TTL_MS):
 * the bench asks for projects uniformly at random over all published projects, so most answers are not cached.
 *
 * Targets (exit code 1 when one is missed): throughput API ÷ raw ≥ 0.8 and API p99 ≤ 1.25 × raw p99, per endpoint.
 * Before measuring, both endpoints' answers are compared on 20 projects and 5 feed pages (byte for byte after
 * parsing, the packages' publishedDate aside): a ratio between endpoints that do different work means nothing.
 */
import 'reflect-metadata';

import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import type { Env } from '../backend/src/config/env';
import { encodeCursor } from '../backend/src/modules/open-data/domain/packages';
import { OpenDataFeed } from '../backend/src/modules/open-data/services/open-data-feed.service';
import { PortalProjectsService } from '../backend/src/modules/portal/services/portal-projects.service';
import { benchDbName, benchEnv, benchPool, intEnv, prng } from './common';

const ROOT = resolve(__dirname, '..');
const DB = benchDbName();
const API_PORT = intEnv('BENCH_API_PORT', 3292, 1024, 65535);
const RAW_PORT = intEnv('BENCH_RAW_PORT', 3293, 1024, 65535);
const SECONDS = intEnv('BENCH_SECONDS', 15, 1, 300);
const WARMUP = intEnv('BENCH_WARMUP', 3, 0, 60);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 100, 1, 1000);
const POOL_SIZE = intEnv('DB_POOL_SIZE', 20, 1, 200);
const FEED_LIMIT = intEnv('BENCH_FEED_LIMIT', 100, 1, 100);
const SEED = intEnv('BENCH_SEED', 20261204, 0);
const API_MODE = (process.env.BENCH_API ?? 'ts') as 'ts' | 'dist';
/** The OCDS settings both sides use (the API reads them from its environment). */
const OCDS = {
  OCDS_OCID_PREFIX: 'ocds-dd0001',
  OCDS_PUBLISHER_NAME: '点单基准测试',
  PUBLIC_BASE_URL: 'http://localhost:3000',
  OCDS_LICENSE_URL: 'https://creativecommons.org/licenses/by/4.0/',
  OCDS_PUBLICATION_POLICY_URL: '',
};

// ============================================================================ raw endpoint (child process)

async function rawServer(): Promise<void> {
  const pool = benchPool(benchEnv(DB), DB, POOL_SIZE);
  const query = async (sql: string, params?: unknown[]): Promise<unknown> => (await pool.query(sql, params))[0];
  const dataSource = { query };
  const calendar = {
    async calendarBetween(from: string, to: string) {
      const rows = (await query(
        "SELECT DATE_FORMAT(`date`, '%Y-%m-%d') AS `date`, kind FROM calendar_days WHERE `date` BETWEEN ? AND ?",
        [from, to],
      )) as Array<{ date: string; kind: string }>;
      return {
        holidays: new Set(rows.filter((r) => r.kind === 'HOLIDAY').map((r) => r.date)),
        workdays: new Set(rows.filter((r) => r.kind === 'WORKDAY').map((r) => r.date)),
      };
    },
  };
  const noCache = { get: <T>(_key: string, read: () => Promise<T>) => read(), clear: () => undefined };
  /* eslint-disable @typescript-eslint/no-explicit-any -- the services' ports, given their bare-mysql2 equivalents */
  const projects = new PortalProjectsService(dataSource as any, calendar as any, noCache as any);
  const feed = new OpenDataFeed(dataSource as any, OCDS as unknown as Env);
  /* eslint-enable @typescript-eslint/no-explicit-any */

  const send = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const project = /^\/api\/v1\/public\/projects\/(\d+)$/.exec(url.pathname);
    const work = project
      ? projects.get(Number(project[1])).then((dto) => JSON.stringify(dto))
      : url.pathname === '/api/v1/public/open-data/releases'
        ? feed.releases({
            cursor: url.searchParams.get('cursor') ?? undefined,
            limit: Number(url.searchParams.get('limit') ?? FEED_LIMIT),
          })
        : Promise.reject(Object.assign(new Error('not found'), { status: 404 }));
    work.then(
      (body) => send(res, 200, body),
      (err: { status?: number; message?: string }) =>
        send(res, err.status ?? 500, JSON.stringify({ detail: err.message })),
    );
  });
  server.keepAliveTimeout = 60_000;
  server.listen(RAW_PORT, '127.0.0.1', () => process.send?.({ ready: true }));
}

// ============================================================================ orchestration

const children: ChildProcess[] = [];
const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
async function stopChildren(): Promise<void> {
  for (const c of children.filter(alive)) c.kill('SIGTERM');
  const until = Date.now() + 5000;
  while (children.some(alive) && Date.now() < until) await sleep(100);
  for (const c of children.filter(alive)) c.kill('SIGKILL');
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function get(
  port: number,
  path: string,
  agent?: http.Agent,
  keepBody = true,
): Promise<{ status: number; body: string }> {
  return new Promise((res, rej) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent: agent ?? false }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => (keepBody ? chunks.push(c) : undefined));
      r.on('end', () => res({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      r.on('error', rej);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', rej);
    req.end();
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, ms: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(child)) throw new Error(`${what}: exited with code ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what}: not ready after ${ms} ms`);
}

function startRaw(): Promise<ChildProcess> {
  const child = fork(__filename, ['--raw-server'], {
    cwd: ROOT,
    execArgv: __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [],
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'backend/tsconfig.app.json'), TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  return new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error('raw endpoint did not start within 60 s')), 60_000);
    child.on('message', (m: { ready?: boolean }) => {
      if (m?.ready) {
        clearTimeout(t);
        res(child);
      }
    });
    child.on('exit', (code) => rej(new Error(`raw endpoint exited with code ${code}`)));
  });
}

async function startApi(): Promise<ChildProcess> {
  const distMain = resolve(ROOT, 'dist/backend/backend/src/main.js');
  if (API_MODE === 'dist' && !existsSync(distMain)) throw new Error(`${distMain} is missing: npx nx run backend:build`);
  const args = API_MODE === 'dist' ? [distMain] : ['-r', 'ts-node/register/transpile-only', 'backend/src/main.ts'];
  const log = createWriteStream(join(tmpdir(), 'diandan-bench-public-api.log'));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...OCDS,
      TS_NODE_PROJECT: join(ROOT, 'backend/tsconfig.app.json'),
      TS_NODE_TRANSPILE_ONLY: 'true',
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DB_NAME: DB,
      DB_POOL_SIZE: String(POOL_SIZE),
      PORT: String(API_PORT),
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: 'diandan_bench',
      STATIC_DIR: join(tmpdir(), 'diandan-bench-no-static'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  children.push(child);
  await waitFor('API', async () => (await get(API_PORT, '/api/health')).status === 200, 120_000, child);
  return child;
}

interface Result {
  requests: number;
  errors: number;
  seconds: number;
  sorted: Float64Array;
  errorSample?: string;
}

async function load(port: number, paths: string[], seconds: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const lat: number[] = [];
  let errors = 0;
  let errorSample: string | undefined;
  let next = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const path = paths[next++ % paths.length];
        const ts = performance.now();
        try {
          const r = await get(port, path, agent, false);
          if (r.status === 200) lat.push(performance.now() - ts);
          else {
            errors++;
            errorSample ??= `HTTP ${r.status} for ${path}`;
          }
        } catch (err) {
          errors++;
          errorSample ??= `${err instanceof Error ? err.message : err} for ${path}`;
        }
      }
    }),
  );
  agent.destroy();
  return {
    requests: lat.length,
    errors,
    seconds: (performance.now() - t0) / 1000,
    sorted: Float64Array.from(lat).sort(),
    errorSample,
  };
}

const pct = (s: Float64Array, p: number) =>
  s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
const row = (name: string, r: Result) =>
  `${name.padEnd(4)} ${String(r.requests).padStart(8)} ${(r.requests / r.seconds).toFixed(0).padStart(8)} ${pct(r.sorted, 50).toFixed(1).padStart(8)} ${pct(r.sorted, 95).toFixed(1).padStart(8)} ${pct(r.sorted, 99).toFixed(1).padStart(8)} ${String(r.errors).padStart(7)}`;

/** The packages' own time stamp and self URI differ by design between two calls; everything else must not. */
function comparable(body: string): unknown {
  const v = JSON.parse(body) as Record<string, unknown>;
  delete v['publishedDate'];
  return v;
}

async function orchestrate(): Promise<void> {
  const pool = benchPool(benchEnv(DB), DB, 2);
  const [ids] = (await pool.query(
    `SELECT p.id FROM projects p WHERE p.status NOT IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'REJECTED')
       AND EXISTS (SELECT 1 FROM tenders t WHERE t.project_id = p.id AND t.published_at IS NOT NULL) ORDER BY p.id`,
  )) as unknown as [Array<{ id: number }>];
  const [[{ releases }]] = (await pool.query('SELECT COUNT(*) AS releases FROM ocds_releases')) as unknown as [
    Array<{ releases: string }>,
  ];
  const [seqs] = (await pool.query('SELECT seq FROM ocds_releases ORDER BY seq')) as unknown as [
    Array<{ seq: string }>,
  ];
  await pool.end();
  console.log(`database ${DB}: ${ids.length} published projects, ${releases} OCDS releases`);
  if (ids.length === 0 || Number(releases) === 0)
    throw new Error(
      'no published projects or no releases: run bench/seed-scale.ts (chain phases), then the OCDS backfill (bench/README.md)',
    );
  const rnd = prng(SEED);
  const projectPaths = Array.from(
    { length: 20_000 },
    () => `/api/v1/public/projects/${ids[Math.floor(rnd() * ids.length)].id}`,
  );
  // feed pages from random points of the feed, as clients that poll links.next from where they stopped
  const feedPaths = Array.from(
    { length: 5_000 },
    () =>
      `/api/v1/public/open-data/releases?limit=${FEED_LIMIT}&cursor=${encodeCursor(seqs[Math.floor(rnd() * seqs.length)].seq)}`,
  );

  const raw = await startRaw();
  const api = await startApi();
  void raw;
  void api;

  // the same answers, or the comparison means nothing
  for (const path of [...projectPaths.slice(0, 20), ...feedPaths.slice(0, 5)]) {
    const [a, r] = await Promise.all([get(API_PORT, path), get(RAW_PORT, path)]);
    if (a.status !== 200 || r.status !== 200)
      throw new Error(`${path}: API ${a.status}, raw ${r.status}: ${a.body.slice(0, 200)} ${r.body.slice(0, 200)}`);
    if (JSON.stringify(comparable(a.body)) !== JSON.stringify(comparable(r.body)))
      throw new Error(`${path}: the API and the raw endpoint answer differently`);
  }
  console.log('answers compared: 20 project pages and 5 feed pages identical on both endpoints');

  let failed = false;
  for (const [name, paths] of [
    ['project page', projectPaths],
    ['release feed', feedPaths],
  ] as const) {
    if (WARMUP > 0) {
      await load(RAW_PORT, paths, WARMUP);
      await load(API_PORT, paths, WARMUP);
    }
    const r = await load(RAW_PORT, paths, SECONDS);
    const a = await load(API_PORT, paths, SECONDS);
    const ratio = a.requests / a.seconds / (r.requests / r.seconds);
    const p99 = pct(a.sorted, 99) / pct(r.sorted, 99);
    console.log(`\n${name}: ${CONNECTIONS} clients, ${SECONDS} s each (after ${WARMUP} s warm-up), pool ${POOL_SIZE}`);
    console.log(`side  requests    req/s   p50 ms   p95 ms   p99 ms  errors`);
    console.log(row('raw', r));
    console.log(row('api', a));
    for (const x of [r, a]) if (x.errorSample) console.log(`  errors, e.g. ${x.errorSample}`);
    const ok = ratio >= 0.8 && p99 <= 1.25 && a.errors === 0;
    failed ||= !ok;
    console.log(
      `throughput API/raw ${ratio.toFixed(2)} (target ≥ 0.80), p99 API/raw ${p99.toFixed(2)} (target ≤ 1.25): ${ok ? 'met' : 'MISSED'}`,
    );
  }
  await stopChildren();
  process.exitCode = failed ? 1 : 0;
}

if (process.argv.includes('--raw-server')) {
  rawServer().catch((err) => {
    console.error(err);
    process.exit(2);
  });
} else {
  const hard = setTimeout(
    () => {
      console.error('bench: hard time limit');
      void stopChildren().then(() => process.exit(2));
    },
    (4 * (SECONDS + WARMUP) + 240) * 1000,
  );
  hard.unref();
  orchestrate()
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 2;
    })
    .finally(() => void stopChildren());
}
