import { INestApplicationContext } from '@nestjs/common';

import { BidsService, TENDER_DEADLINE_JOB, TendersService } from '../../src/modules/procurement';
import { ObjectionsService } from '../../src/modules/procurement/services/objections.service';
import { tenderJob } from '../../src/modules/procurement/services/procurement-deadlines';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import {
  activeLineId,
  approvedNeed,
  approvedProject,
  bidBody,
  deadlineIn,
  deadlinePassed,
  makeBidders,
  mealItemId,
  PLAN,
  publishedTender,
  sleep,
  tenderBody,
} from '../factories/procurement.factory';
import { bearer, createTestApp, createTestWorker, loseRedis, regionId, TestApp } from '../support/test-app';

describe('社会组织接单: projects, tenders, sealed bids, opening, scoring, award, objections', () => {
  let t: TestApp;
  let tenders: TendersService;
  const as: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tenders = t.app.get(TendersService);
    for (const u of [
      'officer',
      'xw_officer',
      'finance',
      'admin',
      'auditor',
      'orgmember',
      'orgmember2',
      'orgmember3',
      'xw_orgmember',
      'expert',
      'resident',
    ])
      as[u] = await bearer(t, u);
  });
  afterAll(() => t.close());

  /** The status transitions of a tender, as its audit events, in order. */
  const tenderTransitions = async (id: number): Promise<string[]> =>
    (
      (await t.ds.query(
        "SELECT action FROM audit_events WHERE entity_type = 'tender' AND entity_id = ? AND action IN ('procurement.tender.closed', 'procurement.tender.opened', 'procurement.tender.failed') ORDER BY seq",
        [String(id)],
      )) as Array<{ action: string }>
    ).map((a) => a.action);
  const tenderRow = async (id: number) =>
    ((await t.ds.query('SELECT * FROM tenders WHERE id = ?', [id])) as Array<Record<string, unknown>>)[0];
  const bid = (user: string, id: number, price: string) =>
    t.http().put(`/api/v1/tenders/${id}/my-bid`).set('Authorization', as[user]).send(bidBody(price));

  async function openNow(id: number): Promise<void> {
    await deadlinePassed(t, id);
    expect((await tenders.deadlineTick(id)).result).not.toBe('NOT_DUE');
  }

  /** The experts on the committee, signed in. */
  async function committee(id: number): Promise<Array<{ expertId: number; token: string }>> {
    const rows = (await t.ds.query(
      'SELECT u.id, u.username FROM committee_members c JOIN users u ON u.id = c.expert_id WHERE c.tender_id = ?',
      [id],
    )) as Array<{ id: number; username: string }>;
    return Promise.all(rows.map(async (r) => ({ expertId: r.id, token: await bearer(t, r.username) })));
  }

  describe('projects', () => {
    it('reserves the estimate on approval and moves the needs to IN_PROCUREMENT, notifying the resident', async () => {
      const line = await activeLineId(t);
      const [before] = await t.ds.query('SELECT reserved_fen FROM budget_lines WHERE id = ?', [line]);
      const id = await approvedProject(t, '项目预留测试');
      const [after] = await t.ds.query('SELECT reserved_fen FROM budget_lines WHERE id = ?', [line]);
      expect(BigInt(after.reserved_fen) - BigInt(before.reserved_fen)).toBe(1_000_000n);
      const p = await t.http().get(`/api/v1/projects/${id}`).set('Authorization', as.officer);
      expect(p.body).toMatchObject({ status: 'APPROVED', estimatedAmount: '10000.00' });
      const [need] = await t.ds.query('SELECT status, submitted_by FROM needs WHERE id = ?', [p.body.needIds[0]]);
      expect(need.status).toBe('IN_PROCUREMENT');
      const inbox = await t.http().get('/api/v1/inbox').set('Authorization', as.resident);
      expect(inbox.body.items.some((m: { title: string }) => m.title.includes('采购中'))).toBe(true);

      const cancel = await t
        .http()
        .post(`/api/v1/projects/${id}/cancel`)
        .set('Authorization', as.officer)
        .send({ reason: '需求变更' });
      expect(cancel.body.status).toBe('CANCELLED');
      const [released] = await t.ds.query('SELECT reserved_fen FROM budget_lines WHERE id = ?', [line]);
      expect(released.reserved_fen).toBe(before.reserved_fen);
      const [back] = await t.ds.query('SELECT status FROM needs WHERE id = ?', [p.body.needIds[0]]);
      expect(back.status).toBe('APPROVED');
    });

    it('refuses a unit price above the catalogue cap, a breakdown that does not add up, and a need that is not approved', async () => {
      const need = await approvedNeed(t, '价格上限测试');
      const base = {
        title: '上限测试',
        regionId: await regionId(t.ds, '320106002001'),
        catalogueItemId: await mealItemId(t),
        needIds: [need],
        quantity: 800,
        unitPrice: '12.50',
        budgetLineId: await activeLineId(t),
        plan: PLAN,
      };
      const cap = await t
        .http()
        .post('/api/v1/projects')
        .set('Authorization', as.officer)
        .send({ ...base, unitPrice: '999.00' });
      expect(cap.status).toBe(422);
      expect(cap.body.errors[0].field).toBe('unitPrice');
      const sum = await t
        .http()
        .post('/api/v1/projects')
        .set('Authorization', as.officer)
        .send({ ...base, quantity: 801 });
      expect(sum.body.errors[0].field).toBe('plan.budget');
      const [accepted] = await t.ds.query("SELECT id FROM needs WHERE status = 'ACCEPTED' LIMIT 1");
      const notApproved = await t
        .http()
        .post('/api/v1/projects')
        .set('Authorization', as.officer)
        .send({ ...base, needIds: [accepted.id] });
      expect(notApproved.status).toBe(422);
      expect(await t.ds.query('SELECT id FROM projects WHERE title = ?', ['上限测试'])).toHaveLength(0);
    });

    it('keeps approval from the officer who drafted it and projects from other districts', async () => {
      const need = await approvedNeed(t, '职责分离测试');
      const p = await t
        .http()
        .post('/api/v1/projects')
        .set('Authorization', as.officer)
        .send({
          title: '职责分离',
          regionId: await regionId(t.ds, '320106002001'),
          catalogueItemId: await mealItemId(t),
          needIds: [need],
          quantity: 800,
          unitPrice: '12.50',
          budgetLineId: await activeLineId(t),
          plan: PLAN,
        });
      await t.http().post(`/api/v1/projects/${p.body.id}/submit`).set('Authorization', as.officer).expect(200);
      expect(
        (await t.http().post(`/api/v1/projects/${p.body.id}/approve`).set('Authorization', as.officer).send({})).status,
      ).toBe(403);
      expect((await t.http().get(`/api/v1/projects/${p.body.id}`).set('Authorization', as.xw_officer)).status).toBe(
        404,
      );
      expect((await t.http().get(`/api/v1/projects/${p.body.id}`).set('Authorization', as.orgmember)).status).toBe(403);
    });
  });

  describe('tenders and sealed bids', () => {
    it('refuses a deadline shorter than the legal minimum period (open tender: 20 days)', async () => {
      const projectId = await approvedProject(t, '期限测试');
      const c = await t
        .http()
        .post('/api/v1/tenders')
        .set('Authorization', as.officer)
        .send(tenderBody(projectId, { bidDeadline: new Date(Date.now() + 5 * 86_400_000).toISOString() }));
      const p = await t.http().post(`/api/v1/tenders/${c.body.id}/publish`).set('Authorization', as.officer);
      expect(p.status).toBe(422);
      expect(p.body.code).toBe('TENDER_PERIOD_TOO_SHORT');
      expect(p.body.errors[0].field).toBe('bidDeadline');
      expect((await tenderRow(c.body.id)).status).toBe('DRAFT');
      const rfq = await t
        .http()
        .put(`/api/v1/tenders/${c.body.id}`)
        .set('Authorization', as.officer)
        .send(
          tenderBody(projectId, {
            method: 'REQUEST_FOR_QUOTATION',
            committeeSize: 3,
            bidDeadline: new Date(Date.now() + 6 * 86_400_000).toISOString(),
          }),
        );
      expect(rfq.status).toBe(200);
      expect(
        (await t.http().post(`/api/v1/tenders/${c.body.id}/publish`).set('Authorization', as.officer)).status,
      ).toBe(200);
    });

    it('refuses a price weight under 10 % and an even committee', async () => {
      const projectId = await approvedProject(t, '方案校验');
      const w = await t
        .http()
        .post('/api/v1/tenders')
        .set('Authorization', as.officer)
        .send(tenderBody(projectId, { priceWeight: 5, criteria: [{ code: 'PLAN', name: '方案', maxScore: '95' }] }));
      expect(w.status).toBe(422);
      expect(w.body.errors[0].field).toBe('criteria');
      const c = await t
        .http()
        .post('/api/v1/tenders')
        .set('Authorization', as.officer)
        .send(tenderBody(projectId, { committeeSize: 6 }));
      expect(c.body.errors[0].field).toBe('committeeSize');
    });

    it('keeps bids sealed: no content, count or trace for any other role before opening', async () => {
      const id = await publishedTender(t, '密封测试');
      const chainBefore = (await t.http().get('/api/v1/audit/verify').set('Authorization', as.auditor)).body
        .checked as number;
      const inboxBefore = (await t.http().get('/api/v1/inbox').set('Authorization', as.officer)).body.total as number;
      const receipt = await bid('orgmember', id, '9000.00');
      expect(receipt.status).toBe(200);
      expect(receipt.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      await bid('orgmember2', id, '9100.00').expect(200);
      // the chain's length and the officer's inbox did not move: nothing counts the bids
      expect((await t.http().get('/api/v1/audit/verify').set('Authorization', as.auditor)).body.checked).toBe(
        chainBefore,
      );
      expect((await t.http().get('/api/v1/inbox').set('Authorization', as.officer)).body.total).toBe(inboxBefore);

      for (const who of [
        'officer',
        'auditor',
        'admin',
        'finance',
        'orgmember3',
        'orgmember2',
        'expert',
        'xw_officer',
      ]) {
        const res = await t.http().get(`/api/v1/tenders/${id}/bids`).set('Authorization', as[who]);
        expect([403, 404, 409]).toContain(res.status);
        expect(JSON.stringify(res.body)).not.toContain(receipt.body.bidId);
        const doc = await t
          .http()
          .get(`/api/v1/tenders/${id}/bids/${receipt.body.bidId}/documents/${receipt.body.bidId}`)
          .set('Authorization', as[who]);
        expect([403, 404, 409]).toContain(doc.status);
      }
      for (const who of ['officer', 'auditor', 'orgmember3']) {
        const one = await t.http().get(`/api/v1/tenders/${id}`).set('Authorization', as[who]);
        expect(one.body.bidCount).toBeNull();
        const list = await t.http().get('/api/v1/tenders').set('Authorization', as[who]);
        expect(list.body.items.find((x: { id: number }) => x.id === id)?.bidCount ?? null).toBeNull();
        expect(JSON.stringify(one.body)).not.toMatch(/9000\.00|9100\.00/);
      }
      // the audit trail holds nothing about the bids (or the interest registrations) until opening
      // (the denied requests above are audited with the path the caller typed, which is all they knew)
      const audit = await t.http().get('/api/v1/audit?pageSize=100').set('Authorization', as.auditor);
      const traces = (
        audit.body.items as Array<{ action: string; entityId: string | null; after: { tenderId?: number } | null }>
      ).filter((e) => e.action !== 'access.denied');
      expect(JSON.stringify(traces)).not.toContain(receipt.body.bidId);
      // about this tender (other suites' openings, run before this one, rightly left theirs in the trail)
      const ours = traces.filter((e) => e.entityId === String(id) || e.after?.tenderId === id);
      expect(ours.length).toBeGreaterThan(0);
      expect(JSON.stringify(ours)).not.toMatch(/procurement\.bid\.|interest_registered/);
      const rows = await t.ds.query(
        "SELECT COUNT(*) AS n FROM audit_events WHERE action LIKE 'procurement.bid%' AND after_json LIKE ?",
        [`%"tenderId":${id}%`],
      );
      expect(Number(rows[0].n)).toBe(0);
      // another bidder sees only its own bid
      const mine = await t.http().get(`/api/v1/tenders/${id}/my-bid`).set('Authorization', as.orgmember2);
      expect(mine.body.price).toBe('9100.00');
      expect((await t.http().get(`/api/v1/tenders/${id}/my-bid`).set('Authorization', as.orgmember3)).status).toBe(404);
      // the public portal shows the call, never the bids
      const pub = await t.http().get(`/api/v1/public/tenders/${id}`);
      expect(pub.status).toBe(200);
      expect(JSON.stringify(pub.body)).not.toMatch(/9000\.00|9100\.00|bidCount/);
    });

    it('decides lateness by the database clock inside the write transaction', async () => {
      const id = await publishedTender(t, '截止边界');
      await deadlineIn(t, id, 3);
      const [{ bid_deadline: deadline }] = await t.ds.query('SELECT bid_deadline FROM tenders WHERE id = ?', [id]);
      const dbNow = async () => (await t.ds.query('SELECT UTC_TIMESTAMP(3) AS now'))[0].now as Date;
      // The test holds the tender row: a bid passes the quick check on time, then waits for the row inside its write
      // transaction. The clock read there, after the wait, decides.
      const holder = t.ds.createQueryRunner();
      await holder.connect();
      const holdTender = async () => {
        await holder.startTransaction();
        await holder.query('SELECT id FROM tenders WHERE id = ? FOR UPDATE', [id]);
      };
      const bidWaitingOnTheRow = async () => {
        const until = Date.now() + 10_000;
        while (Date.now() < until) {
          const rows = await t.ds.query(
            "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE '%FROM tenders WHERE id = % LOCK IN SHARE MODE%'",
            [t.env.DB_NAME],
          );
          if (rows.length === 1) return;
          await sleep(20);
        }
        throw new Error('the bid never waited on the tender row');
      };
      try {
        // released before the deadline: taken, sealed at a time before it
        await holdTender();
        const onTime = bid('orgmember', id, '9000.00').then((r) => r);
        await bidWaitingOnTheRow();
        await holder.rollbackTransaction();
        const taken = await onTime;
        expect(taken.status).toBe(200);
        expect(new Date(taken.body.submittedAt).getTime()).toBeLessThan((deadline as Date).getTime());

        // on time at the door, but the row is released only after the deadline has passed: refused
        await holdTender();
        const held = bid('orgmember2', id, '9000.00').then((r) => r);
        await bidWaitingOnTheRow();
        expect((await dbNow()).getTime()).toBeLessThan((deadline as Date).getTime()); // it arrived on time
        while ((await dbNow()).getTime() < (deadline as Date).getTime()) await sleep(50);
        await holder.rollbackTransaction();
        const late = await held;
        expect(late.status).toBe(409);
        expect(late.body.code).toBe('BID_LATE');
        expect(new Date(late.body.serverTime).getTime()).toBeGreaterThanOrEqual((deadline as Date).getTime());
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
      const rows = await t.ds.query('SELECT organisation_id, submitted_at FROM bids WHERE tender_id = ?', [id]);
      expect(rows).toHaveLength(1);
      expect((rows[0].submitted_at as Date).getTime()).toBeLessThan((deadline as Date).getTime());
    });

    it('under a burst across the deadline, accepts exactly the bids the database clock saw in time and loses none', async () => {
      const bidders = await makeBidders(t, 60, 'burst');
      const bids = t.app.get(BidsService);
      type Outcome =
        | { ok: true; receipt: { bidId: string; submittedAt: string } }
        | { ok: false; code?: string; serverTime?: string };
      // All 60 bids at once, no pacing, with the deadline a moment ahead so that it passes during the burst. How long
      // a burst takes depends on the machine: if one lands wholly on one side, the next try moves the deadline.
      let aheadMs = 250;
      for (let attempt = 1; ; attempt++) {
        const id = await publishedTender(t, `截止并发${attempt}`);
        await deadlineIn(t, id, aheadMs / 1000);
        const [{ now: startedAt, deadline }] = (await t.ds.query(
          'SELECT UTC_TIMESTAMP(3) AS now, bid_deadline AS deadline FROM tenders WHERE id = ?',
          [id],
        )) as Array<{ now: Date; deadline: Date }>;
        // The deadline job runs as in production: it closes (and opens) the tender the moment the clock says so,
        // while the burst is still coming in.
        const closing = (async () => {
          for (;;) {
            const r = await tenders.deadlineTick(id);
            if (!('dueInMs' in r)) return r.result;
            await sleep(r.dueInMs);
          }
        })();
        const results: Outcome[] = await Promise.all(
          bidders.map(async (a) => {
            try {
              return { ok: true as const, receipt: await bids.submit(a, id, bidBody('9000.00') as never) };
            } catch (e) {
              const err = e as { code?: string; extra?: { serverTime?: string } };
              return { ok: false as const, code: err.code, serverTime: err.extra?.serverTime };
            }
          }),
        );
        expect(await closing).toMatch(/^(OPENED|FAILED)$/);
        const accepted = results.filter((r): r is Extract<Outcome, { ok: true }> => r.ok);
        const refused = results.filter((r): r is Extract<Outcome, { ok: false }> => !r.ok);
        if ((accepted.length === 0 || refused.length === 0) && attempt < 6) {
          const times = (
            accepted.length ? accepted.map((r) => r.receipt.submittedAt) : refused.map((r) => r.serverTime)
          )
            .map((x) => new Date(x as string).getTime() - startedAt.getTime())
            .sort((x, y) => x - y);
          aheadMs = Math.max(20, times[Math.floor(times.length / 2)]); // the deadline at the burst's middle
          continue;
        }
        expect(startedAt.getTime()).toBeLessThan(deadline.getTime()); // not set in the past: it passed during the burst
        expect(accepted.length).toBeGreaterThan(0);
        expect(refused.length).toBeGreaterThan(0);
        expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['BID_LATE']));
        // From the database: exactly the accepted bids are there (none lost, none extra), each sealed before the
        // deadline; every refusal was decided at or after it.
        const rows = (await t.ds.query('SELECT id, submitted_at FROM bids WHERE tender_id = ?', [id])) as Array<{
          id: string;
          submitted_at: Date;
        }>;
        expect(rows.map((r) => r.id).sort()).toEqual(accepted.map((r) => r.receipt.bidId).sort());
        for (const r of rows) expect(r.submitted_at.getTime()).toBeLessThan(deadline.getTime());
        for (const r of accepted)
          expect(new Date(r.receipt.submittedAt).getTime()).toBe(
            rows.find((x) => x.id === r.receipt.bidId)?.submitted_at.getTime(),
          );
        for (const r of refused)
          expect(new Date(r.serverTime as string).getTime()).toBeGreaterThanOrEqual(deadline.getTime());
        // and the opening took every accepted bid, and only those
        const [opening] = await t.ds.query(
          "SELECT after_json FROM audit_events WHERE action = 'procurement.tender.opened' AND entity_type = 'tender' AND entity_id = ?",
          [String(id)],
        );
        const receipts = (JSON.parse(opening.after_json) as { receipts: Array<{ bidId: string }> }).receipts;
        expect(receipts.map((r) => r.bidId).sort()).toEqual(accepted.map((r) => r.receipt.bidId).sort());
        break;
      }
    });

    it('lets a bidder replace and withdraw before the deadline; the receipt changes with the content', async () => {
      const id = await publishedTender(t, '替换撤回');
      const first = await bid('orgmember', id, '9000.00');
      const second = await bid('orgmember', id, '8900.00');
      expect(second.body.version).toBe(2);
      expect(second.body.sha256).not.toBe(first.body.sha256);
      const statuses = await t.ds.query('SELECT status FROM bids WHERE tender_id = ? ORDER BY version', [id]);
      expect(statuses.map((r: { status: string }) => r.status)).toEqual(['REPLACED', 'SUBMITTED']);
      const w = await t.http().delete(`/api/v1/tenders/${id}/my-bid`).set('Authorization', as.orgmember);
      expect(w.body.status).toBe('WITHDRAWN');
      expect((await t.http().delete(`/api/v1/tenders/${id}/my-bid`).set('Authorization', as.orgmember)).status).toBe(
        404,
      );
      const over = await bid('orgmember', id, '9800.01');
      expect(over.status).toBe(422);
      expect(over.body.errors[0].field).toBe('price');
    });

    it('takes a bid with a 2 MB document (over the global 1 MB body limit) and refuses one over 5 MB', async () => {
      const id = await publishedTender(t, '大文件');
      const pdf = (bytes: number) =>
        Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes, 0x20)]).toString('base64');
      const big = await t
        .http()
        .put(`/api/v1/tenders/${id}/my-bid`)
        .set('Authorization', as.orgmember)
        .send({ ...bidBody('9000.00'), documents: [{ fileName: '方案.pdf', contentBase64: pdf(2 * 1024 * 1024) }] });
      expect(big.status).toBe(200);
      const [doc] = await t.ds.query(
        'SELECT size FROM bid_documents d JOIN bids b ON b.id = d.bid_id WHERE b.tender_id = ?',
        [id],
      );
      expect(doc.size).toBeGreaterThan(2 * 1024 * 1024);
      const huge = await t
        .http()
        .put(`/api/v1/tenders/${id}/my-bid`)
        .set('Authorization', as.orgmember)
        .send({
          ...bidBody('8900.00'),
          documents: [{ fileName: '方案.pdf', contentBase64: pdf(5 * 1024 * 1024 + 1) }],
        });
      expect(huge.status).toBe(422);
      expect(huge.body.errors[0].field).toBe('documents[0].contentBase64');
      expect(await t.ds.query('SELECT id FROM bids WHERE tender_id = ?', [id])).toHaveLength(1);
    });

    it('refuses bids from an organisation outside the tender region', async () => {
      const id = await publishedTender(t, '资格区域');
      const res = await bid('xw_orgmember', id, '9000.00');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('BID_NOT_ELIGIBLE');
    });

    it('moves the deadline on a late amendment and sets aside bids not confirmed again', async () => {
      const id = await publishedTender(t, '更正公告');
      await bid('orgmember', id, '9000.00').expect(200);
      await bid('orgmember2', id, '9100.00').expect(200);
      await bid('orgmember3', id, '9200.00').expect(200);
      await deadlineIn(t, id, 5 * 86_400);
      const before = new Date((await tenderRow(id)).bid_deadline as Date);
      const a = await t
        .http()
        .post(`/api/v1/tenders/${id}/amendments`)
        .set('Authorization', as.officer)
        .send({ body: '服务人数调整为 50 人', affectsPreparation: true });
      expect(a.status).toBe(200);
      expect(new Date(a.body.bidDeadline).getTime() - before.getTime()).toBeGreaterThanOrEqual(10 * 86_400_000);
      const mine = await t.http().get(`/api/v1/tenders/${id}/my-bid`).set('Authorization', as.orgmember);
      expect(mine.body.needsReconfirm).toBe(true);
      expect(
        (await t.http().post(`/api/v1/tenders/${id}/my-bid/reconfirm`).set('Authorization', as.orgmember)).status,
      ).toBe(200);
      expect(
        (await t.http().post(`/api/v1/tenders/${id}/my-bid/reconfirm`).set('Authorization', as.orgmember2)).status,
      ).toBe(200);
      await openNow(id);
      const bids = await t.http().get(`/api/v1/tenders/${id}/bids`).set('Authorization', as.officer);
      const byOrg = Object.fromEntries(
        bids.body.map((b: { organisationName: string; status: string }) => [b.organisationName, b.status]),
      );
      expect(Object.values(byOrg).sort()).toEqual(['DISQUALIFIED', 'NOT_AWARDED', 'NOT_AWARDED']);
      expect((await tenderRow(id)).status).toBe('FAILED'); // an open tender with 2 valid bids fails
    });
  });

  describe('opening, committee, scoring, award and objections', () => {
    it('fails an open tender with 2 bids (流标) and returns the project for a re-tender', async () => {
      const id = await publishedTender(t, '流标测试');
      await bid('orgmember', id, '9000.00').expect(200);
      await bid('orgmember2', id, '9100.00').expect(200);
      await openNow(id);
      const row = await tenderRow(id);
      expect(row.status).toBe('FAILED');
      const [p] = await t.ds.query('SELECT status FROM projects WHERE id = ?', [row.project_id]);
      expect(p.status).toBe('APPROVED');
      expect((await tenders.deadlineTick(id)).result).toBe('NOTHING_TO_DO');
      const bids = await t.http().get(`/api/v1/tenders/${id}/bids`).set('Authorization', as.orgmember);
      expect(bids.body.map((b: { status: string }) => b.status)).toEqual(['NOT_AWARDED', 'NOT_AWARDED']);
      expect(
        bids.body.find((b: { organisationName: string }) => b.organisationName.includes('邻里'))?.technical,
      ).toEqual({});
    });

    async function throughEvaluation(
      title: string,
    ): Promise<{ id: number; experts: Array<{ expertId: number; token: string }>; bidIds: Record<string, string> }> {
      const id = await publishedTender(t, title);
      const bidIds: Record<string, string> = {};
      for (const [u, price] of [
        ['orgmember', '9000.00'],
        ['orgmember2', '8500.00'],
        ['orgmember3', '9500.00'],
      ])
        bidIds[u] = (await bid(u, id, price)).body.bidId;
      await openNow(id);
      const opened = await t.http().get(`/api/v1/tenders/${id}`).set('Authorization', as.officer);
      expect(opened.body).toMatchObject({ status: 'OPENED', bidCount: 3 });
      await t
        .http()
        .post(`/api/v1/tenders/${id}/qualification`)
        .set('Authorization', as.officer)
        .send({ decisions: Object.values(bidIds).map((bidId) => ({ bidId, qualified: true })) })
        .expect(204);
      const c = await t.http().post(`/api/v1/tenders/${id}/committee/draw`).set('Authorization', as.officer);
      expect(c.status).toBe(200);
      expect(c.body.members).toHaveLength(5);
      expect((await t.http().get(`/api/v1/tenders/${id}/committee`).set('Authorization', as.orgmember)).status).toBe(
        404,
      ); // names confidential to bidders
      const experts = await committee(id);
      for (const e of experts) {
        const sheets = Object.values(bidIds).map((bidId, i) => ({
          bidId,
          scores: { PLAN: String(30 + i), TEAM: '20.5' },
        }));
        expect(
          (await t.http().put(`/api/v1/tenders/${id}/my-scores`).set('Authorization', e.token).send({ sheets })).status,
        ).toBe(200);
      }
      return { id, experts, bidIds };
    }

    it('draws a committee without the conflicted expert, scores, ranks and awards after the objection window', async () => {
      const { id, experts, bidIds } = await throughEvaluation('完整流程');
      const [ex7] = await t.ds.query("SELECT id FROM users WHERE username = 'expert7'");
      expect(experts.map((e) => e.expertId)).not.toContain(ex7.id);
      const c = await t.http().get(`/api/v1/tenders/${id}/committee`).set('Authorization', as.officer);
      expect(c.body.excluded).toEqual([
        expect.objectContaining({ expertId: ex7.id, reason: expect.stringContaining('3 年内') }),
      ]);

      expect((await tenderRow(id)).status).toBe('RECOMMENDED');
      const report = await t.http().get(`/api/v1/tenders/${id}/report`).set('Authorization', as.officer);
      // price scores: lowest 8 500 → 30.00, 85/90×30 = 28.33, 85/95×30 = 26.84; technical 30+20.5 / 31+20.5 / 32+20.5
      expect(
        report.body.ranking.map((r: { bidId: string; totalScore: string; rank: number }) => [
          r.bidId,
          r.totalScore,
          r.rank,
        ]),
      ).toEqual([
        [bidIds.orgmember2, '81.50', 1],
        [bidIds.orgmember3, '79.34', 2],
        [bidIds.orgmember, '78.83', 3],
      ]);
      expect(report.body.recommended).toEqual([bidIds.orgmember2]);
      const xlsx = await t
        .http()
        .get(`/api/v1/tenders/${id}/report.xlsx`)
        .set('Authorization', as.officer)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(xlsx.status).toBe(200);
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      expect((await t.http().get(`/api/v1/tenders/${id}/report`).set('Authorization', as.orgmember)).status).toBe(409);
      // a second sheet from the same expert is refused
      expect(
        (
          await t
            .http()
            .put(`/api/v1/tenders/${id}/my-scores`)
            .set('Authorization', experts[0].token)
            .send({ sheets: [{ bidId: bidIds.orgmember, scores: { PLAN: '1', TEAM: '1' } }] })
        ).status,
      ).toBe(409);

      const award = await t.http().post(`/api/v1/tenders/${id}/award`).set('Authorization', as.officer).send({});
      expect(award.body).toMatchObject({
        status: 'AWARD_NOTICE',
        winnerBidId: bidIds.orgmember2,
        winnerPrice: '8500.00',
      });
      const pub = await t.http().get('/api/v1/public/tenders?kind=AWARD_NOTICE');
      expect(
        pub.body.items.some((x: { id: number; winnerName: string }) => x.id === id && x.winnerName.includes('邻里')),
      ).toBe(true);

      const obj = await t
        .http()
        .post(`/api/v1/tenders/${id}/objections`)
        .set('Authorization', as.orgmember)
        .send({ grounds: '评分标准执行不一致，请复核技术分。' });
      expect(obj.status).toBe(201);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/tenders/${id}/objections`)
            .set('Authorization', as.xw_orgmember)
            .send({ grounds: '我没有投标但是想质疑一下结果。' })
        ).status,
      ).toBe(404);
      await t.ds.query(
        'UPDATE tenders SET objection_window_ends_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?',
        [id],
      );
      expect((await tenders.objectionWindowTick(id)).result).toBe('OBJECTIONS_OPEN');
      const late = await t
        .http()
        .post(`/api/v1/tenders/${id}/objections`)
        .set('Authorization', as.orgmember3)
        .send({ grounds: '窗口已经关闭之后提出的质疑。' });
      expect(late.status).toBe(409);
      await t.http().post(`/api/v1/objections/${obj.body.id}/review`).set('Authorization', as.officer).expect(200);
      const ans = await t
        .http()
        .post(`/api/v1/objections/${obj.body.id}/answer`)
        .set('Authorization', as.officer)
        .send({ outcome: 'DISMISSED', answer: '经复核，评分符合评分细则。' });
      expect(ans.body.status).toBe('DISMISSED');
      const final = await tenderRow(id);
      expect(final.status).toBe('AWARDED');
      const [project] = await t.ds.query('SELECT status FROM projects WHERE id = ?', [final.project_id]);
      expect(project.status).toBe('AWARDED');
      const [record] = await t.ds.query(
        "SELECT kind, amount_fen FROM organisation_records WHERE reference_type = 'tender' AND reference_id = ?",
        [String(id)],
      );
      expect(record).toMatchObject({ kind: 'AWARD' });
      // the sealed journal joined the audit chain at opening
      const sealed = await t.ds.query(
        "SELECT COUNT(*) AS n FROM audit_events WHERE action IN ('procurement.bid.submitted') AND entity_id IN (?, ?, ?)",
        Object.values(bidIds),
      );
      expect(Number(sealed[0].n)).toBe(3);
      const verify = await t.http().get('/api/v1/audit/verify').set('Authorization', as.auditor);
      expect(verify.body.ok).toBe(true);
    });

    it('seats a purchaser representative beside two drawn experts on a 3-member committee, never more than a third', async () => {
      const id = await publishedTender(t, '询价委员会', {
        method: 'REQUEST_FOR_QUOTATION',
        committeeSize: 3,
        bidDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      });
      const b1 = (await bid('orgmember', id, '9000.00')).body.bidId as string;
      const b2 = (await bid('orgmember2', id, '9300.00')).body.bidId as string;
      await openNow(id);
      expect((await tenderRow(id)).status).toBe('OPENED'); // 2 valid bids are enough for a quotation
      await t
        .http()
        .post(`/api/v1/tenders/${id}/qualification`)
        .set('Authorization', as.officer)
        .send({
          decisions: [
            { bidId: b1, qualified: true },
            { bidId: b2, qualified: true },
          ],
        })
        .expect(204);
      const [officer] = await t.ds.query("SELECT id FROM users WHERE username = 'officer'");
      const [xw] = await t.ds.query("SELECT id FROM users WHERE username = 'xw_officer'");
      const [finance] = await t.ds.query("SELECT id FROM users WHERE username = 'finance'");
      expect(
        (
          await t
            .http()
            .post(`/api/v1/tenders/${id}/committee/draw`)
            .set('Authorization', as.officer)
            .send({ representativeIds: [officer.id, finance.id] })
        ).body.errors[0].field,
      ).toBe('representativeIds');
      expect(
        (
          await t
            .http()
            .post(`/api/v1/tenders/${id}/committee/draw`)
            .set('Authorization', as.officer)
            .send({ representativeIds: [xw.id] })
        ).status,
      ).toBe(422);
      const c = await t
        .http()
        .post(`/api/v1/tenders/${id}/committee/draw`)
        .set('Authorization', as.officer)
        .send({ representativeIds: [officer.id] });
      expect(c.status).toBe(200);
      expect(c.body.members.map((m: { seat: string }) => m.seat).sort()).toEqual(['EXPERT', 'EXPERT', 'PURCHASER_REP']);
      for (const e of await committee(id)) {
        await t
          .http()
          .put(`/api/v1/tenders/${id}/my-scores`)
          .set('Authorization', e.token)
          .send({ sheets: [b1, b2].map((bidId) => ({ bidId, scores: { PLAN: '30', TEAM: '20' } })) })
          .expect(200);
      }
      const report = await t.http().get(`/api/v1/tenders/${id}/report`).set('Authorization', as.officer);
      expect(report.body.ranking.map((r: { bidId: string }) => r.bidId)).toEqual([b1, b2]);
    });

    it('single source: only the invited organisation may bid; its one valid bid is evaluated at the lowest price', async () => {
      const [invited] = await t.ds.query(
        "SELECT id FROM organisations WHERE name = '南京市鼓楼区乐龄社会工作服务中心'",
      );
      const id = await publishedTender(t, '单一来源', {
        method: 'SINGLE_SOURCE',
        designatedOrganisationId: invited.id,
        scoringMethod: 'LOWEST_PRICE',
        priceWeight: 0,
        criteria: [],
        committeeSize: 3,
        bidDeadline: new Date(Date.now() + 9 * 86_400_000).toISOString(),
      });
      const other = await t
        .http()
        .put(`/api/v1/tenders/${id}/my-bid`)
        .set('Authorization', as.orgmember)
        .send({ price: '9000.00', technical: {}, documents: [] });
      expect(other.status).toBe(403);
      expect(other.body.reasons).toContain('单一来源采购只邀请指定机构');
      const calls = await t.http().get(`/api/v1/tenders/${id}`).set('Authorization', as.orgmember2);
      expect(calls.body.ineligibleReasons).toContain('单一来源采购只邀请指定机构');
      const mine = await t
        .http()
        .put(`/api/v1/tenders/${id}/my-bid`)
        .set('Authorization', as.orgmember3)
        .send({ price: '9600.00', technical: {}, documents: [] });
      expect(mine.status).toBe(200);
      await openNow(id);
      expect((await tenderRow(id)).status).toBe('OPENED'); // one valid bid is enough outside open tenders
      await t
        .http()
        .post(`/api/v1/tenders/${id}/qualification`)
        .set('Authorization', as.officer)
        .send({ decisions: [{ bidId: mine.body.bidId, qualified: true }] })
        .expect(204);
      await t.http().post(`/api/v1/tenders/${id}/committee/draw`).set('Authorization', as.officer).send({}).expect(200);
      for (const e of await committee(id))
        await t
          .http()
          .put(`/api/v1/tenders/${id}/my-scores`)
          .set('Authorization', e.token)
          .send({ sheets: [{ bidId: mine.body.bidId, scores: {} }] })
          .expect(200);
      const report = await t.http().get(`/api/v1/tenders/${id}/report`).set('Authorization', as.officer);
      expect(report.body).toMatchObject({ scoringMethod: 'LOWEST_PRICE', recommended: [mine.body.bidId] });
      expect(report.body.ranking).toEqual([
        expect.objectContaining({ bidId: mine.body.bidId, rank: 1, totalScore: null, price: '9600.00' }),
      ]);
    });

    it('reminds the officer once before the winner confirmation and an objection answer are due', async () => {
      const { id } = await throughEvaluation('到期提醒');
      expect((await tenders.reminderTick(id)).result).toBe('NOT_DUE');
      await t.ds.query('UPDATE tenders SET report_at = report_at - INTERVAL 12 DAY WHERE id = ?', [id]);
      expect((await tenders.reminderTick(id)).result).toBe('REMINDED');
      expect((await tenders.reminderTick(id)).result).toBe('NOTHING_TO_DO');
      await t.http().post(`/api/v1/tenders/${id}/award`).set('Authorization', as.officer).send({}).expect(200);
      const o = await t
        .http()
        .post(`/api/v1/tenders/${id}/objections`)
        .set('Authorization', as.orgmember)
        .send({ grounds: '技术评分不合理，请复核。' });
      const objections = t.app.get(ObjectionsService);
      expect((await objections.answerReminderTick(o.body.id)).result).toBe('NOT_DUE');
      await t.ds.query('UPDATE objections SET answer_due_at = UTC_TIMESTAMP(3) + INTERVAL 1 HOUR WHERE id = ?', [
        o.body.id,
      ]);
      expect((await objections.answerReminderTick(o.body.id)).result).toBe('REMINDED');
      expect((await objections.answerReminderTick(o.body.id)).result).toBe('NOTHING_TO_DO');
      const inbox = await t.http().get('/api/v1/inbox?pageSize=20').set('Authorization', as.officer);
      const titles = inbox.body.items.map((m: { title: string }) => m.title).join('\n');
      expect(titles).toContain('请尽快确认中标人');
      expect(titles).toContain('的质疑须在');
    });

    it('an upheld objection sends the tender back to evaluation (a new round) or cancels it for a re-tender', async () => {
      const { id, experts } = await throughEvaluation('质疑成立');
      await t.http().post(`/api/v1/tenders/${id}/award`).set('Authorization', as.officer).send({}).expect(200);
      const obj = await t
        .http()
        .post(`/api/v1/tenders/${id}/objections`)
        .set('Authorization', as.orgmember3)
        .send({ grounds: '中标人业绩材料存疑，请核查。' });
      await t.http().post(`/api/v1/objections/${obj.body.id}/review`).set('Authorization', as.officer).expect(200);
      const noAction = await t
        .http()
        .post(`/api/v1/objections/${obj.body.id}/answer`)
        .set('Authorization', as.officer)
        .send({ outcome: 'UPHELD', answer: '质疑成立。' });
      expect(noAction.status).toBe(422);
      await t
        .http()
        .post(`/api/v1/objections/${obj.body.id}/answer`)
        .set('Authorization', as.officer)
        .send({ outcome: 'UPHELD', answer: '质疑成立，重新评审。', action: 'RE_EVALUATE' })
        .expect(200);
      const row = await tenderRow(id);
      expect(row).toMatchObject({ status: 'EVALUATING', evaluation_round: 2, winner_bid_id: null });
      const sheets = (await t.ds.query("SELECT id FROM bids WHERE tender_id = ? AND status = 'QUALIFIED'", [id])).map(
        (b: { id: string }) => ({ bidId: b.id, scores: { PLAN: '35', TEAM: '25' } }),
      );
      for (const e of experts)
        await t
          .http()
          .put(`/api/v1/tenders/${id}/my-scores`)
          .set('Authorization', e.token)
          .send({ sheets })
          .expect(200);
      expect((await tenderRow(id)).status).toBe('RECOMMENDED');

      const { id: id2 } = await throughEvaluation('质疑废标');
      await t.http().post(`/api/v1/tenders/${id2}/award`).set('Authorization', as.officer).send({}).expect(200);
      const o2 = await t
        .http()
        .post(`/api/v1/tenders/${id2}/objections`)
        .set('Authorization', as.orgmember)
        .send({ grounds: '招标文件存在歧视性条款。' });
      await t.http().post(`/api/v1/objections/${o2.body.id}/review`).set('Authorization', as.officer).expect(200);
      await t
        .http()
        .post(`/api/v1/objections/${o2.body.id}/answer`)
        .set('Authorization', as.officer)
        .send({ outcome: 'UPHELD', answer: '质疑成立，废标。', action: 'CANCEL' })
        .expect(200);
      const cancelled = await tenderRow(id2);
      expect(cancelled.status).toBe('CANCELLED');
      const [p] = await t.ds.query('SELECT status FROM projects WHERE id = ?', [cancelled.project_id]);
      expect(p.status).toBe('APPROVED');
    });
  });

  describe('deadlines', () => {
    it('schedules the bid deadline and rebuilds it after Redis lost everything', async () => {
      const id = await publishedTender(t, '重建任务');
      const deadlines = t.app.get(Deadlines);
      const queue = deadlines.queue(QUEUES.PROCUREMENT);
      const row = await tenderRow(id);
      const deadline = row.bid_deadline as Date;
      const jobId = tenderJob(TENDER_DEADLINE_JOB, id, deadline).jobId;
      expect(await (await queue.getJob(jobId))?.getState()).toBe('delayed');
      await loseRedis(t);
      expect(await queue.getJob(jobId)).toBeUndefined();
      await deadlines.reconcile();
      await deadlines.reconcile(); // a second run (another worker) adds nothing
      // rebuilt from the database: the same job, for this tender, due at the deadline the database holds — once
      const rebuilt = await queue.getJob(jobId);
      expect(await rebuilt?.getState()).toBe('delayed');
      expect(rebuilt?.name).toBe(TENDER_DEADLINE_JOB);
      expect(rebuilt?.data).toMatchObject({ tenderId: id });
      expect(Math.abs((rebuilt?.timestamp ?? 0) + (rebuilt?.delay ?? 0) - deadline.getTime())).toBeLessThan(2_000);
      const forTender = (await queue.getJobs(['delayed', 'waiting', 'active'])).filter(
        (j) => (j.data as { tenderId?: number }).tenderId === id,
      );
      expect(forTender.map((j) => j.id)).toEqual([jobId]);
      // and the rebuilt job does its work exactly once when it comes due
      await deadlinePassed(t, id);
      expect((await tenders.deadlineTick(id)).result).toBe('FAILED'); // no bids: 流标
      expect((await tenders.deadlineTick(id)).result).toBe('NOTHING_TO_DO');
      expect(await tenderTransitions(id)).toEqual([
        'procurement.tender.closed',
        'procurement.tender.opened',
        'procurement.tender.failed',
      ]);
    });

    it('closes and opens the tender in the worker at the deadline, after Redis lost the job', async () => {
      const id = await publishedTender(t, '工作进程开标');
      for (const [u, price] of [
        ['orgmember', '9000.00'],
        ['orgmember2', '9100.00'],
        ['orgmember3', '9200.00'],
      ])
        await bid(u, id, price).expect(200);
      await deadlineIn(t, id, 2);
      await loseRedis(t);
      let worker: INestApplicationContext | undefined;
      try {
        worker = await createTestWorker(); // the reconciler rebuilds the deadline job at start-up
        const until = Date.now() + 20_000;
        while (Date.now() < until && (await tenderRow(id)).status !== 'OPENED') await sleep(200);
      } finally {
        await worker?.close();
      }
      const row = await tenderRow(id);
      expect(row.status).toBe('OPENED');
      expect((row.opened_at as Date).getTime()).toBeGreaterThanOrEqual((row.bid_deadline as Date).getTime());
      const audit = await t.ds.query(
        "SELECT action FROM audit_events WHERE entity_type = 'tender' AND entity_id = ? ORDER BY seq",
        [String(id)],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining(['procurement.tender.closed', 'procurement.tender.opened']),
      );
    });

    it('lets an expert find an organisation by name and declare a relationship with it (the draw’s conflict rule is in committee.spec)', async () => {
      const expert = await bearer(t, 'expert');
      const found = await t
        .http()
        .get('/api/v1/my/expert/organisations?q=%E9%82%BB%E9%87%8C')
        .set('Authorization', expert); // 邻里
      expect(found.status).toBe(200);
      expect(found.body).toEqual([expect.objectContaining({ name: '南京市鼓楼区邻里互助服务社' })]);
      expect(
        (await t.http().get('/api/v1/my/expert/organisations?q=x').set('Authorization', as.orgmember)).status,
      ).toBe(403);
      const d = await t
        .http()
        .post('/api/v1/my/expert/affiliations')
        .set('Authorization', expert)
        .send({ organisationId: found.body[0].id, kind: 'DECLARED', note: '亲属任职' });
      expect(d.status).toBe(201);
      expect(d.body).toEqual([
        expect.objectContaining({ organisationName: '南京市鼓楼区邻里互助服务社', kind: 'DECLARED' }),
      ]);
      await t.ds.query("DELETE FROM expert_affiliations WHERE note = '亲属任职'"); // leave the pool as the other tests expect it
    });

    it('lets an administrator, and only one, rebuild the jobs on demand', async () => {
      expect((await t.http().post('/api/v1/queues/reconcile').set('Authorization', as.officer)).status).toBe(403);
      const r = await t.http().post('/api/v1/queues/reconcile').set('Authorization', as.admin);
      expect(r.status).toBe(200);
    });

    it('does nothing when the deadline job fires early or twice', async () => {
      const id = await publishedTender(t, '提前触发');
      for (const [u, price] of [
        ['orgmember', '9000.00'],
        ['orgmember2', '9100.00'],
        ['orgmember3', '9200.00'],
      ])
        await bid(u, id, price).expect(200);
      const early = await tenders.deadlineTick(id);
      expect(early.result).toBe('NOT_DUE');
      expect((await tenderRow(id)).status).toBe('PUBLISHED');
      expect(await tenderTransitions(id)).toEqual([]);

      // due: the first run closes and opens, a second (duplicated, retried or late) job changes nothing at all
      await deadlinePassed(t, id);
      expect((await tenders.deadlineTick(id)).result).toBe('OPENED');
      const once = await tenderRow(id);
      const bidsOnce = await t.ds.query('SELECT id, status FROM bids WHERE tender_id = ? ORDER BY id', [id]);
      const eventsOnce = await t.ds.query('SELECT COUNT(*) AS n FROM bid_events WHERE tender_id = ?', [id]);
      const inboxOnce = await t.ds.query('SELECT COUNT(*) AS n FROM notifications');
      expect(await Promise.all([tenders.deadlineTick(id), tenders.deadlineTick(id)])).toEqual([
        { result: 'NOTHING_TO_DO' },
        { result: 'NOTHING_TO_DO' },
      ]);
      expect(await tenderTransitions(id)).toEqual(['procurement.tender.closed', 'procurement.tender.opened']);
      const twice = await tenderRow(id);
      expect(twice).toMatchObject({ status: 'OPENED', opened_at: once.opened_at, updated_at: once.updated_at });
      expect(await t.ds.query('SELECT id, status FROM bids WHERE tender_id = ? ORDER BY id', [id])).toEqual(bidsOnce);
      expect(bidsOnce.map((b: { status: string }) => b.status)).toEqual(['OPENED', 'OPENED', 'OPENED']);
      expect(await t.ds.query('SELECT COUNT(*) AS n FROM bid_events WHERE tender_id = ?', [id])).toEqual(eventsOnce);
      expect(await t.ds.query('SELECT COUNT(*) AS n FROM notifications')).toEqual(inboxOnce);
    });
  });
});
