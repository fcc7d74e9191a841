/* eslint-disable no-console -- a command-line tool: its output is the report */
/**
 * The rest of the chain for the province-scale seed (issue #12 benches): from the approved needs of last year's
 * campaign to grades and satisfaction — what the portal, the open data and the dashboards read. Called by
 * seed-scale.ts after the needs and supports (see bench/README.md, "The whole chain").
 *
 * Same style as the needs: set-based `INSERT … SELECT`, pseudo-random values from MD5 of the row's id
 * (reproducible), one simulated timeline per project (a helper table, `bench_pt`) from which every date and status is
 * derived by comparing with the seed's `now` — so dates are ordered and statuses are those the state machines reach
 * at that moment. Every phase runs in one transaction and records itself in `bench_seed_phases` when it commits: an
 * interrupted run resumes at the first phase not recorded. Money is integer fen throughout; every movement of a budget
 * line is a ledger entry (the `ledger_entries_apply` trigger keeps the line's buckets), posted in the order the
 * application posts them (ALLOCATE, RESERVE, COMMIT / RELEASE_RESERVATION, DISBURSE, RELEASE_COMMITMENT), so no
 * bucket is ever negative (the CHECK constraint would refuse it).
 */
import type { RowDataPacket } from 'mysql2/promise';

import { intEnv } from './common';

type Q = <T = RowDataPacket>(sql: string, params?: unknown[]) => Promise<T[]>;
type Exec = (sql: string, params?: unknown[]) => Promise<{ affectedRows: number }>;
type One = <T = number>(sql: string, params?: unknown[]) => Promise<T>;
type Phase = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

export interface ChainContext {
  q: Q;
  exec: Exec;
  one: One;
  phase: Phase;
  cityId: number;
  cityPath: string;
  /** The end of the generated timeline, and the start of the current campaign year (last year's decided then). */
  now: Date;
  tMid: Date;
  versionId: number;
  passwordHash: string;
  districts: number;
}

export const CHAIN_SETTINGS = {
  projects: intEnv('BENCH_PROJECTS', 20_000, 0, 2_000_000),
  orgs: intEnv('BENCH_ORGS', 2_000, 1, 200_000),
  agencies: intEnv('BENCH_AGENCIES', 8, 1, 1000),
  evaluatorsPerAgency: intEnv('BENCH_EVALUATORS_PER_AGENCY', 6, 1, 100),
  surveyAnswers: intEnv('BENCH_SURVEY_ANSWERS', 12, 0, 200),
};

const U32 = 4294967296;
/** The i-th (0..3) uniform [0,1) value from an MD5 hex column. */
const u = (h: string, i: number) => `(CONV(SUBSTR(${h}, ${1 + 8 * i}, 8), 16, 10) / ${U32})`;
/** An integer in [lo, hi] from a uniform value. */
const between = (uv: string, lo: number, hi: number) => `(${lo} + FLOOR(${uv} * ${hi - lo + 1}))`;
const secs = (uv: string, lo: number, hi: number) => `FLOOR((${lo} + ${uv} * ${hi - lo}) * 86400)`;
const days = (uv: string, lo: number, hi: number) => `INTERVAL ${secs(uv, lo, hi)} SECOND`;
/** A deterministic UUID (v4 layout) from an MD5 hex column. */
const uuid = (h: string) =>
  `CONCAT(SUBSTR(${h},1,8),'-',SUBSTR(${h},9,4),'-4',SUBSTR(${h},14,3),'-',ELT(1 + CONV(SUBSTR(${h},17,1),16,10) MOD 4,'8','9','a','b'),SUBSTR(${h},18,3),'-',SUBSTR(${h},21,12))`;
/** Yuan with two decimals from fen, as the application prints amounts (e.g. in a bid's seal). */
const yuan = (fen: string) => `CONCAT(FLOOR(${fen} / 100), '.', LPAD(${fen} MOD 100, 2, '0'))`;

const METHODS: Array<[string, number]> = [
  ['OPEN_TENDER', 0.4],
  ['COMPETITIVE_CONSULTATION', 0.25],
  ['COMPETITIVE_NEGOTIATION', 0.1],
  ['REQUEST_FOR_QUOTATION', 0.15],
  ['SINGLE_SOURCE', 0.1],
];
const pick = (mix: Array<[string, number]>, uv: string) => {
  let acc = 0;
  const whens = mix.slice(0, -1).map(([v, p]) => `WHEN ${uv} < ${(acc += p).toFixed(6)} THEN '${v}'`);
  return `CASE ${whens.join(' ')} ELSE '${mix[mix.length - 1][0]}' END`;
};

const CRITERIA = JSON.stringify([
  { code: 'A', name: '服务方案', maxCents: 4000 },
  { code: 'B', name: '团队与经验', maxCents: 3000 },
]);
const SOURCES = ['DISTRICT_FINANCE', 'CITY_FINANCE', 'WELFARE_LOTTERY'];
/** The chain's tables, in the order the verification and the summary list them. */
export const CHAIN_TABLES = [
  'organisations',
  'organisation_service_areas',
  'budget_lines',
  'ledger_entries',
  'projects',
  'project_needs',
  'tenders',
  'bids',
  'contracts',
  'contract_milestones',
  'contract_milestone_reports',
  'payment_requests',
  'evaluation_tasks',
  'organisation_evaluation_results',
  'organisation_records',
  'organisation_bars',
  'evaluation_surveys',
  'evaluation_survey_answers',
];

/** The simulated timeline of every generated project (kept until the end of a successful run, for a resumed one). */
const BENCH_PT_DDL = `CREATE TABLE bench_pt (pid int NOT NULL PRIMARY KEY, pkey varchar(40) NOT NULL UNIQUE, h char(32) NOT NULL, h2 char(32) NOT NULL,
      region_id int NOT NULL, district_id int NOT NULL, path varchar(255) NOT NULL, region_name varchar(64) NOT NULL, cat_id int NOT NULL,
      n_needs int NOT NULL, method varchar(32) NOT NULL, cancelled tinyint NOT NULL, quantity int NOT NULL, unit_price bigint NOT NULL,
      estimated bigint NOT NULL, line_id int NULL, created_at datetime(3) NOT NULL, submitted_at datetime(3) NOT NULL,
      approved_at datetime(3) NOT NULL, published_at datetime(3) NOT NULL, deadline_at datetime(3) NOT NULL,
      report_at datetime(3) NOT NULL, notice_at datetime(3) NOT NULL, window_end datetime(3) NOT NULL, awarded_at datetime(3) NOT NULL,
      signed_at datetime(3) NOT NULL, activated_at datetime(3) NOT NULL, term_start date NOT NULL, term_end date NOT NULL,
      months int NOT NULL, n_bids int NOT NULL, bid_off int NOT NULL, winner_bid varchar(36) NULL, amount bigint NULL,
      status varchar(16) NOT NULL DEFAULT 'DRAFT', KEY (district_id)) ENGINE=InnoDB`;
const BENCH_PN_DDL = `CREATE TABLE bench_pn (need_id int NOT NULL PRIMARY KEY, pkey varchar(40) NOT NULL, region_id int NOT NULL,
  category_id int NOT NULL, KEY (pkey)) ENGINE=InnoDB`;
/** The helper tables of the chain, dropped by seed-scale.ts after the verification. */
export const CHAIN_HELPERS = [
  'bench_pn',
  'bench_pt',
  'bench_ms',
  'bench_ev',
  'bench_pay',
  'bench_org',
  'bench_agency',
  'bench_item',
];

export async function seedChain(ctx: ChainContext): Promise<void> {
  const { q, exec, one, phase, cityId, cityPath, now, tMid } = ctx;
  const S = CHAIN_SETTINGS;
  await exec(`CREATE TABLE IF NOT EXISTS bench_seed_phases (name varchar(64) NOT NULL PRIMARY KEY,
    done_at datetime(3) NOT NULL, note varchar(255) NULL) ENGINE=InnoDB`);
  const done = new Set(
    (await q<{ name: string } & RowDataPacket>('SELECT name FROM bench_seed_phases')).map((r) => r.name),
  );
  /** Runs a phase in one transaction, recorded when it commits; a recorded phase is skipped. */
  const step = async (name: string, fn: () => Promise<string | void>, ddl: string[] = []) =>
    phase(`chain: ${name}`, async () => {
      if (done.has(name)) {
        console.log('  done in an earlier run: skipped');
        return;
      }
      // helper tables first: DDL commits implicitly, so it stays out of the phase's transaction
      for (const sql of ddl) await exec(sql);
      await exec('SET SESSION foreign_key_checks = 0');
      await exec('START TRANSACTION');
      try {
        const note = (await fn()) ?? null;
        await exec('INSERT INTO bench_seed_phases (name, done_at, note) VALUES (?, UTC_TIMESTAMP(3), ?)', [name, note]);
        await exec('COMMIT');
        if (note) console.log(`  ${note}`);
      } catch (err) {
        await exec('ROLLBACK');
        throw err;
      } finally {
        await exec('SET SESSION foreign_key_checks = 1');
      }
    });
  const NOW = now;
  const officerId = await one<number>(`SELECT id FROM users WHERE username = 'bench_officer'`);

  // ------------------------------------------------------------------ people and organisations
  await step('organisations', async () => {
    await exec(
      `INSERT IGNORE INTO users (username, display_name, phone, password_hash, status, failed_login_count, locked_until,
        region_id, region_path, organisation_id, created_at, updated_at) VALUES ('bench_finance', '压测财务（渝州市）', NULL, ?, 'ACTIVE', 0, NULL, ?, ?, NULL, ?, ?)`,
      [ctx.passwordHash, cityId, cityPath, tMid, tMid],
    );
    await exec(
      `INSERT IGNORE INTO user_roles (user_id, role) SELECT id, 'FINANCE_OFFICER' FROM users WHERE username = 'bench_finance'`,
    );
    // Social organisations: registered in a district and serving it, graded 3A–5A (decided, valid beyond `now`).
    await exec(
      `INSERT INTO organisations (name, kind, credit_code, region_id, created_at, org_type, legal_representative, contact_phone,
        grade, grade_expires_on, status, reviewed_by, reviewed_at, updated_at, grade_decided_by, grade_decided_at)
      SELECT CONCAT(d.name, ELT(1 + s.seq MOD 6, '阳光', '邻里', '乐龄', '同心', '善邻', '康宁'),
                    ELT(1 + FLOOR(s.seq / 6) MOD 4, '社会工作服务中心', '养老服务中心', '公益服务社', '志愿者协会'), s.seq),
             'SOCIAL_ORGANISATION', CONCAT('525001', LPAD(s.seq, 11, '0'), 'B'), d.id, ? - INTERVAL 3 YEAR,
             ELT(1 + s.seq MOD 3, 'SOCIAL_SERVICE_AGENCY', 'SOCIAL_GROUP', 'FOUNDATION'), CONCAT('法人', s.seq), NULL,
             ${between(u("MD5(CONCAT('og', s.seq))", 0), 3, 5)}, DATE(? + INTERVAL 2 YEAR), 'ACTIVE', ?, ? - INTERVAL 3 YEAR, ? - INTERVAL 1 YEAR, ?, ? - INTERVAL 1 YEAR
        FROM seq_1_to_${S.orgs} s
        JOIN regions d ON d.code = CONCAT('5001', LPAD(1 + (s.seq - 1) MOD ${ctx.districts}, 2, '0'), '000000')`,
      [tMid, NOW, officerId, tMid, tMid, officerId, tMid],
    );
    await exec(`INSERT INTO organisation_service_areas (organisation_id, region_id)
      SELECT id, region_id FROM organisations WHERE credit_code LIKE '525001%B'`);
    await exec(
      `INSERT INTO users (username, display_name, phone, password_hash, status, failed_login_count, locked_until,
        region_id, region_path, organisation_id, created_at, updated_at)
      SELECT CONCAT('bench_o_', o.id), CONCAT(LEFT(o.name, 40), '联络员'), NULL, ?, 'ACTIVE', 0, NULL, o.region_id, r.path, o.id, o.created_at, o.created_at
        FROM organisations o JOIN regions r ON r.id = o.region_id WHERE o.credit_code LIKE '525001%B'`,
      [ctx.passwordHash],
    );
    await exec(
      `INSERT INTO user_roles (user_id, role) SELECT id, 'ORG_MEMBER' FROM users WHERE username LIKE 'bench\\_o\\_%'`,
    );
    // Third-party evaluation agencies (city-wide) and their evaluators.
    await exec(
      `INSERT INTO organisations (name, kind, credit_code, region_id, created_at, org_type, status, updated_at)
      SELECT CONCAT('渝州', ELT(1 + s.seq MOD 4, '众评', '仁信', '明鉴', '公衡'), '社会组织评估中心', s.seq), 'EVALUATION_AGENCY',
             CONCAT('525002', LPAD(s.seq, 11, '0'), 'E'), ?, ? - INTERVAL 5 YEAR, 'SOCIAL_SERVICE_AGENCY', 'ACTIVE', ? - INTERVAL 5 YEAR
        FROM seq_1_to_${S.agencies} s`,
      [cityId, tMid, tMid],
    );
    await exec(
      `INSERT INTO users (username, display_name, phone, password_hash, status, failed_login_count, locked_until,
        region_id, region_path, organisation_id, created_at, updated_at)
      SELECT CONCAT('bench_e_', o.id, '_', s.seq), CONCAT('评估员', o.id, '-', s.seq), NULL, ?, 'ACTIVE', 0, NULL, ?, ?, o.id, o.created_at, o.created_at
        FROM organisations o JOIN seq_1_to_${S.evaluatorsPerAgency} s WHERE o.credit_code LIKE '525002%E'`,
      [ctx.passwordHash, cityId, cityPath],
    );
    await exec(
      `INSERT INTO user_roles (user_id, role) SELECT id, 'EVALUATOR' FROM users WHERE username LIKE 'bench\\_e\\_%'`,
    );
    return `${S.orgs} social organisations (one member each), ${S.agencies} evaluation agencies × ${S.evaluatorsPerAgency} evaluators`;
  });

  // ------------------------------------------------------------------ helper tables (rebuilt on every run)
  await phase('chain: helper tables', async () => {
    await exec('DROP TABLE IF EXISTS bench_org, bench_agency, bench_item');
    await exec(`CREATE TABLE bench_org (district_id int NOT NULL, k int NOT NULL, org_id int NOT NULL, member_id int NOT NULL,
      PRIMARY KEY (district_id, k)) ENGINE=InnoDB`);
    await exec(`INSERT INTO bench_org (district_id, k, org_id, member_id)
      SELECT o.region_id, ROW_NUMBER() OVER (PARTITION BY o.region_id ORDER BY o.id) - 1, o.id, u.id
        FROM organisations o JOIN users u ON u.username = CONCAT('bench_o_', o.id) WHERE o.credit_code LIKE '525001%B'`);
    await exec(
      `CREATE TABLE bench_agency (k int NOT NULL PRIMARY KEY, agency_id int NOT NULL, evaluator_id int NOT NULL) ENGINE=InnoDB`,
    );
    await exec(`INSERT INTO bench_agency (k, agency_id, evaluator_id)
      SELECT ROW_NUMBER() OVER (ORDER BY u.id) - 1, u.organisation_id, u.id FROM users u WHERE u.username LIKE 'bench\\_e\\_%'`);
    // One catalogue item per leaf category (its first), its payment schedule's shares in basis points (2 to 4 tranches).
    let template = await one<number | undefined>(
      `SELECT id FROM evaluation_templates WHERE purpose = 'PROJECT' AND status = 'ACTIVE' ORDER BY id LIMIT 1`,
    );
    if (template === undefined) {
      const tree = JSON.stringify({
        total: '100',
        nodes: [{ key: 'A', name: '项目实施', points: '100', kind: 'MANUAL', guide: [] }],
      });
      await exec(
        `INSERT INTO evaluation_templates (code, version, name, purpose, status, total_points, tree, description, frozen_at, created_by, created_at, updated_at)
         VALUES ('XM-BENCH', 1, '项目评估（压测）', 'PROJECT', 'ACTIVE', 100, ?, NULL, ?, NULL, ?, ?)`,
        [tree, tMid, tMid, tMid],
      );
      template = await one<number>(`SELECT id FROM evaluation_templates WHERE code = 'XM-BENCH'`);
    }
    await exec(`CREATE TABLE bench_item (cat_id int NOT NULL PRIMARY KEY, item_id int NOT NULL, item_code varchar(16) NOT NULL,
      item_name varchar(128) NOT NULL, unit varchar(16) NOT NULL, price_cap bigint NOT NULL, min_grade int NOT NULL,
      template_id int NOT NULL, n_ms int NOT NULL, s1 int NOT NULL, s2 int NOT NULL, s3 int NOT NULL, s4 int NOT NULL) ENGINE=InnoDB`);
    const items = await exec(
      `INSERT INTO bench_item
      SELECT i.category_id, i.id, i.code, i.name, i.unit, i.price_cap_fen, LEAST(i.min_org_grade, 3), COALESCE(i.default_template_id, ?),
             GREATEST(2, LEAST(4, COALESCE(JSON_LENGTH(i.payment_schedule), 3))),
             ROUND(COALESCE(JSON_EXTRACT(i.payment_schedule, '$[0].percent'), 30) * 100),
             ROUND(COALESCE(JSON_EXTRACT(i.payment_schedule, '$[1].percent'), 40) * 100),
             ROUND(COALESCE(JSON_EXTRACT(i.payment_schedule, '$[2].percent'), 30) * 100),
             ROUND(COALESCE(JSON_EXTRACT(i.payment_schedule, '$[3].percent'), 0) * 100)
        FROM catalogue_items i JOIN (SELECT category_id, MIN(id) AS id FROM catalogue_items WHERE version_id = ? GROUP BY category_id) f ON f.id = i.id`,
      [template, ctx.versionId],
    );
    if (items.affectedRows === 0) {
      // The bench's own catalogue (no demo seed): one item per leaf, three tranches 30/40/30.
      await exec(
        `INSERT INTO catalogue_items (version_id, category_id, code, name, service_standard, unit, price_cap_fen, min_org_grade, payment_schedule, default_template_id)
        SELECT c.version_id, c.id, CONCAT(c.code, '01'), CONCAT(c.name, '服务'), '按服务标准提供', '人次', 20000, 3,
               '[{"label":"预付款","percent":30},{"label":"中期款","percent":40},{"label":"尾款（评估后支付）","percent":30}]', NULL
          FROM catalogue_categories c WHERE c.version_id = ? AND NOT EXISTS (SELECT 1 FROM catalogue_categories k WHERE k.parent_id = c.id)`,
        [ctx.versionId],
      );
      await exec(
        `INSERT INTO bench_item SELECT i.category_id, i.id, i.code, i.name, i.unit, i.price_cap_fen, 3, ?, 3, 3000, 4000, 3000, 0
           FROM catalogue_items i WHERE i.version_id = ?`,
        [template, ctx.versionId],
      );
    }
    // A schedule whose shares do not add up to 100 % is taken as 30/40/30.
    await exec(`UPDATE bench_item SET n_ms = 3, s1 = 3000, s2 = 4000, s3 = 3000, s4 = 0
      WHERE (CASE n_ms WHEN 2 THEN s1 + s2 WHEN 3 THEN s1 + s2 + s3 ELSE s1 + s2 + s3 + s4 END) <> 10000`);
  });

  // ------------------------------------------------------------------ budget lines and their allocation
  const yearA = Number(await one<number>('SELECT YEAR(CONVERT_TZ(?, "+00:00", "+08:00"))', [tMid]));
  const yearB = Number(await one<number>('SELECT YEAR(CONVERT_TZ(?, "+00:00", "+08:00"))', [now]));
  const years = [...new Set([yearA, yearB])];
  await step('budget lines', async () => {
    // Amounts are set from the projects in the allocation phase; 1 fen until then (the CHECK wants > 0).
    for (const year of years)
      for (const [i, source] of SOURCES.entries())
        await exec(
          `INSERT INTO budget_lines (year, region_id, region_path, source, restricted_category_code, title, status, requested_fen,
            available_fen, reserved_fen, committed_fen, paid_fen, year_closed, multi_year, created_by, decided_by, decided_at,
            decision_note, created_at, updated_at)
          SELECT ?, d.id, d.path, ?, NULL, CONCAT(d.name, ?, '年', ?, '（压测）'), 'ACTIVE', 1, 0, 0, 0, 0, 0, 0, ?, f.id,
                 ? + INTERVAL 2 DAY, NULL, ?, ? + INTERVAL 2 DAY
            FROM regions d JOIN users f ON f.username = 'bench_finance'
           WHERE d.level = 'DISTRICT' AND d.path LIKE ?`,
          [
            year,
            source,
            year,
            ['区级财政社区服务专项', '市级财政补助', '福彩公益金'][i],
            officerId,
            new Date(Date.UTC(year - 1, 11, 1)),
            new Date(Date.UTC(year - 1, 11, 1)),
            new Date(Date.UTC(year - 1, 11, 1)),
            `${cityPath}%`,
          ],
        );
    return `${years.length * SOURCES.length} lines per district (${years.join(', ')} × ${SOURCES.join(', ')})`;
  });

  // ------------------------------------------------------------------ projects: bundles of approved needs
  const lastCampaignYearNeeds = `n.city_id = ${cityId} AND n.status IN ('APPROVED', 'IN_PROCUREMENT', 'IN_SERVICE')
      AND n.campaign_id IN (SELECT id FROM campaigns WHERE status = 'DECIDED' AND region_path LIKE '${cityPath}%')`;
  await step(
    'projects',
    async () => {
      // (needs of one community and one leaf category, in id order: rn) — a project bundles K consecutive ones.
      await exec(
        `CREATE TEMPORARY TABLE bench_grp (region_id int NOT NULL, category_id int NOT NULL, n int NOT NULL, PRIMARY KEY (region_id, category_id))`,
      );
      await exec(
        `INSERT INTO bench_grp SELECT n.region_id, n.category_id, COUNT(*) FROM needs n WHERE ${lastCampaignYearNeeds} GROUP BY n.region_id, n.category_id`,
      );
      const largest = Number(await one('SELECT COALESCE(MAX(n), 1) FROM bench_grp'));
      let k = 1;
      for (; k < largest; k++) {
        const count = Number(await one(`SELECT COALESCE(SUM(CEIL(n / ${k})), 0) FROM bench_grp`));
        if (count * 0.85 <= S.projects) break;
      }
      const eligible = Number(await one('SELECT COALESCE(SUM(n), 0) FROM bench_grp'));
      // 15 % of the bundles are left unbundled: approved needs still waiting for a project.
      await exec(`INSERT INTO bench_pn (need_id, pkey, region_id, category_id)
      SELECT id, CONCAT(region_id, ':', category_id, ':', FLOOR(rn / ${k})), region_id, category_id FROM (
        SELECT n.id, n.region_id, n.category_id, ROW_NUMBER() OVER (PARTITION BY n.region_id, n.category_id ORDER BY n.id) - 1 AS rn
          FROM needs n WHERE ${lastCampaignYearNeeds}) x`);
      await exec(`DELETE FROM bench_pn WHERE ${u("MD5(CONCAT('pk', pkey))", 0)} < 0.15`);
      // One id for a project, its tender and its contract: above every id of the three tables.
      const base = Number(
        await one(
          'SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM projects), (SELECT COALESCE(MAX(id), 0) FROM tenders), (SELECT COALESCE(MAX(id), 0) FROM contracts))',
        ),
      );
      await exec(
        `INSERT INTO bench_pt (pid, pkey, h, h2, region_id, district_id, path, region_name, cat_id, n_needs, method, cancelled, quantity,
        unit_price, estimated, created_at, submitted_at, approved_at, published_at, deadline_at, report_at, notice_at, window_end,
        awarded_at, signed_at, activated_at, term_start, term_end, months, n_bids, bid_off)
      SELECT ? + ROW_NUMBER() OVER (ORDER BY g.created_at, g.pkey), g.pkey, g.h, g.h2, g.region_id, c.district_id, c.path, c.name, g.category_id, g.n,
             g.method, ${u('g.h2', 3)} < 0.02, g.quantity, g.unit_price, g.quantity * g.unit_price, g.created_at,
             g.created_at + ${days(u('g.h', 1), 1, 5)},
             g.created_at + ${days(u('g.h', 1), 1, 5)} + ${days(u('g.h', 2), 2, 10)},
             g.created_at + ${days(u('g.h', 1), 1, 5)} + ${days(u('g.h', 2), 2, 10)} + ${days(u('g.h', 3), 3, 15)},
             g.deadline, g.deadline + ${days(u('g.h2', 0), 2, 6)},
             g.deadline + ${days(u('g.h2', 0), 2, 6)} + ${days(u('g.h2', 1), 1, 4)},
             g.deadline + ${days(u('g.h2', 0), 2, 6)} + ${days(u('g.h2', 1), 1, 4)} + INTERVAL 10 DAY,
             g.deadline + ${days(u('g.h2', 0), 2, 6)} + ${days(u('g.h2', 1), 1, 4)} + INTERVAL 10 DAY + INTERVAL 1 HOUR,
             g.deadline + ${days(u('g.h2', 0), 2, 6)} + ${days(u('g.h2', 1), 1, 4)} + INTERVAL 10 DAY + ${days(u('g.h2', 2), 3, 20)},
             g.deadline + ${days(u('g.h2', 0), 2, 6)} + ${days(u('g.h2', 1), 1, 4)} + INTERVAL 10 DAY + ${days(u('g.h2', 2), 3, 20)} + INTERVAL 2 DAY,
             DATE(g.deadline + ${days(u('g.h2', 0), 2, 6)} + ${days(u('g.h2', 1), 1, 4)} + INTERVAL 10 DAY + ${days(u('g.h2', 2), 3, 20)} + INTERVAL 5 DAY),
             DATE(g.deadline + ${days(u('g.h2', 0), 2, 6)} + ${days(u('g.h2', 1), 1, 4)} + INTERVAL 10 DAY + ${days(u('g.h2', 2), 3, 20)} + INTERVAL 5 DAY)
               + INTERVAL g.months MONTH - INTERVAL 1 DAY,
             g.months,
             CASE g.method WHEN 'SINGLE_SOURCE' THEN 1 WHEN 'OPEN_TENDER' THEN ${between(u("MD5(CONCAT('nb', g.pkey))", 0), 3, 7)}
                           ELSE ${between(u("MD5(CONCAT('nb', g.pkey))", 0), 2, 5)} END,
             FLOOR(${u("MD5(CONCAT('nb', g.pkey))", 1)} * 1000)
        FROM (SELECT x.*, ${pick(METHODS, u('x.h', 0))} AS method,
                     x.created_at + ${days(u('x.h', 1), 1, 5)} + ${days(u('x.h', 2), 2, 10)} + ${days(u('x.h', 3), 3, 15)}
                       + INTERVAL (CASE ${pick(METHODS, u('x.h', 0))} WHEN 'OPEN_TENDER' THEN ${between(u('x.h2', 3), 21, 28)}
                                   WHEN 'COMPETITIVE_CONSULTATION' THEN ${between(u('x.h2', 3), 11, 15)}
                                   WHEN 'SINGLE_SOURCE' THEN ${between(u('x.h2', 3), 7, 10)} ELSE ${between(u('x.h2', 3), 4, 7)} END) DAY AS deadline,
                     ELT(1 + FLOOR(${u("MD5(CONCAT('m', x.pkey))", 0)} * 3), 6, 9, 12) AS months,
                     GREATEST(1, ROUND((50000 + ${u("MD5(CONCAT('m', x.pkey))", 1)} * 350000) * 100 / x.unit_price)) AS quantity
                FROM (SELECT y.*, GREATEST(100, FLOOR(i.price_cap * (0.85 + 0.15 * ${u("MD5(CONCAT('u', y.pkey))", 0)}) / 100) * 100) AS unit_price
                        FROM (SELECT n.pkey, MIN(n.region_id) AS region_id, MIN(n.category_id) AS category_id, COUNT(*) AS n,
                                     MD5(CONCAT('p', n.pkey)) AS h, MD5(CONCAT('q', n.pkey)) AS h2,
                                     CAST(? AS DATETIME(3)) - INTERVAL 5 DAY - INTERVAL FLOOR(${u("MD5(CONCAT('p', n.pkey))", 0)} * 345 * 86400) SECOND AS created_at
                                FROM bench_pn n GROUP BY n.pkey) y
                        JOIN bench_item i ON i.cat_id = y.category_id) x) g
        JOIN bench_comm c ON c.id = g.region_id`,
        [base, now],
      );
      // The stage each project has reached at `now` (a cancelled one was withdrawn as a draft).
      await exec(
        `UPDATE bench_pt SET status = CASE
        WHEN cancelled THEN 'CANCELLED' WHEN submitted_at > ? THEN 'DRAFT' WHEN approved_at > ? THEN 'SUBMITTED'
        WHEN published_at > ? THEN 'APPROVED' WHEN awarded_at > ? THEN 'TENDERING' WHEN signed_at > ? THEN 'AWARDED'
        WHEN activated_at > ? THEN 'CONTRACTED' ELSE 'IN_PROGRESS' END`,
        [NOW, NOW, NOW, NOW, NOW, NOW],
      );
      // The budget line: the project's district, the year it was approved in (its creation year for a draft), a source by hash.
      await exec(
        `UPDATE bench_pt p JOIN budget_lines l ON l.region_id = p.district_id AND l.title LIKE '%（压测）'
        AND l.year = YEAR(CONVERT_TZ(LEAST(p.approved_at, ?), '+00:00', '+08:00'))
        AND l.source = ELT(1 + FLOOR(${u('p.h2', 2)} * 3), ${SOURCES.map((s) => `'${s}'`).join(', ')})
      SET p.line_id = l.id`,
        [NOW],
      );
      const missing = Number(await one('SELECT COUNT(*) FROM bench_pt WHERE line_id IS NULL'));
      if (missing > 0) throw new Error(`${missing} projects without a budget line`);
      await exec(
        `INSERT INTO projects (id, region_id, region_path, title, catalogue_item_id, item_code, category_code, quantity, unit_price_fen,
        estimated_fen, budget_line_id, plan, status, reservation_entry_id, created_by, submitted_at, decided_by, decided_at,
        decision_note, created_at, updated_at)
      SELECT p.pid, p.region_id, p.path, LEFT(CONCAT(p.region_name, i.item_name, '项目（', YEAR(p.created_at), '）'), 128), i.item_id, i.item_code, k.code,
             p.quantity, p.unit_price, p.estimated, p.line_id,
             CONCAT('{"objectives":["满足居民', k.name, '需求"],"schedule":[{"period":"', DATE_FORMAT(p.term_start, '%Y-%m'), '","activity":"启动服务"}],',
                    '"budget":[{"item":"服务费","amount":"', ${yuan('p.estimated')}, '"}],"beneficiaries":', 20 * p.n_needs,
                    ',"outputIndicators":[{"name":"服务人次","target":"', p.quantity, '"}],"outcomeIndicators":[{"name":"满意度","target":"90%"}]}'),
             p.status, NULL, ?, IF(p.status IN ('DRAFT', 'CANCELLED'), NULL, p.submitted_at),
             IF(p.status IN ('DRAFT', 'SUBMITTED', 'CANCELLED'), NULL, f.id), IF(p.status IN ('DRAFT', 'SUBMITTED', 'CANCELLED'), NULL, p.approved_at),
             NULL, p.created_at, LEAST(?, GREATEST(p.created_at, IF(p.status = 'CANCELLED', p.submitted_at, p.approved_at)))
        FROM bench_pt p JOIN bench_item i ON i.cat_id = p.cat_id JOIN catalogue_categories k ON k.id = p.cat_id
        JOIN users f ON f.username = 'bench_finance'`,
        [officerId, NOW],
      );
      await exec(
        `INSERT INTO project_needs (project_id, need_id) SELECT p.pid, n.need_id FROM bench_pn n JOIN bench_pt p ON p.pkey = n.pkey`,
      );
      return `${eligible} approved needs of last year's campaign, bundles of up to ${k} needs of one community and category → ${Number(await one('SELECT COUNT(*) FROM bench_pt'))} projects`;
    },
    ['DROP TABLE IF EXISTS bench_pn, bench_pt', BENCH_PN_DDL, BENCH_PT_DDL],
  );

  // ------------------------------------------------------------------ tenders and bids
  await step('tenders and bids', async () => {
    // Bids: n_bids distinct organisations of the district (bid_off + seq); prices 80–99 % of the maximum, in yuan.
    await exec(
      `INSERT INTO bids (id, tender_id, organisation_id, version, status, price_fen, technical, seal_sha256, submitted_at, submitted_by,
        needs_reconfirm, reconfirmed_at, closed_at, qualification_reason, price_score_cents, technical_score_cents, total_cents, rank_no)
      SELECT ${uuid('b.h')}, b.pid, b.org_id, 1, 'SUBMITTED', b.price, b.technical,
             SHA2(CONCAT('{"documents":[],"organisationId":', b.org_id, ',"price":"', ${yuan('b.price')}, '","technical":', b.technical,
                         ',"tenderId":', b.pid, ',"version":1}'), 256),
             b.deadline_at - ${days(u('b.h', 1), 0.05, 3)}, b.member_id, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM (SELECT p.pid, p.deadline_at, o.org_id, o.member_id, MD5(CONCAT('b', p.pid, ':', s.seq)) AS h,
                     FLOOR(p.estimated * (0.80 + 0.19 * ${u("MD5(CONCAT('b', p.pid, ':', s.seq))", 0)}) / 100) * 100 AS price,
                     IF(p.method IN ('OPEN_TENDER', 'COMPETITIVE_CONSULTATION'),
                        CONCAT('{"A":"服务方案：每周服务', 2 + s.seq, '次，配备专职社工','","B":"团队：社工', 3 + s.seq, '名，同类项目经验', s.seq + 1, '年"}'),
                        '{}') AS technical
                FROM bench_pt p JOIN (SELECT district_id, COUNT(*) AS n FROM bench_org GROUP BY district_id) dn ON dn.district_id = p.district_id
                JOIN seq_0_to_7 s ON s.seq < LEAST(p.n_bids, dn.n)
                JOIN bench_org o ON o.district_id = p.district_id AND o.k = (p.bid_off + s.seq) MOD dn.n
               WHERE p.status IN ('TENDERING', 'AWARDED', 'CONTRACTED', 'IN_PROGRESS') AND p.published_at <= ?) b`,
      [NOW],
    );
    const opened = `(SELECT pid FROM bench_pt WHERE status IN ('TENDERING', 'AWARDED', 'CONTRACTED', 'IN_PROGRESS') AND deadline_at <= ?)`;
    // Opened tenders: scored (comprehensive: price 30 + technical 70; lowest price: by price), ranked.
    await exec(
      `UPDATE bids b JOIN bench_pt p ON p.pid = b.tender_id
         JOIN (SELECT tender_id, MIN(price_fen) AS lowest FROM bids GROUP BY tender_id) m ON m.tender_id = b.tender_id
          SET b.status = 'SCORED', b.closed_at = p.deadline_at,
              b.price_score_cents = IF(p.method IN ('OPEN_TENDER', 'COMPETITIVE_CONSULTATION'), ROUND(3000 * m.lowest / b.price_fen), NULL),
              b.technical_score_cents = IF(p.method IN ('OPEN_TENDER', 'COMPETITIVE_CONSULTATION'), ROUND((0.55 + 0.45 * ${u("MD5(CONCAT('ts', b.id))", 0)}) * 7000), NULL)
        WHERE b.tender_id IN ${opened}`,
      [NOW],
    );
    await exec(
      `UPDATE bids SET total_cents = price_score_cents + technical_score_cents WHERE price_score_cents IS NOT NULL`,
    );
    await exec(
      `UPDATE bids b JOIN (SELECT id, RANK() OVER (PARTITION BY tender_id ORDER BY COALESCE(total_cents, 0) DESC, price_fen, COALESCE(technical_score_cents, 0) DESC, id) AS r
                            FROM bids WHERE status = 'SCORED') x ON x.id = b.id SET b.rank_no = x.r`,
    );
    await exec(
      `UPDATE bench_pt p JOIN bids b ON b.tender_id = p.pid AND b.rank_no = 1 SET p.winner_bid = b.id, p.amount = b.price_fen`,
    );
    // Tenders still being evaluated at `now`: their bids qualified, not yet scored.
    await exec(
      `UPDATE bids b JOIN bench_pt p ON p.pid = b.tender_id SET b.status = 'QUALIFIED', b.price_score_cents = NULL,
         b.technical_score_cents = NULL, b.total_cents = NULL, b.rank_no = NULL
        WHERE b.status = 'SCORED' AND p.report_at > ?`,
      [NOW],
    );
    await exec(
      `UPDATE bids b JOIN bench_pt p ON p.pid = b.tender_id SET b.status = IF(b.id = p.winner_bid, 'WINNER', 'NOT_AWARDED')
        WHERE b.status = 'SCORED' AND p.awarded_at <= ?`,
      [NOW],
    );
    await exec(
      `INSERT INTO tenders (id, project_id, region_path, title, description, method, status, min_grade, designated_organisation_id,
        scoring_method, price_weight_pct, criteria, max_price_fen, bid_deposit_fen, committee_size, published_at, bid_deadline, opened_at,
        evaluation_round, committee_note, report, report_at, confirmation_due_at, confirmation_reminded_at, winner_bid_id, award_notice_at,
        objection_window_ends_at, awarded_at, outcome_note, created_by, created_at, updated_at)
      SELECT p.pid, p.pid, p.path, LEFT(CONCAT(pr.title, '采购'), 128), CONCAT('采购内容：', pr.title, '，服务期', p.months, '个月。'), p.method,
             CASE WHEN p.deadline_at > ? THEN 'PUBLISHED' WHEN p.report_at > ? THEN 'EVALUATING' WHEN p.notice_at > ? THEN 'RECOMMENDED'
                  WHEN p.awarded_at > ? THEN 'AWARD_NOTICE' ELSE 'AWARDED' END,
             IF(p.method = 'SINGLE_SOURCE', NULL, i.min_grade),
             IF(p.method = 'SINGLE_SOURCE', (SELECT organisation_id FROM bids WHERE tender_id = p.pid LIMIT 1), NULL),
             IF(p.method IN ('OPEN_TENDER', 'COMPETITIVE_CONSULTATION'), 'COMPREHENSIVE', 'LOWEST_PRICE'),
             IF(p.method IN ('OPEN_TENDER', 'COMPETITIVE_CONSULTATION'), 30, 100),
             IF(p.method IN ('OPEN_TENDER', 'COMPETITIVE_CONSULTATION'), ?, '[]'),
             p.estimated, NULL, IF(p.method = 'OPEN_TENDER', 5, 3), p.published_at, p.deadline_at, IF(p.deadline_at <= ?, p.deadline_at, NULL),
             1, NULL, NULL, IF(p.report_at <= ?, p.report_at, NULL), IF(p.report_at <= ?, p.report_at + INTERVAL 7 DAY, NULL), NULL,
             IF(p.notice_at <= ?, p.winner_bid, NULL), IF(p.notice_at <= ?, p.notice_at, NULL), IF(p.notice_at <= ?, p.window_end, NULL),
             IF(p.awarded_at <= ?, p.awarded_at, NULL), NULL, ?, p.approved_at + INTERVAL 1 DAY,
             LEAST(?, GREATEST(p.published_at, IF(p.awarded_at <= ?, p.awarded_at, IF(p.deadline_at <= ?, p.deadline_at, p.published_at))))
        FROM bench_pt p JOIN projects pr ON pr.id = p.pid JOIN bench_item i ON i.cat_id = p.cat_id
       WHERE p.status IN ('TENDERING', 'AWARDED', 'CONTRACTED', 'IN_PROGRESS')`,
      [NOW, NOW, NOW, NOW, CRITERIA, NOW, NOW, NOW, NOW, NOW, NOW, NOW, officerId, NOW, NOW, NOW],
    );
    const [c] = await q(
      `SELECT COUNT(*) AS t, (SELECT COUNT(*) FROM bids WHERE tender_id IN (SELECT pid FROM bench_pt)) AS b FROM tenders WHERE id IN (SELECT pid FROM bench_pt)`,
    );
    return `${c.t} tenders, ${c.b} bids`;
  });

  // ------------------------------------------------------------------ contracts, milestones, reports
  await step(
    'contracts and milestones',
    async () => {
      await exec(
        `INSERT INTO contracts (id, code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id, organisation_id, title,
        status, amount_fen, changes_fen, content, term_start, term_end, max_term_months, payment_days, bond_bp, bond_fen, award_notice_at,
        signature_due_at, signature_reminded_at, signature_overdue_at, purchaser_signed_by, purchaser_signed_at, supplier_signed_by,
        supplier_signed_at, frozen_content, content_sha256, signed_at, commitment_entry_id, publication_due_at, published_at,
        publication_overdue_at, terminated_at, termination_kind, termination_reason, completed_at, created_at, updated_at)
      SELECT p.pid, CONCAT('HT-', YEAR(p.awarded_at), '-', LPAD(p.pid, 6, '0')), p.pid, p.pid, p.winner_bid, p.region_id, p.path, p.line_id,
             b.organisation_id, LEFT(CONCAT(pr.title, '服务合同'), 128),
             CASE WHEN p.signed_at > ? THEN 'DRAFT' WHEN p.activated_at > ? THEN 'SIGNED' ELSE 'ACTIVE' END,
             p.amount, 0, x.content, p.term_start, p.term_end, p.months, 30, 0, 0, p.notice_at, p.awarded_at + INTERVAL 30 DAY, NULL, NULL,
             IF(p.signed_at <= ?, ?, NULL), IF(p.signed_at <= ?, p.signed_at - INTERVAL 1 DAY, NULL),
             IF(p.signed_at <= ?, b.submitted_by, NULL), IF(p.signed_at <= ?, p.signed_at, NULL),
             IF(p.signed_at <= ?, x.content, NULL), IF(p.signed_at <= ?, SHA2(x.content, 256), NULL), IF(p.signed_at <= ?, p.signed_at, NULL),
             NULL, IF(p.signed_at <= ?, p.signed_at + INTERVAL 2 DAY, NULL), IF(p.activated_at <= ?, p.activated_at, NULL), NULL, NULL, NULL, NULL, NULL,
             p.awarded_at, LEAST(?, IF(p.activated_at <= ?, p.activated_at, IF(p.signed_at <= ?, p.signed_at, p.awarded_at)))
        FROM bench_pt p JOIN projects pr ON pr.id = p.pid JOIN bids b ON b.id = p.winner_bid
        JOIN (SELECT pid, CONCAT('{"purchaser":{"name":"', region_name, '所属区民政局"},"supplier":{"organisationId":', 0,
                                 '},"termMonths":', months, ',"paymentDays":30}') AS content FROM bench_pt) x ON x.pid = p.pid
       WHERE p.awarded_at <= ? AND NOT p.cancelled`,
        [NOW, NOW, NOW, officerId, NOW, NOW, NOW, NOW, NOW, NOW, NOW, NOW, NOW, NOW, NOW, NOW],
      );
      // Milestones: the item's schedule; the last one is final (paid after the evaluation). Each has its own timeline:
      // a report submitted around the due date (15 % late), 10 % returned once, accepted 1–6 days later.
      await exec(
        `INSERT INTO bench_ms (contract_id, seq, n, share_bp, amount, due_date, due_at, sub1, returned, sub2, accepted_at, requested_at, approved_at, paid_at)
      SELECT y.contract_id, y.seq, y.n, y.share_bp, y.amount, y.due_date, y.due_at, y.sub1, y.returned,
             IF(y.returned, y.sub1 + INTERVAL 5 DAY, y.sub1), IF(y.returned, y.sub1 + INTERVAL 5 DAY, y.sub1) + ${days(u('y.h', 2), 1, 6)},
             IF(y.returned, y.sub1 + INTERVAL 5 DAY, y.sub1) + ${days(u('y.h', 2), 1, 6)} + ${days(u('y.h', 3), 0.1, 3)},
             IF(y.returned, y.sub1 + INTERVAL 5 DAY, y.sub1) + ${days(u('y.h', 2), 1, 6)} + ${days(u('y.h', 3), 0.1, 3)} + ${days(u('y.h2', 0), 1, 3)},
             IF(y.returned, y.sub1 + INTERVAL 5 DAY, y.sub1) + ${days(u('y.h', 2), 1, 6)} + ${days(u('y.h', 3), 0.1, 3)} + ${days(u('y.h2', 0), 1, 3)} + ${days(u('y.h2', 1), 1, 12)}
        FROM (SELECT c.id AS contract_id, s.seq, i.n_ms AS n, ELT(s.seq, i.s1, i.s2, i.s3, i.s4) AS share_bp,
                     IF(s.seq = i.n_ms, c.amount_fen - (SELECT COALESCE(SUM(FLOOR(c.amount_fen * ELT(t.seq, i.s1, i.s2, i.s3, i.s4) / 10000)), 0)
                                                         FROM seq_1_to_4 t WHERE t.seq < i.n_ms),
                        FLOOR(c.amount_fen * ELT(s.seq, i.s1, i.s2, i.s3, i.s4) / 10000)) AS amount,
                     IF(s.seq = i.n_ms, c.term_end, c.term_start + INTERVAL ROUND(DATEDIFF(c.term_end, c.term_start) * s.seq / i.n_ms) DAY) AS due_date,
                     CAST(CONCAT(IF(s.seq = i.n_ms, c.term_end, c.term_start + INTERVAL ROUND(DATEDIFF(c.term_end, c.term_start) * s.seq / i.n_ms) DAY), ' 15:59:59.999') AS DATETIME(3)) AS due_at,
                     MD5(CONCAT('ms', c.id, ':', s.seq)) AS h, MD5(CONCAT('mt', c.id, ':', s.seq)) AS h2,
                     CAST(CONCAT(IF(s.seq = i.n_ms, c.term_end, c.term_start + INTERVAL ROUND(DATEDIFF(c.term_end, c.term_start) * s.seq / i.n_ms) DAY), ' 02:00:00') AS DATETIME(3))
                       + INTERVAL IF(${u("MD5(CONCAT('ms', c.id, ':', s.seq))", 0)} < 0.15, ${secs(u("MD5(CONCAT('mt', c.id, ':', s.seq))", 2), 1, 20)},
                                     -${secs(u("MD5(CONCAT('mt', c.id, ':', s.seq))", 2), 0, 6)}) SECOND AS sub1,
                     ${u("MD5(CONCAT('ms', c.id, ':', s.seq))", 1)} < 0.10 AS returned
                FROM contracts c JOIN bench_pt p ON p.pid = c.id JOIN bench_item i ON i.cat_id = p.cat_id JOIN seq_1_to_4 s ON s.seq <= i.n_ms
               WHERE c.signed_at IS NOT NULL) y`,
      );
      const base = Number(await one('SELECT COALESCE(MAX(id), 0) FROM contract_milestones'));
      await exec(
        `UPDATE bench_ms m JOIN (SELECT contract_id, seq, ? + ROW_NUMBER() OVER (ORDER BY contract_id, seq) AS id FROM bench_ms) x
      ON x.contract_id = m.contract_id AND x.seq = m.seq SET m.id = x.id`,
        [base],
      );
      await exec(
        `INSERT INTO contract_milestones (id, contract_id, seq, title, deliverables, due_date, due_at, share_bp, amount_fen, is_final, status,
        reminded_at, overdue_at, submitted_at, accepted_at, accepted_by, created_at, updated_at)
      SELECT m.id, m.contract_id, m.seq, IF(m.seq = m.n, '尾款节点（评估后支付）', CONCAT('第', m.seq, '阶段服务')),
             CONCAT('提交第', m.seq, '阶段服务记录、服务人次统计与照片'), m.due_date, m.due_at, m.share_bp, m.amount, m.seq = m.n,
             CASE WHEN m.accepted_at <= ? THEN 'ACCEPTED' WHEN m.sub2 <= ? THEN 'SUBMITTED' WHEN m.returned AND m.sub1 + INTERVAL 2 DAY <= ? THEN 'RETURNED'
                  WHEN m.sub1 <= ? THEN 'SUBMITTED' ELSE 'PENDING' END,
             IF(m.due_at - INTERVAL 3 DAY <= ?, m.due_at - INTERVAL 3 DAY, NULL),
             IF(m.due_at <= ? AND m.sub1 > m.due_at, m.due_at, NULL),
             IF(m.sub1 <= ?, IF(m.sub2 <= ?, m.sub2, m.sub1), NULL), IF(m.accepted_at <= ?, m.accepted_at, NULL),
             IF(m.accepted_at <= ?, ?, NULL), c.signed_at, LEAST(?, GREATEST(c.signed_at, IF(m.accepted_at <= ?, m.accepted_at, IF(m.sub1 <= ?, m.sub1, c.signed_at))))
        FROM bench_ms m JOIN contracts c ON c.id = m.contract_id`,
        [NOW, NOW, NOW, NOW, NOW, NOW, NOW, NOW, NOW, NOW, officerId, NOW, NOW, NOW],
      );
      const report = (version: string, status: string, at: string, decidedAt: string, cond: string) =>
        exec(
          `INSERT INTO contract_milestone_reports (contract_id, milestone_id, version, status, summary, activities, service_hours, outputs,
          submitted_by, submitted_at, decided_by, decided_at, return_reason)
        SELECT m.contract_id, m.id, ${version}, ${status}, CONCAT('第', m.seq, '阶段服务按计划完成'),
               CONCAT('[{"date":"', DATE(${at}), '","activity":"入户服务与集中活动","participants":25}]'), '{"total":"120"}', '[{"code":"OUT-1","value":"120"}]',
               b.submitted_by, ${at}, IF(${decidedAt} <= ?, ?, NULL), IF(${decidedAt} <= ?, ${decidedAt}, NULL),
               IF(${status} = 'RETURNED', '服务记录不完整，请补充签到表', NULL)
          FROM bench_ms m JOIN contracts c ON c.id = m.contract_id JOIN bids b ON b.id = c.winner_bid_id WHERE ${cond}`,
          [NOW, officerId, NOW],
        );
      // version 1 returned (then version 2), or version 1 the only one
      await report(
        '1',
        `IF(m.sub1 + INTERVAL 2 DAY <= '${iso(NOW)}', 'RETURNED', 'SUBMITTED')`,
        'm.sub1',
        'm.sub1 + INTERVAL 2 DAY',
        `m.returned AND m.sub1 <= '${iso(NOW)}'`,
      );
      await report(
        '1',
        `IF(m.accepted_at <= '${iso(NOW)}', 'ACCEPTED', 'SUBMITTED')`,
        'm.sub1',
        'm.accepted_at',
        `NOT m.returned AND m.sub1 <= '${iso(NOW)}'`,
      );
      await report(
        '2',
        `IF(m.accepted_at <= '${iso(NOW)}', 'ACCEPTED', 'SUBMITTED')`,
        'm.sub2',
        'm.accepted_at',
        `m.returned AND m.sub2 <= '${iso(NOW)}'`,
      );
      // a report submitted but returned and not yet resubmitted: the milestone is RETURNED (status above)
      const [c] = await q(
        'SELECT (SELECT COUNT(*) FROM contracts WHERE id IN (SELECT pid FROM bench_pt)) AS c, (SELECT COUNT(*) FROM bench_ms) AS m',
      );
      return `${c.c} contracts, ${c.m} milestones`;
    },
    [
      'DROP TABLE IF EXISTS bench_ms',
      `CREATE TABLE bench_ms (contract_id int NOT NULL, seq int NOT NULL, n int NOT NULL, share_bp int NOT NULL, amount bigint NOT NULL,
      due_date date NOT NULL, due_at datetime(3) NOT NULL, sub1 datetime(3) NOT NULL, returned tinyint NOT NULL, sub2 datetime(3) NOT NULL,
      accepted_at datetime(3) NOT NULL, requested_at datetime(3) NOT NULL, approved_at datetime(3) NOT NULL, paid_at datetime(3) NOT NULL,
      id int NULL, PRIMARY KEY (contract_id, seq)) ENGINE=InnoDB`,
    ],
  );

  // ------------------------------------------------------------------ final evaluation tasks and results
  await step(
    'evaluation',
    async () => {
      const nAgency = Number(await one('SELECT COUNT(*) FROM bench_agency'));
      // FINAL task one month before the term ends; submitted 3–15 days after the later of the term's end and the final acceptance.
      await exec(
        `INSERT INTO bench_ev
      SELECT c.id, t.created_at, t.created_at + ${days(u('t.h', 0), 1, 5)}, t.created_at + ${days(u('t.h', 0), 1, 5)} + ${days(u('t.h', 1), 1, 5)},
             t.sub, t.sub + ${days(u('t.h', 2), 2, 5)}, t.sub + ${days(u('t.h', 2), 2, 5)} + INTERVAL 9 DAY,
             t.sub + ${days(u('t.h', 2), 2, 5)} + INTERVAL 9 DAY + INTERVAL 1 HOUR,
             t.score, CASE WHEN t.score >= 90 THEN 'EXCELLENT' WHEN t.score >= 80 THEN 'GOOD' WHEN t.score >= 60 THEN 'PASS' ELSE 'FAIL' END,
             FLOOR(${u('t.h', 3)} * ${nAgency})
        FROM contracts c JOIN (SELECT m.contract_id, MD5(CONCAT('ev', m.contract_id)) AS h,
                                      CAST(CONCAT(c2.term_end, ' 01:00:00') AS DATETIME(3)) - INTERVAL 30 DAY AS created_at,
                                      GREATEST(CAST(CONCAT(c2.term_end, ' 08:00:00') AS DATETIME(3)), m.accepted_at) + ${days(u("MD5(CONCAT('ew', m.contract_id))", 0), 3, 15)} AS sub,
                                      ROUND(100 - 48 * POW(${u("MD5(CONCAT('ew', m.contract_id))", 1)}, 3.5), 2) AS score
                                 FROM bench_ms m JOIN contracts c2 ON c2.id = m.contract_id WHERE m.seq = m.n) t ON t.contract_id = c.id
       WHERE t.created_at <= ?`,
        [NOW],
      );
      const base = Number(await one('SELECT COALESCE(MAX(id), 0) FROM evaluation_tasks'));
      await exec(
        `INSERT INTO evaluation_tasks (id, code, kind, status, contract_id, project_id, organisation_id, region_id, region_path, final_key, batch_id,
        template_id, agency_id, evaluator_id, due_at, reminded_at, overdue_at, assigned_by, assigned_at, started_at, submitted_at, returned_at,
        return_comment, confirmed_by, confirmed_at, objection_due_at, published_at, cancelled_at, total_score, total_exact, grade, summary,
        created_at, updated_at)
      SELECT x.id, CONCAT('PG-', YEAR(e.created_at), '-', LPAD(x.id, 6, '0')), 'FINAL',
             CASE WHEN e.assigned_at > ? THEN 'OPEN' WHEN e.started_at > ? THEN 'ASSIGNED' WHEN e.submitted_at > ? THEN 'IN_PROGRESS'
                  WHEN e.confirmed_at > ? THEN 'SUBMITTED' WHEN e.published_at > ? THEN 'CONFIRMED' ELSE 'PUBLISHED' END,
             c.id, c.project_id, c.organisation_id, c.region_id, c.region_path, c.id, NULL, i.template_id,
             IF(e.assigned_at <= ?, a.agency_id, NULL), IF(e.assigned_at <= ?, a.evaluator_id, NULL),
             CAST(CONCAT(c.term_end, ' 15:59:59.999') AS DATETIME(3)) + INTERVAL 30 DAY, NULL, NULL,
             IF(e.assigned_at <= ?, ?, NULL), IF(e.assigned_at <= ?, e.assigned_at, NULL), IF(e.started_at <= ?, e.started_at, NULL),
             IF(e.submitted_at <= ?, e.submitted_at, NULL), NULL, NULL, IF(e.confirmed_at <= ?, ?, NULL), IF(e.confirmed_at <= ?, e.confirmed_at, NULL),
             IF(e.confirmed_at <= ?, e.objection_due_at, NULL), IF(e.published_at <= ?, e.published_at, NULL), NULL,
             IF(e.submitted_at <= ?, e.score, NULL), IF(e.submitted_at <= ?, CAST(e.score AS CHAR), NULL), IF(e.submitted_at <= ?, e.grade, NULL),
             IF(e.submitted_at <= ?, '项目按合同完成，服务对象反馈良好。', NULL), e.created_at,
             LEAST(?, GREATEST(e.created_at, IF(e.published_at <= ?, e.published_at, e.created_at)))
        FROM bench_ev e JOIN (SELECT contract_id, ? + ROW_NUMBER() OVER (ORDER BY created_at, contract_id) AS id FROM bench_ev) x ON x.contract_id = e.contract_id
        JOIN contracts c ON c.id = e.contract_id JOIN bench_pt p ON p.pid = c.id JOIN bench_item i ON i.cat_id = p.cat_id
        JOIN bench_agency a ON a.k = e.agency_k`,
        [
          NOW,
          NOW,
          NOW,
          NOW,
          NOW,
          NOW,
          NOW,
          NOW,
          officerId,
          NOW,
          NOW,
          NOW,
          NOW,
          officerId,
          NOW,
          NOW,
          NOW,
          NOW,
          NOW,
          NOW,
          NOW,
          NOW,
          NOW,
          base,
        ],
      );
      await exec(
        `INSERT INTO organisation_evaluation_results (organisation_id, source_type, source_id, code, kind, title, year, score, grade, region_id, region_path, published_at)
      SELECT t.organisation_id, 'evaluation_task', t.id, t.code, t.kind, LEFT(p.title, 128), YEAR(CONVERT_TZ(t.published_at, '+00:00', '+08:00')),
             t.total_score, t.grade, t.region_id, t.region_path, t.published_at
        FROM evaluation_tasks t JOIN projects p ON p.id = t.project_id WHERE t.status = 'PUBLISHED' AND t.contract_id IN (SELECT pid FROM bench_pt)`,
      );
      await exec(
        `INSERT INTO organisation_records (organisation_id, kind, template, params, summary, reference_type, reference_id, grade_label, amount_fen, created_at)
      SELECT r.organisation_id, 'EVALUATION', 'organisations.record.evaluation_result',
             JSON_OBJECT('code', r.code, 'title', r.title, 'score', CAST(r.score AS CHAR), 'grade', r.grade), NULL, 'evaluation_task', r.source_id,
             ELT(FIELD(r.grade, 'EXCELLENT', 'GOOD', 'PASS', 'FAIL'), '优秀', '良好', '合格', '不合格'), NULL, r.published_at
        FROM organisation_evaluation_results r WHERE r.source_type = 'evaluation_task' AND r.source_id IN (SELECT id FROM evaluation_tasks WHERE contract_id IN (SELECT pid FROM bench_pt))`,
      );
      // A failed final evaluation bars the organisation from bidding in the district for 12 months.
      await exec(
        `INSERT INTO organisation_bars (organisation_id, region_id, region_path, reason, source_type, source_id, source_code, score, grade, starts_at, until_date, ends_at, created_at)
      SELECT t.organisation_id, d.id, d.path, 'EVALUATION_FAIL', 'evaluation_task', t.id, t.code, t.total_score, t.grade, t.published_at,
             DATE(t.published_at + INTERVAL 12 MONTH), t.published_at + INTERVAL 12 MONTH, t.published_at
        FROM evaluation_tasks t JOIN bench_pt p ON p.pid = t.contract_id JOIN regions d ON d.id = p.district_id
       WHERE t.status = 'PUBLISHED' AND t.grade = 'FAIL'`,
      );
      const [c] = await q(
        `SELECT COUNT(*) AS n, SUM(status = 'PUBLISHED') AS pub FROM evaluation_tasks WHERE contract_id IN (SELECT pid FROM bench_pt)`,
      );
      return `${c.n} final evaluation tasks, ${c.pub} published`;
    },
    [
      'DROP TABLE IF EXISTS bench_ev',
      `CREATE TABLE bench_ev (contract_id int NOT NULL PRIMARY KEY, created_at datetime(3) NOT NULL, assigned_at datetime(3) NOT NULL,
      started_at datetime(3) NOT NULL, submitted_at datetime(3) NOT NULL, confirmed_at datetime(3) NOT NULL, objection_due_at datetime(3) NOT NULL,
      published_at datetime(3) NOT NULL, score decimal(7,2) NOT NULL, grade varchar(16) NOT NULL, agency_k int NOT NULL) ENGINE=InnoDB`,
    ],
  );

  // ------------------------------------------------------------------ the ledger, in the application's order
  const lines = `(SELECT id FROM budget_lines WHERE title LIKE '%（压测）')`;
  const entry = (sql: string, params: unknown[] = []) =>
    exec(
      `INSERT INTO ledger_entries (line_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, reference_type, reference_id,
        reverses_entry_id, memo, actor_id, created_at) ${sql}`,
      params,
    );
  await step('ledger: allocations, reservations, commitments', async () => {
    // Allocation: what the line's projects need, plus 25 % headroom, rounded up to 10 000 yuan.
    await exec(`UPDATE budget_lines l JOIN (SELECT line_id, SUM(estimated) AS s FROM bench_pt GROUP BY line_id) x ON x.line_id = l.id
      SET l.requested_fen = CEIL(x.s * 1.25 / 1000000) * 1000000 WHERE l.id IN ${lines}`);
    await exec(`UPDATE budget_lines SET requested_fen = 1000000000 WHERE id IN ${lines} AND requested_fen = 1`);
    // (read into a temporary table first: the entries' trigger updates budget_lines, which the INSERT may not read)
    await exec('DROP TEMPORARY TABLE IF EXISTS bench_alloc');
    await exec(
      `CREATE TEMPORARY TABLE bench_alloc AS SELECT id, requested_fen, decided_by, decided_at FROM budget_lines WHERE id IN ${lines}`,
    );
    await entry(`SELECT l.id, 'ALLOCATE', 'SOURCE', 'AVAILABLE', l.requested_fen, CONCAT('line-', l.id, '-approval'), 'budget_line', l.id, NULL,
        '预算指标批准', l.decided_by, l.decided_at FROM bench_alloc l ORDER BY l.id`);
    await entry(`SELECT p.line_id, 'RESERVE', 'AVAILABLE', 'RESERVED', p.estimated, CONCAT('project-', p.pid, '-reserve'), 'project', p.pid, NULL,
        CONCAT('项目预留：', p.pid), f.id, p.approved_at FROM bench_pt p JOIN users f ON f.username = 'bench_finance'
        WHERE p.status IN ('APPROVED', 'TENDERING', 'AWARDED', 'CONTRACTED', 'IN_PROGRESS') ORDER BY p.approved_at`);
    await entry(`SELECT c.budget_line_id, 'COMMIT', 'RESERVED', 'COMMITTED', c.amount_fen, CONCAT('contract-', c.id, '-commit'), 'contract', c.id, NULL,
        CONCAT('合同承诺：', c.code), c.supplier_signed_by, c.signed_at FROM contracts c JOIN bench_pt p ON p.pid = c.id WHERE c.signed_at IS NOT NULL ORDER BY c.signed_at`);
    await entry(`SELECT c.budget_line_id, 'RELEASE_RESERVATION', 'RESERVED', 'AVAILABLE', p.estimated - c.amount_fen, CONCAT('contract-', c.id, '-release-reservation'),
        'contract', c.id, NULL, CONCAT('合同金额低于预留，释放差额：', c.code), c.supplier_signed_by, c.signed_at
        FROM contracts c JOIN bench_pt p ON p.pid = c.id WHERE c.signed_at IS NOT NULL AND p.estimated > c.amount_fen ORDER BY c.signed_at`);
    await exec(`UPDATE projects pr JOIN ledger_entries e ON e.idempotency_key = CONCAT('project-', pr.id, '-reserve') SET pr.reservation_entry_id = e.id
      WHERE pr.id IN (SELECT pid FROM bench_pt)`);
    await exec(`UPDATE contracts c JOIN ledger_entries e ON e.idempotency_key = CONCAT('contract-', c.id, '-commit') SET c.commitment_entry_id = e.id
      WHERE c.id IN (SELECT pid FROM bench_pt)`);
    return `${Number(await one(`SELECT COUNT(*) FROM ledger_entries WHERE line_id IN ${lines}`))} ledger entries on ${Number(await one(`SELECT COUNT(*) FROM ${lines} x`))} lines so far`;
  });

  // ------------------------------------------------------------------ payment requests and their ledger entries
  await step(
    'payment requests',
    async () => {
      // Non-final milestones: requested after acceptance, approved, paid. The final one: HELD until the result is
      // published, then (≥ 80) requested in full, (60–80) reduced by 15 % (the rest released), (< 60) WITHHELD (all released).
      await exec(
        `INSERT INTO bench_pay (milestone_id, contract_id, is_final, tranche, amount, released, outcome, score, task_id, held_at, decided_at,
          requested_at, approved_at, paid_at, status)
        SELECT m.id, m.contract_id, 0, m.amount, m.amount, 0, NULL, NULL, NULL, NULL, NULL, m.requested_at, m.approved_at, m.paid_at,
               CASE WHEN m.paid_at <= ? THEN 'PAID' WHEN m.approved_at <= ? THEN 'APPROVED' ELSE 'REQUESTED' END
          FROM bench_ms m WHERE m.seq < m.n AND m.requested_at <= ?`,
        [NOW, NOW, NOW],
      );
      const pub = `(t.status = 'PUBLISHED')`;
      const ok = `(${pub} AND t.total_score >= 60)`;
      const appr = `t.published_at + ${days(u("MD5(CONCAT('fp', m.id))", 0), 1, 3)}`;
      const paid = `${appr} + ${days(u("MD5(CONCAT('fp', m.id))", 1), 1, 10)}`;
      await exec(
        `INSERT INTO bench_pay (milestone_id, contract_id, is_final, tranche, amount, released, outcome, score, task_id, held_at, decided_at,
          requested_at, approved_at, paid_at, status)
        SELECT m.id, m.contract_id, 1, m.amount,
               IF(${pub}, CASE WHEN t.total_score >= 80 THEN m.amount WHEN t.total_score >= 60 THEN m.amount - ROUND(m.amount * 1500 / 10000) ELSE 0 END, m.amount),
               IF(${pub}, CASE WHEN t.total_score >= 80 THEN 0 WHEN t.total_score >= 60 THEN ROUND(m.amount * 1500 / 10000) ELSE m.amount END, 0),
               IF(${pub}, CASE WHEN t.total_score >= 80 THEN 'FULL' WHEN t.total_score >= 60 THEN 'REDUCED' ELSE 'WITHHELD' END, NULL),
               IF(${pub}, CAST(t.total_score AS CHAR), NULL), IF(${pub}, t.id, NULL), m.accepted_at, IF(${pub}, t.published_at, NULL),
               IF(${ok}, t.published_at, NULL), IF(${ok}, ${appr}, NULL), IF(${ok}, ${paid}, NULL),
               CASE WHEN NOT ${pub} THEN 'HELD' WHEN t.total_score < 60 THEN 'WITHHELD' WHEN ${paid} <= ? THEN 'PAID'
                    WHEN ${appr} <= ? THEN 'APPROVED' ELSE 'REQUESTED' END
          FROM bench_ms m LEFT JOIN evaluation_tasks t ON t.final_key = m.contract_id
         WHERE m.seq = m.n AND m.accepted_at <= ?`,
        [NOW, NOW, NOW],
      );
      const base = Number(await one('SELECT COALESCE(MAX(id), 0) FROM payment_requests'));
      await exec(
        `UPDATE bench_pay b JOIN (SELECT milestone_id, ? + ROW_NUMBER() OVER (ORDER BY COALESCE(requested_at, held_at), milestone_id) AS id FROM bench_pay) x
          ON x.milestone_id = b.milestone_id SET b.id = x.id`,
        [base],
      );
      await entry(`SELECT c.budget_line_id, 'DISBURSE', 'COMMITTED', 'PAID', b.amount, CONCAT('payment-', b.id, '-disburse'), 'payment_request', b.id, NULL,
          CONCAT('支付：', c.code, ' 第', m.seq, '期'), f.id, b.paid_at
          FROM bench_pay b JOIN contracts c ON c.id = b.contract_id JOIN bench_ms m ON m.id = b.milestone_id JOIN users f ON f.username = 'bench_finance'
         WHERE b.status = 'PAID' AND b.amount > 0 ORDER BY b.paid_at`);
      await entry(`SELECT c.budget_line_id, 'RELEASE_COMMITMENT', 'COMMITTED', 'AVAILABLE', b.released, CONCAT('payment-', b.id, '-release'), 'payment_request',
          b.id, NULL, '尾款按评估结果扣减或不予支付，释放承诺', NULL, b.decided_at
          FROM bench_pay b JOIN contracts c ON c.id = b.contract_id WHERE b.released > 0 ORDER BY b.decided_at`);
      await exec(
        `INSERT INTO payment_requests (id, contract_id, milestone_id, live_key, region_path, organisation_id, budget_line_id, status, tranche_fen,
          amount_fen, released_fen, due_date, due_at, requested_by, requested_at, approved_by, approved_at, paid_by, paid_at, disburse_entry_id,
          rejected_by, rejected_at, reject_reason, late_at, late_interest_fen, late_rate_bp, evaluation_ref, evaluation_score, final_outcome,
          reduction_bp, created_at, updated_at)
        SELECT b.id, b.contract_id, b.milestone_id, b.milestone_id, c.region_path, c.organisation_id, c.budget_line_id, b.status, b.tranche,
               b.amount, b.released, IF(b.requested_at IS NULL, NULL, DATE(b.requested_at + INTERVAL c.payment_days DAY)),
               IF(b.requested_at IS NULL, NULL, b.requested_at + INTERVAL c.payment_days DAY),
               IF(b.requested_at IS NULL OR b.is_final, NULL, w.submitted_by), b.requested_at,
               IF(b.status IN ('APPROVED', 'PAID'), ?, NULL), IF(b.status IN ('APPROVED', 'PAID'), b.approved_at, NULL),
               IF(b.status = 'PAID', f.id, NULL), IF(b.status = 'PAID', b.paid_at, NULL), e.id, NULL, NULL, NULL, NULL, NULL, NULL,
               IF(b.task_id IS NULL, NULL, CONCAT('evaluation_task/', b.task_id)), b.score, b.outcome,
               IF(b.outcome = 'REDUCED', 1500, NULL), COALESCE(b.held_at, b.requested_at),
               LEAST(?, COALESCE(IF(b.status = 'PAID', b.paid_at, NULL), IF(b.status IN ('APPROVED', 'PAID'), b.approved_at, NULL), b.requested_at, b.decided_at, b.held_at))
          FROM bench_pay b JOIN contracts c ON c.id = b.contract_id JOIN bids w ON w.id = c.winner_bid_id JOIN users f ON f.username = 'bench_finance'
          LEFT JOIN ledger_entries e ON e.idempotency_key = CONCAT('payment-', b.id, '-disburse')`,
        [officerId, NOW],
      );
      const [c] = await q(`SELECT COUNT(*) AS n, SUM(status = 'PAID') AS paid FROM bench_pay`);
      return `${c.n} payment requests, ${c.paid} paid`;
    },
    [
      'DROP TABLE IF EXISTS bench_pay',
      `CREATE TABLE bench_pay (milestone_id int NOT NULL PRIMARY KEY, contract_id int NOT NULL, is_final tinyint NOT NULL,
        tranche bigint NOT NULL, amount bigint NOT NULL, released bigint NOT NULL, outcome varchar(16) NULL, score varchar(8) NULL, task_id int NULL,
        held_at datetime(3) NULL, decided_at datetime(3) NULL, requested_at datetime(3) NULL, approved_at datetime(3) NULL, paid_at datetime(3) NULL,
        status varchar(16) NOT NULL, id int NULL, KEY (contract_id)) ENGINE=InnoDB`,
    ],
  );

  // ------------------------------------------------------------------ completion: contracts, projects, needs
  await step('completion', async () => {
    // A contract whose every request is settled (PAID or WITHHELD, the final one included) is COMPLETED at the last settlement.
    await exec(
      `UPDATE contracts c JOIN (SELECT b.contract_id, MAX(IF(b.status = 'WITHHELD', b.decided_at, b.paid_at)) AS at, COUNT(*) AS n,
                                       SUM(b.status IN ('PAID', 'WITHHELD')) AS settled, MAX(b.is_final) AS has_final
                                  FROM bench_pay b GROUP BY b.contract_id) x ON x.contract_id = c.id
          JOIN bench_ms m ON m.contract_id = c.id AND m.seq = m.n
         SET c.status = 'COMPLETED', c.completed_at = LEAST(?, GREATEST(x.at, c.published_at)), c.updated_at = LEAST(?, GREATEST(x.at, c.published_at))
       WHERE c.status = 'ACTIVE' AND x.has_final = 1 AND x.settled = x.n AND x.n = m.n`,
      [NOW, NOW],
    );
    // Projects follow their contracts: ACTIVE → IN_PROGRESS (already), COMPLETED → COMPLETED, and EVALUATED once the final result is out.
    await exec(
      `UPDATE projects pr JOIN contracts c ON c.id = pr.id SET pr.status = 'COMPLETED', pr.updated_at = c.completed_at WHERE c.status = 'COMPLETED'`,
    );
    await exec(`UPDATE projects pr JOIN evaluation_tasks t ON t.final_key = pr.id AND t.status = 'PUBLISHED' SET pr.status = 'EVALUATED',
      pr.updated_at = GREATEST(pr.updated_at, t.published_at) WHERE pr.status = 'COMPLETED'`);
    await exec(`UPDATE bench_pt p JOIN projects pr ON pr.id = p.pid SET p.status = pr.status`);
    // The needs follow their project (need state machine): waiting → APPROVED; procurement → IN_PROCUREMENT; contract → IN_SERVICE;
    // completed → DELIVERED; evaluated → EVALUATED. Approved needs of last year's campaign left out of every project stay APPROVED.
    // In id ranges, reading the needs in primary key order (as the support counts are), never by random lookups.
    const [range] = await q(`SELECT MIN(id) AS lo, MAX(id) AS hi FROM needs WHERE city_id = ${cityId}`);
    let moved = 0;
    let reset = 0;
    const STEP = 100_000;
    for (let a = Number(range.lo ?? 1); range.hi !== null && a <= Number(range.hi); a += STEP) {
      const b = a + STEP - 1;
      moved += (
        await exec(
          `UPDATE needs n JOIN project_needs pn ON pn.need_id = n.id JOIN bench_pt p ON p.pid = pn.project_id
              SET n.status = CASE WHEN p.status IN ('DRAFT', 'SUBMITTED', 'CANCELLED') THEN 'APPROVED'
                                  WHEN p.status IN ('APPROVED', 'TENDERING', 'AWARDED') THEN 'IN_PROCUREMENT'
                                  WHEN p.status IN ('CONTRACTED', 'IN_PROGRESS') THEN 'IN_SERVICE'
                                  WHEN p.status = 'COMPLETED' THEN 'DELIVERED' ELSE 'EVALUATED' END,
                  n.updated_at = GREATEST(n.updated_at, LEAST(?, p.approved_at))
            WHERE n.id BETWEEN ? AND ?`,
          [NOW, a, b],
        )
      ).affectedRows;
      reset += (
        await exec(
          `UPDATE needs n LEFT JOIN project_needs pn ON pn.need_id = n.id SET n.status = 'APPROVED'
            WHERE n.id BETWEEN ? AND ? AND ${lastCampaignYearNeeds} AND n.status <> 'APPROVED' AND pn.need_id IS NULL`,
          [a, b],
        )
      ).affectedRows;
    }
    const res = { affectedRows: moved };
    const rest = { affectedRows: reset };
    return `${res.affectedRows} needs moved with their project, ${rest.affectedRows} approved needs without a project set back to APPROVED`;
  });

  // ------------------------------------------------------------------ satisfaction surveys
  await step('surveys', async () => {
    // One survey per project whose contract has been running 45–75 days; closes 30 days after opening. Answers by
    // residents of the project's community (distinct: consecutive residents from an offset), mostly satisfied.
    const base = Number(await one('SELECT COALESCE(MAX(id), 0) FROM evaluation_surveys'));
    await exec(
      `INSERT INTO evaluation_surveys (id, project_id, contract_id, region_id, region_path, status, token, questions, opened_at, closes_at,
        closed_at, created_by, created_at, updated_at)
      SELECT ? + ROW_NUMBER() OVER (ORDER BY s.opened_at, s.id), s.id, s.id, s.region_id, s.region_path, IF(s.opened_at + INTERVAL 30 DAY <= ?, 'CLOSED', 'OPEN'),
             MD5(CONCAT('token', s.id)), '["OVERALL","ATTITUDE","TIMELINESS","QUALITY","RECOMMEND"]', s.opened_at, s.opened_at + INTERVAL 30 DAY,
             IF(s.opened_at + INTERVAL 30 DAY <= ?, s.opened_at + INTERVAL 30 DAY, NULL), ?, s.opened_at, LEAST(?, s.opened_at + INTERVAL 30 DAY)
        FROM (SELECT c.id, c.region_id, c.region_path, CAST(CONCAT(c.term_start, ' 01:00:00') AS DATETIME(3)) + ${days(u("MD5(CONCAT('sv', c.id))", 0), 45, 75)} AS opened_at
                FROM contracts c WHERE c.id IN (SELECT pid FROM bench_pt) AND c.status IN ('ACTIVE', 'COMPLETED')) s
       WHERE s.opened_at <= ?`,
      [base, NOW, NOW, officerId, NOW, NOW],
    );
    await exec(
      `INSERT INTO evaluation_survey_answers (survey_id, resident_id, channel, proxy_by, overall, answers, comment, created_at, updated_at)
      SELECT a.survey_id, r.user_id, IF(a.proxy, 'PROXY', 'SELF'), IF(a.proxy, a.worker_id, NULL), a.o1,
             CONCAT('[', a.o1, ',', a.o2, ',', a.o3, ',', a.o4, ',', a.o5, ']'), NULL, a.at, a.at
        FROM (SELECT v.id AS survey_id, v.region_id, cm.r, cm.worker_id, s.seq, FLOOR(cm.r * ${u("MD5(CONCAT('sa', v.id))", 0)}) AS off,
                     ${u("MD5(CONCAT('sb', v.id, ':', s.seq))", 0)} < 0.2 AS proxy,
                     6 - ${between(`POW(${u("MD5(CONCAT('sc', v.id, ':', s.seq))", 0)}, 2.2)`, 1, 5)} AS o1,
                     6 - ${between(`POW(${u("MD5(CONCAT('sc', v.id, ':', s.seq))", 1)}, 2.2)`, 1, 5)} AS o2,
                     6 - ${between(`POW(${u("MD5(CONCAT('sc', v.id, ':', s.seq))", 2)}, 2.2)`, 1, 5)} AS o3,
                     6 - ${between(`POW(${u("MD5(CONCAT('sc', v.id, ':', s.seq))", 3)}, 2.2)`, 1, 5)} AS o4,
                     6 - ${between(`POW(${u("MD5(CONCAT('sd', v.id, ':', s.seq))", 0)}, 2.2)`, 1, 5)} AS o5,
                     LEAST(?, v.opened_at + ${days(u("MD5(CONCAT('sd', v.id, ':', s.seq))", 1), 0.05, 29)}) AS at,
                     ${between(u("MD5(CONCAT('sa', v.id))", 1), 3, S.surveyAnswers * 2)} AS k
                FROM evaluation_surveys v JOIN bench_comm cm ON cm.id = v.region_id JOIN seq_0_to_${Math.max(1, S.surveyAnswers * 2)} s
               WHERE v.project_id IN (SELECT pid FROM bench_pt)) a
        JOIN bench_res r ON r.community_id = a.region_id AND r.rn = (a.off + a.seq) MOD a.r
       WHERE a.seq < LEAST(a.k, a.r)`,
      [NOW],
    );
    const [c] =
      await q(`SELECT COUNT(*) AS s, (SELECT COUNT(*) FROM evaluation_survey_answers WHERE survey_id IN (SELECT id FROM evaluation_surveys WHERE project_id IN (SELECT pid FROM bench_pt))) AS a
      FROM evaluation_surveys WHERE project_id IN (SELECT pid FROM bench_pt)`);
    return `${c.s} surveys, ${c.a} answers`;
  });
}

function iso(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** Every reference and every rule of the chain: [name, SQL counting the rows that break it]. */
export function chainChecks(): Array<[string, string]> {
  // The generated projects (their tenders and contracts have the same ids): those on the bench's budget lines.
  const bench = `(SELECT id FROM projects WHERE budget_line_id IN (SELECT id FROM budget_lines WHERE title LIKE '%（压测）'))`;
  return [
    [
      'projects → budget line, item, region',
      `SELECT COUNT(*) FROM projects p LEFT JOIN budget_lines l ON l.id = p.budget_line_id LEFT JOIN catalogue_items i ON i.id = p.catalogue_item_id LEFT JOIN regions r ON r.id = p.region_id WHERE p.id IN ${bench} AND (l.id IS NULL OR i.id IS NULL OR r.id IS NULL OR r.path <> p.region_path)`,
    ],
    [
      'project estimate = quantity × unit price',
      `SELECT COUNT(*) FROM projects WHERE id IN ${bench} AND estimated_fen <> quantity * unit_price_fen`,
    ],
    [
      'project_needs → need of the project’s community',
      `SELECT COUNT(*) FROM project_needs pn LEFT JOIN needs n ON n.id = pn.need_id JOIN projects p ON p.id = pn.project_id WHERE p.id IN ${bench} AND (n.id IS NULL OR n.region_id <> p.region_id)`,
    ],
    [
      'every bench project bundles at least one need',
      `SELECT COUNT(*) FROM projects p WHERE p.id IN ${bench} AND NOT EXISTS (SELECT 1 FROM project_needs pn WHERE pn.project_id = p.id)`,
    ],
    [
      'need status follows its project',
      `SELECT COUNT(*) FROM project_needs pn JOIN needs n ON n.id = pn.need_id JOIN projects p ON p.id = pn.project_id WHERE p.id IN ${bench} AND n.status <> CASE WHEN p.status IN ('DRAFT','SUBMITTED','CANCELLED') THEN 'APPROVED' WHEN p.status IN ('APPROVED','TENDERING','AWARDED') THEN 'IN_PROCUREMENT' WHEN p.status IN ('CONTRACTED','IN_PROGRESS') THEN 'IN_SERVICE' WHEN p.status = 'COMPLETED' THEN 'DELIVERED' ELSE 'EVALUATED' END`,
    ],
    [
      'reservation entry = estimate (approved projects)',
      `SELECT COUNT(*) FROM projects p LEFT JOIN ledger_entries e ON e.id = p.reservation_entry_id WHERE p.id IN ${bench} AND p.status NOT IN ('DRAFT','SUBMITTED','CANCELLED') AND (e.id IS NULL OR e.operation <> 'RESERVE' OR e.amount_fen <> p.estimated_fen OR e.line_id <> p.budget_line_id)`,
    ],
    [
      'tenders → project; dates ordered',
      `SELECT COUNT(*) FROM tenders t LEFT JOIN projects p ON p.id = t.project_id WHERE t.id IN ${bench} AND (p.id IS NULL OR t.published_at < p.decided_at OR t.bid_deadline < t.published_at OR (t.opened_at IS NOT NULL AND t.opened_at < t.bid_deadline) OR (t.awarded_at IS NOT NULL AND (t.award_notice_at IS NULL OR t.awarded_at < t.objection_window_ends_at OR t.objection_window_ends_at < t.award_notice_at)))`,
    ],
    [
      'tender status vs opening (sealed bids only before it)',
      `SELECT COUNT(*) FROM tenders t WHERE t.id IN ${bench} AND ((t.status = 'PUBLISHED') <> (t.opened_at IS NULL) OR (t.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM bids b WHERE b.tender_id = t.id AND b.status <> 'SUBMITTED')))`,
    ],
    [
      'bids → tender, organisation serving the district, member; price ≤ maximum; before the deadline',
      `SELECT COUNT(*) FROM bids b JOIN tenders t ON t.id = b.tender_id JOIN projects p ON p.id = t.project_id JOIN regions c ON c.id = p.region_id JOIN regions s ON s.id = c.parent_id LEFT JOIN organisation_service_areas a ON a.organisation_id = b.organisation_id AND a.region_id = s.parent_id LEFT JOIN users u ON u.id = b.submitted_by AND u.organisation_id = b.organisation_id WHERE t.id IN ${bench} AND (a.organisation_id IS NULL OR u.id IS NULL OR b.price_fen > t.max_price_fen OR b.submitted_at >= t.bid_deadline)`,
    ],
    [
      'one bid per organisation and tender',
      `SELECT COUNT(*) FROM (SELECT tender_id, organisation_id FROM bids WHERE tender_id IN ${bench} GROUP BY tender_id, organisation_id HAVING COUNT(*) > 1) x`,
    ],
    [
      'open tenders opened with ≥ 3 bids',
      `SELECT COUNT(*) FROM tenders t WHERE t.id IN ${bench} AND t.method = 'OPEN_TENDER' AND t.opened_at IS NOT NULL AND (SELECT COUNT(*) FROM bids b WHERE b.tender_id = t.id) < 3`,
    ],
    [
      'awarded tender: winner is its first-ranked bid',
      `SELECT COUNT(*) FROM tenders t LEFT JOIN bids b ON b.id = t.winner_bid_id WHERE t.id IN ${bench} AND t.status IN ('AWARD_NOTICE','AWARDED') AND (b.id IS NULL OR b.tender_id <> t.id OR b.rank_no <> 1 OR (t.status = 'AWARDED' AND b.status <> 'WINNER'))`,
    ],
    [
      'contracts → tender, winner, project, line; amount = winning price',
      `SELECT COUNT(*) FROM contracts c LEFT JOIN tenders t ON t.id = c.tender_id LEFT JOIN bids b ON b.id = c.winner_bid_id LEFT JOIN projects p ON p.id = c.project_id WHERE c.id IN ${bench} AND (t.id IS NULL OR b.id IS NULL OR p.id IS NULL OR t.winner_bid_id <> b.id OR c.amount_fen <> b.price_fen OR c.organisation_id <> b.organisation_id OR c.budget_line_id <> p.budget_line_id OR t.status <> 'AWARDED')`,
    ],
    [
      'signed contracts: commitment entry = amount',
      `SELECT COUNT(*) FROM contracts c LEFT JOIN ledger_entries e ON e.id = c.commitment_entry_id WHERE c.id IN ${bench} AND c.signed_at IS NOT NULL AND (e.id IS NULL OR e.operation <> 'COMMIT' OR e.amount_fen <> c.amount_fen OR c.signed_at < c.award_notice_at)`,
    ],
    [
      'milestones: Σ amounts = contract amount, Σ shares = 100 %',
      `SELECT COUNT(*) FROM (SELECT c.id FROM contracts c JOIN contract_milestones m ON m.contract_id = c.id WHERE c.id IN ${bench} GROUP BY c.id, c.amount_fen HAVING SUM(m.amount_fen) <> c.amount_fen OR SUM(m.share_bp) <> 10000 OR SUM(m.is_final) <> 1) x`,
    ],
    [
      'milestone status = its latest report',
      `SELECT COUNT(*) FROM contract_milestones m LEFT JOIN contract_milestone_reports r ON r.milestone_id = m.id AND r.version = (SELECT MAX(version) FROM contract_milestone_reports x WHERE x.milestone_id = m.id) WHERE m.contract_id IN ${bench} AND ((m.status = 'PENDING') <> (r.id IS NULL) OR (r.id IS NOT NULL AND r.status <> m.status) OR (m.status = 'ACCEPTED' AND m.accepted_at < r.submitted_at))`,
    ],
    [
      'payment requests: accepted milestone, amounts within the tranche',
      `SELECT COUNT(*) FROM payment_requests r JOIN contract_milestones m ON m.id = r.milestone_id WHERE r.contract_id IN ${bench} AND (m.status <> 'ACCEPTED' OR r.tranche_fen <> m.amount_fen OR r.amount_fen + r.released_fen <> r.tranche_fen OR r.live_key <> m.id OR r.contract_id <> m.contract_id)`,
    ],
    [
      'paid requests: disbursement entry = amount',
      `SELECT COUNT(*) FROM payment_requests r LEFT JOIN ledger_entries e ON e.id = r.disburse_entry_id WHERE r.contract_id IN ${bench} AND r.status = 'PAID' AND (e.id IS NULL OR e.operation <> 'DISBURSE' OR e.amount_fen <> r.amount_fen OR r.paid_at < r.approved_at OR r.approved_at < r.requested_at)`,
    ],
    [
      'final tranche follows the published score',
      `SELECT COUNT(*) FROM payment_requests r JOIN evaluation_tasks t ON t.final_key = r.contract_id JOIN contract_milestones m ON m.id = r.milestone_id AND m.is_final = 1 WHERE r.contract_id IN ${bench} AND r.final_outcome IS NOT NULL AND (t.status <> 'PUBLISHED' OR r.final_outcome <> CASE WHEN t.total_score >= 80 THEN 'FULL' WHEN t.total_score >= 60 THEN 'REDUCED' ELSE 'WITHHELD' END)`,
    ],
    [
      'completed contracts: every tranche settled',
      `SELECT COUNT(*) FROM contracts c WHERE c.id IN ${bench} AND c.status = 'COMPLETED' AND EXISTS (SELECT 1 FROM contract_milestones m LEFT JOIN payment_requests r ON r.live_key = m.id WHERE m.contract_id = c.id AND (r.id IS NULL OR r.status NOT IN ('PAID','WITHHELD')))`,
    ],
    [
      'evaluation tasks → contract, agency, evaluator of the agency; published = result',
      `SELECT COUNT(*) FROM evaluation_tasks t LEFT JOIN contracts c ON c.id = t.contract_id LEFT JOIN users u ON u.id = t.evaluator_id LEFT JOIN organisation_evaluation_results r ON r.source_type = 'evaluation_task' AND r.source_id = t.id WHERE t.contract_id IN ${bench} AND (c.id IS NULL OR c.organisation_id <> t.organisation_id OR (t.evaluator_id IS NOT NULL AND u.organisation_id <> t.agency_id) OR (t.status = 'PUBLISHED') <> (r.id IS NOT NULL) OR (r.id IS NOT NULL AND (r.score <> t.total_score OR r.grade <> t.grade)))`,
    ],
    [
      'grade = score band',
      `SELECT COUNT(*) FROM evaluation_tasks WHERE contract_id IN ${bench} AND total_score IS NOT NULL AND grade <> CASE WHEN total_score >= 90 THEN 'EXCELLENT' WHEN total_score >= 80 THEN 'GOOD' WHEN total_score >= 60 THEN 'PASS' ELSE 'FAIL' END`,
    ],
    [
      'surveys → project, contract; answers by residents of the community',
      `SELECT COUNT(*) FROM evaluation_survey_answers a JOIN evaluation_surveys v ON v.id = a.survey_id LEFT JOIN users u ON u.id = a.resident_id AND u.region_id = v.region_id AND u.resident_verified_at IS NOT NULL WHERE v.project_id IN ${bench} AND (u.id IS NULL OR a.created_at < v.opened_at OR a.created_at > v.closes_at)`,
    ],
    [
      'bench lines: balances = ledger sums; nothing negative',
      `SELECT COUNT(*) FROM budget_lines l LEFT JOIN (SELECT line_id, SUM(IF(to_bucket='AVAILABLE', amount_fen, 0) - IF(from_bucket='AVAILABLE', amount_fen, 0)) AS av, SUM(IF(to_bucket='RESERVED', amount_fen, 0) - IF(from_bucket='RESERVED', amount_fen, 0)) AS rs, SUM(IF(to_bucket='COMMITTED', amount_fen, 0) - IF(from_bucket='COMMITTED', amount_fen, 0)) AS cm, SUM(IF(to_bucket='PAID', amount_fen, 0) - IF(from_bucket='PAID', amount_fen, 0)) AS pd FROM ledger_entries GROUP BY line_id) e ON e.line_id = l.id WHERE l.title LIKE '%（压测）' AND (COALESCE(e.av, 0) <> l.available_fen OR COALESCE(e.rs, 0) <> l.reserved_fen OR COALESCE(e.cm, 0) <> l.committed_fen OR COALESCE(e.pd, 0) <> l.paid_fen OR l.available_fen + l.reserved_fen + l.committed_fen + l.paid_fen <> l.requested_fen)`,
    ],
    [
      'reserved = Σ open reservations; committed = Σ contracts − paid − released',
      `SELECT COUNT(*) FROM budget_lines l LEFT JOIN (SELECT budget_line_id, SUM(IF(status IN ('APPROVED','TENDERING','AWARDED'), estimated_fen, 0)) AS rs FROM projects GROUP BY budget_line_id) p ON p.budget_line_id = l.id LEFT JOIN (SELECT c.budget_line_id, SUM(c.amount_fen) AS amt FROM contracts c WHERE c.signed_at IS NOT NULL AND c.id IN ${bench} GROUP BY c.budget_line_id) c ON c.budget_line_id = l.id LEFT JOIN (SELECT budget_line_id, SUM(IF(status = 'PAID', amount_fen, 0)) AS paid, SUM(released_fen) AS rel FROM payment_requests WHERE contract_id IN ${bench} GROUP BY budget_line_id) r ON r.budget_line_id = l.id WHERE l.title LIKE '%（压测）' AND (l.reserved_fen <> COALESCE(p.rs, 0) OR l.committed_fen <> COALESCE(c.amt, 0) - COALESCE(r.paid, 0) - COALESCE(r.rel, 0) OR l.paid_fen <> COALESCE(r.paid, 0))`,
    ],
  ];
}
