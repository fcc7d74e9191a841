import { Connection } from 'mysql2/promise';

import { CUSTODY_REFUND_DUE_JOB, CustodyJobs, CustodyService, ledgerConsistency } from '../../src/modules/funds';
import { CalendarService, endOfDayShanghai, shanghaiDate } from '../../src/modules/regions';
import { deadlineJobId, Deadlines, QUEUES } from '../../src/platform/queue';
import { approvedProject, bidBody, publishedTender, tenderBody } from '../factories/procurement.factory';
import { awardedTender } from '../factories/tender-stages.factory';
import {
  adminConnection,
  bearer,
  createTestApp,
  createTestWorker,
  loseRedis,
  TestApp,
  userId,
} from '../support/test-app';

/**
 * Deposits and bonds (保证金) on the real MariaDB/Redis, through the API: the 2 % cap on the tender, the deposit
 * recorded once per bidder, the losers' refunds due 5 working days after the award notice and marked by the job
 * (after Redis lost it), a late refund's exact interest, the bond at signing and its release, the consistency check
 * over the custody ledger, and the scope of every read and write.
 */
describe('custody: bid deposits and performance bonds', () => {
  let t: TestApp;
  let admin: Connection;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminConnection(t.env);
  });

  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  const accounts = async (tenderId: number) =>
    (await t.ds.query(
      // one row per account: the organisation's first account names it (other specs of the run add members)
      `SELECT a.*, (SELECT u.username FROM users u WHERE u.organisation_id = a.organisation_id ORDER BY u.id LIMIT 1)
         AS username FROM custody_accounts a WHERE a.tender_id = ? ORDER BY a.id`,
      [tenderId],
    )) as Array<Record<string, unknown>>;

  it('a deposit above 2 % of the project budget is refused; exactly 2 % passes', async () => {
    const officer = await bearer(t, 'officer');
    const projectId = await approvedProject(t, '保证金上限'); // 800 × 12.50 = 10,000.00
    const over = await t
      .http()
      .post('/api/v1/tenders')
      .set('Authorization', officer)
      .send(tenderBody(projectId, { bidDeposit: '200.01' }));
    expect(over.status).toBe(422);
    expect(over.body.errors[0].field).toBe('bidDeposit');
    const exact = await t
      .http()
      .post('/api/v1/tenders')
      .set('Authorization', officer)
      .send(tenderBody(projectId, { bidDeposit: '200.00' }));
    expect(exact.status).toBe(201);
    expect(exact.body.bidDeposit).toBe('200.00');
  });

  it('a bid records the deposit once (a replaced bid does not count again); a withdrawal makes it refundable', async () => {
    const id = await publishedTender(t, '保证金投标', { bidDeposit: '150.00' });
    const org = await bearer(t, 'orgmember');
    for (const price of ['9000.00', '8900.00']) {
      const r = await t.http().put(`/api/v1/tenders/${id}/my-bid`).set('Authorization', org).send(bidBody(price));
      expect(r.status).toBe(200);
    }
    const [a] = await accounts(id);
    expect(a).toMatchObject({ kind: 'BID_DEPOSIT', status: 'HELD', held_fen: '15000', return_due_at: null });
    const entries = (await t.ds.query('SELECT operation, amount_fen FROM custody_entries WHERE account_id = ?', [
      a.id,
    ])) as Array<{ operation: string; amount_fen: string }>;
    expect(entries).toEqual([{ operation: 'RECEIVE', amount_fen: '15000' }]);

    const mine = await t.http().get('/api/v1/custody/mine').query({ tenderId: id }).set('Authorization', org);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toMatchObject([{ id: a.id, held: '150.00', status: 'HELD', tenderId: id }]);

    const w = await t.http().delete(`/api/v1/tenders/${id}/my-bid`).set('Authorization', org);
    expect([200, 204]).toContain(w.status);
    const [after] = await accounts(id);
    expect(after.return_reason).toBe('WITHDRAWN');
    expect(after.return_due_at).not.toBeNull();
  });

  it('a tender cancelled after bids were sealed makes every deposit due back within 5 working days', async () => {
    const id = await publishedTender(t, '保证金终止', { bidDeposit: '100.00' });
    for (const who of ['orgmember', 'orgmember2']) {
      const r = await t
        .http()
        .put(`/api/v1/tenders/${id}/my-bid`)
        .set('Authorization', await bearer(t, who))
        .send(bidBody('9000.00'));
      expect(r.status).toBe(200);
    }
    const cancelled = await t
      .http()
      .post(`/api/v1/tenders/${id}/cancel`)
      .set('Authorization', await bearer(t, 'officer'))
      .send({ reason: '需求变化，终止采购' });
    expect(cancelled.status).toBe(200);
    const [{ published_at: at }] = (await t.ds.query('SELECT updated_at AS published_at FROM tenders WHERE id = ?', [
      id,
    ])) as Array<{ published_at: Date }>;
    const due = endOfDayShanghai(await t.app.get(CalendarService).addWorkingDays(shanghaiDate(at), 5));
    const rows = await accounts(id);
    expect(rows).toHaveLength(2);
    for (const a of rows) {
      expect(a).toMatchObject({ status: 'HELD', return_reason: 'ENDED' });
      expect((a.return_due_at as Date).getTime()).toBe(due.getTime());
    }
  });

  describe('after an award', () => {
    let tender: number;
    let winnerOrg: number;
    let loserIds: number[];

    beforeAll(async () => {
      ({ id: tender } = await awardedTender(t, '保证金中标', { bidDeposit: '200.00' }));
      const [w] = (await t.ds.query(
        'SELECT b.organisation_id FROM tenders t JOIN bids b ON b.id = t.winner_bid_id WHERE t.id = ?',
        [tender],
      )) as Array<{ organisation_id: number }>;
      winnerOrg = w.organisation_id;
      loserIds = (await accounts(tender)).filter((a) => a.organisation_id !== winnerOrg).map((a) => a.id as number);
    });

    it("the losers' refunds fall due 5 working days after the award notice; the winner's waits for signing", async () => {
      const rows = await accounts(tender);
      expect(rows).toHaveLength(3);
      const [{ award_notice_at: notice }] = (await t.ds.query('SELECT award_notice_at FROM tenders WHERE id = ?', [
        tender,
      ])) as Array<{ award_notice_at: Date }>;
      const due = endOfDayShanghai(await t.app.get(CalendarService).addWorkingDays(shanghaiDate(notice), 5));
      for (const a of rows) {
        expect(a.held_fen).toBe('20000');
        if (a.organisation_id === winnerOrg) expect(a.return_due_at).toBeNull();
        else
          expect({ reason: a.return_reason, due: (a.return_due_at as Date).toISOString() }).toEqual({
            reason: 'LOST',
            due: due.toISOString(),
          });
      }
      expect(loserIds).toHaveLength(2);
    });

    it('the due-date job marks them REFUND_DUE, also after Redis lost every job; a late refund pays exact interest', async () => {
      // the due date passed three days ago (as if nobody had refunded in time)
      await t.ds.query(
        `UPDATE custody_accounts SET return_due_at = UTC_TIMESTAMP(3) - INTERVAL 3 DAY WHERE id IN (${loserIds.join(',')})`,
      );
      await loseRedis(t);
      const deadlines = t.app.get(Deadlines);
      await deadlines.reconcile();
      const queue = deadlines.queue(QUEUES.CONTRACTS);
      for (const id of loserIds) {
        const [row] = (await t.ds.query('SELECT return_due_at FROM custody_accounts WHERE id = ?', [id])) as Array<{
          return_due_at: Date;
        }>;
        const job = await queue.getJob(deadlineJobId(CUSTODY_REFUND_DUE_JOB, id, row.return_due_at.getTime()));
        expect(job).toBeDefined();
        // what the worker runs for this job; a second run changes nothing
        expect(await t.app.get(CustodyJobs).handle(job!.name, job!.data)).toEqual({ result: 'REFUND_DUE' });
        expect(await t.app.get(CustodyJobs).handle(job!.name, job!.data)).toEqual({ result: 'NOTHING_TO_DO' });
      }
      expect((await accounts(tender)).filter((a) => a.status === 'REFUND_DUE').map((a) => a.id)).toEqual(loserIds);
      // the organisation was told when its refund fell due, and finance when it was late (templates, not text)
      const templates = async (username: string) =>
        (
          (await t.ds.query('SELECT template FROM notifications WHERE user_id = ? AND template LIKE ?', [
            await userId(t.ds, username),
            'custody.%',
          ])) as Array<{ template: string }>
        ).map((n) => n.template);
      const loserUser = (await accounts(tender)).find((a) => a.id === loserIds[0])?.username as string;
      expect(await templates(loserUser)).toEqual(
        expect.arrayContaining(['custody.received', 'custody.return_scheduled', 'custody.return_due']),
      );
      expect(await templates('finance')).toContain('custody.return_due');

      const finance = await bearer(t, 'finance');
      const shown = await t.http().get(`/api/v1/custody/accounts/${loserIds[0]}`).set('Authorization', finance);
      // 200.00 × 3.65 % × 3 ÷ 365 = 0.06
      expect(shown.body).toMatchObject({ status: 'REFUND_DUE', daysLate: 3, accruedInterest: '0.06' });

      const refund = await t
        .http()
        .post(`/api/v1/custody/accounts/${loserIds[0]}/refund`)
        .set('Authorization', finance)
        .set('Idempotency-Key', `custody-refund-${loserIds[0]}`)
        .send({ note: '网银退款 20261204001' });
      expect(refund.status).toBe(200);
      expect(refund.body).toMatchObject({
        status: 'REFUNDED',
        held: '0.00',
        returned: '200.00',
        interest: '0.06',
        daysLate: 3,
      });
      expect(refund.body.entries.map((e: { operation: string; amount: string }) => [e.operation, e.amount])).toEqual([
        ['RECEIVE', '200.00'],
        ['REFUND', '200.00'],
        ['INTEREST', '0.06'],
      ]);
      // twice: refused, nothing moves
      const again = await t
        .http()
        .post(`/api/v1/custody/accounts/${loserIds[0]}/refund`)
        .set('Authorization', finance)
        .set('Idempotency-Key', `custody-refund-${loserIds[0]}-again`)
        .send({});
      expect(again.status).toBe(409);
    });

    it('signing holds the bond and makes the winner’s deposit refundable; the final acceptance lets finance release it', async () => {
      const [{ region_path: regionPath }] = (await t.ds.query('SELECT region_path FROM tenders WHERE id = ?', [
        tender,
      ])) as Array<{ region_path: string }>;
      const contract = {
        id: 900_000 + tender,
        tenderId: tender,
        organisationId: winnerOrg,
        regionPath,
        bondFen: '98000',
      };
      // the custody side of the contract's hooks (CustodyListeners), on a contract made up for the purpose: the other
      // parts' listeners need real contract rows
      const custody = t.app.get(CustodyService);
      const now = new Date();
      await t.ds.transaction((em) => custody.contractSigned(em, contract as never, now));
      await t.ds.transaction((em) => custody.contractSigned(em, contract as never, now)); // retried: no double
      const rows = await accounts(tender);
      const deposit = rows.find((a) => a.organisation_id === winnerOrg && a.kind === 'BID_DEPOSIT');
      const bond = rows.find((a) => a.kind === 'PERFORMANCE_BOND');
      expect(deposit).toMatchObject({ return_reason: 'WON', status: 'HELD' });
      expect(bond).toMatchObject({ status: 'HELD', held_fen: '98000', contract_id: contract.id, return_due_at: null });

      const finance = await bearer(t, 'finance');
      const early = await t
        .http()
        .post(`/api/v1/custody/accounts/${bond!.id}/release`)
        .set('Authorization', finance)
        .set('Idempotency-Key', `custody-release-early-${bond!.id}`)
        .send({});
      expect(early.status).toBe(409);

      await t.ds.transaction((em) => custody.finalAccepted(em, contract as never, now));
      const released = await t
        .http()
        .post(`/api/v1/custody/accounts/${bond!.id}/release`)
        .set('Authorization', finance)
        .set('Idempotency-Key', `custody-release-${bond!.id}`)
        .send({ note: '终验合格' });
      expect(released.status).toBe(200);
      expect(released.body).toMatchObject({ status: 'RELEASED', returned: '980.00', interest: '0.00' });
    });

    it('the consistency check replays the custody ledger and finds a tampered balance', async () => {
      const finance = await bearer(t, 'finance');
      const ok = await t.http().get('/api/v1/funds/consistency').set('Authorization', finance);
      expect(ok.status).toBe(200);
      expect(ok.body.ok).toBe(true);
      expect(ok.body.custodyAccountsChecked).toBeGreaterThanOrEqual(4);
      expect(ok.body.custodyDifferences).toEqual([]);

      // the entries are append-only, even for the application's own account
      await expect(
        t.ds.query('UPDATE custody_entries SET amount_fen = 1 WHERE account_id = ?', [loserIds[1]]),
      ).rejects.toThrow(/append-only/);
      await expect(t.ds.query('DELETE FROM custody_entries WHERE account_id = ?', [loserIds[1]])).rejects.toThrow(
        /append-only/,
      );

      await admin.query('UPDATE custody_accounts SET held_fen = held_fen + 1 WHERE id = ?', [loserIds[1]]);
      try {
        const report = await ledgerConsistency(t.ds);
        expect(report.ok).toBe(false);
        expect(report.custodyDifferences).toEqual([
          {
            accountId: loserIds[1],
            stored: { held: '200.01', returned: '0.00', forfeited: '0.00', interest: '0.00' },
            fromLedger: { held: '200.00', returned: '0.00', forfeited: '0.00', interest: '0.00' },
          },
        ]);
      } finally {
        await admin.query('UPDATE custody_accounts SET held_fen = held_fen - 1 WHERE id = ?', [loserIds[1]]);
      }
      expect((await ledgerConsistency(t.ds)).ok).toBe(true);
    });

    it('a termination for breach lets finance forfeit the bond, with a reason', async () => {
      const [{ region_path: regionPath }] = (await t.ds.query('SELECT region_path FROM tenders WHERE id = ?', [
        tender,
      ])) as Array<{ region_path: string }>;
      const loser = (await accounts(tender)).find((a) => a.id === loserIds[1]);
      // a second contract of the tender is not possible; a bond of the other organisation stands in for one
      const contract = {
        id: 950_000 + tender,
        tenderId: tender,
        organisationId: loser!.organisation_id as number,
        regionPath,
        bondFen: '50000',
      };
      // the custody side of the contract's hooks (CustodyListeners), on a contract made up for the purpose: the other
      // parts' listeners need real contract rows
      const custody = t.app.get(CustodyService);
      const now = new Date();
      await t.ds.transaction((em) => custody.contractSigned(em, contract as never, now));
      await t.ds.transaction((em) => custody.terminated(em, contract as never, 'BREACH', now));
      const bond = (await accounts(tender)).find((a) => a.kind === 'PERFORMANCE_BOND' && a.contract_id === contract.id);
      expect(bond).toMatchObject({ forfeitable: 1, status: 'HELD' });
      const finance = await bearer(t, 'finance');
      const noReason = await t
        .http()
        .post(`/api/v1/custody/accounts/${bond!.id}/forfeit`)
        .set('Authorization', finance)
        .set('Idempotency-Key', `custody-forfeit-noreason-${bond!.id}`)
        .send({});
      expect(noReason.status).toBe(400);
      const kept = await t
        .http()
        .post(`/api/v1/custody/accounts/${bond!.id}/forfeit`)
        .set('Authorization', finance)
        .set('Idempotency-Key', `custody-forfeit-${bond!.id}`)
        .send({ reason: '未按合同提供服务，经催告仍未改正' });
      expect(kept.status).toBe(200);
      expect(kept.body).toMatchObject({ status: 'FORFEITED', held: '0.00', forfeited: '500.00' });
      expect(kept.body.decisionNote).toBe('未按合同提供服务，经催告仍未改正');
    });

    it('a worker started after Redis lost everything marks a late deposit by itself (reconciler + processor)', async () => {
      const winnerDeposit = (await accounts(tender)).find(
        (a) => a.organisation_id === winnerOrg && a.kind === 'BID_DEPOSIT',
      );
      expect(winnerDeposit).toMatchObject({ status: 'HELD', return_reason: 'WON' });
      await t.ds.query(
        'UPDATE custody_accounts SET return_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?',
        [winnerDeposit!.id],
      );
      await loseRedis(t);
      const worker = await createTestWorker();
      try {
        let status = '';
        for (let i = 0; i < 60 && status !== 'REFUND_DUE'; i++) {
          await new Promise((r) => setTimeout(r, 500));
          [{ status }] = (await t.ds.query('SELECT status FROM custody_accounts WHERE id = ?', [
            winnerDeposit!.id,
          ])) as Array<{ status: string }>;
        }
        expect(status).toBe('REFUND_DUE');
      } finally {
        await worker.close();
      }
    });

    it('scope: another district and another organisation get 404, as for a missing account', async () => {
      const id = loserIds[1];
      const [owner] = (await accounts(tender)).filter((a) => a.id === id);
      const ownerToken = await bearer(t, owner.username as string);
      expect((await t.http().get(`/api/v1/custody/accounts/${id}`).set('Authorization', ownerToken)).status).toBe(200);
      const missing = await t.http().get('/api/v1/custody/accounts/99999999').set('Authorization', ownerToken);
      expect(missing.status).toBe(404);

      const xw = await bearer(t, 'xw_finance');
      const other = await t.http().get(`/api/v1/custody/accounts/${id}`).set('Authorization', xw);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe(missing.body.code);
      const xwRefund = await t
        .http()
        .post(`/api/v1/custody/accounts/${id}/refund`)
        .set('Authorization', xw)
        .set('Idempotency-Key', `custody-xw-${id}`)
        .send({});
      expect(xwRefund.status).toBe(404);
      const xwList = await t
        .http()
        .get('/api/v1/custody/accounts')
        .query({ tenderId: tender })
        .set('Authorization', xw);
      expect(xwList.body.items).toEqual([]);

      const stranger = ['orgmember', 'orgmember2', 'orgmember3'].find((u) => u !== owner.username) as string;
      const otherOrg = await bearer(t, stranger);
      expect((await t.http().get(`/api/v1/custody/accounts/${id}`).set('Authorization', otherOrg)).status).toBe(404);
      const theirs = await t
        .http()
        .get('/api/v1/custody/mine')
        .query({ tenderId: tender })
        .set('Authorization', otherOrg);
      expect(theirs.body.items.map((a: { id: number }) => a.id)).not.toContain(id);

      const xlsx = await t
        .http()
        .get('/api/v1/custody/accounts/export.xlsx')
        .query({ tenderId: tender })
        .set('Authorization', await bearer(t, 'finance'))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(xlsx.status).toBe(200);
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    });
  });
});
