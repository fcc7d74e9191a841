import { EntityManager } from 'typeorm';

import { creditCodeCheckChar } from '../modules/organisations/domain/credit-code';

/**
 * Demo data for assignment without conflicts (issue #11 item 2): a second evaluation agency with two evaluators, one
 * of whom worked for 阳光养老 (the organisation of `orgmember`) until 2025, so that the assign dialog shows an
 * excluded evaluator with the reason. Idempotent (matched by credit code and username); counts what it adds into the
 * demo seed's report.
 */
export const DEMO_EVALUATION_AGENCY = {
  name: '南京市仁信社会组织评估服务中心',
  creditCode: '52320100MJ5000006',
  region: '320100000000',
  legalRepresentative: '钱仁',
  contactPhone: '025-86630006',
  grade: 4,
  bank: { name: '交通银行南京分行', accountNo: '3200000000000000006' },
} as const;

export const DEMO_EVALUATORS = [
  { username: 'evaluator2', displayName: '周评估员（仁信评估）', affiliation: null },
  {
    username: 'evaluator3',
    displayName: '郑评估员（仁信评估，原阳光养老）',
    // within CONFLICT_LOOKBACK_YEARS of today: never assigned 阳光养老's evaluations
    affiliation: {
      organisation: '南京市鼓楼区阳光养老服务中心',
      startedOn: '2020-03-01',
      endedOn: '2025-03-31',
      note: '曾任阳光养老项目主管',
    },
  },
] as const;

export async function seedEvaluationAgencies(
  em: EntityManager,
  now: Date,
  passwordHash: string,
  report: { organisations: number; users: number },
): Promise<void> {
  const a = DEMO_EVALUATION_AGENCY;
  const creditCode = a.creditCode + creditCodeCheckChar(a.creditCode);
  const [region] = (await em.query('SELECT id FROM regions WHERE code = ?', [a.region])) as Array<{ id: number }>;
  if (region === undefined) return;
  const inserted = (await em.query(
    `INSERT IGNORE INTO organisations (name, kind, credit_code, region_id, created_at, org_type, legal_representative, contact_phone,
       grade, grade_expires_on, grade_decided_at, bank_name, bank_account_name, bank_account_no, status, updated_at)
     VALUES (?, 'EVALUATION_AGENCY', ?, ?, ?, 'SOCIAL_SERVICE_AGENCY', ?, ?, ?, NULL, ?, ?, ?, ?, 'ACTIVE', ?)`,
    [
      a.name,
      creditCode,
      region.id,
      now,
      a.legalRepresentative,
      a.contactPhone,
      a.grade,
      now,
      a.bank.name,
      a.name,
      a.bank.accountNo,
      now,
    ],
  )) as { affectedRows: number };
  report.organisations += inserted.affectedRows;
  const [agency] = (await em.query('SELECT id FROM organisations WHERE credit_code = ?', [creditCode])) as Array<{
    id: number;
  }>;
  await em.query('INSERT IGNORE INTO organisation_service_areas (organisation_id, region_id) VALUES (?, ?)', [
    agency.id,
    region.id,
  ]);
  for (const e of DEMO_EVALUATORS) {
    const res = (await em.query(
      `INSERT IGNORE INTO users (username, display_name, phone, password_hash, status, failed_login_count, locked_until,
         region_id, region_path, organisation_id, resident_verified_at, created_at, updated_at)
       VALUES (?, ?, NULL, ?, 'ACTIVE', 0, NULL, NULL, NULL, ?, NULL, ?, ?)`,
      [e.username, e.displayName, passwordHash, agency.id, now, now],
    )) as { affectedRows: number; insertId: number };
    if (res.affectedRows !== 1) continue;
    report.users++;
    await em.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'EVALUATOR')", [res.insertId]);
    if (e.affiliation === null) continue;
    const [org] = (await em.query('SELECT id FROM organisations WHERE name = ?', [
      e.affiliation.organisation,
    ])) as Array<{
      id: number;
    }>;
    if (org === undefined) continue;
    await em.query(
      `INSERT INTO evaluator_affiliations (evaluator_id, organisation_id, kind, started_on, ended_on, note, created_at)
       VALUES (?, ?, 'EMPLOYMENT', ?, ?, ?, ?)`,
      [res.insertId, org.id, e.affiliation.startedOn, e.affiliation.endedOn, e.affiliation.note, now],
    );
  }
}
