import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from 'mysql2/promise';
import { Browser } from 'playwright-core';

import { launch, newPage, shot, signIn } from './browser';
import { openDb } from './db';

/** Where the demo's worker writes each mail (no SMTP_URL): MAIL_DIR, `tmp/mail` under NODE_ENV=test (e2e/run.sh). */
const MAIL_DIR = process.env.MAIL_DIR ?? join(__dirname, '..', 'tmp', 'mail');

function mailsTo(address: string): string[] {
  if (!existsSync(MAIL_DIR)) return [];
  return readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith('.eml') && f.includes(address))
    .map((f) => readFileSync(join(MAIL_DIR, f), 'utf8'));
}

async function until<T>(read: () => Promise<T> | T, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const stop = Date.now() + ms;
  let v = await read();
  while (!done(v) && Date.now() < stop) {
    await new Promise((r) => setTimeout(r, 200));
    v = await read();
  }
  return v;
}

/**
 * Issue #12: 通知设置 from the user menu (addresses and channels), and an administrator's 投递失败 — a failed e-mail
 * retried from the page, which the worker then writes into the demo mail folder.
 */
describe('notification settings and failed deliveries (Chromium)', () => {
  let browser: Browser;
  let db: Connection;

  beforeAll(async () => {
    browser = await launch();
    db = await openDb();
  });
  afterAll(async () => {
    await db?.end();
    await browser?.close();
  });

  it('a user opens 通知设置 from the header, mutes one topic for e-mail and saves', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'finance');
    await page.getByTestId('notify-settings').click();
    await page.waitForURL(/\/me\/notifications$/);
    await page.getByTestId('notify-topics').waitFor();
    await page.getByTestId('notify-email').waitFor();
    expect(await page.getByTestId('notify-email').inputValue()).toBe('finance@demo.diandan.local');
    await page.getByTestId('notify-topic-EMAIL-procurement').click();
    await page.getByTestId('notify-save').click();
    await page.locator('.ant-message-success').waitFor();
    await shot(page, 'notify-settings');
    await page.reload();
    await page.getByTestId('notify-topics').waitFor();
    const box = page.getByTestId('notify-topic-EMAIL-procurement').locator('input[type="checkbox"]');
    expect(await box.isChecked()).toBe(false);
    const [row] = (await db.query(
      "SELECT p.muted FROM notification_preferences p JOIN users u ON u.id = p.user_id WHERE u.username = 'finance'",
    )) as unknown as [Array<{ muted: string }>];
    expect(row[0].muted).toBe('EMAIL:procurement');
    await context.close();
  });

  it('an administrator sees a failed e-mail on the desk and in 投递失败, retries it, and it lands in the mail folder', async () => {
    // a failed e-mail to officer (the real path — three refusals of an SMTP server — is the backend's integration test)
    const stamp = `投递失败演示${Date.now().toString(36)}`;
    const [officer] = (await db.query("SELECT id FROM users WHERE username = 'officer'")) as unknown as [
      Array<{ id: number }>,
    ];
    const [n] = (await db.query(
      `INSERT INTO notifications (user_id, kind, template, params, title, body, need_id, created_at, read_at)
       VALUES (?, 'tender.committee', 'procurement.tender.committee', ?, NULL, NULL, NULL, UTC_TIMESTAMP(3), NULL)`,
      [officer[0].id, JSON.stringify({ tenderTitle: stamp })],
    )) as unknown as [{ insertId: number }];
    const [d] = (await db.query(
      `INSERT INTO notification_deliveries (notification_id, user_id, channel, address, locale, status, round,
         round_attempts, attempts, next_attempt_at, claimed_at, last_error, created_at, updated_at, sent_at, failed_at)
       VALUES (?, ?, 'EMAIL', 'officer@demo.diandan.local', 'zh-CN', 'FAILED', 0, 5, 5, UTC_TIMESTAMP(3), NULL,
         'EENVELOPE 451 4.3.0 Mailbox temporarily unavailable', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), NULL, UTC_TIMESTAMP(3))`,
      [n.insertId, officer[0].id],
    )) as unknown as [{ insertId: number }];
    const id = d.insertId;

    const { context, page } = await newPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('desk-section-notifications').getByTestId('desk-item-link').first().waitFor();
    await page.getByTestId('menu-deliveries').click();
    const row = page.getByTestId(`delivery-row-${id}`);
    await row.waitFor();
    expect(await row.innerText()).toContain(stamp);
    await shot(page, 'deliveries-failed');
    await row.getByTestId(`delivery-retry-${id}`).click();
    await page.locator('.ant-message-success').waitFor();
    await row.waitFor({ state: 'detached' });

    const status = await until(
      async () =>
        (
          (await db.query('SELECT status FROM notification_deliveries WHERE id = ?', [id])) as unknown as [
            Array<{ status: string }>,
          ]
        )[0][0].status,
      (s) => s === 'SENT',
    );
    expect(status).toBe('SENT');
    const mails = await until(
      () => mailsTo('officer@demo.diandan.local').filter((m) => m.includes(`delivery-${id}@`)),
      (m) => m.length > 0,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('Subject: =?UTF-8?');
    await context.close();
  });
});
