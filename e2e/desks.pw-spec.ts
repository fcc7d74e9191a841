import { Connection, createConnection, RowDataPacket } from 'mysql2/promise';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { BASE_URL, launch, shot, signIn } from './browser';

/**
 * 首页 is each role's desk: every demo account signs in — in a browser set to New York time, so that a
 * UTC/local mix-up cannot pass — and sees at least one thing waiting for it, with its due date written in
 * Beijing time exactly as computed here from the database value (a deadline at midnight reads 24:00 of the day
 * before). The work comes from the demo seed (cli/seed.js → seedDemoDesks), except the administrator's locked
 * account, made here through the API. Residents land on their community's needs instead.
 * Screenshots: docs/screenshots/desk-<role>.png.
 */

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Beijing wall-clock time of an instant, `YYYY-MM-DD HH:mm`. */
function beijing(at: Date): string {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A deadline as the desk writes it: Beijing time, midnight as 24:00 of the day before (legal usage). */
function deadline(at: Date): string {
  const text = beijing(at);
  if (!text.endsWith(' 00:00')) return text;
  return `${beijing(new Date(at.getTime() - 86_400_000)).slice(0, 10)} 24:00`;
}

describe('首页: every role lands on its desk, due dates in Beijing time (Chromium, browser in New York)', () => {
  let browser: Browser;
  let db: Connection;
  const contexts: BrowserContext[] = [];

  async function open(username: string, password = 'Diandan@2026', phone = false): Promise<Page> {
    const context = await browser.newContext({
      viewport: phone ? { width: 390, height: 844 } : { width: 1366, height: 860 },
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await signIn(page, username, password);
    return page;
  }

  async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
    const [rows] = await db.query<RowDataPacket[]>(sql, params);
    if (rows.length === 0) throw new Error(`no row for ${sql}`);
    return rows[0] as T;
  }

  /** The desk line of `kind` about record `ref`, once the user sees it. */
  async function item(page: Page, kind: string, ref: number | string) {
    const row = page.locator(`[data-testid="desk-item"][data-kind="${kind}"][data-ref="${ref}"]`);
    await row.waitFor();
    return row;
  }

  beforeAll(async () => {
    if (!process.env.DB_NAME) throw new Error('DB_NAME (the schema of the running app) is required: see e2e/run.sh');
    browser = await launch();
    // DATETIME(3) columns hold UTC instants: read them as such
    db = await createConnection({
      host: process.env.DB_HOST ?? '127.0.0.1',
      port: Number(process.env.DB_PORT ?? 3306),
      user: process.env.DB_USER ?? 'root',
      password: process.env.DB_PASSWORD ?? '',
      database: process.env.DB_NAME,
      timezone: 'Z',
    });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await db?.end();
    await browser?.close();
  });

  it('community worker: the campaign closing, its closing time in Beijing time', async () => {
    const campaign = await one<{ id: number; closes_at: Date }>(
      "SELECT id, closes_at FROM campaigns WHERE title = '山西路社区年度需求征集'",
    );
    const page = await open('worker');
    const row = await item(page, 'needs.campaign_closing', campaign.id);
    expect(await row.getByTestId('desk-item-due').innerText()).toBe(deadline(campaign.closes_at));
    expect(await row.getByTestId('desk-item-rule').innerText()).toBe('征集截止时间');
    const moderate = await item(page, 'needs.moderate', campaign.id);
    expect(await moderate.getByTestId('desk-item-due').innerText()).toBe(deadline(campaign.closes_at));
    await shot(page, 'desk-worker');
    await moderate.getByTestId('desk-item-link').click();
    await page.waitForURL(`${BASE_URL}/needs/moderation`);
  });

  it('procurement officer: a draft due by the end of the budget year (24:00), a question due by the bid deadline', async () => {
    const draft = await one<{ id: number; year: number }>(
      "SELECT p.id, l.year FROM projects p JOIN budget_lines l ON l.id = p.budget_line_id WHERE p.title = '颐和路社区高龄老人上门助浴'",
    );
    const call = await one<{ id: number; bid_deadline: Date }>(
      "SELECT id, bid_deadline FROM tenders WHERE title = '颐和路社区四点半课堂服务采购'",
    );
    const page = await open('officer');
    const row = await item(page, 'procurement.project_draft', draft.id);
    expect(await row.getByTestId('desk-item-due').innerText()).toBe(`${draft.year}-12-31 24:00`);
    const question = await item(page, 'procurement.question_answer', call.id);
    expect(await question.getByTestId('desk-item-due').innerText()).toBe(deadline(call.bid_deadline));
    await shot(page, 'desk-officer');
    // 我的信息 is one click away, from the user's name in the header
    await page.getByTestId('header-user').click();
    await page.waitForURL(`${BASE_URL}/me`);
    expect(await page.getByTestId('home-username').innerText()).toBe('officer');
  });

  it('finance officer: budget lines to approve by the end of their budget year', async () => {
    const page = await open('finance');
    const first = page.locator('[data-testid="desk-item"][data-kind="funds.line_approve"]').first();
    await first.waitFor();
    const line = await one<{ year: number }>('SELECT year FROM budget_lines WHERE id = ?', [
      Number(await first.getAttribute('data-ref')),
    ]);
    expect(await first.getByTestId('desk-item-due').innerText()).toBe(`${line.year}-12-31 24:00`);
    expect(await first.getByTestId('desk-item-rule').innerText()).toBe('预算年度终了（12 月 31 日 24 时）');
    await shot(page, 'desk-finance');
  });

  it('organisation member: an open call, due at its bid deadline', async () => {
    const call = await one<{ id: number; bid_deadline: Date }>(
      "SELECT id, bid_deadline FROM tenders WHERE title = '颐和路社区四点半课堂服务采购'",
    );
    const page = await open('orgmember');
    const row = await item(page, 'procurement.call_open', call.id);
    expect(await row.getByTestId('desk-item-due').innerText()).toBe(deadline(call.bid_deadline));
    expect(await row.getByTestId('desk-item-rule').innerText()).toBe('投标截止时间');
    await shot(page, 'desk-orgmember');
    await row.getByTestId('desk-item-link').click();
    await page.waitForURL(`${BASE_URL}/procurement/calls/${call.id}`);
  });

  it('expert: a scoring task, drawn at a time shown in Beijing time (no rule sets a due date for it)', async () => {
    const seat = await one<{ id: number; drawn_at: Date }>(
      `SELECT t.id, c.drawn_at FROM committee_members c JOIN tenders t ON t.id = c.tender_id JOIN users u ON u.id = c.expert_id
        WHERE u.username = 'expert' AND t.title = '颐和路社区慢病随访服务采购'`,
    );
    const page = await open('expert');
    const row = await item(page, 'procurement.scoring', seat.id);
    expect(await row.getByTestId('desk-item-since').innerText()).toBe(beijing(seat.drawn_at));
    expect(await row.getByTestId('desk-item-due').count()).toBe(0);
    await shot(page, 'desk-expert');
  });

  it("evaluator: the agency's grade expiry, at 24:00 Beijing time of its last day", async () => {
    const agency = await one<{ id: number; last: string }>(
      "SELECT o.id, DATE_FORMAT(o.grade_expires_on, '%Y-%m-%d') AS last FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.username = 'evaluator'",
    );
    const page = await open('evaluator');
    const row = await item(page, 'organisations.grade_expiry', agency.id);
    expect(await row.getByTestId('desk-item-due').innerText()).toBe(`${agency.last} 24:00`);
    // (the placeholder for evaluation tasks is gone: the evaluator's tasks are desk items of their own, issue #11)
    await shot(page, 'desk-evaluator');
  });

  it("auditor: the chain's head — its latest event and that event's time in Beijing time", async () => {
    const page = await open('auditor');
    const row = page.locator('[data-testid="desk-item"][data-kind="audit.chain"]');
    await row.waitFor();
    const seq = Number(/#(\d+)/.exec(await row.getByTestId('desk-item-link').innerText())?.[1]);
    const event = await one<{ occurred_at: Date }>('SELECT occurred_at FROM audit_events WHERE seq = ?', [seq]);
    expect(await row.getByTestId('desk-item-since').innerText()).toBe(beijing(event.occurred_at));
    // the latest signed checkpoint (the worker takes one when it starts, then hourly), or none yet
    const shown = await row.getByTestId('desk-audit-checkpoint').innerText();
    const [[checkpoint]] = await db.query<RowDataPacket[]>(
      'SELECT seq, taken_at FROM audit_checkpoints ORDER BY id DESC LIMIT 1',
    );
    expect(shown).toBe(checkpoint ? `#${checkpoint.seq}，${beijing(checkpoint.taken_at as Date)}` : '尚无检查点');
    await shot(page, 'desk-auditor');
  });

  it('administrator: an account locked after wrong passwords, until the instant the lock ends', async () => {
    const login = (username: string, password: string) =>
      fetch(`${BASE_URL}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    const admin = (await (await login('admin', 'Diandan@2026')).json()) as { accessToken: string };
    const username = `pw_locked_${Date.now().toString(36)}`;
    const created = await fetch(`${BASE_URL}/api/v1/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({
        username,
        displayName: '端到端锁定测试',
        password: 'Diandan@2026',
        roles: ['COMMUNITY_WORKER'],
        regionId: (await one<{ id: number }>("SELECT id FROM regions WHERE code = '320106002001'")).id,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    for (let i = 0; i < 5; i++) await login(username, 'not-the-password');
    const user = await one<{ locked_until: Date | null }>('SELECT locked_until FROM users WHERE id = ?', [id]);
    expect(user.locked_until).not.toBeNull();

    const page = await open('admin');
    const row = await item(page, 'identity.account_locked', id);
    expect(await row.getByTestId('desk-item-due').innerText()).toBe(deadline(user.locked_until as Date));
    expect(await row.getByTestId('desk-item-soon').innerText()).toBe('即将到期');
    await shot(page, 'desk-admin');
  });

  it('resident (on a phone): lands on the community needs, with no separate 首页 in the menu', async () => {
    const page = await open('resident', 'Diandan@2026', true);
    await page.waitForURL(`${BASE_URL}/needs/community`);
    await page.getByTestId('header-user').waitFor();
    expect(await page.getByTestId('desk').count()).toBe(0);
    expect(await page.getByTestId('menu-home').count()).toBe(0);
  });
});
