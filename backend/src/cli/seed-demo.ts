import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '../modules/audit/services/audit.service';
import { creditCodeCheckChar } from '../modules/organisations/domain/credit-code';
import { SYSTEM_ACTOR } from '../platform/access';

/** The one password of every demo account (documented in the README). */
export const DEMO_PASSWORD = 'Diandan@2026';

type SeedRegion = { code: string; name: string; level: 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY'; children?: SeedRegion[] };

/** A slice of Nanjing with statistical division codes in the national format. */
export const DEMO_REGIONS: SeedRegion = {
  code: '320100000000', name: '南京市', level: 'CITY', children: [
    { code: '320106000000', name: '鼓楼区', level: 'DISTRICT', children: [
      { code: '320106002000', name: '宁海路街道', level: 'STREET', children: [
        { code: '320106002001', name: '山西路社区', level: 'COMMUNITY' },
        { code: '320106002002', name: '颐和路社区', level: 'COMMUNITY' },
        { code: '320106002003', name: '江苏路社区', level: 'COMMUNITY' },
      ] },
      { code: '320106005000', name: '湖南路街道', level: 'STREET', children: [
        { code: '320106005001', name: '马台街社区', level: 'COMMUNITY' },
        { code: '320106005002', name: '高云岭社区', level: 'COMMUNITY' },
      ] },
    ] },
    { code: '320102000000', name: '玄武区', level: 'DISTRICT', children: [
      { code: '320102002000', name: '梅园新村街道', level: 'STREET', children: [
        { code: '320102002001', name: '大行宫社区', level: 'COMMUNITY' },
        { code: '320102002002', name: '长江路社区', level: 'COMMUNITY' },
      ] },
      { code: '320102005000', name: '新街口街道', level: 'STREET', children: [
        { code: '320102005001', name: '洪武路社区', level: 'COMMUNITY' },
      ] },
    ] },
    { code: '320104000000', name: '秦淮区', level: 'DISTRICT', children: [
      { code: '320104001000', name: '夫子庙街道', level: 'STREET', children: [
        { code: '320104001001', name: '钞库街社区', level: 'COMMUNITY' },
      ] },
    ] },
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

export const DEMO_ORGANISATIONS = [
  { name: '南京市鼓楼区阳光养老服务中心', kind: 'SOCIAL_ORGANISATION', creditCode: credit('52320106MJ5000001'), region: '320106000000' },
  { name: '南京市玄武区同心社会工作服务社', kind: 'SOCIAL_ORGANISATION', creditCode: credit('52320102MJ5000002'), region: '320102000000' },
  { name: '江苏众评社会组织评估中心', kind: 'EVALUATION_AGENCY', creditCode: credit('52320100MJ5000003'), region: '320100000000' },
] as const;

export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', roles: ['ADMIN'], region: '320100000000' },
  { username: 'officer', displayName: '王采购（鼓楼区民政局）', roles: ['PROCUREMENT_OFFICER'], region: '320106000000' },
  { username: 'xw_officer', displayName: '李采购（玄武区民政局）', roles: ['PROCUREMENT_OFFICER'], region: '320102000000' },
  { username: 'finance', displayName: '赵财务（鼓楼区民政局）', roles: ['FINANCE_OFFICER'], region: '320106000000' },
  { username: 'worker', displayName: '陈社工（山西路社区）', roles: ['COMMUNITY_WORKER'], region: '320106002001' },
  { username: 'resident', displayName: '张大爷', roles: ['RESIDENT'], region: '320106002001', phone: '13800000001' },
  { username: 'orgmember', displayName: '刘主任（阳光养老）', roles: ['ORG_MEMBER'], organisation: '南京市鼓楼区阳光养老服务中心' },
  { username: 'expert', displayName: '周专家', roles: ['EXPERT'] },
  { username: 'evaluator', displayName: '孙评估员（众评中心）', roles: ['EVALUATOR'], organisation: '江苏众评社会组织评估中心' },
  { username: 'auditor', displayName: '吴监督（市审计）', roles: ['AUDITOR'], region: '320100000000' },
] as const;

export interface SeedReport {
  regions: number;
  calendarDays: number;
  organisations: number;
  users: number;
}

/** Idempotent: existing rows (matched by code, date, credit code or username) are left as they are. */
export async function seedDemo(ds: DataSource): Promise<SeedReport> {
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  return ds.transaction(async (em) => {
    const report: SeedReport = { regions: 0, calendarDays: 0, organisations: 0, users: 0 };
    const [{ now }] = (await em.query('SELECT UTC_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;

    const regionIds = new Map<string, number>();
    const addRegion = async (r: SeedRegion, parent: { id: number; path: string } | null): Promise<void> => {
      const existing = (await em.query('SELECT id, path FROM regions WHERE code = ?', [r.code])) as Array<{ id: number; path: string }>;
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
      const res = (await em.query('INSERT IGNORE INTO calendar_days (date, kind, name, updated_at) VALUES (?, ?, ?, ?)', [date, kind, name, now])) as { affectedRows: number };
      report.calendarDays += res.affectedRows;
    }

    const orgIds = new Map<string, number>();
    for (const o of DEMO_ORGANISATIONS) {
      const res = (await em.query(
        'INSERT IGNORE INTO organisations (name, kind, credit_code, region_id, created_at) VALUES (?, ?, ?, ?, ?)',
        [o.name, o.kind, o.creditCode, regionIds.get(o.region), now],
      )) as { affectedRows: number };
      report.organisations += res.affectedRows;
      const [row] = (await em.query('SELECT id FROM organisations WHERE credit_code = ?', [o.creditCode])) as Array<{ id: number }>;
      orgIds.set(o.name, row.id);
    }

    for (const u of DEMO_USERS) {
      const regionId = 'region' in u ? (regionIds.get(u.region) ?? null) : null;
      const regionPath = regionId === null ? null : ((await em.query('SELECT path FROM regions WHERE id = ?', [regionId])) as Array<{ path: string }>)[0].path;
      const orgId = 'organisation' in u ? (orgIds.get(u.organisation) ?? null) : null;
      const res = (await em.query(
        `INSERT IGNORE INTO users (username, display_name, phone, password_hash, status, failed_login_count, locked_until,
           region_id, region_path, organisation_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'ACTIVE', 0, NULL, ?, ?, ?, ?, ?)`,
        [u.username, u.displayName, 'phone' in u ? u.phone : null, passwordHash, regionId, regionPath, orgId, now, now],
      )) as { affectedRows: number; insertId: number };
      if (res.affectedRows === 1) {
        for (const role of u.roles) await em.query('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [res.insertId, role]);
        report.users++;
      }
    }

    if (report.regions + report.calendarDays + report.organisations + report.users > 0) {
      await recordSeed(ds, em, report);
    }
    return report;
  });
}

async function recordSeed(ds: DataSource, em: EntityManager, report: SeedReport): Promise<void> {
  await new AuditService(ds).record(em, SYSTEM_ACTOR, { action: 'system.seed.applied', entityType: 'system', after: report });
}
