import { createHash, randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '../modules/audit/services/audit.service';
import { creditCodeCheckChar } from '../modules/organisations/domain/credit-code';
import { SYSTEM_ACTOR } from '../platform/access';
import { canonicalJson } from '../platform/util/canonical-json';
import { yuanToFen } from '../platform/util/money';
import { DEMO_CATALOGUE, DEMO_SCHEDULE } from './seed-catalogue';
import { seedEvaluationAgencies } from './seed-evaluation-agencies';
import { seedEvaluationTemplates } from './seed-evaluation-templates';

/** The one password of every demo account (documented in the README). */
export const DEMO_PASSWORD = 'Diandan@2026';

type SeedRegion = {
  code: string;
  name: string;
  level: 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';
  children?: SeedRegion[];
};

/** A slice of Nanjing with statistical division codes in the national format. */
export const DEMO_REGIONS: SeedRegion = {
  code: '320100000000',
  name: '南京市',
  level: 'CITY',
  children: [
    {
      code: '320106000000',
      name: '鼓楼区',
      level: 'DISTRICT',
      children: [
        {
          code: '320106002000',
          name: '宁海路街道',
          level: 'STREET',
          children: [
            { code: '320106002001', name: '山西路社区', level: 'COMMUNITY' },
            { code: '320106002002', name: '颐和路社区', level: 'COMMUNITY' },
            { code: '320106002003', name: '江苏路社区', level: 'COMMUNITY' },
          ],
        },
        {
          code: '320106005000',
          name: '湖南路街道',
          level: 'STREET',
          children: [
            { code: '320106005001', name: '马台街社区', level: 'COMMUNITY' },
            { code: '320106005002', name: '高云岭社区', level: 'COMMUNITY' },
          ],
        },
      ],
    },
    {
      code: '320102000000',
      name: '玄武区',
      level: 'DISTRICT',
      children: [
        {
          code: '320102002000',
          name: '梅园新村街道',
          level: 'STREET',
          children: [
            { code: '320102002001', name: '大行宫社区', level: 'COMMUNITY' },
            { code: '320102002002', name: '长江路社区', level: 'COMMUNITY' },
          ],
        },
        {
          code: '320102005000',
          name: '新街口街道',
          level: 'STREET',
          children: [{ code: '320102005001', name: '洪武路社区', level: 'COMMUNITY' }],
        },
      ],
    },
    {
      code: '320104000000',
      name: '秦淮区',
      level: 'DISTRICT',
      children: [
        {
          code: '320104001000',
          name: '夫子庙街道',
          level: 'STREET',
          children: [{ code: '320104001001', name: '钞库街社区', level: 'COMMUNITY' }],
        },
      ],
    },
  ],
};

type Day = [date: string, kind: 'HOLIDAY' | 'WORKDAY', name: string];
const range = (from: string, to: string, name: string): Day[] => {
  const out: Day[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push([new Date(t).toISOString().slice(0, 10), 'HOLIDAY', name]);
  }
  return out;
};

/**
 * Public holidays and make-up workdays (调休) as published by the State Council General Office
 * for 2025 and 2026. For 2027 only the statutory holiday days are seeded (marked 暂定): the
 * arrangement with its make-up workdays must be entered by an administrator once published.
 */
export const DEMO_CALENDAR: Day[] = [
  ...range('2025-01-01', '2025-01-01', '元旦'),
  ...range('2025-01-28', '2025-02-04', '春节'),
  ['2025-01-26', 'WORKDAY', '春节调休上班'],
  ['2025-02-08', 'WORKDAY', '春节调休上班'],
  ...range('2025-04-04', '2025-04-06', '清明节'),
  ...range('2025-05-01', '2025-05-05', '劳动节'),
  ['2025-04-27', 'WORKDAY', '劳动节调休上班'],
  ...range('2025-05-31', '2025-06-02', '端午节'),
  ...range('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  ['2025-09-28', 'WORKDAY', '国庆节调休上班'],
  ['2025-10-11', 'WORKDAY', '国庆节调休上班'],
  ...range('2026-01-01', '2026-01-03', '元旦'),
  ['2026-01-04', 'WORKDAY', '元旦调休上班'],
  ...range('2026-02-15', '2026-02-23', '春节'),
  ['2026-02-14', 'WORKDAY', '春节调休上班'],
  ['2026-02-28', 'WORKDAY', '春节调休上班'],
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  ['2026-05-09', 'WORKDAY', '劳动节调休上班'],
  ...range('2026-06-19', '2026-06-21', '端午节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  ['2026-09-20', 'WORKDAY', '国庆节调休上班'],
  ['2026-10-10', 'WORKDAY', '国庆节调休上班'],
  ...range('2027-01-01', '2027-01-01', '元旦（暂定）'),
  ...range('2027-02-05', '2027-02-08', '春节（暂定）'),
  ...range('2027-04-05', '2027-04-05', '清明节（暂定）'),
  ...range('2027-05-01', '2027-05-02', '劳动节（暂定）'),
  ...range('2027-06-09', '2027-06-09', '端午节（暂定）'),
  ...range('2027-09-15', '2027-09-15', '中秋节（暂定）'),
  ...range('2027-10-01', '2027-10-03', '国庆节（暂定）'),
];

const credit = (first17: string) => first17 + creditCodeCheckChar(first17);

/**
 * Demo organisations, ACTIVE, with their registry data: type, legal representative, evaluation
 * grade (1..5 = 1A..5A; no expiry recorded for 同心社工 and 众评), service area = their own region,
 * and the bank account payments go to.
 */
export const DEMO_ORGANISATIONS = [
  {
    name: '南京市鼓楼区阳光养老服务中心',
    kind: 'SOCIAL_ORGANISATION',
    creditCode: credit('52320106MJ5000001'),
    region: '320106000000',
    orgType: 'SOCIAL_SERVICE_AGENCY',
    legalRepresentative: '刘阳',
    contactPhone: '025-83210001',
    grade: 4,
    gradeExpiresOn: '2028-12-31',
    bank: { name: '中国工商银行南京鼓楼支行', accountNo: '4301010109100100001' },
  },
  {
    name: '南京市玄武区同心社会工作服务社',
    kind: 'SOCIAL_ORGANISATION',
    creditCode: credit('52320102MJ5000002'),
    region: '320102000000',
    orgType: 'SOCIAL_SERVICE_AGENCY',
    legalRepresentative: '吴同',
    contactPhone: '025-84420002',
    grade: 3,
    gradeExpiresOn: null,
    bank: { name: '中国建设银行南京玄武支行', accountNo: '3205015873600000002' },
  },
  {
    name: '江苏众评社会组织评估中心',
    kind: 'EVALUATION_AGENCY',
    creditCode: credit('52320100MJ5000003'),
    region: '320100000000',
    orgType: 'SOCIAL_SERVICE_AGENCY',
    legalRepresentative: '孙评',
    contactPhone: '025-86630003',
    grade: 5,
    gradeExpiresOn: null,
    bank: { name: '中国银行南京分行营业部', accountNo: '5165580000000000003' },
  },
  {
    name: '南京市鼓楼区邻里互助服务社',
    kind: 'SOCIAL_ORGANISATION',
    creditCode: credit('52320106MJ5000004'),
    region: '320106000000',
    orgType: 'SOCIAL_SERVICE_AGENCY',
    legalRepresentative: '陈邻',
    contactPhone: '025-83210004',
    grade: 3,
    gradeExpiresOn: '2027-12-31',
    bank: { name: '江苏银行南京鼓楼支行', accountNo: '3101018800000000004' },
  },
  {
    name: '南京市鼓楼区乐龄社会工作服务中心',
    kind: 'SOCIAL_ORGANISATION',
    creditCode: credit('52320106MJ5000005'),
    region: '320106000000',
    orgType: 'SOCIAL_SERVICE_AGENCY',
    legalRepresentative: '黄乐',
    contactPhone: '025-83210005',
    grade: 3,
    gradeExpiresOn: '2028-06-30',
    bank: { name: '南京银行鼓楼支行', accountNo: '0110270000000000005' },
  },
] as const;

export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', roles: ['ADMIN'], region: '320100000000' },
  {
    username: 'officer',
    displayName: '王采购（鼓楼区民政局）',
    roles: ['PROCUREMENT_OFFICER'],
    region: '320106000000',
  },
  {
    username: 'xw_officer',
    displayName: '李采购（玄武区民政局）',
    roles: ['PROCUREMENT_OFFICER'],
    region: '320102000000',
  },
  { username: 'finance', displayName: '赵财务（鼓楼区民政局）', roles: ['FINANCE_OFFICER'], region: '320106000000' },
  { username: 'worker', displayName: '陈社工（山西路社区）', roles: ['COMMUNITY_WORKER'], region: '320106002001' },
  { username: 'resident', displayName: '张大爷', roles: ['RESIDENT'], region: '320106002001', phone: '13800000001' },
  { username: 'resident2', displayName: '李阿姨', roles: ['RESIDENT'], region: '320106002001', phone: '13800000002' },
  { username: 'resident3', displayName: '王奶奶', roles: ['RESIDENT'], region: '320106002001', phone: '13800000003' },
  {
    username: 'yh_resident',
    displayName: '赵先生（颐和路社区）',
    roles: ['RESIDENT'],
    region: '320106002002',
    phone: '13800000004',
  },
  {
    username: 'newcomer',
    displayName: '孙女士（待认证）',
    roles: ['RESIDENT'],
    region: '320106002001',
    phone: '13800000005',
    unverified: true,
  },
  {
    username: 'orgmember',
    displayName: '刘主任（阳光养老）',
    roles: ['ORG_MEMBER'],
    organisation: '南京市鼓楼区阳光养老服务中心',
  },
  {
    username: 'orgmember2',
    displayName: '陈社长（邻里互助）',
    roles: ['ORG_MEMBER'],
    organisation: '南京市鼓楼区邻里互助服务社',
  },
  {
    username: 'orgmember3',
    displayName: '黄主任（乐龄社工）',
    roles: ['ORG_MEMBER'],
    organisation: '南京市鼓楼区乐龄社会工作服务中心',
  },
  {
    username: 'xw_orgmember',
    displayName: '吴社长（同心社工）',
    roles: ['ORG_MEMBER'],
    organisation: '南京市玄武区同心社会工作服务社',
  },
  { username: 'expert', displayName: '周专家', roles: ['EXPERT'] },
  { username: 'expert2', displayName: '钱专家', roles: ['EXPERT'] },
  { username: 'expert3', displayName: '冯专家', roles: ['EXPERT'] },
  { username: 'expert4', displayName: '郑专家', roles: ['EXPERT'] },
  { username: 'expert5', displayName: '何专家', roles: ['EXPERT'] },
  { username: 'expert6', displayName: '许专家', roles: ['EXPERT'] },
  { username: 'expert7', displayName: '韩专家（原阳光养老）', roles: ['EXPERT'] },
  {
    username: 'evaluator',
    displayName: '孙评估员（众评中心）',
    roles: ['EVALUATOR'],
    organisation: '江苏众评社会组织评估中心',
  },
  { username: 'auditor', displayName: '吴监督（市审计）', roles: ['AUDITOR'], region: '320100000000' },
  // Another tenant for each kind of scope, so that cross-district and cross-community access can be tried
  // (the access matrix in backend/test/access/ signs in as them).
  { username: 'xw_finance', displayName: '钱财务（玄武区民政局）', roles: ['FINANCE_OFFICER'], region: '320102000000' },
  { username: 'yh_worker', displayName: '周社工（颐和路社区）', roles: ['COMMUNITY_WORKER'], region: '320106002002' },
] as const;

export interface SeedReport {
  regions: number;
  calendarDays: number;
  organisations: number;
  users: number;
  catalogueItems: number;
  campaigns: number;
  needs: number;
  budgetLines: number;
}

/** Idempotent: existing rows (matched by code, date, credit code or username) are left as they are. */
export async function seedDemo(ds: DataSource): Promise<SeedReport> {
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  return ds.transaction(async (em) => {
    const report: SeedReport = {
      regions: 0,
      calendarDays: 0,
      organisations: 0,
      users: 0,
      catalogueItems: 0,
      campaigns: 0,
      needs: 0,
      budgetLines: 0,
    };
    const [{ now }] = (await em.query('SELECT UTC_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;

    const regionIds = new Map<string, number>();
    const addRegion = async (r: SeedRegion, parent: { id: number; path: string } | null): Promise<void> => {
      const existing = (await em.query('SELECT id, path FROM regions WHERE code = ?', [r.code])) as Array<{
        id: number;
        path: string;
      }>;
      let node = existing[0];
      if (!node) {
        const res = (await em.query(
          `INSERT INTO regions (parent_id, code, name, level, path, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
          [parent?.id ?? null, r.code, r.name, r.level, now, now],
        )) as { insertId: number };
        node = { id: res.insertId, path: `${parent?.path ?? '/'}${res.insertId}/` };
        await em.query('UPDATE regions SET path = ? WHERE id = ?', [node.path, node.id]);
        report.regions++;
      }
      regionIds.set(r.code, node.id);
      for (const child of r.children ?? []) await addRegion(child, node);
    };
    await addRegion(DEMO_REGIONS, null);

    for (const [date, kind, name] of DEMO_CALENDAR) {
      const res = (await em.query(
        'INSERT IGNORE INTO calendar_days (date, kind, name, updated_at) VALUES (?, ?, ?, ?)',
        [date, kind, name, now],
      )) as { affectedRows: number };
      report.calendarDays += res.affectedRows;
    }

    const orgIds = new Map<string, number>();
    for (const o of DEMO_ORGANISATIONS) {
      const regionId = regionIds.get(o.region);
      const res = (await em.query(
        // a demo grade counts as decided by the system (grade_decided_by NULL) when seeded
        `INSERT IGNORE INTO organisations (name, kind, credit_code, region_id, created_at, org_type, legal_representative, contact_phone,
           grade, grade_expires_on, grade_decided_at, bank_name, bank_account_name, bank_account_no, status, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, IF(? IS NULL, NULL, ?), ?, ?, ?, 'ACTIVE', ?)`,
        [
          o.name,
          o.kind,
          o.creditCode,
          regionId,
          now,
          o.orgType,
          o.legalRepresentative,
          o.contactPhone,
          o.grade,
          o.gradeExpiresOn,
          o.grade,
          now,
          o.bank.name,
          o.name,
          o.bank.accountNo,
          now,
        ],
      )) as { affectedRows: number };
      report.organisations += res.affectedRows;
      const [row] = (await em.query('SELECT id FROM organisations WHERE credit_code = ?', [o.creditCode])) as Array<{
        id: number;
      }>;
      // a database seeded before the registry existed: fill in what is missing, change nothing else
      await em.query(
        `UPDATE organisations SET org_type = ?, legal_representative = ?, contact_phone = ?, grade = ?, grade_expires_on = ?,
           grade_decided_at = IF(? IS NULL, NULL, ?), bank_name = ?, bank_account_name = ?, bank_account_no = ?, updated_at = ?
         WHERE id = ? AND org_type IS NULL`,
        [
          o.orgType,
          o.legalRepresentative,
          o.contactPhone,
          o.grade,
          o.gradeExpiresOn,
          o.grade,
          now,
          o.bank.name,
          o.name,
          o.bank.accountNo,
          now,
          row.id,
        ],
      );
      await em.query('INSERT IGNORE INTO organisation_service_areas (organisation_id, region_id) VALUES (?, ?)', [
        row.id,
        regionId,
      ]);
      orgIds.set(o.name, row.id);
    }

    for (const u of DEMO_USERS) {
      const regionId = 'region' in u ? (regionIds.get(u.region) ?? null) : null;
      const regionPath =
        regionId === null
          ? null
          : ((await em.query('SELECT path FROM regions WHERE id = ?', [regionId])) as Array<{ path: string }>)[0].path;
      const orgId = 'organisation' in u ? (orgIds.get(u.organisation) ?? null) : null;
      const res = (await em.query(
        `INSERT IGNORE INTO users (username, display_name, phone, password_hash, status, failed_login_count, locked_until,
           region_id, region_path, organisation_id, resident_verified_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'ACTIVE', 0, NULL, ?, ?, ?, ?, ?, ?)`,
        [
          u.username,
          u.displayName,
          'phone' in u ? u.phone : null,
          passwordHash,
          regionId,
          regionPath,
          orgId,
          (u.roles as readonly string[]).includes('RESIDENT') && !('unverified' in u) ? now : null,
          now,
          now,
        ],
      )) as { affectedRows: number; insertId: number };
      if (res.affectedRows === 1) {
        for (const role of u.roles)
          await em.query('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [res.insertId, role]);
        report.users++;
      }
    }

    // 韩专家 worked for 阳光养老 until mid-2025: within 3 years, so never drawn when it bids.
    const [ex7] = (await em.query("SELECT id FROM users WHERE username = 'expert7'")) as Array<{ id: number }>;
    const sunshine = orgIds.get('南京市鼓楼区阳光养老服务中心');
    const affiliated = (await em.query('SELECT COUNT(*) AS n FROM expert_affiliations WHERE expert_id = ?', [
      ex7?.id ?? 0,
    ])) as Array<{ n: string }>;
    if (ex7 && sunshine && Number(affiliated[0].n) === 0) {
      await em.query(
        "INSERT INTO expert_affiliations (expert_id, organisation_id, kind, started_on, ended_on, note, created_at) VALUES (?, ?, 'EMPLOYMENT', '2019-03-01', '2025-06-30', '曾任项目主管', ?)",
        [ex7.id, sunshine, now],
      );
    }

    await seedEvaluationAgencies(em, now, passwordHash, report); // issue #11: a second agency, one conflicted evaluator
    await seedNotificationAddresses(em, now); // issue #12: every demo user hears by e-mail, 张大爷 by SMS too

    // 签约授权 (issue #10): the head account of each demo organisation may sign contracts for it.
    await em.query(
      `INSERT IGNORE INTO contract_signatories (organisation_id, user_id, granted_by, granted_at)
       SELECT organisation_id, id, NULL, ? FROM users
       WHERE username IN ('orgmember', 'orgmember2', 'orgmember3', 'xw_orgmember') AND organisation_id IS NOT NULL`,
      [now],
    );

    await seedCatalogueAndCampaign(em, now, report);
    await seedEvaluationTemplates(em, now);
    await seedBudgetLines(em, now, report);

    if (Object.values(report).some((n) => n > 0)) {
      await recordSeed(ds, em, report);
    }
    return report;
  });
}

/** The demo mail domain: `<username>@demo.diandan.local` (mails go to files in MAIL_DIR unless SMTP_URL is set). */
export const DEMO_MAIL_DOMAIN = 'demo.diandan.local';

/**
 * Issue #12: every demo account gets an e-mail address (where it has none), so that the demo's changes produce
 * mails a person can read (docs/operations.md: MAIL_DIR); channel defaults apply (e-mail on, SMS off), except for
 * 张大爷 (`resident`), who also asked for SMS (written to the worker's log unless SMS_GATEWAY_URL is set).
 */
async function seedNotificationAddresses(em: EntityManager, now: Date): Promise<void> {
  const usernames = [...DEMO_USERS.map((u) => u.username), 'evaluator2', 'evaluator3', 'officer2'];
  await em.query(
    `UPDATE users SET email = CONCAT(username, '@${DEMO_MAIL_DOMAIN}')
      WHERE email IS NULL AND username IN (${usernames.map(() => '?').join(',')})`,
    usernames,
  );
  await em.query(
    `INSERT IGNORE INTO notification_preferences (user_id, email_enabled, sms_enabled, muted, updated_at)
     SELECT id, 1, 1, '', ? FROM users WHERE username = 'resident'`,
    [now],
  );
}

async function recordSeed(ds: DataSource, em: EntityManager, report: SeedReport): Promise<void> {
  await new AuditService(ds).record(em, SYSTEM_ACTOR, {
    action: 'system.seed.applied',
    entityType: 'system',
    after: report,
  });
}

/** The published catalogue of the current year and an open campaign in 山西路社区 with a few needs. */
async function seedCatalogueAndCampaign(em: EntityManager, now: Date, report: SeedReport): Promise<void> {
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  let [version] = (await em.query('SELECT id FROM catalogue_versions WHERE year = ? ORDER BY version LIMIT 1', [
    year,
  ])) as Array<{ id: number }>;
  if (!version) {
    const res = (await em.query(
      "INSERT INTO catalogue_versions (year, version, title, status, published_at, published_by, created_at) VALUES (?, 1, ?, 'PUBLISHED', ?, NULL, ?)",
      [year, `${year}年度政府购买服务指导性目录`, now, now],
    )) as { insertId: number };
    version = { id: res.insertId };
    let sort = 0;
    const addCategory = async (c: (typeof DEMO_CATALOGUE)[number], parentId: number | null): Promise<void> => {
      const r = (await em.query(
        'INSERT INTO catalogue_categories (version_id, parent_id, code, name, sort, attribute_schema) VALUES (?, ?, ?, ?, ?, ?)',
        [version.id, parentId, c.code, c.name, ++sort, c.schema ? JSON.stringify(c.schema) : null],
      )) as { insertId: number };
      for (const [code, name, unit, cap, grade, standard] of c.items ?? []) {
        await em.query(
          'INSERT INTO catalogue_items (version_id, category_id, code, name, service_standard, unit, price_cap_fen, min_org_grade, payment_schedule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [
            version.id,
            r.insertId,
            code,
            name,
            standard,
            unit,
            yuanToFen(cap).toString(),
            grade,
            JSON.stringify(DEMO_SCHEDULE),
          ],
        );
        report.catalogueItems++;
      }
      for (const child of c.children ?? []) await addCategory(child, r.insertId);
    };
    for (const c of DEMO_CATALOGUE) await addCategory(c, null);
  }

  const title = '山西路社区年度需求征集';
  const existing = (await em.query('SELECT id FROM campaigns WHERE title = ?', [title])) as Array<{ id: number }>;
  if (existing.length > 0) return;
  const [community] = (await em.query("SELECT id, path FROM regions WHERE code = '320106002001'")) as Array<{
    id: number;
    path: string;
  }>;
  const [worker] = (await em.query("SELECT id FROM users WHERE username = 'worker'")) as Array<{ id: number }>;
  const [resident] = (await em.query("SELECT id FROM users WHERE username = 'resident'")) as Array<{ id: number }>;
  const c = (await em.query(
    `INSERT INTO campaigns (region_id, region_path, title, description, opens_at, closes_at, status, supports_per_resident,
       min_supports_to_shortlist, catalogue_version_id, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'OPEN', 3, 2, ?, ?, ?, ?)`,
    [
      community.id,
      community.path,
      title,
      '欢迎居民提出社区服务需求，并为您最关心的需求投上支持票（每人3票）。',
      new Date(now.getTime() - 86_400_000),
      new Date(now.getTime() + 60 * 86_400_000),
      version.id,
      worker.id,
      now,
      now,
    ],
  )) as { insertId: number };
  report.campaigns++;
  const [city, district, street] = community.path.split('/').filter(Boolean).map(Number);
  const demo: Array<[string, string, string, Record<string, string | number>]> = [
    [
      'A0101',
      '社区老年助餐点',
      '社区独居老人较多，希望在活动中心开设老年食堂，提供午餐并为行动不便的老人送餐。',
      { targetGroup: '独居老人', headcount: 40, frequency: '每天', timeWindow: '每周一至周五 11:00-12:30' },
    ],
    [
      'B0101',
      '四点半课堂',
      '双职工家庭孩子放学后无人照看，希望社区提供课后托管和作业辅导。',
      { targetGroup: '小学生', headcount: 30, frequency: '每天', timeWindow: '工作日 16:30-18:00' },
    ],
    [
      'H0101',
      '广场舞场地与指导',
      '希望规范广场舞时间和音量，并请专业老师指导。',
      { headcount: 60, frequency: '每周', place: '山西路广场' },
    ],
  ];
  for (const [itemCode, needTitle, description, attributes] of demo) {
    const [cat] = (await em.query('SELECT category_id AS id FROM catalogue_items WHERE version_id = ? AND code = ?', [
      version.id,
      itemCode,
    ])) as Array<{ id: number }>;
    const n = (await em.query(
      `INSERT INTO needs (campaign_id, region_id, street_id, district_id, city_id, region_path, category_id, title, description, attributes, location,
         channel, submitted_by, status, support_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '山西路社区', 'ONLINE', ?, 'ACCEPTED', 0, ?, ?)`,
      [
        c.insertId,
        community.id,
        street,
        district,
        city,
        community.path,
        cat.id,
        needTitle,
        description,
        JSON.stringify(attributes),
        resident.id,
        now,
        now,
      ],
    )) as { insertId: number };
    await em.query(
      "INSERT INTO need_events (need_id, at, kind, from_status, to_status, actor_id, actor_name, note) VALUES (?, ?, 'STATUS', NULL, 'SUBMITTED', ?, 'resident', NULL), (?, ?, 'STATUS', 'SUBMITTED', 'ACCEPTED', ?, 'worker', NULL)",
      [n.insertId, now, resident.id, n.insertId, now, worker.id],
    );
    report.needs++;
  }
  // One need the residents' council has approved: ready for the procurement officer to bundle into a project.
  const [meal] = (await em.query('SELECT category_id AS id FROM catalogue_items WHERE version_id = ? AND code = ?', [
    version.id,
    'A0101',
  ])) as Array<{ id: number }>;
  const approved = (await em.query(
    `INSERT INTO needs (campaign_id, region_id, street_id, district_id, city_id, region_path, category_id, title, description, attributes, location,
       channel, submitted_by, status, support_count, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '山西路社区', 'ONLINE', ?, 'APPROVED', 0, ?, ?)`,
    [
      c.insertId,
      community.id,
      street,
      district,
      city,
      community.path,
      meal.id,
      '独居老人午餐送餐上门',
      '行动不便的独居老人希望每天中午有人送餐上门，并顺便看望。',
      JSON.stringify({
        targetGroup: '独居老人',
        headcount: 25,
        frequency: '每天',
        timeWindow: '每周一至周日 11:00-12:30',
      }),
      resident.id,
      now,
      now,
    ],
  )) as { insertId: number };
  await em.query(
    `INSERT INTO need_events (need_id, at, kind, from_status, to_status, actor_id, actor_name, note) VALUES
       (?, ?, 'STATUS', NULL, 'SUBMITTED', ?, 'resident', NULL), (?, ?, 'STATUS', 'SUBMITTED', 'ACCEPTED', ?, 'worker', NULL),
       (?, ?, 'STATUS', 'ACCEPTED', 'SHORTLISTED', ?, 'worker', NULL), (?, ?, 'STATUS', 'SHORTLISTED', 'APPROVED', ?, 'worker', '{"reason":"居民议事会表决通过"}')`,
    [
      approved.insertId,
      now,
      resident.id,
      approved.insertId,
      now,
      worker.id,
      approved.insertId,
      now,
      worker.id,
      approved.insertId,
      now,
      worker.id,
    ],
  );
  report.needs++;
}

/**
 * Budget lines of 鼓楼区 for the current year: two approved (allocated through the ledger, as the
 * approval does) and one waiting for the finance officer.
 */
async function seedBudgetLines(em: EntityManager, now: Date, report: SeedReport): Promise<void> {
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const [{ n }] = (await em.query('SELECT COUNT(*) AS n FROM budget_lines')) as Array<{ n: string }>;
  if (Number(n) > 0) return;
  const [gulou] = (await em.query("SELECT id, path FROM regions WHERE code = '320106000000'")) as Array<{
    id: number;
    path: string;
  }>;
  const [officer] = (await em.query("SELECT id FROM users WHERE username = 'officer'")) as Array<{ id: number }>;
  const [finance] = (await em.query("SELECT id FROM users WHERE username = 'finance'")) as Array<{ id: number }>;
  const lines: Array<[string, string, string | null, string, boolean]> = [
    ['DISTRICT_FINANCE', `${year}年鼓楼区政府购买社区服务资金`, null, '1200000.00', true],
    ['WELFARE_LOTTERY', `${year}年福彩公益金（养老服务定向）`, 'A', '300000.00', true],
    ['STREET_FINANCE', `${year}年宁海路街道社区服务资金`, null, '150000.00', false],
  ];
  for (const [source, title, restricted, amount, approved] of lines) {
    const fen = yuanToFen(amount).toString();
    const res = (await em.query(
      `INSERT INTO budget_lines (year, region_id, region_path, source, restricted_category_code, title, status, requested_fen, available_fen, reserved_fen,
         committed_fen, paid_fen, year_closed, created_by, decided_by, decided_at, decision_note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?, NULL, ?, ?)`,
      [
        year,
        gulou.id,
        gulou.path,
        source,
        restricted,
        title,
        approved ? 'ACTIVE' : 'PENDING_APPROVAL',
        fen,
        officer.id,
        approved ? finance.id : null,
        approved ? now : null,
        now,
        now,
      ],
    )) as { insertId: number };
    if (approved) {
      // the balances follow this entry by trigger (ledger_entries_apply)
      await em.query(
        `INSERT INTO ledger_entries (line_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, reference_type, reference_id, memo, actor_id, created_at)
         VALUES (?, 'ALLOCATE', 'SOURCE', 'AVAILABLE', ?, ?, 'budget_line', ?, '预算批复（演示数据）', ?, ?)`,
        [res.insertId, fen, `line-${res.insertId}-approval`, String(res.insertId), finance.id, now],
      );
    }
    report.budgetLines++;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Desks (issue #9 C): demo work waiting for each role, so that `npm start` shows non-empty desks with due dates.
// Run by cli/seed.ts after seedDemo (not by the test suites' global setup: their assertions count the base seed).

const DESK_CAMPAIGN = '颐和路社区年度需求征集（工作台演示）';
const DESK_PROXY_NEED = '楼道声控灯维修后的夜间照护巡查';

export interface DeskSeedReport {
  needs: number;
  projects: number;
  tenders: number;
  gradeExpiry: number;
}

/**
 * Idempotent (keyed by titles): a need waiting for the 山西路 worker's moderation; in 颐和路社区 a decided campaign
 * whose approved needs feed three 鼓楼区 projects — a draft for the officer to submit, a published call (open to
 * the three 鼓楼 organisations, with a question for the officer to answer before the bid deadline) and a
 * competitive consultation under evaluation whose committee (expert, expert2, expert3) has sheets to submit; and
 * a grade expiry for the evaluation agency. The finance officer's pending budget line comes from seedDemo.
 */
export async function seedDemoDesks(ds: DataSource): Promise<DeskSeedReport> {
  return ds.transaction(async (em) => {
    const report: DeskSeedReport = { needs: 0, projects: 0, tenders: 0, gradeExpiry: 0 };
    const [{ now }] = (await em.query('SELECT UTC_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
    const one = async <T>(sql: string, params: unknown[] = []): Promise<T | undefined> =>
      ((await em.query(sql, params)) as T[])[0];
    const id = async (sql: string, params: unknown[] = []): Promise<number> =>
      ((await one<{ id: number }>(sql, params)) as { id: number }).id;
    const user = (username: string) => id('SELECT id FROM users WHERE username = ?', [username]);
    const org = (name: string) => id('SELECT id FROM organisations WHERE name = ?', [name]);

    const worker = await user('worker');
    const officer = await user('officer');
    const finance = await user('finance');
    const resident = await user('resident');
    const [version] = (await em.query(
      "SELECT id FROM catalogue_versions WHERE status = 'PUBLISHED' ORDER BY year DESC LIMIT 1",
    )) as Array<{ id: number }>;
    if (!version) return report;
    const item = async (code: string) =>
      (await one<{ id: number; category_id: number; code: string; category_code: string; min_org_grade: number }>(
        `SELECT i.id, i.category_id, i.code, c.code AS category_code, i.min_org_grade
           FROM catalogue_items i JOIN catalogue_categories c ON c.id = i.category_id
          WHERE i.version_id = ? AND i.code = ?`,
        [version.id, code],
      )) as { id: number; category_id: number; code: string; category_code: string; min_org_grade: number };

    // 1. the 山西路 worker: a need entered for an offline resident, waiting for moderation (due when the campaign closes)
    const shanxi = await one<{ id: number; region_id: number; region_path: string }>(
      "SELECT id, region_id, region_path FROM campaigns WHERE title = '山西路社区年度需求征集' AND status = 'OPEN'",
    );
    if (shanxi && !(await one('SELECT id FROM needs WHERE title = ?', [DESK_PROXY_NEED]))) {
      const [city, district, street] = shanxi.region_path.split('/').filter(Boolean).map(Number);
      const visit = await item('A0301');
      const n = (await em.query(
        `INSERT INTO needs (campaign_id, region_id, street_id, district_id, city_id, region_path, category_id, title, description, attributes, location,
           channel, submitted_by, offline_name, offline_phone, status, support_count, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '山西路社区12栋', 'PROXY', ?, '李大爷', '13900000099', 'SUBMITTED', 0, ?, ?)`,
        [
          shanxi.id,
          shanxi.region_id,
          street,
          district,
          city,
          shanxi.region_path,
          visit.category_id,
          DESK_PROXY_NEED,
          '独居老人夜间起身易跌倒，希望有人每周上门巡查一次，测量血压并检查楼道照明。',
          JSON.stringify({
            targetGroup: '独居老人',
            headcount: 12,
            frequency: '每周',
            timeWindow: '每周三 19:00-20:00',
          }),
          worker,
          now,
          now,
        ],
      )) as { insertId: number };
      await em.query(
        "INSERT INTO need_events (need_id, at, kind, from_status, to_status, actor_id, actor_name, note) VALUES (?, ?, 'STATUS', NULL, 'SUBMITTED', ?, 'worker', NULL)",
        [n.insertId, now, worker],
      );
      report.needs++;
    }

    // 2. 颐和路社区: a decided campaign whose approved needs feed the officer's projects
    if (!(await one('SELECT id FROM campaigns WHERE title = ?', [DESK_CAMPAIGN]))) {
      const yihe = await one<{ id: number; path: string }>("SELECT id, path FROM regions WHERE code = '320106002002'");
      const gulou = await one<{ id: number; path: string }>("SELECT id, path FROM regions WHERE code = '320106000000'");
      const line = await one<{ id: number; year: number }>(
        "SELECT id, year FROM budget_lines WHERE status = 'ACTIVE' AND restricted_category_code IS NULL AND region_path = ? ORDER BY id LIMIT 1",
        [gulou?.path],
      );
      if (!yihe || !gulou || !line) return report;
      const c = (await em.query(
        `INSERT INTO campaigns (region_id, region_path, title, description, opens_at, closes_at, status, supports_per_resident,
           min_supports_to_shortlist, catalogue_version_id, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'DECIDED', 3, 2, ?, ?, ?, ?)`,
        [
          yihe.id,
          yihe.path,
          DESK_CAMPAIGN,
          '颐和路社区的需求征集，议事会已表决。',
          at(-45),
          at(-20),
          version.id,
          worker,
          at(-46),
          at(-15),
        ],
      )) as { insertId: number };
      const [city, district, street] = yihe.path.split('/').filter(Boolean).map(Number);
      const need = async (code: string, title: string, status: 'APPROVED' | 'IN_PROCUREMENT'): Promise<number> => {
        const i = await item(code);
        const n = (await em.query(
          `INSERT INTO needs (campaign_id, region_id, street_id, district_id, city_id, region_path, category_id, title, description, attributes, location,
             channel, submitted_by, status, support_count, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '颐和路社区', 'ONLINE', ?, ?, 3, ?, ?)`,
          [
            c.insertId,
            yihe.id,
            street,
            district,
            city,
            yihe.path,
            i.category_id,
            title,
            `${title}：居民议事会表决通过，纳入年度政府购买服务计划。`,
            JSON.stringify({ headcount: 30, frequency: '每周' }),
            resident,
            status,
            at(-40),
            at(-15),
          ],
        )) as { insertId: number };
        const steps: Array<[string | null, string]> = [
          [null, 'SUBMITTED'],
          ['SUBMITTED', 'ACCEPTED'],
          ['ACCEPTED', 'SHORTLISTED'],
          ['SHORTLISTED', 'APPROVED'],
          ...(status === 'IN_PROCUREMENT' ? ([['APPROVED', 'IN_PROCUREMENT']] as Array<[string, string]>) : []),
        ];
        for (const [from, to] of steps)
          await em.query(
            "INSERT INTO need_events (need_id, at, kind, from_status, to_status, actor_id, actor_name, note) VALUES (?, ?, 'STATUS', ?, ?, ?, ?, NULL)",
            [n.insertId, at(-15), from, to, from === null ? resident : worker, from === null ? 'resident' : 'worker'],
          );
        report.needs++;
        return n.insertId;
      };
      const plan = (estimate: string) =>
        JSON.stringify({
          objectives: ['为颐和路社区居民提供稳定的社区服务'],
          schedule: [{ period: `${line.year + 1}-01`, activity: '启动服务' }],
          budget: [{ item: '服务费', amount: estimate }],
          beneficiaries: 30,
          outputIndicators: [{ name: '服务人次', target: '≥ 300' }],
          outcomeIndicators: [{ name: '满意度', target: '≥ 90%' }],
        });
      const project = async (
        code: string,
        title: string,
        quantity: number,
        unitPrice: string,
        status: 'DRAFT' | 'TENDERING',
        needId: number,
      ): Promise<{ id: number; estimateFen: bigint; minGrade: number }> => {
        const i = await item(code);
        const unit = yuanToFen(unitPrice);
        const estimate = unit * BigInt(quantity);
        const p = (await em.query(
          `INSERT INTO projects (region_id, region_path, title, catalogue_item_id, item_code, category_code, quantity, unit_price_fen, estimated_fen,
             budget_line_id, plan, status, created_by, submitted_at, decided_by, decided_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            yihe.id,
            yihe.path,
            title,
            i.id,
            i.code,
            i.category_code,
            quantity,
            unit.toString(),
            estimate.toString(),
            line.id,
            plan((Number(estimate) / 100).toFixed(2)),
            status,
            officer,
            status === 'DRAFT' ? null : at(-16),
            status === 'DRAFT' ? null : finance,
            status === 'DRAFT' ? null : at(-15),
            at(-17),
            at(-14),
          ],
        )) as { insertId: number };
        await em.query('INSERT INTO project_needs (project_id, need_id) VALUES (?, ?)', [p.insertId, needId]);
        if (status !== 'DRAFT') {
          // the approval's reservation, as ProjectsService.approve posts it (balances follow by trigger)
          const r = (await em.query(
            `INSERT INTO ledger_entries (line_id, operation, from_bucket, to_bucket, amount_fen, idempotency_key, reference_type, reference_id, memo, actor_id, created_at)
             VALUES (?, 'RESERVE', 'AVAILABLE', 'RESERVED', ?, ?, 'project', ?, ?, ?, ?)`,
            [
              line.id,
              estimate.toString(),
              `project-${p.insertId}-reserve`,
              String(p.insertId),
              `项目预留：${title}`,
              finance,
              at(-15),
            ],
          )) as { insertId: number };
          await em.query('UPDATE projects SET reservation_entry_id = ? WHERE id = ?', [r.insertId, p.insertId]);
        }
        report.projects++;
        return { id: p.insertId, estimateFen: estimate, minGrade: i.min_org_grade };
      };
      const criteria = JSON.stringify([
        { code: 'PLAN', name: '服务方案', maxCents: 4000 },
        { code: 'TEAM', name: '团队与经验', maxCents: 3000 },
      ]);
      const tender = async (
        p: { id: number; estimateFen: bigint; minGrade: number },
        title: string,
        method: 'OPEN_TENDER' | 'COMPETITIVE_CONSULTATION',
        status: 'PUBLISHED' | 'EVALUATING',
        publishedAt: Date,
        deadline: Date,
      ): Promise<number> => {
        const t = (await em.query(
          `INSERT INTO tenders (project_id, region_path, title, description, method, status, min_grade, designated_organisation_id, scoring_method,
             price_weight_pct, criteria, max_price_fen, committee_size, published_at, bid_deadline, opened_at, evaluation_round, committee_note,
             created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'COMPREHENSIVE', 30, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
          [
            p.id,
            yihe.path,
            title,
            `${title}，服务期一年。`,
            method,
            status,
            p.minGrade || null,
            criteria,
            p.estimateFen.toString(),
            method === 'OPEN_TENDER' ? 5 : 3,
            publishedAt,
            deadline,
            status === 'EVALUATING' ? deadline : null,
            status === 'EVALUATING' ? JSON.stringify({ poolSize: 7, excluded: [] }) : null,
            officer,
            at(-14),
            now,
          ],
        )) as { insertId: number };
        report.tenders++;
        return t.insertId;
      };
      const journal = async (
        tenderId: number,
        orgId: number,
        actor: number,
        username: string,
        action: string,
        payload: object,
        when: Date,
        unsealedAt: Date | null,
        bidId: string | null = null,
      ) =>
        em.query(
          `INSERT INTO bid_events (tender_id, bid_id, organisation_id, actor_id, actor_username, ip, action, payload, occurred_at, unsealed_at)
           VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
          [tenderId, bidId, orgId, actor, username, action, JSON.stringify(payload), when, unsealedAt],
        );

      // a draft for the officer to submit (due by the end of the line's budget year)
      await project(
        'A0102',
        '颐和路社区高龄老人上门助浴',
        300,
        '80.00',
        'DRAFT',
        await need('A0102', '高龄老人上门助浴', 'APPROVED'),
      );

      // a published open tender (≥ 20 days): a call for the 鼓楼 organisations, a question for the officer
      const call = await project(
        'B0101',
        '颐和路社区四点半课堂',
        2000,
        '25.00',
        'TENDERING',
        await need('B0101', '颐和路四点半课堂', 'IN_PROCUREMENT'),
      );
      const callId = await tender(call, '颐和路社区四点半课堂服务采购', 'OPEN_TENDER', 'PUBLISHED', at(-2), at(25));
      const neighbours = await org('南京市鼓楼区邻里互助服务社');
      const asker = await user('orgmember2');
      await em.query('INSERT INTO tender_interests (tender_id, organisation_id, created_at) VALUES (?, ?, ?)', [
        callId,
        neighbours,
        at(-1),
      ]);
      const q = (await em.query(
        `INSERT INTO tender_notices (tender_id, kind, status, question, asked_by_organisation_id, body, affects_preparation, created_at)
         VALUES (?, 'CLARIFICATION', 'ASKED', ?, ?, NULL, 0, ?)`,
        [callId, '课后托管是否包括寒暑假期间？师生比按 1:15 计算吗？', neighbours, at(-1)],
      )) as { insertId: number };
      await journal(callId, neighbours, asker, 'orgmember2', 'tender.interest_registered', {}, at(-1), null);
      await journal(
        callId,
        neighbours,
        asker,
        'orgmember2',
        'tender.question_asked',
        { noticeId: q.insertId },
        at(-1),
        null,
      );

      // a competitive consultation (≥ 10 days) opened two days ago, three bids qualified, the committee drawn
      const visit = await project(
        'A0301',
        '颐和路社区慢病随访',
        1000,
        '30.00',
        'TENDERING',
        await need('A0301', '颐和路慢病随访', 'IN_PROCUREMENT'),
      );
      const opened = at(-2);
      const evalId = await tender(
        visit,
        '颐和路社区慢病随访服务采购',
        'COMPETITIVE_CONSULTATION',
        'EVALUATING',
        at(-14),
        opened,
      );
      const bidders: Array<[string, string, string]> = [
        ['南京市鼓楼区阳光养老服务中心', 'orgmember', '28500.00'],
        ['南京市鼓楼区邻里互助服务社', 'orgmember2', '27000.00'],
        ['南京市鼓楼区乐龄社会工作服务中心', 'orgmember3', '29500.00'],
      ];
      for (const [name, username, price] of bidders) {
        const orgId = await org(name);
        const by = await user(username);
        const bidId = randomUUID();
        const technical = { PLAN: '每月入户随访，建立健康档案并转介异常情况。', TEAM: '社区医生 1 名、社工 2 名。' };
        const seal = createHash('sha256')
          .update(
            canonicalJson({ tenderId: evalId, organisationId: orgId, version: 1, price, technical, documents: [] }),
          )
          .digest('hex');
        await em.query(
          `INSERT INTO bids (id, tender_id, organisation_id, version, status, price_fen, technical, seal_sha256, submitted_at, submitted_by, needs_reconfirm)
           VALUES (?, ?, ?, 1, 'QUALIFIED', ?, ?, ?, ?, ?, 0)`,
          [bidId, evalId, orgId, yuanToFen(price).toString(), JSON.stringify(technical), seal, at(-5), by],
        );
        await em.query('INSERT INTO tender_interests (tender_id, organisation_id, created_at) VALUES (?, ?, ?)', [
          evalId,
          orgId,
          at(-6),
        ]);
        await journal(
          evalId,
          orgId,
          by,
          username,
          'bid.submitted',
          { version: 1, sha256: seal, replaces: null },
          at(-5),
          opened,
          bidId,
        );
      }
      for (const username of ['expert', 'expert2', 'expert3'])
        await em.query(
          "INSERT INTO committee_members (tender_id, expert_id, seat, drawn_at) VALUES (?, ?, 'EXPERT', ?)",
          [evalId, await user(username), at(-1)],
        );
    }

    // 3. the evaluation agency: its grade expires within the desk's notice period (only if none is recorded); a
    //    grade changes only by a decision, here the system's (as for every seeded grade)
    const res = (await em.query(
      `UPDATE organisations SET grade_expires_on = DATE(CONVERT_TZ(?, '+00:00', '+08:00')) + INTERVAL 150 DAY,
              grade_decided_at = ?, grade_decided_by = NULL, updated_at = ?
        WHERE name = '江苏众评社会组织评估中心' AND grade_expires_on IS NULL`,
      [now, now, now],
    )) as { affectedRows: number };
    report.gradeExpiry += res.affectedRows;

    if (Object.values(report).some((n) => n > 0))
      await new AuditService(ds).record(em, SYSTEM_ACTOR, {
        action: 'system.seed.applied',
        entityType: 'system',
        after: { desks: report },
      });
    return report;
  });
}
