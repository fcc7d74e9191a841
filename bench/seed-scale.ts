/* eslint-disable no-console -- a command-line tool: its output is the report */
/**
 * Province-scale seed for the needs list bench (bench/README.md).
 *
 *   npx ts-node --transpile-only -P backend/tsconfig.app.json bench/seed-scale.ts
 *
 * Creates (or reuses) BENCH_DB (default diandan_bench), applies the migrations, runs the demo seed,
 * then bulk-loads with set-based SQL (INSERT … SELECT over MariaDB's SEQUENCE engine `seq_a_to_b`):
 *
 *   regions    1 city 渝州市 (5001 00000000) → BENCH_DISTRICTS districts → × BENCH_STREETS_PER_DISTRICT
 *              streets → × BENCH_COMMUNITIES_PER_STREET communities (defaults 75/4/5: 75 + 300 + 1 500)
 *   catalogue  the newest PUBLISHED version, or a minimal one (8 top categories, 3–4 leaves each)
 *   campaigns  two per street: last year's (DECIDED) and this year's (OPEN)
 *   users      bench_officer / bench_auditor (city scope), one COMMUNITY_WORKER per community,
 *              BENCH_RESIDENTS verified residents (default max(needs / 5, 20 per community))
 *   needs      BENCH_NEEDS (default 1 000 000), ids in creation order over the last two years,
 *              communities skewed (a few busy ones), categories uniform over the leaves
 *   supports   ≈ BENCH_SUPPORTS (default 5 000 000), by residents of the need's community
 *   counters   needs.support_count from the supports rows, campaign_participants.supports_used
 *
 * Pseudo-random values are MD5-derived from the row number, so a run is reproducible and a chunked
 * load can be resumed. The bulk phases run with `SET SESSION foreign_key_checks = 0` (the generator
 * only references rows it has just read); a verification phase checks every reference afterwards.
 * unique_checks stay on. Re-running with the same sizes skips what is there; to change the sizes,
 * use another BENCH_DB (e.g. diandan_bench_small).
 */
import 'reflect-metadata';

import * as argon2 from 'argon2';
import type { RowDataPacket } from 'mysql2/promise';

import { migrate, openDataSource } from '../backend/src/cli/db';
import { DEMO_PASSWORD, seedDemo } from '../backend/src/cli/seed-demo';
import { AuditService } from '../backend/src/modules/audit/services/audit.service';
import { SYSTEM_ACTOR } from '../backend/src/platform/access';
import {
  BENCH_AUDITOR,
  BENCH_CITY,
  BENCH_CITY_PREFIX,
  BENCH_OFFICER,
  benchConnection,
  benchDbName,
  benchEnv,
  fmtMs,
  intEnv,
} from './common';
import { CHAIN_HELPERS, CHAIN_SETTINGS, CHAIN_TABLES, chainChecks, seedChain } from './seed-chain';

const DB = benchDbName();
const N = intEnv('BENCH_NEEDS', 1_000_000, 1, 50_000_000);
const M = intEnv('BENCH_SUPPORTS', 5_000_000, 0, 500_000_000);
const DISTRICTS = intEnv('BENCH_DISTRICTS', 75, 1, 99);
const STREETS_PER_DISTRICT = intEnv('BENCH_STREETS_PER_DISTRICT', 4, 1, 199);
const COMMUNITIES_PER_STREET = intEnv('BENCH_COMMUNITIES_PER_STREET', 5, 1, 199);
const C = DISTRICTS * STREETS_PER_DISTRICT * COMMUNITIES_PER_STREET;
const RESIDENTS = intEnv('BENCH_RESIDENTS', Math.max(Math.round(N / 5), 20 * C), C, 20_000_000);
const CHUNK = intEnv('BENCH_CHUNK', 50_000, 1_000, 1_000_000);
/** Community popularity: rank = floor(C · u^SKEW); 1 = uniform, 1.5 = the busiest community ≈ 7× the mean. */
const SKEW = Number(process.env.BENCH_SKEW ?? '1.5');
/** The rest of the chain (projects … grades, surveys: seed-chain.ts); BENCH_CHAIN=0 seeds the needs only. */
const CHAIN = process.env.BENCH_CHAIN !== '0';
if (!(SKEW >= 0.2 && SKEW <= 5)) throw new Error('BENCH_SKEW must be a number in [0.2, 5]');

/** Status mix per campaign year (shares of all needs: ACCEPTED 30 %, SHORTLISTED 10 %, APPROVED 15 %, DECLINED 10 %,
 *  REJECTED 10 %, MERGED 3 %, SUBMITTED 7 %, IN_PROCUREMENT 10 %, IN_SERVICE 5 %). Needs of the first year belong to
 *  last year's DECIDED campaign (decided statuses), those of the second year to the OPEN one. */
const OLD_MIX: Array<[string, number]> = [
  ['SHORTLISTED', 0.2],
  ['APPROVED', 0.3],
  ['DECLINED', 0.2],
  ['IN_PROCUREMENT', 0.2],
  ['IN_SERVICE', 0.1],
];
const NEW_MIX: Array<[string, number]> = [
  ['SUBMITTED', 0.14],
  ['ACCEPTED', 0.6],
  ['MERGED', 0.06],
  ['REJECTED', 0.2],
];
/** Relative support weight per status (needs never accepted have none). */
const SUPPORT_WEIGHT: Record<string, number> = {
  SUBMITTED: 0,
  REJECTED: 0,
  ACCEPTED: 1,
  MERGED: 0.5,
  SHORTLISTED: 3,
  APPROVED: 3,
  DECLINED: 0.6,
  IN_PROCUREMENT: 3,
  IN_SERVICE: 3,
};

const CATALOGUE: Array<[string, string[]]> = [
  ['养老服务', ['居家助餐', '助浴助洁', '日间照料', '上门医护']],
  ['助残服务', ['康复训练', '辅具适配', '托养照护']],
  ['儿童关爱', ['课后托管', '暑期托管', '儿童心理关爱']],
  ['社区治理', ['矛盾纠纷调解', '志愿服务组织', '居民议事协商']],
  ['文化体育', ['全民健身指导', '社区文化活动', '老年大学课程', '阅读推广']],
  ['卫生健康', ['健康讲座', '慢病管理', '心理健康咨询']],
  ['环境与物业', ['垃圾分类指导', '老旧小区维修', '绿化养护', '加装电梯协调']],
  ['法律与就业', ['法律咨询', '就业技能培训', '创业指导']],
];

const U32 = 4294967296;
/** The i-th (0..3) uniform [0,1) value from an MD5 hex column. */
const u = (h: string, i: number) => `(CONV(SUBSTR(${h}, ${1 + 8 * i}, 8), 16, 10) / ${U32})`;
/** SQL CASE picking a value from a cumulative mix by a uniform value. */
const pick = (mix: Array<[string, number]>, uv: string) => {
  let acc = 0;
  const whens = mix.slice(0, -1).map(([v, p]) => `WHEN ${uv} < ${(acc += p).toFixed(6)} THEN '${v}'`);
  return `CASE ${whens.join(' ')} ELSE '${mix[mix.length - 1][0]}' END`;
};
const elt = (uv: string, values: string[]) =>
  `ELT(1 + FLOOR(${uv} * ${values.length}), ${values.map((v) => `'${v}'`).join(', ')})`;

type Q = <T = RowDataPacket>(sql: string, params?: unknown[]) => Promise<T[]>;

const timings: Array<[string, number]> = [];
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  process.stdout.write(`[seed-scale] ${name} …\n`);
  const out = await fn();
  const ms = Date.now() - t0;
  timings.push([name, ms]);
  process.stdout.write(`[seed-scale] ${name}: ${fmtMs(ms)}\n`);
  return out;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

async function main(): Promise<void> {
  const env = benchEnv(DB);
  const started = Date.now();
  console.log(
    `[seed-scale] database ${DB} on ${env.DB_HOST}:${env.DB_PORT}: ${N} needs, ≈${M} supports, ${RESIDENTS} residents, ` +
      `${DISTRICTS} districts × ${STREETS_PER_DISTRICT} streets × ${COMMUNITIES_PER_STREET} communities = ${C} communities`,
  );

  await phase('migrate', async () => {
    const applied = await migrate(env, DB);
    console.log(`  applied: ${applied.length === 0 ? '(none, up to date)' : applied.join(', ')}`);
  });
  await phase('demo seed', async () => {
    const ds = await openDataSource(env, DB);
    try {
      console.log(`  ${JSON.stringify(await seedDemo(ds))}`);
    } catch (err) {
      // The bench data does not depend on the demo data (it brings its own users, catalogue and regions): a demo
      // seed that does not match the migrations of the moment is reported, not fatal.
      if (process.env.BENCH_STRICT_DEMO === '1') throw err;
      console.log(
        `  WARNING: the demo seed failed (${err instanceof Error ? err.message : err}); continuing without it (BENCH_STRICT_DEMO=1 to stop instead)`,
      );
    } finally {
      await ds.destroy();
    }
  });

  const conn = await benchConnection(env, DB);
  const q: Q = async (sql, params = []) => (await conn.query(sql, params))[0] as never;
  const exec = async (sql: string, params: unknown[] = []) =>
    (await conn.query(sql, params))[0] as unknown as { affectedRows: number };
  const one = async <T = number>(sql: string, params: unknown[] = []) =>
    Object.values((await q(sql, params))[0] ?? {})[0] as T;

  try {
    const [{ dbNow }] = await q<{ dbNow: Date } & RowDataPacket>('SELECT UTC_TIMESTAMP(3) AS dbNow');
    const DAY = 86_400_000;
    // `now` is the end of the generated timeline: this run's clock, or the first run's (so a resumed run generates the same rows).
    const { t0, tMid, now } = await timeline(q, dbNow);
    console.log(
      `  timeline: needs from ${t0.toISOString()} (last year's campaign until ${tMid.toISOString()}) to ${now.toISOString()}`,
    );
    const adminId = (await one<number | undefined>(`SELECT id FROM users WHERE username = 'admin'`)) ?? null;
    const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });

    // ---------------------------------------------------------------- regions
    const cityPath = await phase('regions', async () => {
      await exec(
        `INSERT IGNORE INTO regions (parent_id, code, name, level, path, created_at, updated_at) VALUES (NULL, ?, ?, 'CITY', 'pending', ?, ?)`,
        [BENCH_CITY.code, BENCH_CITY.name, now, now],
      );
      await exec(`UPDATE regions SET path = CONCAT('/', id, '/') WHERE code = ? AND path = 'pending'`, [
        BENCH_CITY.code,
      ]);
      await exec(
        `INSERT IGNORE INTO regions (parent_id, code, name, level, path, created_at, updated_at)
        SELECT c.id, CONCAT(LEFT(c.code, 4), LPAD(s.seq, 2, '0'), '000000'), CONCAT('渝州第', LPAD(s.seq, 2, '0'), '区'), 'DISTRICT', 'pending', ?, ?
          FROM regions c JOIN seq_1_to_${DISTRICTS} s WHERE c.code = ?`,
        [now, now, BENCH_CITY.code],
      );
      await exec(
        `INSERT IGNORE INTO regions (parent_id, code, name, level, path, created_at, updated_at)
        SELECT d.id, CONCAT(LEFT(d.code, 6), LPAD(s.seq, 3, '0'), '000'), CONCAT(d.name, '第', s.seq, '街道'), 'STREET', 'pending', ?, ?
          FROM regions d JOIN seq_1_to_${STREETS_PER_DISTRICT} s WHERE d.level = 'DISTRICT' AND d.code LIKE '${BENCH_CITY_PREFIX}%'`,
        [now, now],
      );
      await exec(
        `INSERT IGNORE INTO regions (parent_id, code, name, level, path, created_at, updated_at)
        SELECT t.id, CONCAT(LEFT(t.code, 9), LPAD(s.seq, 3, '0')), CONCAT(t.name, '第', s.seq, '社区'), 'COMMUNITY', 'pending', ?, ?
          FROM regions t JOIN seq_1_to_${COMMUNITIES_PER_STREET} s WHERE t.level = 'STREET' AND t.code LIKE '${BENCH_CITY_PREFIX}%'`,
        [now, now],
      );
      for (const level of ['DISTRICT', 'STREET', 'COMMUNITY']) {
        await exec(
          `UPDATE regions r JOIN regions p ON p.id = r.parent_id SET r.path = CONCAT(p.path, r.id, '/')
                     WHERE r.path = 'pending' AND r.level = ? AND r.code LIKE '${BENCH_CITY_PREFIX}%'`,
          [level],
        );
      }
      const counts = await q(
        `SELECT level, COUNT(*) AS n FROM regions WHERE code LIKE '${BENCH_CITY_PREFIX}%' GROUP BY level`,
      );
      console.log(`  ${counts.map((r) => `${r.level} ${r.n}`).join(', ')}`);
      const have = Number(counts.find((r) => r.level === 'COMMUNITY')?.n ?? 0);
      if (have !== C)
        throw new Error(`expected ${C} bench communities, found ${have} (sizes changed? use another BENCH_DB)`);
      return one<string>('SELECT path FROM regions WHERE code = ?', [BENCH_CITY.code]);
    });
    const cityId = Number(cityPath.split('/')[1]);

    // ---------------------------------------------------------------- catalogue
    const versionId = await phase('catalogue', async () => {
      const existing = await q(
        `SELECT id, year, version FROM catalogue_versions WHERE status = 'PUBLISHED' ORDER BY year DESC, version DESC LIMIT 1`,
      );
      if (existing.length > 0) {
        console.log(`  using published version ${existing[0].id} (${existing[0].year} v${existing[0].version})`);
        return Number(existing[0].id);
      }
      const year = now.getUTCFullYear();
      const version =
        (await one<number | null>('SELECT MAX(version) FROM catalogue_versions WHERE year = ?', [year])) ?? 0;
      const res = await exec(
        `INSERT INTO catalogue_versions (year, version, title, status, published_at, published_by, created_at)
        VALUES (?, ?, ?, 'PUBLISHED', ?, ?, ?)`,
        [year, Number(version) + 1, `${year}年度政府购买社区服务指导性目录（压测）`, now, adminId, now],
      );
      const vid = (res as unknown as { insertId: number }).insertId;
      let sort = 0;
      for (const [ti, [top, leaves]] of CATALOGUE.entries()) {
        const code = String(ti + 1).padStart(2, '0');
        const r = await exec(
          'INSERT INTO catalogue_categories (version_id, parent_id, code, name, sort, attribute_schema) VALUES (?, NULL, ?, ?, ?, NULL)',
          [vid, code, top, sort++],
        );
        const topId = (r as unknown as { insertId: number }).insertId;
        for (const [li, leaf] of leaves.entries()) {
          await exec(
            'INSERT INTO catalogue_categories (version_id, parent_id, code, name, sort, attribute_schema) VALUES (?, ?, ?, ?, ?, NULL)',
            [vid, topId, `${code}${String(li + 1).padStart(2, '0')}`, leaf, li],
          );
        }
      }
      console.log(`  created published version ${vid} with ${CATALOGUE.length} top categories`);
      return vid;
    });

    // ---------------------------------------------------------------- staff users
    await phase('staff users', async () => {
      for (const [username, displayName, role] of [
        [BENCH_OFFICER, '压测采购员（渝州市）', 'PROCUREMENT_OFFICER'],
        [BENCH_AUDITOR, '压测审计员（渝州市）', 'AUDITOR'],
      ]) {
        await exec(
          `INSERT IGNORE INTO users (username, display_name, phone, password_hash, status, failed_login_count, locked_until,
            region_id, region_path, organisation_id, created_at, updated_at) VALUES (?, ?, NULL, ?, 'ACTIVE', 0, NULL, ?, ?, NULL, ?, ?)`,
          [username, displayName, passwordHash, cityId, cityPath, t0, t0],
        );
        await exec(`INSERT IGNORE INTO user_roles (user_id, role) SELECT id, ? FROM users WHERE username = ?`, [
          role,
          username,
        ]);
      }
      // One community worker per community (proxy submissions, resident verification).
      await exec(
        `INSERT IGNORE INTO users (username, display_name, phone, password_hash, status, failed_login_count, locked_until,
          region_id, region_path, organisation_id, created_at, updated_at)
        SELECT CONCAT('bench_w_', r.code), CONCAT(r.name, '社工'), NULL, ?, 'ACTIVE', 0, NULL, r.id, r.path, NULL, ?, ?
          FROM regions r WHERE r.level = 'COMMUNITY' AND r.code LIKE '${BENCH_CITY_PREFIX}%'`,
        [passwordHash, t0, t0],
      );
      await exec(
        `INSERT IGNORE INTO user_roles (user_id, role) SELECT id, 'COMMUNITY_WORKER' FROM users WHERE username LIKE 'bench\\_w\\_%'`,
      );
    });

    // ---------------------------------------------------------------- campaigns
    await phase('campaigns', async () => {
      const yOld = t0.getUTCFullYear();
      const yNew = tMid.getUTCFullYear();
      const officerId = await one<number>('SELECT id FROM users WHERE username = ?', [BENCH_OFFICER]);
      for (const [title, opens, closes, status, createdAt] of [
        [`${yOld}年度社区服务需求征集`, t0, tMid, 'DECIDED', new Date(t0.getTime() - 7 * DAY)],
        [
          `${yNew}年度社区服务需求征集`,
          tMid,
          new Date(now.getTime() + 30 * DAY),
          'OPEN',
          new Date(tMid.getTime() - 7 * DAY),
        ],
      ] as const) {
        await exec(
          `INSERT INTO campaigns (region_id, region_path, title, description, opens_at, closes_at, status, supports_per_resident,
            min_supports_to_shortlist, catalogue_version_id, created_by, created_at, updated_at)
          SELECT st.id, st.path, CONCAT(st.name, ?), '面向本街道各社区居民征集社区服务需求，经居民议事会协商后纳入政府购买服务计划。',
                 ?, ?, ?, 30, 5, ?, ?, ?, ?
            FROM regions st
           WHERE st.level = 'STREET' AND st.code LIKE '${BENCH_CITY_PREFIX}%'
             AND NOT EXISTS (SELECT 1 FROM campaigns k WHERE k.region_id = st.id AND k.title = CONCAT(st.name, ?))`,
          [title, opens, closes, status, versionId, officerId, createdAt, createdAt, title],
        );
      }
      console.log(
        `  ${await one('SELECT COUNT(*) FROM campaigns WHERE region_path LIKE ?', [`${cityPath}%`])} campaigns`,
      );
    });

    // ---------------------------------------------------------------- helper tables (dropped at the end)
    await phase('helper tables', async () => {
      // Popularity rank → community: a permutation (idx · P mod C), so busy communities are spread over districts.
      let P = Math.round(C * 0.381966) | 1;
      while (gcd(P, C) !== 1) P += 2;
      await exec('DROP TABLE IF EXISTS bench_comm');
      await exec(`CREATE TABLE bench_comm (rnk int NOT NULL PRIMARY KEY, id int NOT NULL UNIQUE, name varchar(64) NOT NULL,
        street_id int NOT NULL, district_id int NOT NULL, city_id int NOT NULL, path varchar(255) NOT NULL,
        worker_id int NOT NULL, camp_old int NULL, camp_new int NULL, r int NOT NULL DEFAULT 0) ENGINE=InnoDB`);
      await exec(`INSERT INTO bench_comm (rnk, id, name, street_id, district_id, city_id, path, worker_id)
        SELECT (x.idx * ${P}) MOD ${C}, x.id, x.name, x.street_id, x.district_id, x.city_id, x.path, w.id
          FROM (SELECT ROW_NUMBER() OVER (ORDER BY c.code) - 1 AS idx, c.id, c.name, c.path, c.code, s.id AS street_id, d.id AS district_id, d.parent_id AS city_id
                  FROM regions c JOIN regions s ON s.id = c.parent_id JOIN regions d ON d.id = s.parent_id
                 WHERE c.level = 'COMMUNITY' AND c.code LIKE '${BENCH_CITY_PREFIX}%') x
          JOIN users w ON w.username = CONCAT('bench_w_', x.code)`);
      await exec(
        `UPDATE bench_comm c JOIN campaigns k ON k.region_id = c.street_id AND k.status = 'DECIDED' SET c.camp_old = k.id`,
      );
      await exec(
        `UPDATE bench_comm c JOIN campaigns k ON k.region_id = c.street_id AND k.status = 'OPEN' SET c.camp_new = k.id`,
      );
      await exec('DROP TABLE IF EXISTS bench_cat');
      await exec(
        `CREATE TABLE bench_cat (idx int NOT NULL PRIMARY KEY, id int NOT NULL, name varchar(64) NOT NULL) ENGINE=InnoDB`,
      );
      await exec(
        `INSERT INTO bench_cat (idx, id, name)
        SELECT ROW_NUMBER() OVER (ORDER BY c.id) - 1, c.id, c.name FROM catalogue_categories c
         WHERE c.version_id = ? AND NOT EXISTS (SELECT 1 FROM catalogue_categories k WHERE k.parent_id = c.id)`,
        [versionId],
      );
      const missing = await one<number>('SELECT COUNT(*) FROM bench_comm WHERE camp_old IS NULL OR camp_new IS NULL');
      if (Number(missing) > 0) throw new Error(`${missing} bench communities without campaigns`);
    });
    const L = Number(await one('SELECT COUNT(*) FROM bench_cat'));

    // ---------------------------------------------------------------- residents
    await phase('residents', async () => {
      let done = Number(await one(`SELECT COUNT(*) FROM users WHERE username LIKE 'bench\\_r%'`));
      if (done >= RESIDENTS) {
        console.log(`  ${done} residents already there`);
      } else {
        await exec('SET SESSION foreign_key_checks = 0');
        const surnames = [
          '王',
          '李',
          '张',
          '刘',
          '陈',
          '杨',
          '黄',
          '赵',
          '吴',
          '周',
          '徐',
          '孙',
          '马',
          '朱',
          '胡',
          '郭',
          '何',
          '林',
          '罗',
          '高',
        ];
        const given = [
          '伟',
          '芳',
          '娜',
          '秀英',
          '敏',
          '静',
          '丽',
          '强',
          '磊',
          '军',
          '洋',
          '勇',
          '艳',
          '杰',
          '娟',
          '涛',
          '明',
          '超',
          '秀兰',
          '霞',
        ];
        while (done < RESIDENTS) {
          const a = done + 1;
          const b = Math.min(RESIDENTS, done + 100_000);
          // The first C residents: one per community (so every community has one); the others skewed like the needs.
          await exec(
            `INSERT INTO users (username, display_name, phone, password_hash, status, failed_login_count, locked_until,
              region_id, region_path, organisation_id, created_at, updated_at, resident_verified_at, resident_verified_by)
            SELECT STRAIGHT_JOIN CONCAT('bench_r', LPAD(g.seq, 8, '0')), CONCAT(${elt(u('g.h', 0), surnames)}, ${elt(u('g.h', 1), given)}),
                   CONCAT('1', ${elt(u('g.h', 2), ['39', '38', '37', '58', '86', '35'])}, LPAD(g.seq, 8, '0')), ?, 'ACTIVE', 0, NULL,
                   c.id, c.path, NULL, g.created_at, g.created_at, g.created_at + INTERVAL 1 DAY, c.worker_id
              FROM (SELECT s.seq, MD5(CONCAT('r', s.seq)) AS h,
                           CAST(? AS DATETIME(3)) - INTERVAL FLOOR(${u("MD5(CONCAT('r', s.seq))", 3)} * 365 * 86400) SECOND AS created_at,
                           IF(s.seq <= ${C}, s.seq - 1, FLOOR(${C} * POW(${u("MD5(CONCAT('q', s.seq))", 0)}, ${SKEW}))) AS rnk
                      FROM seq_${a}_to_${b} s) g
              JOIN bench_comm c ON c.rnk = g.rnk`,
            [passwordHash, t0],
          );
          done = b;
          process.stdout.write(`  ${done}/${RESIDENTS}\n`);
        }
        await exec('SET SESSION foreign_key_checks = 1');
      }
      await exec(
        `INSERT IGNORE INTO user_roles (user_id, role) SELECT id, 'RESIDENT' FROM users WHERE username LIKE 'bench\\_r%'`,
      );
      await exec('DROP TABLE IF EXISTS bench_res');
      await exec(
        'CREATE TABLE bench_res (community_id int NOT NULL, rn int NOT NULL, user_id int NOT NULL, PRIMARY KEY (community_id, rn)) ENGINE=InnoDB',
      );
      await exec(`INSERT INTO bench_res (community_id, rn, user_id)
        SELECT region_id, ROW_NUMBER() OVER (PARTITION BY region_id ORDER BY id) - 1, id FROM users WHERE username LIKE 'bench\\_r%'`);
      await exec(
        'UPDATE bench_comm c JOIN (SELECT community_id, COUNT(*) AS n FROM bench_res GROUP BY community_id) x ON x.community_id = c.id SET c.r = x.n',
      );
      const [st] = await q('SELECT MIN(r) AS mn, MAX(r) AS mx, AVG(r) AS av FROM bench_comm');
      console.log(`  residents per community: min ${st.mn}, avg ${Number(st.av).toFixed(0)}, max ${st.mx}`);
    });

    // ---------------------------------------------------------------- needs
    const { base } = await phase('needs', async () => {
      const [ex] = await q('SELECT COUNT(*) AS n, MIN(id) AS mn FROM needs WHERE city_id = ?', [cityId]);
      let done = Number(ex.n);
      const base = done > 0 ? Number(ex.mn) - 1 : Number(await one('SELECT COALESCE(MAX(id), 0) FROM needs'));
      if (done >= N) {
        console.log(`  ${done} bench needs already there (≥ ${N}): skipped`);
        return { base };
      }
      const spanMs = now.getTime() - t0.getTime();
      const titleVerb = ['希望增加', '建议开展', '申请', '呼吁提供', '请求改善', '盼望引进'];
      const titleTail = ['服务', '项目', '活动', ''];
      const descA = ['居民反映', '多位老人反映', '楼栋长收集到', '居民议事会提出', '网格员走访发现'];
      const descB = [
        '目前社区缺少相关服务，附近也没有可替代的机构，',
        '现有服务时间短、名额少，排队时间长，',
        '去年开展过一次，效果很好，大家希望常态化，',
        '小区老年人和双职工家庭较多，需求集中，',
      ];
      const descC = [
        '希望由专业社会组织承接，每周至少两次。',
        '建议纳入今年的政府购买服务项目。',
        '可以利用社区党群服务中心的场地。',
        '希望优先照顾高龄、独居和困难家庭。',
      ];
      const place = ['党群服务中心', '3号楼附近', '东门广场', '老年活动室', '小区北门', '居委会二楼'];
      const rejectReasons = ['DUPLICATE', 'OUT_OF_SCOPE', 'INSUFFICIENT_INFO', 'NOT_PUBLIC_SERVICE', 'OTHER'];
      await exec('SET SESSION foreign_key_checks = 0');
      while (done < N) {
        const a = done + 1;
        const b = Math.min(N, done + CHUNK);
        await exec(
          `INSERT INTO needs (id, campaign_id, region_id, street_id, district_id, city_id, region_path, category_id, title,
            description, attributes, location, channel, submitted_by, offline_name, offline_phone, status, support_count,
            merged_into_id, resubmitted_from_id, reject_reason, reject_note, created_at, updated_at)
          SELECT STRAIGHT_JOIN ? + g.seq, IF(g.old, c.camp_old, c.camp_new), c.id, c.street_id, c.district_id, c.city_id, c.path, k.id,
                 CONCAT(${elt(u('g.h2', 0), titleVerb)}, k.name, ${elt(u('g.h2', 1), titleTail)}),
                 CONCAT(${elt(u('g.h2', 2), descA)}, '，', k.name, '方面：', ${elt(u('g.h2', 3), descB)}, ${elt(u('g.h3', 0), descC)}),
                 '{}', CONCAT(c.name, ${elt(u('g.h3', 1), place)}),
                 IF(g.proxy, 'PROXY', 'ONLINE'), IF(g.proxy, c.worker_id, r.user_id),
                 IF(g.proxy, CONCAT(${elt(u('g.h3', 2), ['王', '李', '张', '刘', '陈', '杨'])}, ${elt(u('g.h3', 3), ['阿姨', '大爷', '奶奶', '师傅'])}), NULL),
                 IF(g.proxy, CONCAT('138', LPAD(g.seq MOD 100000000, 8, '0')), NULL),
                 g.status, 0, NULL, NULL,
                 IF(g.status = 'REJECTED', ${elt(u('g.h1', 3), rejectReasons)}, NULL),
                 IF(g.status = 'REJECTED', '经社区工作者审核，暂不受理。', NULL),
                 g.created_at, LEAST(CAST(? AS DATETIME(3)), g.created_at + INTERVAL FLOOR(${u('g.h4', 3)} * 30 * 86400) SECOND)
            FROM (SELECT s.seq, s.h1, s.h2, s.h3, s.h4, s.old,
                         CAST(? AS DATETIME(3)) + INTERVAL FLOOR(((s.seq - 1) + ${u('s.h1', 0)}) / ${N} * ${spanMs * 1000}) MICROSECOND AS created_at,
                         IF(s.old, ${pick(OLD_MIX, u('s.h1', 1))}, ${pick(NEW_MIX, u('s.h1', 1))}) AS status,
                         ${u('s.h1', 2)} >= 0.85 AS proxy,
                         FLOOR(${C} * POW(${u('s.h4', 0)}, ${SKEW})) AS rnk, FLOOR(${L} * ${u('s.h4', 1)}) AS cat, ${u('s.h4', 2)} AS us
                    FROM (SELECT seq, seq * 2 <= ${N} AS old, MD5(CONCAT('n', seq)) AS h1, MD5(CONCAT('t', seq)) AS h2,
                                 MD5(CONCAT('d', seq)) AS h3, MD5(CONCAT('c', seq)) AS h4
                            FROM seq_${a}_to_${b}) s) g
            JOIN bench_comm c ON c.rnk = g.rnk
            JOIN bench_cat k ON k.idx = g.cat
            JOIN bench_res r ON r.community_id = c.id AND r.rn = FLOOR(c.r * g.us)`,
          [base, now, t0],
        );
        done = b;
        process.stdout.write(`  ${done}/${N}\n`);
      }
      await exec('SET SESSION foreign_key_checks = 1');
      return { base };
    });

    // Bulk passes over the needs read them in primary key order (an id range), never through a secondary index:
    // the table is far larger than a default buffer pool, and random primary key lookups would thrash it.
    const [idRange] = await q('SELECT MIN(id) AS lo, MAX(id) AS hi FROM needs WHERE city_id = ?', [cityId]);
    const lo = Number(idRange.lo);
    const hi = Number(idRange.hi);

    await phase('merged needs → targets', async () => {
      // A MERGED need points at an ACCEPTED (or SUBMITTED) need of the same community and campaign: the latest one
      // before it, else the first one after it. Set-based: a running count of open needs per (community, campaign)
      // numbers them 1, 2, …; a merged need with running count g (g open needs before it) takes open need
      // number max(g, 1). (A correlated subquery, or MIN/MAX over sliding window frames, is quadratic in a busy
      // community's size.)
      const pending = Number(
        await one(`SELECT COUNT(*) FROM needs WHERE city_id = ? AND status = 'MERGED' AND merged_into_id IS NULL`, [
          cityId,
        ]),
      );
      if (pending === 0) {
        console.log('  nothing to link');
        return;
      }
      await exec('DROP TABLE IF EXISTS bench_merge');
      await exec(`CREATE TABLE bench_merge (id int NOT NULL PRIMARY KEY, region_id int NOT NULL, campaign_id int NOT NULL,
          is_open tinyint NOT NULL, grp int NOT NULL, KEY (region_id, campaign_id, grp, is_open)) ENGINE=InnoDB`);
      await exec(
        `INSERT INTO bench_merge (id, region_id, campaign_id, is_open, grp)
        SELECT id, region_id, campaign_id, status <> 'MERGED',
               SUM(status <> 'MERGED') OVER (PARTITION BY region_id, campaign_id ORDER BY id ROWS UNBOUNDED PRECEDING)
          FROM needs WHERE id BETWEEN ? AND ? AND city_id = ? AND status IN ('ACCEPTED', 'SUBMITTED', 'MERGED')`,
        [lo, hi, cityId],
      );
      const res = await exec(`UPDATE needs m JOIN bench_merge x ON x.id = m.id AND x.is_open = 0
          JOIN bench_merge o ON o.region_id = x.region_id AND o.campaign_id = x.campaign_id AND o.grp = GREATEST(x.grp, 1) AND o.is_open = 1
          SET m.merged_into_id = o.id
        WHERE m.status = 'MERGED' AND m.merged_into_id IS NULL`);
      await exec('DROP TABLE bench_merge');
      // A community with no other open need in that campaign (small datasets): the duplicate is rejected instead.
      const orphan = await exec(
        `UPDATE needs SET status = 'REJECTED', reject_reason = 'DUPLICATE', reject_note = '与已有需求重复。'
        WHERE city_id = ? AND status = 'MERGED' AND merged_into_id IS NULL`,
        [cityId],
      );
      console.log(
        `  ${res.affectedRows} merged needs linked, ${orphan.affectedRows} without a target rejected as DUPLICATE instead`,
      );
    });

    // ---------------------------------------------------------------- supports
    await phase('supports', async () => {
      const maxR = Number(await one('SELECT MAX(r) FROM bench_comm'));
      const weight = `CASE n.status ${Object.entries(SUPPORT_WEIGHT)
        .map(([s, w]) => `WHEN '${s}' THEN ${w}`)
        .join(' ')} ELSE 0 END`;
      // Per need: k = min(residents of the community, round(λ · weight(status) · Exp(1))); λ calibrated so Σk ≈ M.
      const target = (lambda: number) =>
        `LEAST(c.r, ROUND(${lambda} * ${weight} * -LN(1 - ${u("MD5(CONCAT('k', n.id))", 0)})))`;
      const existing = Number(
        await one('SELECT COALESCE(MAX(need_id), 0) FROM supports WHERE need_id BETWEEN ? AND ?', [lo, hi]),
      );
      const SCHUNK = Math.max(1000, Math.round(CHUNK));
      let start = lo;
      if (existing > 0) start = lo + (Math.floor((existing - lo) / SCHUNK) + 1) * SCHUNK;
      if (start > hi) {
        console.log('  supports already there: skipped');
        return;
      }
      if (M === 0) return;
      let lambda = M / N / 1.575;
      if (M > 0) {
        for (let i = 0; i < 3; i++) {
          const sum = Number(
            await one(
              `SELECT STRAIGHT_JOIN SUM(${target(lambda)}) FROM needs n JOIN bench_comm c ON c.id = n.region_id
                                         WHERE n.id BETWEEN ? AND ?`,
              [lo, hi],
            ),
          );
          if (sum === 0) break;
          lambda *= M / sum;
          console.log(`  calibration ${i + 1}: Σk = ${sum} → λ = ${lambda.toFixed(4)}`);
        }
      }
      const tMidSql = tMid;
      await exec('SET SESSION foreign_key_checks = 0');
      for (let a = start; a <= hi; a += SCHUNK) {
        const b = Math.min(hi, a + SCHUNK - 1);
        // The k supporters of a need are k consecutive residents (mod r) of its community from a random offset:
        // distinct per need; each resident supports about (supports of the community / residents) needs.
        await exec(
          `INSERT INTO supports (need_id, user_id, campaign_id, created_at)
          SELECT STRAIGHT_JOIN t.id, r.user_id, t.campaign_id,
                 LEAST(t.cap, t.created_at + INTERVAL FLOOR(${u("MD5(CONCAT(t.id, ':', s.seq))", 0)} * 20 * 86400) SECOND)
            FROM (SELECT STRAIGHT_JOIN n.id, n.campaign_id, n.region_id, n.created_at, c.r, ${target(lambda)} AS k,
                         FLOOR(c.r * ${u("MD5(CONCAT('k', n.id))", 1)}) AS off, IF(n.campaign_id = c.camp_old, CAST(? AS DATETIME(3)), CAST(? AS DATETIME(3))) AS cap
                    FROM needs n JOIN bench_comm c ON c.id = n.region_id
                   WHERE n.id BETWEEN ? AND ?) t
            JOIN seq_0_to_${maxR} s ON s.seq < t.k
            JOIN bench_res r ON r.community_id = t.region_id AND r.rn = (t.off + s.seq) MOD t.r`,
          [tMidSql, now, a, b],
        );
        process.stdout.write(`  needs ${b - lo + 1}/${hi - lo + 1}\n`);
      }
      await exec('SET SESSION foreign_key_checks = 1');
    });

    await phase('support_count from supports', async () => {
      let changed = 0;
      const STEP = 200_000;
      for (let a = lo; a <= hi; a += STEP) {
        const b = a + STEP - 1;
        const res = await exec(
          `UPDATE needs n JOIN (SELECT need_id, COUNT(*) AS cnt FROM supports WHERE need_id BETWEEN ? AND ? GROUP BY need_id) x
            ON x.need_id = n.id SET n.support_count = x.cnt WHERE n.support_count <> x.cnt`,
          [a, b],
        );
        changed += res.affectedRows;
      }
      console.log(`  ${changed} needs updated`);
    });

    await phase('campaign_participants', async () => {
      await exec(`INSERT INTO campaign_participants (campaign_id, user_id, supports_used)
        SELECT s.campaign_id, s.user_id, COUNT(*) FROM supports s GROUP BY s.user_id, s.campaign_id
        ON DUPLICATE KEY UPDATE supports_used = VALUES(supports_used)`);
      const res =
        await exec(`UPDATE campaigns k JOIN (SELECT campaign_id, MAX(supports_used) AS mx FROM campaign_participants GROUP BY campaign_id) x
          ON x.campaign_id = k.id SET k.supports_per_resident = x.mx WHERE k.supports_per_resident < x.mx`);
      const [st] = await q(
        'SELECT COUNT(*) AS n, MAX(supports_used) AS mx, AVG(supports_used) AS av FROM campaign_participants',
      );
      console.log(
        `  ${st.n} participants, supports used avg ${Number(st.av).toFixed(1)}, max ${st.mx}; ${res.affectedRows} campaigns' supports_per_resident raised to their max`,
      );
    });

    if (CHAIN)
      await seedChain({
        q,
        exec,
        one,
        phase,
        cityId,
        cityPath,
        now,
        tMid,
        versionId,
        passwordHash,
        districts: DISTRICTS,
      });

    await phase('analyze tables', async () => {
      for (const t of [
        'regions',
        'users',
        'user_roles',
        'campaigns',
        'needs',
        'supports',
        'campaign_participants',
        ...(CHAIN ? CHAIN_TABLES : []),
      ])
        await q(`ANALYZE TABLE ${t}`);
    });

    await phase('verify', async () => {
      const checks: Array<[string, string]> = [
        [
          'needs → campaign',
          'SELECT COUNT(*) FROM needs n LEFT JOIN campaigns k ON k.id = n.campaign_id WHERE k.id IS NULL',
        ],
        ['needs → region', 'SELECT COUNT(*) FROM needs n LEFT JOIN regions r ON r.id = n.region_id WHERE r.id IS NULL'],
        [
          'needs → category',
          'SELECT COUNT(*) FROM needs n LEFT JOIN catalogue_categories k ON k.id = n.category_id WHERE k.id IS NULL',
        ],
        [
          'needs → submitter',
          'SELECT COUNT(*) FROM needs n LEFT JOIN users u ON u.id = n.submitted_by WHERE u.id IS NULL',
        ],
        [
          'needs ancestors = region path',
          `SELECT STRAIGHT_JOIN COUNT(*) FROM needs n JOIN regions r ON r.id = n.region_id
           WHERE n.region_path <> r.path OR n.region_path <> CONCAT('/', n.city_id, '/', n.district_id, '/', n.street_id, '/', n.region_id, '/')`,
        ],
        [
          'needs merged → target',
          `SELECT COUNT(*) FROM needs n WHERE n.status = 'MERGED' AND n.merged_into_id IS NULL`,
        ],
        [
          'support_count = COUNT(supports)',
          `SELECT ABS((SELECT SUM(support_count) FROM needs) - (SELECT COUNT(*) FROM supports))`,
        ],
      ];
      let bad = 0;
      const report = (name: string, n: number) => {
        bad += n;
        console.log(`  ${n === 0 ? 'ok ' : 'BAD'} ${name}${n === 0 ? '' : `: ${n}`}`);
      };
      for (const [name, sql] of checks) report(name, Number(await one(sql)));
      // The supports in one pass, in primary key order.
      const [sc] =
        await q(`SELECT STRAIGHT_JOIN SUM(n.id IS NULL) AS no_need, SUM(n.id IS NOT NULL AND u.id IS NULL) AS no_resident,
          SUM(s.campaign_id <> n.campaign_id) AS other_campaign
        FROM supports s FORCE INDEX (PRIMARY) LEFT JOIN needs n ON n.id = s.need_id
        LEFT JOIN users u ON u.id = s.user_id AND u.region_id = n.region_id AND u.resident_verified_at IS NOT NULL`);
      report('supports → need', Number(sc.no_need ?? 0));
      report("supports → user (a verified resident of the need's community)", Number(sc.no_resident ?? 0));
      report('supports.campaign = need.campaign', Number(sc.other_campaign ?? 0));
      if (CHAIN) for (const [name, sql] of chainChecks()) report(name, Number(await one(sql)));
      if (bad > 0) throw new Error('verification failed');
    });

    const [tot] = await q(
      `SELECT (SELECT COUNT(*) FROM needs WHERE city_id = ?) AS needs, (SELECT COUNT(*) FROM supports) AS supports,
        (SELECT COUNT(*) FROM users WHERE username LIKE 'bench\\_r%') AS residents`,
      [cityId],
    );
    const mix = await q('SELECT status, COUNT(*) AS n FROM needs WHERE city_id = ? GROUP BY status ORDER BY n DESC', [
      cityId,
    ]);
    const sizes = await q(
      `SELECT table_name AS t, ROUND(data_length / 1048576) AS data_mb, ROUND(index_length / 1048576) AS index_mb
        FROM information_schema.tables WHERE table_schema = ? AND table_name IN ('needs', 'supports', 'users') ORDER BY table_name`,
      [DB],
    );

    const exact: Array<[string, number]> = [];
    for (const t of CHAIN ? CHAIN_TABLES : []) exact.push([t, Number(await one(`SELECT COUNT(*) FROM ${t}`))]);
    const statusMix = CHAIN
      ? await q(
          `SELECT 'projects' AS t, status, COUNT(*) AS n FROM projects GROUP BY status
           UNION ALL SELECT 'tenders', CONCAT(method, '/', status), COUNT(*) FROM tenders GROUP BY method, status
           UNION ALL SELECT 'contracts', status, COUNT(*) FROM contracts GROUP BY status
           UNION ALL SELECT 'milestones', CONCAT(status, IF(overdue_at IS NULL, '', ' (overdue)')), COUNT(*) FROM contract_milestones GROUP BY 2
           UNION ALL SELECT 'payment_requests', status, COUNT(*) FROM payment_requests GROUP BY status
           UNION ALL SELECT 'evaluation_tasks', CONCAT(status, IF(grade IS NULL, '', CONCAT(' ', grade))), COUNT(*) FROM evaluation_tasks GROUP BY 2
           UNION ALL SELECT 'needs (last year)', status, COUNT(*) FROM needs WHERE city_id = ? AND status IN ('APPROVED','IN_PROCUREMENT','IN_SERVICE','DELIVERED','EVALUATED') GROUP BY status`,
          [cityId],
        )
      : [];

    await exec(`DROP TABLE IF EXISTS bench_comm, bench_cat, bench_res${CHAIN ? `, ${CHAIN_HELPERS.join(', ')}` : ''}`);

    const ds = await openDataSource(env, DB);
    try {
      await new AuditService(ds).recordAlone(SYSTEM_ACTOR, {
        action: 'system.seed.applied',
        entityType: 'system',
        after: {
          bench: true,
          needs: Number(tot.needs),
          supports: Number(tot.supports),
          residents: Number(tot.residents),
          communities: C,
        },
      });
    } finally {
      await ds.destroy();
    }

    console.log('\n[seed-scale] summary');
    console.log(
      `  database ${DB}: needs ${tot.needs} (ids ${base + 1}…), supports ${tot.supports}, residents ${tot.residents}, communities ${C}`,
    );
    console.log(
      `  status mix: ${mix.map((r) => `${r.status} ${((100 * Number(r.n)) / Number(tot.needs)).toFixed(1)}%`).join(', ')}`,
    );
    console.log(
      `  table sizes: ${sizes.map((r) => `${r.t} data ${r.data_mb} MB + indexes ${r.index_mb} MB`).join('; ')}`,
    );
    if (CHAIN) {
      console.log(
        `  chain settings: BENCH_PROJECTS ${CHAIN_SETTINGS.projects}, BENCH_ORGS ${CHAIN_SETTINGS.orgs}, BENCH_AGENCIES ${CHAIN_SETTINGS.agencies} × ${CHAIN_SETTINGS.evaluatorsPerAgency}, BENCH_SURVEY_ANSWERS ${CHAIN_SETTINGS.surveyAnswers}`,
      );
      console.log(`  rows (whole database): ${exact.map(([t, n]) => `${t} ${n}`).join(', ')}`);
      const byTable = new Map<string, string[]>();
      for (const r of statusMix) byTable.set(r.t, [...(byTable.get(r.t) ?? []), `${r.status} ${r.n}`]);
      for (const [t, parts] of byTable) console.log(`  ${t}: ${parts.join(', ')}`);
    }
    console.log(`  timings: ${timings.map(([n, ms]) => `${n} ${fmtMs(ms)}`).join(', ')}`);
    console.log(`  total ${fmtMs(Date.now() - started)}`);
  } finally {
    await conn.end();
  }
}

/**
 * The generated timeline: two campaign years ending at the first run's clock (the bench city's
 * created_at), so that a resumed or repeated run generates the same rows.
 */
async function timeline(q: Q, dbNow: Date): Promise<{ t0: Date; tMid: Date; now: Date }> {
  const DAY = 86_400_000;
  const existingCity = await q('SELECT created_at FROM regions WHERE code = ?', [BENCH_CITY.code]);
  const now = existingCity.length > 0 ? (existingCity[0].created_at as Date) : dbNow;
  return { t0: new Date(now.getTime() - 730 * DAY), tMid: new Date(now.getTime() - 365 * DAY), now };
}

main().catch((err: unknown) => {
  console.error('[seed-scale] failed:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
