import { Queue, Worker } from 'bullmq';

import { BOARD_BASE } from '../../src/modules/operations';
import { Deadlines } from '../../src/platform/queue';
import { redisConnection } from '../../src/platform/queue/queue.module';
import { pollUntil } from '../support/poll';
import { bearer, createTestApp, login, regionId, TestApp, userId } from '../support/test-app';

/**
 * Issue #12 item 5: the queue board (Bull Board) under /api, behind the API's access rules — a cookie set by
 * `POST /api/v1/queues/board-session` (or a bearer token), checked on every request of the board.
 */
describe('the queue board', () => {
  let t: TestApp;
  let admin: string;
  /** A queue of this test, registered like a context's, with a worker whose first run of a job fails. */
  let queue: Queue;
  let worker: Worker;
  const runs = new Map<string, number>();

  /** The board's cookie (`name=value`) from a `Set-Cookie` header. */
  const cookieOf = (setCookie: string | string[] | undefined) => String([setCookie].flat()[0]).split(';')[0];

  async function openBoard(token: string): Promise<{ cookie: string; setCookie: string }> {
    const res = await t.http().post('/api/v1/queues/board-session').set('Authorization', token).send({});
    expect(res.status).toBe(200);
    const setCookie = String([res.headers['set-cookie']].flat()[0]);
    return { cookie: cookieOf(res.headers['set-cookie']), setCookie };
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await bearer(t, 'admin');
    const name = `board-test-${process.pid}`;
    queue = new Queue(name, { connection: redisConnection(t.env), prefix: t.env.QUEUE_PREFIX });
    t.app.get(Deadlines).registerQueue(queue);
    worker = new Worker(
      name,
      async (job) => {
        const n = (runs.get(String(job.id)) ?? 0) + 1;
        runs.set(String(job.id), n);
        if (n === 1) throw new Error('the first run fails');
        return 'ran again';
      },
      { connection: redisConnection(t.env), prefix: t.env.QUEUE_PREFIX },
    );
  }, 120_000);

  afterAll(async () => {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await t.close();
  });

  it('answers 401 to an anonymous caller on its page, files and API, and 403 to other roles', async () => {
    for (const path of ['', '/queue/identity', '/static/js/x.js', '/api/queues', '/api/redis/stats'])
      expect((await t.http().get(`${BOARD_BASE}${path}`)).status).toBe(401);
    expect((await t.http().put(`${BOARD_BASE}/api/queues/identity/1/retry`)).status).toBe(401);
    expect((await t.http().post('/api/v1/queues/board-session').send({})).status).toBe(401);
    for (const user of ['resident', 'officer', 'auditor']) {
      const token = await bearer(t, user);
      const session = await t.http().post('/api/v1/queues/board-session').set('Authorization', token).send({});
      expect(session.status).toBe(403);
      expect(session.headers['set-cookie']).toBeUndefined();
      const page = await t.http().get(`${BOARD_BASE}/api/queues`).set('Authorization', token);
      expect(page.status).toBe(403);
      expect(page.body).toMatchObject({ code: 'FORBIDDEN', permission: 'queues.read' });
    }
  });

  it('sets a short-lived, HttpOnly, SameSite=Strict cookie scoped to the board, and shows every registered queue', async () => {
    const { cookie, setCookie } = await openBoard(admin);
    expect(setCookie).toMatch(/^diandan_board=[\w-]+\.[\w-]+\.[\w-]+; /);
    expect(setCookie).toContain('Path=/api/v1/queues/board;');
    expect(setCookie).toContain(`Max-Age=${t.env.QUEUE_BOARD_SESSION_SECONDS};`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');

    const res = await t.http().get(`${BOARD_BASE}/api/queues`).set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const names = (res.body as { queues: Array<{ name: string }> }).queues.map((q) => q.name).sort();
    const registered = t.app
      .get(Deadlines)
      .registeredQueues()
      .map((q) => q.name)
      .sort();
    expect(registered).toEqual(expect.arrayContaining(['identity', 'procurement', 'contracts', 'evaluation']));
    expect(names).toEqual(registered);
  });

  it('serves its page and its static files under the CSP, with their cache rules', async () => {
    const { cookie } = await openBoard(admin);
    const page = await t.http().get(BOARD_BASE).set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).toContain(`<base href="${BOARD_BASE}/" />`);
    expect(page.text).not.toContain('fonts.googleapis.com');
    expect(page.text).toContain('点单 · 队列看板');
    const scripts = [...page.text.matchAll(/<script defer src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await t.http().get(`${BOARD_BASE}/${src}`).set('Cookie', cookie);
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
      expect(js.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    }
    const locale = await t.http().get(`${BOARD_BASE}/static/locales/zh-CN/messages.json`).set('Cookie', cookie);
    expect(locale.status).toBe(200);
    expect(locale.headers['cache-control']).toBe('private, no-cache');
    expect((await t.http().get(`${BOARD_BASE}/static/../../package.json`).set('Cookie', cookie)).status).toBe(404);
    // the deep links of the board's own router are the same page
    expect((await t.http().get(`${BOARD_BASE}/queue/identity`).set('Cookie', cookie)).status).toBe(200);
  });

  it('retries a failed job from the board API: it runs again, and the retry is audited', async () => {
    const job = await queue.add('probe', { n: 1 }, { attempts: 1 });
    const failed = await pollUntil(
      () => job.getState(),
      (s) => s === 'failed',
    );
    expect(failed).toBe('failed');
    const { cookie } = await openBoard(admin);
    const list = await t
      .http()
      .get(`${BOARD_BASE}/api/queues`)
      .query({ activeQueue: queue.name, status: 'failed', page: '1' })
      .set('Cookie', cookie);
    const shown = (list.body as { queues: Array<{ name: string; jobs: Array<{ id: string }> }> }).queues.find(
      (q) => q.name === queue.name,
    );
    expect(shown?.jobs.map((j) => j.id)).toContain(job.id);

    const retry = await t.http().put(`${BOARD_BASE}/api/queues/${queue.name}/${job.id}/retry`).set('Cookie', cookie);
    expect(retry.status).toBe(204);
    const state = await pollUntil(
      () => queue.getJob(job.id as string).then((j) => j?.getState()),
      (s) => s === 'completed',
    );
    expect(state).toBe('completed');
    expect(runs.get(String(job.id))).toBe(2);
    const [event] = (await t.ds.query(
      `SELECT action, actor_id AS actorId, entity_id AS entityId FROM audit_events
        WHERE action = 'queues.job.retried' AND entity_id = ? ORDER BY seq DESC LIMIT 1`,
      [`${queue.name}:${job.id}`],
    )) as Array<{ action: string; actorId: number; entityId: string }>;
    expect(event).toMatchObject({ action: 'queues.job.retried', actorId: await userId(t.ds, 'admin') });

    // a job that is not failed is not retried (and nothing is audited)
    const again = await t.http().put(`${BOARD_BASE}/api/queues/${queue.name}/${job.id}/retry`).set('Cookie', cookie);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'QUEUE_BOARD_NOT_FAILED' });
  });

  it('retries every failed job of a queue, and only failed ones', async () => {
    const jobs = await Promise.all([1, 2].map((n) => queue.add('probe', { n }, { attempts: 1 })));
    await pollUntil(
      () => Promise.all(jobs.map((j) => j.getState())),
      (s) => s.every((x) => x === 'failed'),
    );
    const { cookie } = await openBoard(admin);
    const completed = await t
      .http()
      .put(`${BOARD_BASE}/api/queues/${queue.name}/retry/completed`)
      .set('Cookie', cookie);
    expect(completed.status).toBe(400);
    const res = await t.http().put(`${BOARD_BASE}/api/queues/${queue.name}/retry/failed`).set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect((res.body as { retried: number }).retried).toBeGreaterThanOrEqual(2);
    const states = await pollUntil(
      () => Promise.all(jobs.map((j) => queue.getJob(j.id as string).then((x) => x?.getState()))),
      (s) => s.every((x) => x === 'completed'),
    );
    expect(states).toEqual(['completed', 'completed']);
    const [{ n }] = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'queues.failed.retried' AND entity_id = ?",
      [queue.name],
    )) as Array<{ n: string }>;
    expect(Number(n)).toBeGreaterThanOrEqual(1);
  });

  it('refuses the destructive actions to administrators too, and a write from another site', async () => {
    const job = await queue.add('probe', { n: 3 }, { attempts: 1, delay: 3_600_000 });
    const { cookie } = await openBoard(admin);
    for (const [method, path] of [
      ['put', `/api/queues/${queue.name}/pause`],
      ['put', `/api/queues/${queue.name}/obliterate`],
      ['put', `/api/queues/${queue.name}/empty`],
      ['put', `/api/queues/${queue.name}/clean/delayed`],
      ['put', `/api/queues/${queue.name}/${job.id}/promote`],
      ['put', `/api/queues/${queue.name}/${job.id}/clean`],
      ['post', `/api/queues/${queue.name}/add`],
    ] as const) {
      const res = await t.http()[method](`${BOARD_BASE}${path}`).set('Cookie', cookie).send({ name: 'x' });
      expect([path, res.status, (res.body as { code?: string }).code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    expect(await queue.isPaused()).toBe(false);
    expect(await queue.getJob(job.id as string).then((j) => j?.getState())).toBe('delayed');

    const failedJob = await queue.add('probe', { n: 4 }, { attempts: 1 });
    await pollUntil(
      () => failedJob.getState(),
      (s) => s === 'failed',
    );
    const cross = await t
      .http()
      .put(`${BOARD_BASE}/api/queues/${queue.name}/${failedJob.id}/retry`)
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example');
    expect(cross.status).toBe(403);
    expect(await failedJob.getState()).toBe('failed');
  });

  it('never takes the cookie as a bearer token, nor a bearer token as the cookie', async () => {
    const { cookie } = await openBoard(admin);
    const token = cookie.split('=')[1];
    expect((await t.http().get('/api/v1/queues').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const access = admin.split(' ')[1];
    expect((await t.http().get(`${BOARD_BASE}/api/queues`).set('Cookie', `diandan_board=${access}`)).status).toBe(401);
    expect((await t.http().get(`${BOARD_BASE}/api/queues`).set('Cookie', `diandan_board=${token}x`)).status).toBe(401);
  });

  it('refuses the cookie once its session is revoked (sign-out) or its user no longer holds the role', async () => {
    const signedIn = await login(t, 'admin');
    const { cookie } = await openBoard(`Bearer ${signedIn.accessToken}`);
    expect((await t.http().get(`${BOARD_BASE}/api/queues`).set('Cookie', cookie)).status).toBe(200);
    const out = await t.http().post('/api/v1/auth/logout').send({ refreshToken: signedIn.refreshToken });
    expect(out.status).toBeLessThan(300);
    expect((await t.http().get(`${BOARD_BASE}/api/queues`).set('Cookie', cookie)).status).toBe(401);

    const created = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({
        username: 'board_admin',
        displayName: '看板管理员',
        password: 'Diandan@2026',
        roles: ['ADMIN'],
        regionId: await regionId(t.ds, '320100000000'),
      });
    expect(created.status).toBe(201);
    const { cookie: second } = await openBoard(await bearer(t, 'board_admin'));
    expect((await t.http().get(`${BOARD_BASE}/api/queues`).set('Cookie', second)).status).toBe(200);
    const roles = await t
      .http()
      .patch(`/api/v1/users/${(created.body as { id: number }).id}`)
      .set('Authorization', admin)
      .send({ roles: ['AUDITOR'] });
    expect(roles.status).toBe(200);
    const denied = await t.http().get(`${BOARD_BASE}/api/queues`).set('Cookie', second);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an administrator whose password was reset until it is changed, as every route does', async () => {
    const created = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({
        username: 'board_admin_reset',
        displayName: '看板管理员二',
        password: 'Diandan@2026',
        roles: ['ADMIN'],
        regionId: await regionId(t.ds, '320100000000'),
      });
    expect(created.status).toBe(201);
    const reset = await t
      .http()
      .post(`/api/v1/users/${(created.body as { id: number }).id}/reset-password`)
      .set('Authorization', admin)
      .send({});
    expect(reset.status).toBe(200);
    const temporary = (reset.body as { temporaryPassword: string }).temporaryPassword;
    const token = `Bearer ${(await login(t, 'board_admin_reset', temporary)).accessToken}`;
    const board = await t.http().get(`${BOARD_BASE}/api/queues`).set('Authorization', token);
    expect([board.status, (board.body as { code?: string }).code]).toEqual([403, 'IDENTITY_PASSWORD_CHANGE_REQUIRED']);
    const session = await t.http().post('/api/v1/queues/board-session').set('Authorization', token).send({});
    expect(session.status).toBe(403);
    expect(session.headers['set-cookie']).toBeUndefined();
  });

  it('lets the cookie expire', async () => {
    const short = await createTestApp({ QUEUE_BOARD_SESSION_SECONDS: 1 });
    try {
      const res = await short
        .http()
        .post('/api/v1/queues/board-session')
        .set('Authorization', await bearer(short, 'admin'))
        .send({});
      expect(res.status).toBe(200);
      expect(String([res.headers['set-cookie']].flat()[0])).toContain('Max-Age=1;');
      const cookie = cookieOf(res.headers['set-cookie']);
      const status = await pollUntil(
        async () => (await short.http().get(`${BOARD_BASE}/api/queues`).set('Cookie', cookie)).status,
        (s) => s === 401,
        10_000,
      );
      expect(status).toBe(401);
    } finally {
      await short.close();
    }
  });
});
