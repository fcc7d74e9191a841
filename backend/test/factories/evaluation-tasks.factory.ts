import { addCalendarDays, shanghaiDate } from '../../src/modules/regions';
import { bearer, login, regionId, TestApp, userId } from '../support/test-app';
import { ContractFixture, liveContract } from './contracts-milestones.factory';

/**
 * Fixtures of the evaluation tasks' tests (issue #11 item 2): live contracts where a test needs them (another
 * district, another term end), OPEN tasks made through the officer's route, staff and evaluators of the test's own.
 */

export const AGENCY_ZHONGPING = '江苏众评社会组织评估中心';
export const AGENCY_RENXIN = '南京市仁信社会组织评估服务中心';
export const SUNSHINE = '南京市鼓楼区阳光养老服务中心';

export async function organisationId(t: TestApp, name: string): Promise<number> {
  const [r] = (await t.ds.query('SELECT id FROM organisations WHERE name = ?', [name])) as Array<{ id: number }>;
  return r.id;
}

/** Today in Beijing by the database clock. */
export async function today(t: TestApp): Promise<string> {
  const [{ now }] = (await t.ds.query('SELECT UTC_TIMESTAMP(3) AS now')) as Array<{ now: Date }>;
  return shanghaiDate(now);
}

/**
 * A live contract (ACTIVE by default) of 阳光养老; `region` moves it (and nothing else) to a region by code;
 * `termEndInDays` sets the last day of its term.
 */
export async function activeContract(
  t: TestApp,
  title: string,
  opts: { status?: 'ACTIVE' | 'SIGNED'; region?: string; termEndInDays?: number; supplier?: string } = {},
): Promise<ContractFixture & { code: string }> {
  const c = await liveContract(t, title, { status: opts.status ?? 'ACTIVE', supplier: opts.supplier });
  if (opts.region) {
    const [r] = (await t.ds.query('SELECT id, path FROM regions WHERE code = ?', [opts.region])) as Array<{
      id: number;
      path: string;
    }>;
    await t.ds.query('UPDATE contracts SET region_id = ?, region_path = ? WHERE id = ?', [r.id, r.path, c.contractId]);
  }
  if (opts.termEndInDays !== undefined)
    await t.ds.query('UPDATE contracts SET term_end = ? WHERE id = ?', [
      addCalendarDays(await today(t), opts.termEndInDays),
      c.contractId,
    ]);
  const [{ code }] = (await t.ds.query('SELECT code FROM contracts WHERE id = ?', [c.contractId])) as Array<{
    code: string;
  }>;
  return { ...c, code };
}

/** The contract's FINAL task, made OPEN through the officer's route (idempotent). Returns the task id. */
export async function openFinalTask(t: TestApp, contractId: number, as = 'officer'): Promise<number> {
  const res = await t
    .http()
    .post(`/api/v1/evaluation/contracts/${contractId}/final-task`)
    .set('Authorization', await bearer(t, as));
  if (res.status !== 200) throw new Error(`final task: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
}

/** A procurement officer of the city (南京市), to draw a batch over several districts (demo password). */
export async function cityOfficer(t: TestApp, username: string): Promise<string> {
  const city = await regionId(t.ds, '320100000000');
  const [{ path }] = (await t.ds.query('SELECT path FROM regions WHERE id = ?', [city])) as Array<{ path: string }>;
  await t.ds.query(
    `INSERT IGNORE INTO users (username, display_name, phone, password_hash, status, failed_login_count, region_id, region_path,
       organisation_id, created_at, updated_at)
     SELECT ?, '市级采购专员（测试）', NULL, password_hash, 'ACTIVE', 0, ?, ?, NULL, created_at, updated_at
       FROM users WHERE username = 'officer'`,
    [username, city, path],
  );
  await t.ds.query("INSERT IGNORE INTO user_roles (user_id, role) VALUES (?, 'PROCUREMENT_OFFICER')", [
    await userId(t.ds, username),
  ]);
  return username;
}

/** A new evaluator of an agency (demo password), so that a test's declarations change no demo account. */
export async function freshEvaluator(t: TestApp, username: string, agency: string): Promise<number> {
  const org = await organisationId(t, agency);
  await t.ds.query(
    `INSERT IGNORE INTO users (username, display_name, phone, password_hash, status, failed_login_count, region_id, region_path,
       organisation_id, created_at, updated_at)
     SELECT ?, ?, NULL, password_hash, 'ACTIVE', 0, NULL, NULL, ?, created_at, updated_at FROM users WHERE username = 'officer'`,
    [username, `评估员 ${username}`, org],
  );
  const id = await userId(t.ds, username);
  await t.ds.query("INSERT IGNORE INTO user_roles (user_id, role) VALUES (?, 'EVALUATOR')", [id]);
  await login(t, username); // the account works
  return id;
}
