/* eslint-disable no-console -- a command-line tool: its output is the report */
/**
 * Needs list bench (bench/README.md): the real API `GET /api/v1/needs` against a raw mysql2 endpoint
 * running the same SQL (`buildNeedListQuery`, verbatim), under the same load, in one run.
 *
 *   npx ts-node --transpile-only -P backend/tsconfig.app.json bench/needs-list.ts
 *
 * Processes: this one (load generator + report), a child running the API (BENCH_API=ts: the sources
 * through ts-node, the default; BENCH_API=dist: dist/backend/backend/src/main.js after
 * `npx nx run backend:build`), and a child running the raw endpoint (this file with --raw-server).
 * Every request goes to 127.0.0.1. The run is bounded (BENCH_SECONDS per target and round, and a hard
 * time limit) and kills its children when it ends, however it ends.
 */
import 'reflect-metadata';

import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import {
  buildNeedListQuery,
  LEVEL_COLUMN,
  NEED_SORTS,
  type NeedSort,
} from '../backend/src/modules/needs/services/need-list.query';
import { BENCH_CITY, BENCH_OFFICER, benchConnection, benchDbName, benchEnv, benchPool, intEnv, prng } from './common';

const ROOT = resolve(__dirname, '..');
const DB = benchDbName();
const API_PORT = intEnv('BENCH_API_PORT', 3290, 1024, 65535);
const RAW_PORT = intEnv('BENCH_RAW_PORT', 3291, 1024, 65535);
const SECONDS = intEnv('BENCH_SECONDS', 20, 1, 300);
const WARMUP = intEnv('BENCH_WARMUP', 3, 0, 60);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 50, 1, 1000);
const ROUNDS = intEnv('BENCH_ROUNDS', 1, 1, 5);
const POOL_SIZE = intEnv('DB_POOL_SIZE', 20, 1, 200);
const SEED = intEnv('BENCH_SEED', 20261123, 0);
const USER = process.env.BENCH_USER ?? BENCH_OFFICER;
const PASSWORD = process.env.BENCH_PASSWORD ?? 'Diandan@2026';
const API_MODE = (process.env.BENCH_API ?? 'ts') as 'ts' | 'dist';
const TARGETS = (process.env.BENCH_TARGETS ?? 'raw,api').split(',').map((s) => s.trim()) as Array<'raw' | 'api'>;
const LIST_PATH = '/api/v1/needs';
const STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'REJECTED',
  'MERGED',
  'SHORTLISTED',
  'APPROVED',
  'DECLINED',
  'IN_PROCUREMENT',
  'IN_SERVICE',
  'DELIVERED',
  'EVALUATED',
  'CLOSED',
];

// ============================================================================ raw endpoint (child process)

/**
 * The raw endpoint: plain `http` + a mysql2 pool of DB_POOL_SIZE connections; resolves the region's level
 * column, the category subtree and the names (regions, categories) from tables read at start, then runs
 * buildNeedListQuery's two statements (page and count) in parallel, as NeedsService.list does. No
 * authentication, no scope check: the difference to the API is everything the API does besides these two.
 */
async function rawServer(): Promise<void> {
  const env = benchEnv(DB);
  const conn = await benchConnection(env, DB);
  const levelOf = new Map<number, keyof typeof LEVEL_COLUMN>();
  const regionName = new Map<number, string>();
  const categoryName = new Map<number, string>();
  const children = new Map<number, number[]>();
  try {
    const [regions] = (await conn.query('SELECT id, level, name FROM regions')) as unknown as [
      Array<{ id: number; level: keyof typeof LEVEL_COLUMN; name: string }>,
    ];
    for (const r of regions) {
      levelOf.set(r.id, r.level);
      regionName.set(r.id, r.name);
    }
    const [cats] = (await conn.query('SELECT id, parent_id, name FROM catalogue_categories')) as unknown as [
      Array<{ id: number; parent_id: number | null; name: string }>,
    ];
    for (const c of cats) {
      categoryName.set(c.id, c.name);
      if (!children.has(c.id)) children.set(c.id, []);
      if (c.parent_id !== null) {
        if (!children.has(c.parent_id)) children.set(c.parent_id, []);
        children.get(c.parent_id)!.push(c.id);
      }
    }
  } finally {
    await conn.end();
  }
  const subtree = (id: number): number[] => {
    const out = [id];
    for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
    return out;
  };
  const subtrees = new Map<number, number[]>([...children.keys()].map((id) => [id, subtree(id)]));
  const pool = benchPool(env, DB, POOL_SIZE);

  const problem = (res: http.ServerResponse, status: number, detail: string) => {
    res.writeHead(status, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ status, detail }));
  };
  const positive = (v: string | null, dflt: number, max: number) => {
    if (v === null || v === '') return dflt;
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n <= max ? n : NaN;
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== LIST_PATH) return problem(res, 404, 'not found');
    const p = url.searchParams;
    const regionId = positive(p.get('regionId'), NaN, 2 ** 31 - 1);
    const level = levelOf.get(regionId);
    if (level === undefined) return problem(res, 404, 'region not found');
    const statuses = p.get('status') ? p.get('status')!.split(',') : undefined;
    if (statuses?.some((s) => !STATUSES.includes(s))) return problem(res, 400, 'bad status');
    const categoryId = p.get('categoryId') ? positive(p.get('categoryId'), NaN, 2 ** 31 - 1) : undefined;
    const categoryIds = categoryId === undefined ? undefined : subtrees.get(categoryId);
    if (categoryId !== undefined && categoryIds === undefined) return problem(res, 404, 'category not found');
    const sort = (p.get('sort') ?? '-createdAt') as NeedSort;
    if (!NEED_SORTS.includes(sort)) return problem(res, 400, 'bad sort');
    const page = positive(p.get('page'), 1, 100_000);
    const pageSize = positive(p.get('pageSize'), 20, 100);
    if (Number.isNaN(page) || Number.isNaN(pageSize)) return problem(res, 400, 'bad page');

    const built = buildNeedListQuery({
      region: { column: LEVEL_COLUMN[level], id: regionId },
      statuses,
      categoryIds,
      sort,
      page,
      pageSize,
    });
    const q = built; // the application's own statement, verbatim
    Promise.all([pool.query(q.sql, [...q.params, ...q.pageParams]), pool.query(q.countSql, q.params)])
      .then(([[rows], [countRows]]) => {
        const items = (rows as Array<Record<string, unknown>>).map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          supportCount: Number(r.support_count),
          categoryId: r.category_id,
          categoryName: categoryName.get(r.category_id as number) ?? null,
          regionId: r.region_id,
          regionName: regionName.get(r.region_id as number) ?? null,
          campaignId: r.campaign_id,
          channel: r.channel,
          createdAt: (r.created_at as Date).toISOString(),
        }));
        const total = Number((countRows as Array<{ total: number | string }>)[0].total);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ items, total, page, pageSize }));
      })
      .catch((err: unknown) => problem(res, 500, err instanceof Error ? err.message : String(err)));
  });
  server.keepAliveTimeout = 65_000;
  server.listen(RAW_PORT, '127.0.0.1', () => process.send?.({ ready: true }));
  const stop = () => {
    server.close();
    void pool.end();
    setTimeout(() => process.exit(0), 200).unref();
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

// ============================================================================ orchestration

const children: ChildProcess[] = [];
const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
/** SIGTERM to every child still running, SIGKILL to those still there after 5 s. */
async function stopChildren(): Promise<void> {
  const running = children.filter(alive);
  for (const c of running) c.kill('SIGTERM');
  const until = Date.now() + 5000;
  while (running.some(alive) && Date.now() < until) await sleep(100);
  for (const c of running.filter(alive)) c.kill('SIGKILL');
}
/** Last resort on exit (synchronous): SIGKILL to every child still running. */
function killChildrenNow(): void {
  for (const c of children.filter(alive)) {
    try {
      c.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

interface Resp {
  status: number;
  body: string;
}
function request(
  port: number,
  path: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    agent?: http.Agent;
    timeoutMs?: number;
    keepBody?: boolean;
  } = {},
): Promise<Resp> {
  return new Promise((resolveP, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: opts.headers,
        agent: opts.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => (opts.keepBody === false ? undefined : chunks.push(c)));
        res.on('end', () => resolveP({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  child?: ChildProcess,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited with code ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms`);
}

interface Meta {
  districts: number[];
  streets: number[];
  communities: number[];
  topCategories: number[];
  needs: number;
  supports: number;
  serverInfo: string;
  /** The database server's pid file (for its CPU time). */
  pidFile: string;
}

function weighted<T>(rnd: () => number, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}

/**
 * The query mix: a random district (25 %), street (35 %) or community (40 %) of the generated tree;
 * one status (60 %) or two; a top category filter 30 % of the time; sort -createdAt 80 %,
 * createdAt 10 %, -supportCount 10 %; page 1–5 (mostly 1); pageSize 20.
 */
function makeQueries(meta: Meta, count: number, seed: number): string[] {
  const rnd = prng(seed);
  const pickOne = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const single: Array<[string, number]> = [
    ['ACCEPTED', 25],
    ['SUBMITTED', 15],
    ['APPROVED', 20],
    ['SHORTLISTED', 10],
    ['IN_PROCUREMENT', 10],
    ['DECLINED', 5],
    ['REJECTED', 5],
    ['IN_SERVICE', 5],
    ['MERGED', 5],
  ];
  const pairs: Array<[string, number]> = [
    ['ACCEPTED,SHORTLISTED', 25],
    ['APPROVED,IN_PROCUREMENT', 25],
    ['SHORTLISTED,APPROVED', 20],
    ['SUBMITTED,ACCEPTED', 20],
    ['IN_PROCUREMENT,IN_SERVICE', 10],
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const level = weighted(rnd, [
      ['d', 25],
      ['s', 35],
      ['c', 40],
    ] as Array<['d' | 's' | 'c', number]>);
    const regionId = pickOne(level === 'd' ? meta.districts : level === 's' ? meta.streets : meta.communities);
    const status = rnd() < 0.6 ? weighted(rnd, single) : weighted(rnd, pairs);
    const params = new URLSearchParams({ regionId: String(regionId), status });
    if (rnd() < 0.3 && meta.topCategories.length > 0) params.set('categoryId', String(pickOne(meta.topCategories)));
    params.set(
      'sort',
      weighted(rnd, [
        ['-createdAt', 80],
        ['createdAt', 10],
        ['-supportCount', 10],
      ] as Array<[string, number]>),
    );
    params.set(
      'page',
      String(
        weighted(rnd, [
          [1, 50],
          [2, 20],
          [3, 15],
          [4, 10],
          [5, 5],
        ] as Array<[number, number]>),
      ),
    );
    params.set('pageSize', '20');
    out.push(`${LIST_PATH}?${params.toString().replace(/%2C/g, ',')}`);
  }
  return out;
}

async function loadMeta(): Promise<Meta> {
  const env = benchEnv(DB);
  const conn = await benchConnection(env, DB);
  try {
    const [[city]] = (await conn.query('SELECT id, path FROM regions WHERE code = ?', [
      BENCH_CITY.code,
    ])) as unknown as [Array<{ id: number; path: string }>];
    if (!city) throw new Error(`${DB} has no bench city ${BENCH_CITY.code}: run bench/seed-scale.ts first`);
    const [regions] = (await conn.query('SELECT id, level FROM regions WHERE path LIKE ?', [
      `${city.path}%`,
    ])) as unknown as [Array<{ id: number; level: string }>];
    const ids = (level: string) => regions.filter((r) => r.level === level).map((r) => r.id);
    const [cats] = (await conn.query(
      `SELECT c.id FROM catalogue_categories c
        WHERE c.parent_id IS NULL AND c.version_id IN (SELECT DISTINCT catalogue_version_id FROM campaigns WHERE region_path LIKE ?) ORDER BY c.id`,
      [`${city.path}%`],
    )) as unknown as [Array<{ id: number }>];
    const [[counts]] = (await conn.query(
      `SELECT (SELECT COUNT(*) FROM needs WHERE city_id = ?) AS needs, (SELECT COUNT(*) FROM supports) AS supports,
        VERSION() AS version, @@innodb_buffer_pool_size AS bp, @@pid_file AS pidFile`,
      [city.id],
    )) as unknown as [Array<Record<string, string>>];
    return {
      districts: ids('DISTRICT'),
      streets: ids('STREET'),
      communities: ids('COMMUNITY'),
      topCategories: cats.map((c) => c.id),
      needs: Number(counts.needs),
      supports: Number(counts.supports),
      serverInfo: `MariaDB ${counts.version} on ${env.DB_HOST}:${env.DB_PORT}, innodb_buffer_pool_size ${Math.round(Number(counts.bp) / 1048576)} MB`,
      pidFile: counts.pidFile,
    };
  } finally {
    await conn.end();
  }
}

function startRaw(): Promise<ChildProcess> {
  const child = fork(__filename, ['--raw-server'], {
    cwd: ROOT,
    execArgv: __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [],
    env: {
      ...process.env,
      TS_NODE_PROJECT: join(ROOT, 'backend/tsconfig.app.json'),
      TS_NODE_TRANSPILE_ONLY: 'true',
      DB_POOL_SIZE: String(POOL_SIZE),
    },
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
    child.on('exit', (code) => {
      clearTimeout(t);
      rej(new Error(`raw endpoint exited with code ${code}`));
    });
  });
}

async function startApi(logFile: string): Promise<ChildProcess> {
  const distMain = resolve(ROOT, process.env.BENCH_API_MAIN ?? 'dist/backend/backend/src/main.js');
  if (API_MODE === 'dist' && !existsSync(distMain))
    throw new Error(`${distMain} is missing: run npx nx run backend:build first (or BENCH_API=ts)`);
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const args = [
    ...nodeArgs,
    ...(API_MODE === 'dist'
      ? [distMain]
      : ['-r', 'ts-node/register/transpile-only', join(ROOT, 'backend/src/main.ts')]),
  ];
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      TS_NODE_PROJECT: join(ROOT, 'backend/tsconfig.app.json'),
      TS_NODE_TRANSPILE_ONLY: 'true',
      // A build outside the workspace (BENCH_API_MAIN=/tmp/…/main.js) still finds the workspace's packages.
      NODE_PATH: join(ROOT, 'node_modules'),
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DB_NAME: DB,
      DB_POOL_SIZE: String(POOL_SIZE),
      PORT: String(API_PORT),
      LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'warn',
      AUTH_RATE_LIMIT: '100000',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      QUEUE_PREFIX: 'diandan_bench',
      // As in docker/compose.yml, where nginx serves the UI: no static middleware in front of the API.
      STATIC_DIR: join(tmpdir(), 'diandan-bench-no-static'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  children.push(child);
  await waitFor(
    'API',
    async () => (await request(API_PORT, '/api/health', { timeoutMs: 1000 })).status === 200,
    90_000,
    child,
  );
  return child;
}

// ---------------------------------------------------------------------------- CPU accounting (Linux /proc)

const TICK_MS = 10; // USER_HZ = 100 on Linux
function cpuMsOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime + stime
  } catch {
    return null;
  }
}
/** The database server's pid, when it runs on this machine and its pid file is readable. */
let dbPidFile = '/run/mysqld/mysqld.pid';
function mariadbPid(): number | undefined {
  try {
    return Number(readFileSync(dbPidFile, 'utf8').trim());
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------- load generator

interface Result {
  target: string;
  /** Latency of each successful request with its path (for the breakdown by query kind). */
  samples: Array<{ ms: number; path: string }>;
  requests: number;
  errors: number;
  seconds: number;
  latencies: Float64Array;
  errorSamples: string[];
  cpu: { self: number; server: number | null; db: number | null };
  /** Statements the database server executed meanwhile (global `Questions`: exact only if nothing else uses the server). */
  statements: number | null;
  /** CPU ms the whole machine spent busy meanwhile (/proc/stat), and in steal (hypervisor). */
  machine: { busy: number; steal: number } | null;
}

/** Busy and steal CPU ms of the whole machine since boot (Linux /proc/stat). */
function machineCpuMs(): { busy: number; steal: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = f; // idle and iowait are not busy
    return { busy: (user + nice + system + irq + softirq) * TICK_MS, steal: (steal ?? 0) * TICK_MS };
  } catch {
    return null;
  }
}

/** The server-wide statement counter, read on a connection of its own (its own reads are subtracted). */
let statementCounter: (() => Promise<number>) | undefined;

async function runLoad(
  target: string,
  port: number,
  headers: Record<string, string>,
  queries: string[],
  seconds: number,
  serverPid?: number,
): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS, maxFreeSockets: CONNECTIONS });
  const lat: number[] = [];
  const samples: Array<{ ms: number; path: string }> = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const dbPid = mariadbPid();
  const q0 = statementCounter ? await statementCounter() : null;
  const cpu0 = { self: process.cpuUsage(), server: cpuMsOf(serverPid), db: cpuMsOf(dbPid), machine: machineCpuMs() };
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const path = queries[next++ % queries.length];
      const ts = performance.now();
      try {
        const r = await request(port, path, { headers, agent, timeoutMs: 10_000, keepBody: false });
        const dt = performance.now() - ts;
        if (r.status === 200) {
          lat.push(dt);
          samples.push({ ms: dt, path });
        } else {
          errors++;
          if (errorSamples.length < 3) errorSamples.push(`HTTP ${r.status} for ${path}`);
        }
      } catch (err) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(`${err instanceof Error ? err.message : err} for ${path}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  const selfCpu = process.cpuUsage(cpu0.self);
  const server1 = cpuMsOf(serverPid);
  const db1 = cpuMsOf(dbPid);
  const m1 = machineCpuMs();
  const q1 = statementCounter && q0 !== null ? await statementCounter() : null;
  agent.destroy();
  return {
    target,
    samples,
    requests: lat.length,
    errors,
    seconds: elapsed,
    latencies: Float64Array.from(lat).sort(),
    errorSamples,
    cpu: {
      self: (selfCpu.user + selfCpu.system) / 1000,
      server: server1 !== null && cpu0.server !== null ? server1 - cpu0.server : null,
      db: db1 !== null && cpu0.db !== null ? db1 - cpu0.db : null,
    },
    statements: q1 !== null && q0 !== null ? q1 - q0 - 1 : null,
    machine: m1 && cpu0.machine ? { busy: m1.busy - cpu0.machine.busy, steal: m1.steal - cpu0.machine.steal } : null,
  };
}

/** Where the machine's CPU went during a measurement: this bench's processes vs everything else. */
function cpuShares(r: Result): string {
  if (!r.machine) return 'machine CPU n/a';
  const wall = r.seconds * 1000 * cpus().length;
  const ours = r.cpu.self + (r.cpu.server ?? 0) + (r.cpu.db ?? 0);
  const other = Math.max(0, r.machine.busy - ours);
  const f = (ms: number) => `${((100 * ms) / wall).toFixed(0)}%`;
  return `machine CPU busy ${f(r.machine.busy)} (server ${f(r.cpu.server ?? 0)}, DB ${f(r.cpu.db ?? 0)}, load generator ${f(r.cpu.self)}, other processes ${f(other)}, steal ${f(r.machine.steal)})`;
}

function pct(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function merge(results: Result[]): Result {
  const all = results.flatMap((r) => Array.from(r.latencies));
  return {
    target: results[0].target,
    samples: results.flatMap((r) => r.samples),
    requests: results.reduce((s, r) => s + r.requests, 0),
    errors: results.reduce((s, r) => s + r.errors, 0),
    seconds: results.reduce((s, r) => s + r.seconds, 0),
    latencies: Float64Array.from(all).sort(),
    errorSamples: results.flatMap((r) => r.errorSamples).slice(0, 3),
    cpu: {
      self: results.reduce((s, r) => s + r.cpu.self, 0),
      server: results.some((r) => r.cpu.server === null) ? null : results.reduce((s, r) => s + (r.cpu.server ?? 0), 0),
      db: results.some((r) => r.cpu.db === null) ? null : results.reduce((s, r) => s + (r.cpu.db ?? 0), 0),
    },
    statements: results.some((r) => r.statements === null)
      ? null
      : results.reduce((s, r) => s + (r.statements ?? 0), 0),
    machine: results.some((r) => r.machine === null)
      ? null
      : {
          busy: results.reduce((s, r) => s + r.machine!.busy, 0),
          steal: results.reduce((s, r) => s + r.machine!.steal, 0),
        },
  };
}

function row(r: Result): string {
  const rps = r.requests / r.seconds;
  const per = (ms: number | null) =>
    ms === null || r.requests === 0 ? '   n/a' : (ms / r.requests).toFixed(2).padStart(6);
  return [
    r.target.padEnd(5),
    String(r.requests).padStart(8),
    rps.toFixed(0).padStart(8),
    pct(r.latencies, 50).toFixed(1).padStart(7),
    pct(r.latencies, 95).toFixed(1).padStart(7),
    pct(r.latencies, 99).toFixed(1).padStart(7),
    (r.latencies.length ? r.latencies[r.latencies.length - 1] : NaN).toFixed(1).padStart(7),
    String(r.errors).padStart(6),
    per(r.cpu.server),
    per(r.cpu.db),
    per(r.cpu.self),
    (r.statements === null || r.requests + r.errors === 0
      ? 'n/a'
      : (r.statements / (r.requests + r.errors)).toFixed(1)
    ).padStart(6),
  ].join('  ');
}
const HEADER = `${'target'.padEnd(5)}  ${'requests'.padStart(8)}  ${'req/s'.padStart(8)}  ${'p50 ms'.padStart(7)}  ${'p95 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'max ms'.padStart(7)}  ${'errors'.padStart(6)}  ${'srvCPU'.padStart(6)}  ${'dbCPU'.padStart(6)}  ${'genCPU'.padStart(6)}  ${'stmts'.padStart(6)}   (CPU: ms per request; stmts: DB statements per request)`;

/** Latency by query kind (region level, number of statuses, category filter, sort): where the time goes. */
function breakdown(r: Result, meta: Meta): void {
  const level = new Map<number, string>([
    ...meta.districts.map((id) => [id, 'district'] as [number, string]),
    ...meta.streets.map((id) => [id, 'street'] as [number, string]),
    ...meta.communities.map((id) => [id, 'community'] as [number, string]),
  ]);
  const dims: Array<[string, (p: URLSearchParams) => string]> = [
    ['region level', (p) => level.get(Number(p.get('regionId'))) ?? '?'],
    ['statuses', (p) => `${(p.get('status') ?? '').split(',').length} status(es)`],
    ['category', (p) => (p.has('categoryId') ? 'top category' : 'no category')],
    ['sort', (p) => p.get('sort') ?? '-createdAt'],
  ];
  const parsed = r.samples.map((x) => ({ ms: x.ms, p: new URL(x.path, 'http://127.0.0.1').searchParams }));
  console.log(`  ${r.target}: latency by query kind (share of requests, mean / p50 / p99 ms)`);
  for (const [name, f] of dims) {
    const groups = new Map<string, number[]>();
    for (const x of parsed) {
      const k = f(x.p);
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(x.ms);
    }
    const cells = [...groups].sort().map(([k, v]) => {
      const sorted = Float64Array.from(v).sort();
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      return `${k} ${((100 * v.length) / parsed.length).toFixed(0)}%: ${mean.toFixed(1)} / ${pct(sorted, 50).toFixed(1)} / ${pct(sorted, 99).toFixed(1)}`;
    });
    console.log(`    ${name.padEnd(13)} ${cells.join(' | ')}`);
  }
}

/** The fields both endpoints return for a need, as text: what a reader of the list sees. */
const COMPARED_FIELDS = [
  'id',
  'title',
  'status',
  'supportCount',
  'categoryId',
  'categoryName',
  'regionId',
  'regionName',
  'campaignId',
  'channel',
  'createdAt',
] as const;

function itemText(item: Record<string, unknown>): string {
  return COMPARED_FIELDS.map((f) => `${f}=${String(item[f] ?? null)}`).join(' ');
}

/**
 * Same filters, same page: both endpoints must return the same total and the same items (every field above) in the
 * same order. A figure measured on two endpoints that answer differently compares nothing: the caller fails the run.
 */
async function compareAnswers(queries: string[], token: string): Promise<{ compared: number; mismatches: string[] }> {
  const mismatches: string[] = [];
  let compared = 0;
  for (const path of queries) {
    const [a, r] = await Promise.all([
      request(API_PORT, path, { headers: { authorization: `Bearer ${token}` } }),
      request(RAW_PORT, path),
    ]);
    if (a.status !== 200 || r.status !== 200) {
      mismatches.push(
        `${path}: API ${a.status}, raw ${r.status}${a.status !== 200 ? ` (${a.body.slice(0, 200)})` : ''}`,
      );
      continue;
    }
    compared++;
    const A = JSON.parse(a.body) as { items: Array<Record<string, unknown>>; total: number };
    const R = JSON.parse(r.body) as { items: Array<Record<string, unknown>>; total: number };
    const aItems = (A.items ?? []).map(itemText);
    const rItems = (R.items ?? []).map(itemText);
    if (Number(A.total) !== Number(R.total)) {
      mismatches.push(`${path}: total API ${A.total}, raw ${R.total}`);
    } else if (aItems.length !== rItems.length) {
      mismatches.push(`${path}: ${aItems.length} items from the API, ${rItems.length} raw`);
    } else {
      const i = aItems.findIndex((text, k) => text !== rItems[k]);
      if (i >= 0) mismatches.push(`${path}: item ${i} differs\n    API: ${aItems[i]}\n    raw: ${rItems[i]}`);
    }
  }
  return { compared, mismatches };
}

async function orchestrate(): Promise<void> {
  const hardLimitMs = (ROUNDS * TARGETS.length * (SECONDS + WARMUP) + 240) * 1000;
  const hard = setTimeout(() => {
    console.error(`[bench] hard time limit (${hardLimitMs / 1000} s) reached: stopping`);
    void stopChildren().finally(() => process.exit(2));
  }, hardLimitMs);
  hard.unref();

  const meta = await loadMeta();
  dbPidFile = meta.pidFile;
  const counterConn = await benchConnection(benchEnv(DB), DB);
  statementCounter = async () => {
    const [rows] = (await counterConn.query("SHOW GLOBAL STATUS LIKE 'Questions'")) as unknown as [
      Array<{ Value: string }>,
    ];
    return Number(rows[0].Value);
  };
  console.log(
    `[bench] ${DB}: ${meta.needs} needs, ${meta.supports} supports; ${meta.districts.length} districts, ${meta.streets.length} streets, ` +
      `${meta.communities.length} communities, ${meta.topCategories.length} top categories`,
  );
  console.log(
    `[bench] machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}, ${meta.serverInfo}`,
  );
  console.log(
    `[bench] ${CONNECTIONS} connections, warm-up ${WARMUP} s + ${SECONDS} s per target and round, ${ROUNDS} round(s), DB pool ${POOL_SIZE} on each side, API from ${API_MODE === 'dist' ? 'dist/' : 'sources (ts-node, transpile-only)'}`,
  );

  const load0 = loadavg()[0];
  console.log(
    `[bench] load average before: ${load0.toFixed(2)}${load0 > 1 ? '  (other work is running on this machine: the figures will be lower and noisier)' : ''}`,
  );
  const queries = makeQueries(meta, 20_000, SEED);
  const warmQueries = makeQueries(meta, 5_000, SEED + 1);
  const logFile = join(tmpdir(), `diandan-bench-api-${process.pid}.log`);

  const wantApi = TARGETS.includes('api');
  const raw = TARGETS.includes('raw') ? await startRaw() : undefined;
  let api: ChildProcess | undefined;
  let token: string | undefined;
  let apiAvailable = false;
  if (wantApi) {
    try {
      api = await startApi(logFile);
      const login = await request(API_PORT, '/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: USER, password: PASSWORD }),
      });
      if (login.status !== 200)
        throw new Error(`login as ${USER} answered ${login.status}: ${login.body.slice(0, 300)}`);
      token = (JSON.parse(login.body) as { accessToken: string }).accessToken;
      const docs = await request(API_PORT, '/api/docs-json').catch(() => ({ status: 0, body: '' }));
      const paths = docs.status === 200 ? Object.keys((JSON.parse(docs.body) as { paths?: object }).paths ?? {}) : [];
      const routed = paths.includes(LIST_PATH) || paths.includes(LIST_PATH.replace(/^\/api/, ''));
      const probe = await request(API_PORT, queries[0], { headers: { authorization: `Bearer ${token}` } });
      if (probe.status === 404 && !routed) {
        console.log(`\n[bench] *** The API has no GET ${LIST_PATH} yet (404, and not in /api/docs-json).`);
        console.log(
          '[bench] *** The needs controller (backend/src/modules/needs/http/needs.controller.ts) is missing or not wired into AppModule:',
        );
        console.log('[bench] *** measuring the raw endpoint only.\n');
      } else if (probe.status !== 200) {
        console.log(
          `\n[bench] *** GET ${queries[0]} answered ${probe.status}: ${probe.body.slice(0, 300)} — measuring the raw endpoint only.\n`,
        );
      } else {
        apiAvailable = true;
      }
    } catch (err) {
      console.log(
        `\n[bench] *** the API could not be used: ${err instanceof Error ? err.message : err} (log: ${logFile}) — measuring the raw endpoint only.\n`,
      );
    }
  }

  if (apiAvailable && raw) {
    const sample = makeQueries(meta, 40, SEED + 2);
    const { compared, mismatches } = await compareAnswers(sample, token!);
    console.log(
      `[bench] answers compared on ${sample.length} queries: ${compared} both 200, ${mismatches.length} differ`,
    );
    for (const m of mismatches.slice(0, 5)) console.log(`  differs: ${m}`);
    if (mismatches.length > 0 || compared === 0)
      throw new Error(
        compared === 0
          ? 'no query answered 200 on both endpoints: nothing to compare, so no figure would mean anything'
          : `the API and the raw endpoint answer ${mismatches.length} of ${sample.length} queries differently: the figures would compare different work`,
      );
  }

  const plan: Array<{ name: 'raw' | 'api'; port: number; headers: Record<string, string>; pid?: number }> = [];
  for (const t of TARGETS) {
    if (t === 'raw' && raw) plan.push({ name: 'raw', port: RAW_PORT, headers: {}, pid: raw.pid });
    if (t === 'api' && apiAvailable)
      plan.push({ name: 'api', port: API_PORT, headers: { authorization: `Bearer ${token}` }, pid: api!.pid });
  }
  const results = new Map<string, Result[]>();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const t of plan) {
      if (WARMUP > 0) await runLoad(t.name, t.port, t.headers, warmQueries, WARMUP, t.pid);
      const r = await runLoad(t.name, t.port, t.headers, queries, SECONDS, t.pid);
      (results.get(t.name) ?? results.set(t.name, []).get(t.name)!).push(r);
      console.log(
        `[bench] round ${round} ${t.name}: ${r.requests} requests in ${r.seconds.toFixed(1)} s, ${(r.requests / r.seconds).toFixed(0)} req/s, ` +
          `p99 ${pct(r.latencies, 99).toFixed(1)} ms, ${r.errors} errors; ${cpuShares(r)}`,
      );
      for (const e of r.errorSamples) console.log(`  error: ${e}`);
    }
  }

  console.log(
    `\n[bench] results (${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} per target, ${meta.needs} needs)`,
  );
  console.log(HEADER);
  const merged = new Map([...results].map(([k, v]) => [k, merge(v)]));
  for (const r of merged.values()) console.log(row(r));
  for (const r of merged.values()) console.log(`${r.target}: ${cpuShares(r)}`);
  await counterConn.end();
  if (process.env.BENCH_BREAKDOWN !== '0') {
    console.log('');
    for (const r of merged.values()) breakdown(r, meta);
  }
  const A = merged.get('api');
  const R = merged.get('raw');
  // A model, for a machine shared with other work: the throughput the measured CPU cost per request allows on
  // this machine's cores if nothing else ran (a Node server process uses one core at most).
  const capacity = (r: Result) => {
    if (r.cpu.server === null || r.cpu.db === null || r.requests === 0) return null;
    const per = (ms: number) => ms / r.requests;
    return Math.min(
      (cpus().length * 1000) / (per(r.cpu.server) + per(r.cpu.db) + per(r.cpu.self)),
      1000 / per(r.cpu.server),
    );
  };
  for (const r of merged.values()) {
    const c = capacity(r);
    if (c !== null)
      console.log(
        `${r.target}: CPU-bound estimate ${c.toFixed(0)} req/s (min(${cpus().length} cores / (server + DB + generator CPU per request), 1 core / server CPU per request))`,
      );
  }
  if (A && R) {
    const cA = capacity(A);
    const cR = capacity(R);
    if (cA !== null && cR !== null) console.log(`ratio of the CPU-bound estimates API/raw: ${(cA / cR).toFixed(2)}`);
    const ratio = A.requests / A.seconds / (R.requests / R.seconds);
    const p99 = pct(A.latencies, 99);
    console.log(
      `\nratio API/raw throughput: ${ratio.toFixed(2)}   (target ≥ 0.8: ${ratio >= 0.8 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `API p99: ${p99.toFixed(1)} ms   (target < 50 ms: ${p99 < 50 ? 'met' : 'NOT met'})   raw p99: ${pct(R.latencies, 99).toFixed(1)} ms`,
    );
    console.log(`errors: API ${A.errors}, raw ${R.errors}`);
  } else if (R) {
    console.log(`\nAPI not measured (see above); raw p99 ${pct(R.latencies, 99).toFixed(1)} ms`);
  }
}

// ============================================================================ entry

if (process.argv.includes('--raw-server')) {
  rawServer().catch((err: unknown) => {
    console.error('[raw] failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
} else {
  process.on('exit', killChildrenNow);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      void stopChildren().finally(() => process.exit(130));
    });
  }
  orchestrate()
    .then(stopChildren)
    .then(() => process.exit(0))
    .catch(async (err: unknown) => {
      console.error('[bench] failed:', err instanceof Error ? (err.stack ?? err.message) : err);
      await stopChildren();
      process.exit(1);
    });
}
