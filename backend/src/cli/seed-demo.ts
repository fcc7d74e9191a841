import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '../modules/audit/services/audit.service';
import { creditCodeCheckChar } from '../modules/organisations/domain/credit-code';
import { SYSTEM_ACTOR } from '../platform/access';
import { yuanToFen } from '../platform/util/money';
import { DEMO_CATALOGUE, DEMO_SCHEDULE } from './seed-catalogue';

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

    await seedCatalogueAndCampaign(em, now, report);
    await seedBudgetLines(em, now, report);

    if (Object.values(report).some((n) => n > 0)) {
      await recordSeed(ds, em, report);
    }
    return report;
  });
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
