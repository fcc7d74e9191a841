import { Queue } from 'bullmq';
import type { Connection } from 'mysql2/promise';
import { Browser } from 'playwright-core';

import { BASE_URL, launch, newPage, shot, signIn } from './browser';
import { openDb } from './db';

const BOARD = `${BASE_URL}/api/v1/queues/board`;

/** Issue #12 item 5: the administrator opens the queue board from the app and retries a failed deadline job there. */
describe('the queue board (Chromium)', () => {
  let browser: Browser;
  let db: Connection;
  let queue: Queue;

  beforeAll(async () => {
    browser = await launch();
    db = await openDb();
    // The identity queue as the running app and worker see it (e2e/run.sh: QUEUE_PREFIX); its worker fails a job
    // whose name it does not know, which is the failed job the administrator finds on the board.
    queue = new Queue('identity', {
      connection: {
        host: process.env.REDIS_HOST ?? '127.0.0.1',
        port: Number(process.env.REDIS_PORT ?? 6379),
        db: Number(process.env.REDIS_DB ?? 0),
      },
      prefix: process.env.QUEUE_PREFIX ?? 'diandan',
    });
  });
  afterAll(async () => {
    await queue?.close();
    await db?.end();
    await browser?.close();
  });

  it('is closed to anonymous visitors and to residents, whose browser sends no token to it', async () => {
    const { context, page } = await newPage(browser);
    expect((await page.goto(BOARD))?.status()).toBe(401);
    await signIn(page, 'resident');
    expect((await page.goto(BOARD))?.status()).toBe(401);
    // the SPA keeps its token in memory: a page of the app asking for the board's cookie without it is refused
    const session = await page.evaluate(
      async () => (await fetch('/api/v1/queues/board-session', { method: 'POST', body: '{}' })).status,
    );
    expect(session).toBe(401);
    await context.close();
  });

  it('the administrator opens it from 队列看板, sees every queue, and retries a failed job', async () => {
    const job = await queue.add(
      'board-demo',
      { note: '演示：未知任务' },
      { attempts: 1, jobId: `board-demo-${Date.now()}` },
    );
    let state = '';
    for (let i = 0; i < 200 && state !== 'failed'; i++) {
      state = await job.getState();
      if (state !== 'failed') await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('failed');
    const firstRun = (await queue.getJob(job.id as string))?.processedOn;

    const { context, page } = await newPage(browser);
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await signIn(page, 'admin');
    await page.getByTestId('menu-queue-board').click();
    await page.waitForURL(`${BASE_URL}/admin/queue-board`);
    await page.getByTestId('queue-identity').waitFor();
    await shot(page, 'queue-board-admin');

    await page.getByTestId('open-queue-board').click();
    await page.waitForURL((url) => url.pathname.startsWith('/api/v1/queues/board'));
    await page.getByText('procurement', { exact: true }).first().waitFor();
    await page.getByText('identity', { exact: true }).first().waitFor();
    await shot(page, 'queue-board');

    await page.goto(`${BOARD}/queue/identity?status=failed`);
    await page.getByText('board-demo').first().waitFor();
    await shot(page, 'queue-board-failed');
    // the job card's first action; its tooltip says what it is
    const retry = page.locator('[class*="jobActions"] li button').first();
    await retry.hover();
    await page.getByText('重试', { exact: true }).first().waitFor();
    await retry.click();
    // the board asks for a confirmation unless its settings turned that off
    const confirm = page.getByRole('button', { name: '确认', exact: true });
    await confirm.waitFor({ timeout: 5000 }).then(
      () => confirm.click(),
      () => undefined,
    );

    // it runs again (and fails again: the worker does not know it), and the retry is on the audit chain
    let again: number | undefined;
    for (let i = 0; i < 200; i++) {
      again = (await queue.getJob(job.id as string))?.processedOn;
      if (again !== undefined && again !== firstRun) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(again).not.toBe(firstRun);
    const [rows] = (await db.query(
      "SELECT actor_username AS who FROM audit_events WHERE action = 'queues.job.retried' AND entity_id = ?",
      [`identity:${job.id}`],
    )) as unknown as [Array<{ who: string }>];
    expect(rows.map((r) => r.who)).toEqual(['admin']);
    expect(cspErrors).toEqual([]);
    await context.close();
  });
});
