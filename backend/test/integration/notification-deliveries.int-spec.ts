import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Test, TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { Env, loadEnv } from '../../src/config/env';
import { DELIVERY_JOB } from '../../src/modules/notifications';
import { DeliveryJob } from '../../src/modules/notifications/jobs/delivery.job';
import { formatBeijingText } from '../../src/platform/i18n';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { WorkerModule } from '../../src/worker.module';
import { categoryIdOfItem, makeResidents, MEAL_ATTRIBUTES } from '../factories/needs.factory';
import { pollUntil } from '../support/poll';
import { bearer, createTestApp, loseRedis, TestApp } from '../support/test-app';

interface Delivery {
  id: string;
  notification_id: string;
  user_id: number;
  channel: 'EMAIL' | 'SMS';
  address: string;
  status: string;
  attempts: number;
  round: number;
  last_error: string | null;
  created_at: Date;
}

interface SmsRequest {
  at: number;
  auth: string | undefined;
  body: { to: string; text: string; reference: string };
  answered: number;
}

const SMTP_PASSWORD = 'smtp-Secret-4711';
const GATEWAY_TOKEN = 'gw-Token-0815-secret';
const BACKOFF_MS = 300;
const ATTEMPTS = 3;
/**
 * The longest wait for what a user would see: the worker also sends what other suites of the run left pending (their
 * demo users have addresses), and the reconciler's first pass re-adds all of it; polls return as soon as it is there.
 */
const WAIT = 180_000;
jest.setTimeout(2 * WAIT);

/** A real SMTP server on a free port: keeps what it received, parsed; can refuse every recipient (451) on demand. */
async function startSmtp(): Promise<{
  server: SMTPServer;
  port: number;
  mails: ParsedMail[];
  refuse: (on: boolean) => void;
}> {
  const mails: ParsedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      cb(auth.password === SMTP_PASSWORD ? null : new Error('535 bad credentials'), { user: auth.username });
    },
    onRcptTo(_address, _session, cb) {
      if (refusing)
        return cb(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }) as Error);
      cb();
    },
    onData(stream, _session, cb) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          cb();
        },
        (err: Error) => cb(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = ((server as unknown as { server: Server }).server.address() as AddressInfo).port;
  return { server, port, mails, refuse: (on) => (refusing = on) };
}

/** A small SMS gateway: records each POST; answers 500 while failing, 202 otherwise. */
async function startGateway(): Promise<{
  server: Server;
  url: string;
  requests: SmsRequest[];
  fail: (on: boolean) => void;
}> {
  const requests: SmsRequest[] = [];
  let failing = false;
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const answered = failing ? 500 : 202;
      requests.push({ at: Date.now(), auth: req.headers.authorization, body: JSON.parse(raw), answered });
      res.writeHead(answered, { 'Content-Type': 'application/json' });
      res.end(failing ? '{"error":"upstream carrier down"}' : '{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return { server, url, requests, fail: (on) => (failing = on) };
}

/**
 * Issue #12 item 4: every inbox message also goes out by e-mail and SMS to those who asked for it — through a real
 * SMTP server and an HTTP SMS gateway this test starts itself — in the recipient's language with Beijing time, with
 * retries and backoff, a list of failed deliveries an administrator retries, and never twice for a duplicated job.
 */
describe('notifications beyond the inbox: e-mail over SMTP and SMS through a gateway', () => {
  let t: TestApp;
  let worker: TestingModule | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let env: Env;
  let admin: string;
  let communityWorker: string;
  const run = Date.now().toString(36);
  const people: Record<'zh' | 'en' | 'off', { id: number; username: string; token: string; email: string }> =
    {} as never;

  const deliveriesTo = async (userId: number): Promise<Delivery[]> =>
    (await t.ds.query('SELECT * FROM notification_deliveries WHERE user_id = ? ORDER BY id', [userId])) as Delivery[];
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to && JSON.stringify(m.to).includes(address));

  async function startWorker(): Promise<TestingModule> {
    const w = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(Env)
      .useValue(env)
      .compile();
    w.useLogger(['error']);
    await w.init();
    return w;
  }

  /** A need raised by `token`'s resident in the open campaign, then accepted by the community worker. */
  async function acceptedNeed(token: string, title: string): Promise<number> {
    const [campaign] = (await t.ds.query(
      "SELECT id FROM campaigns WHERE status = 'OPEN' ORDER BY id LIMIT 1",
    )) as Array<{ id: number }>;
    const n = await t
      .http()
      .post('/api/v1/needs')
      .set('Authorization', token)
      .send({
        campaignId: campaign.id,
        categoryId: await categoryIdOfItem(t.ds, 'A0101'),
        title,
        description: '通知投递测试',
        attributes: MEAL_ATTRIBUTES,
        location: '活动中心',
      })
      .expect(201);
    await t.http().post(`/api/v1/needs/${n.body.id}/accept`).set('Authorization', communityWorker).expect(200);
    return n.body.id as number;
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    gateway = await startGateway();
    env = Object.assign(Object.create(Env.prototype) as Env, loadEnv(), {
      SMTP_URL: `smtp://diandan:${SMTP_PASSWORD}@127.0.0.1:${smtp.port}`,
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_TOKEN: GATEWAY_TOKEN,
      NOTIFY_ATTEMPTS: ATTEMPTS,
      NOTIFY_BACKOFF_MS: BACKOFF_MS,
      NOTIFY_SEND_TIMEOUT_MS: 5000,
      PUBLIC_BASE_URL: 'https://diandan.example.gov.cn',
      RECONCILE_INTERVAL_SECONDS: 3600,
    });
    t = await createTestApp(env);
    admin = await bearer(t, 'admin');
    communityWorker = await bearer(t, 'worker');
    const residents = await makeResidents(t.ds, '320106002001', 3, `nd_${run}_`);
    const keys = ['zh', 'en', 'off'] as const;
    for (const [i, key] of keys.entries()) {
      const r = residents[i];
      const token = await bearer(t, r.username);
      const email = `${key}.${run}@example.com`;
      people[key] = { id: r.userId, username: r.username, token, email };
      // each sets their own address in the profile (validated) and their language
      await t.http().patch('/api/v1/me/contact').set('Authorization', token).send({ email }).expect(200);
      await t
        .http()
        .patch('/api/v1/me/preferences')
        .set('Authorization', token)
        .send({ locale: key === 'en' ? 'en-US' : 'zh-CN' })
        .expect(200);
    }
    // 中文 resident: e-mail and SMS; the one who opted out: nothing beyond the inbox
    await t
      .http()
      .patch('/api/v1/me/contact')
      .set('Authorization', people.zh.token)
      .send({ phone: `139${String(Date.now()).slice(-8)}` })
      .expect(200);
    await t
      .http()
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', people.zh.token)
      .send({ emailEnabled: true, smsEnabled: true, muted: [] })
      .expect(200);
    await t
      .http()
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', people.off.token)
      .send({ emailEnabled: false, smsEnabled: false, muted: [] })
      .expect(200);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
    await new Promise<void>((resolve) => gateway?.server.close(() => resolve()));
  });

  it('refuses an address that is not one, and shows each user their own preferences', async () => {
    const bad = await t
      .http()
      .patch('/api/v1/me/contact')
      .set('Authorization', people.en.token)
      .send({ email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('email');
    const badPrefs = await t
      .http()
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', people.en.token)
      .send({ emailEnabled: true, smsEnabled: false, muted: ['FAX:needs'] });
    expect(badPrefs.status).toBe(400);
    const mine = await t.http().get('/api/v1/me/notification-preferences').set('Authorization', people.off.token);
    expect(mine.body).toMatchObject({ emailEnabled: false, smsEnabled: false, email: people.off.email, inbox: true });
  });

  it('writes the deliveries with the message (outbox); a job lost with Redis is rebuilt and the mails arrive in each reader’s language, in Beijing time', async () => {
    // No worker yet: the jobs wait in Redis — which then loses everything.
    const needs = {
      zh: await acceptedNeed(people.zh.token, `助餐点${run}`),
      en: await acceptedNeed(people.en.token, `Meals${run}`),
      off: await acceptedNeed(people.off.token, `不要邮件${run}`),
    };
    const zhRows = await deliveriesTo(people.zh.id);
    expect(zhRows.map((d) => [d.channel, d.status]).sort()).toEqual([
      ['EMAIL', 'PENDING'],
      ['SMS', 'PENDING'],
    ]);
    expect((await deliveriesTo(people.en.id)).map((d) => d.channel)).toEqual(['EMAIL']);
    expect(await deliveriesTo(people.off.id)).toEqual([]); // opted out: the inbox only
    const [offInbox] = (await t.ds.query('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?', [
      people.off.id,
    ])) as Array<{ n: string }>;
    expect(Number(offInbox.n)).toBeGreaterThan(0);

    await loseRedis(t);
    worker = await startWorker(); // its start-up reconcile re-adds the PENDING deliveries' jobs

    const zhMail = (
      await pollUntil(
        async () => mailsTo(people.zh.email),
        (m) => m.length >= 1,
        WAIT,
      )
    )[0];
    const enMail = (
      await pollUntil(
        async () => mailsTo(people.en.email),
        (m) => m.length >= 1,
        WAIT,
      )
    )[0];
    expect(zhMail).toBeDefined();
    expect(enMail).toBeDefined();

    // zh-CN: the inbox template's title as subject, its body, the time in Beijing time, a link to the need
    const [zhNote] = (await t.ds.query('SELECT created_at FROM notifications WHERE id = ?', [
      zhRows[0].notification_id,
    ])) as Array<{ created_at: Date }>;
    expect(zhMail.subject).toBe(`【点单】需求「助餐点${run}」已受理（开放支持）`);
    expect(zhMail.text).toContain('待审核 → 已受理');
    expect(zhMail.text).toContain(`时间：${formatBeijingText(zhNote.created_at.toISOString(), 'zh-CN')}（北京时间）`);
    expect(zhMail.text).toContain(`https://diandan.example.gov.cn/needs/${needs.zh}`);
    expect(zhMail.html).toContain(`href="https://diandan.example.gov.cn/needs/${needs.zh}"`);
    expect(zhMail.messageId).toMatch(/^<delivery-\d+@diandan\.example\.gov\.cn>$/);
    expect(zhMail.text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/); // no UTC instant

    // en-US: the same template in English
    const [enRow] = await deliveriesTo(people.en.id);
    const [enNote] = (await t.ds.query('SELECT created_at FROM notifications WHERE id = ?', [
      enRow.notification_id,
    ])) as Array<{ created_at: Date }>;
    expect(enMail.subject).toBe(`[Diandan] Need “Meals${run}”: accepted (open for support)`);
    expect(enMail.text).toContain(
      `Time: ${formatBeijingText(enNote.created_at.toISOString(), 'en-US')} (Beijing time)`,
    );
    expect(enMail.text).not.toMatch(/[\u4e00-\u9fff]{2}/); // no Chinese of its own (the need title is ASCII here)
    expect(mailsTo(people.off.email)).toEqual([]);

    // the SMS: short, zh-CN, through the gateway with the token
    const sms = await pollUntil(
      async () => gateway.requests.filter((r) => r.body.to.startsWith('139')),
      (r) => r.length >= 1,
      WAIT,
    );
    expect(sms[0].auth).toBe(`Bearer ${GATEWAY_TOKEN}`);
    expect(sms[0].body.text.startsWith('【点单】需求「')).toBe(true);
    expect([...sms[0].body.text].length).toBeLessThanOrEqual(70);

    const settled = await pollUntil(
      () => deliveriesTo(people.zh.id),
      (rows) => rows.every((d) => d.status === 'SENT'),
      WAIT,
    );
    expect(settled.map((d) => [d.status, d.attempts])).toEqual([
      ['SENT', 1],
      ['SENT', 1],
    ]);
  });

  it('a gateway answering 500 is retried with backoff, lands in the failed list, and an administrator’s retry sends it once', async () => {
    gateway.fail(true);
    const before = gateway.requests.length;
    const needId = await acceptedNeed(people.zh.token, `短信失败${run}`);
    const [smsRow] = (await t.ds.query(
      "SELECT d.* FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.user_id = ? AND d.channel = 'SMS' AND n.need_id = ?",
      [people.zh.id, needId],
    )) as Delivery[];
    const failed = await pollUntil(
      async () => (await t.ds.query('SELECT * FROM notification_deliveries WHERE id = ?', [smsRow.id]))[0] as Delivery,
      (d) => d.status === 'FAILED',
      WAIT,
    );
    expect(failed).toMatchObject({ status: 'FAILED', attempts: ATTEMPTS, round: 0 });
    expect(failed.last_error).toContain('HTTP 500');
    expect(failed.last_error).not.toContain(GATEWAY_TOKEN);
    const tries = gateway.requests.slice(before).filter((r) => r.body.reference === String(smsRow.id));
    expect(tries).toHaveLength(ATTEMPTS);
    // exponential backoff: at least BACKOFF_MS, then at least twice that, between the attempts
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(BACKOFF_MS - 20);
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(2 * BACKOFF_MS - 20);

    // listed for the administrator, with the desk item pointing there
    const list = await t
      .http()
      .get('/api/v1/notifications/deliveries?status=FAILED&channel=SMS&pageSize=100')
      .set('Authorization', admin)
      .expect(200);
    const listed = (list.body.items as Array<{ id: string; title: string; username: string; lastError: string }>).find(
      (d) => d.id === String(smsRow.id),
    );
    expect(listed).toMatchObject({ username: people.zh.username, title: `需求「短信失败${run}」已受理（开放支持）` });
    const desk = await t.http().get('/api/v1/desk').set('Authorization', admin).expect(200);
    const item = (desk.body.items as Array<{ kind: string; count: number; route: string }>).find(
      (i) => i.kind === 'notifications.deliveries_failed',
    );
    expect(item?.route).toBe('/admin/deliveries');
    expect(item?.count).toBeGreaterThanOrEqual(1);

    // the gateway works again; a second retry of the same delivery is refused while the first is under way or done
    gateway.fail(false);
    const retried = await t
      .http()
      .post(`/api/v1/notifications/deliveries/${smsRow.id}/retry`)
      .set('Authorization', admin)
      .send({})
      .expect(200);
    expect(retried.body).toMatchObject({ round: 1 });
    const sent = await pollUntil(
      async () => (await t.ds.query('SELECT * FROM notification_deliveries WHERE id = ?', [smsRow.id]))[0] as Delivery,
      (d) => d.status === 'SENT',
      WAIT,
    );
    expect(sent).toMatchObject({ status: 'SENT', attempts: ATTEMPTS + 1, round: 1 });
    const again = await t
      .http()
      .post(`/api/v1/notifications/deliveries/${smsRow.id}/retry`)
      .set('Authorization', admin)
      .send({});
    expect(again.status).toBe(409);
    const delivered = gateway.requests.filter((r) => r.body.reference === String(smsRow.id) && r.answered === 202);
    expect(delivered).toHaveLength(1);
    const [audit] = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'notifications.delivery.retried' AND entity_id = ?",
      [String(smsRow.id)],
    )) as Array<{ n: string }>;
    expect(Number(audit.n)).toBe(1);
  });

  it('an SMTP server refusing the recipient: retried, FAILED without the password in the error, then "retry all" delivers it once', async () => {
    smtp.refuse(true);
    const needId = await acceptedNeed(people.en.token, `Refused${run}`);
    const [row] = (await t.ds.query(
      "SELECT d.* FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.user_id = ? AND d.channel = 'EMAIL' AND n.need_id = ?",
      [people.en.id, needId],
    )) as Delivery[];
    const failed = await pollUntil(
      async () => (await t.ds.query('SELECT * FROM notification_deliveries WHERE id = ?', [row.id]))[0] as Delivery,
      (d) => d.status === 'FAILED',
      WAIT,
    );
    expect(failed.attempts).toBe(ATTEMPTS);
    expect(failed.last_error).toContain('451');
    expect(failed.last_error).not.toContain(SMTP_PASSWORD);

    smtp.refuse(false);
    const res = await t
      .http()
      .post('/api/v1/notifications/deliveries/retry-failed')
      .set('Authorization', admin)
      .send({ channel: 'EMAIL' })
      .expect(200);
    expect(res.body.retried).toBeGreaterThanOrEqual(1);
    await pollUntil(
      async () => (await t.ds.query('SELECT status FROM notification_deliveries WHERE id = ?', [row.id]))[0],
      (d: { status: string }) => d.status === 'SENT',
      WAIT,
    );
    const arrived = mailsTo(people.en.email).filter((m) => m.subject?.includes(`Refused${run}`));
    expect(arrived).toHaveLength(1);
  });

  it('a duplicated job never sends twice', async () => {
    const needId = await acceptedNeed(people.en.token, `Twice${run}`);
    const [row] = (await t.ds.query(
      'SELECT d.* FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.user_id = ? AND n.need_id = ?',
      [people.en.id, needId],
    )) as Delivery[];
    // the worker's own job, two more handlers at once, and a copy of the job under another id
    const job = (worker as TestingModule).get(DeliveryJob);
    const queue = (worker as TestingModule).get(Deadlines).queue(QUEUES.NOTIFICATIONS) as Queue;
    const payload = { deliveryId: String(row.id), round: 0 };
    const [a, b] = await Promise.all([job.handle(payload), job.handle(payload)]);
    const copy = await queue.add(DELIVERY_JOB, payload, { jobId: `duplicate-${row.id}` });
    await pollUntil(
      async () => copy.getState(),
      (s) => s === 'completed' || s === 'failed',
      WAIT,
    );
    const results = [a.result, b.result];
    expect(results.filter((r) => r === 'SENT').length).toBeLessThanOrEqual(1);
    expect(await copy.getState()).toBe('completed');
    // the worker's own job for the delivery has finished too (whoever claimed first sent it)
    const own = await queue.getJob(`${DELIVERY_JOB}__${row.id}__0`);
    await pollUntil(
      async () => (own ? own.getState() : 'completed'),
      (s) => s === 'completed',
      WAIT,
    );
    const [settled] = (await t.ds.query('SELECT * FROM notification_deliveries WHERE id = ?', [row.id])) as Delivery[];
    expect(settled).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(mailsTo(people.en.email).filter((m) => m.subject?.includes(`Twice${run}`))).toHaveLength(1);
  });
});
