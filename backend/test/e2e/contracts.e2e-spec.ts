import { createHash } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Response } from 'superagent';

import { ContractsService } from '../../src/modules/contracts';
import { TendersService } from '../../src/modules/procurement';
import { Deadlines } from '../../src/platform/queue';
import { sleep } from '../factories/procurement.factory';
import { recommendedTender } from '../factories/tender-stages.factory';
import { bearer, createTestApp, createTestWorker, login, loseRedis, TestApp } from '../support/test-app';

/** PDF bodies arrive as a Buffer with supertest's binary parser. */
const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('合同: the contract from the award, edits, signatures, commitment, publication, PDF, clocks', () => {
  let t: TestApp;
  const as: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of [
      'officer',
      'xw_officer',
      'finance',
      'auditor',
      'orgmember',
      'orgmember2',
      'xw_orgmember',
      'resident',
    ])
      as[u] = await bearer(t, u);
  });
  afterAll(() => t.close());

  /** A tender driven to AWARDED (winner: 邻里互助, orgmember2, 8,500.00) and the id of its contract. */
  async function awarded(title: string): Promise<{ tenderId: number; contractId: number; projectId: number }> {
    const { id } = await recommendedTender(t, title);
    await t.http().post(`/api/v1/tenders/${id}/award`).set('Authorization', as.officer).send({}).expect(200);
    await t.ds.query(
      'UPDATE tenders SET objection_window_ends_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?',
      [id],
    );
    expect((await t.app.get(TendersService).objectionWindowTick(id)).result).toBe('AWARDED');
    const [c] = (await t.ds.query('SELECT id, project_id FROM contracts WHERE tender_id = ?', [id])) as Array<{
      id: number;
      project_id: number;
    }>;
    return { tenderId: id, contractId: c.id, projectId: c.project_id };
  }

  const get = (path: string, who: string) => t.http().get(`/api/v1${path}`).set('Authorization', as[who]);
  const line = async (projectId: number) =>
    (
      (await t.ds.query(
        'SELECT l.id, l.available_fen, l.reserved_fen, l.committed_fen FROM budget_lines l JOIN projects p ON p.budget_line_id = l.id WHERE p.id = ?',
        [projectId],
      )) as Array<{ id: number; available_fen: string; reserved_fen: string; committed_fen: string }>
    )[0];
  const sum = (xs: string[]) => xs.reduce((s, x) => s + BigInt(x.replace('.', '')), 0n);

  const editBody = (c: { content: unknown; termStart: string; termEnd: string }) => ({
    content: c.content,
    termStart: c.termStart,
    termEnd: c.termEnd,
    paymentDays: 45,
    bondPercent: '10.00',
    milestones: [
      { title: '启动', deliverables: '服务方案', dueDate: c.termStart, share: '33.33' },
      { title: '中期', deliverables: '中期报告', dueDate: c.termStart, share: '33.33' },
      { title: '结项', deliverables: '结项报告', dueDate: c.termEnd, share: '33.34' },
    ],
  });

  it('award → a DRAFT with the winning price and a schedule summing exactly; edits; signatures; commitment; publication', async () => {
    const { tenderId, contractId: id, projectId } = await awarded('合同主流程助餐采购');

    // the draft
    const draft = await get(`/contracts/${id}`, 'officer').expect(200);
    expect(draft.body).toMatchObject({
      status: 'DRAFT',
      amount: '8500.00',
      tenderId,
      organisationName: '南京市鼓楼区邻里互助服务社',
    });
    expect(draft.body.code).toMatch(/^HT-\d{4}-\d{6}$/);
    expect(sum(draft.body.milestones.map((m: { amount: string }) => m.amount))).toBe(850_000n);
    expect(draft.body.milestones.at(-1).isFinal).toBe(true);
    expect(sum(draft.body.milestones.map((m: { share: string }) => m.share))).toBe(10_000n);
    expect(draft.body.content.purchaser.name).toMatch(/.+/);
    expect(draft.body.content.supplier.creditCode).toMatch(/^[0-9A-Z]{18}$/);
    expect(draft.body.can).toEqual({ edit: true, signAsPurchaser: true, signAsSupplier: false, publish: false });
    const award = (await t.ds.query('SELECT award_notice_at FROM tenders WHERE id = ?', [tenderId]))[0]
      .award_notice_at as Date;
    expect(new Date(draft.body.signatureDueAt).getTime() - award.getTime()).toBeGreaterThan(29 * 86_400_000);
    expect(new Date(draft.body.signatureDueAt).getTime() - award.getTime()).toBeLessThanOrEqual(31 * 86_400_000);
    // one contract per tender: the listener runs again without a second draft
    expect((await t.ds.query('SELECT COUNT(*) AS n FROM contracts WHERE tender_id = ?', [tenderId]))[0].n).toBe('1');

    // the tender page finds its contract
    const byTender = await get(`/contracts?tenderId=${tenderId}`, 'officer').expect(200);
    expect(byTender.body.items.map((c: { id: number }) => c.id)).toEqual([id]);

    // the officer edits within the limits
    const edited = await t
      .http()
      .put(`/api/v1/contracts/${id}`)
      .set('Authorization', as.officer)
      .send(editBody(draft.body))
      .expect(200);
    expect(edited.body.milestones.map((m: { amount: string }) => m.amount)).toEqual(['2833.05', '2833.05', '2833.90']);
    expect(edited.body).toMatchObject({ paymentDays: 45, bondPercent: '10.00', bond: '850.00' });
    // the supplier's particulars are the registry's: an officer cannot redirect the bank account
    const forged = editBody(draft.body) as ReturnType<typeof editBody> & {
      content: { supplier: { bankAccountNo: string } };
    };
    forged.content = {
      ...(draft.body.content as object),
      supplier: { ...draft.body.content.supplier, bankAccountNo: '6222000000000000000' },
    } as never;
    const kept = await t
      .http()
      .put(`/api/v1/contracts/${id}`)
      .set('Authorization', as.officer)
      .send(forged)
      .expect(200);
    expect(kept.body.content.supplier).toEqual(draft.body.content.supplier);
    // shares of 99.99 %, a term too long, payment days above 60: 422 / 400 with field paths
    const bad = editBody(draft.body);
    bad.milestones[2].share = '33.33';
    const r1 = await t.http().put(`/api/v1/contracts/${id}`).set('Authorization', as.officer).send(bad).expect(422);
    expect(r1.body.errors).toEqual([expect.objectContaining({ field: 'milestones' })]);
    const long = {
      ...editBody(draft.body),
      termEnd: `${Number(draft.body.termEnd.slice(0, 4)) + 1}${draft.body.termEnd.slice(4)}`,
    };
    const r2 = await t.http().put(`/api/v1/contracts/${id}`).set('Authorization', as.officer).send(long).expect(422);
    expect(r2.body.errors.map((e: { field: string }) => e.field)).toContain('termEnd');
    const r3 = await t
      .http()
      .put(`/api/v1/contracts/${id}`)
      .set('Authorization', as.officer)
      .send({ ...editBody(draft.body), paymentDays: 61, bondPercent: '10.01' });
    expect([400, 422]).toContain(r3.status);
    expect(JSON.stringify(r3.body)).toContain('paymentDays');

    // nobody outside the parties and the officer's region reads it
    await get(`/contracts/${id}`, 'xw_officer').expect(404);
    await get(`/contracts/${id}`, 'orgmember').expect(404);
    await get(`/contracts/${id}/pdf`, 'xw_orgmember').expect(404);
    await get(`/contracts/${id}`, 'finance').expect(200);
    await get(`/contracts/${id}`, 'auditor').expect(200);
    await get(`/contracts/${id}`, 'resident').expect(403);
    expect(
      (await get('/contracts', 'orgmember').expect(200)).body.items.map((c: { id: number }) => c.id),
    ).not.toContain(id);
    expect((await get('/contracts', 'orgmember2').expect(200)).body.items.map((c: { id: number }) => c.id)).toContain(
      id,
    );
    await t.http().post(`/api/v1/contracts/${id}/sign/supplier`).set('Authorization', as.orgmember).expect(404);
    await t.http().post(`/api/v1/contracts/${id}/sign/purchaser`).set('Authorization', as.xw_officer).expect(404);

    // a member of the supplier without signing rights is refused; a signatory grants them
    const added = await t
      .http()
      .post('/api/v1/my/organisation/members')
      .set('Authorization', as.orgmember2)
      .send({ username: 'linli_clerk', displayName: '邻里文员', password: 'Clerk-Passw0rd-2026' });
    expect(added.status).toBe(201);
    const clerk = `Bearer ${(await login(t, 'linli_clerk', 'Clerk-Passw0rd-2026')).accessToken}`;
    const refused = await t
      .http()
      .post(`/api/v1/contracts/${id}/sign/supplier`)
      .set('Authorization', clerk)
      .expect(403);
    expect(refused.body.code).toBe('CONTRACTS_NOT_A_SIGNATORY');
    await t
      .http()
      .put(`/api/v1/contract-signatories/${added.body.id}`)
      .set('Authorization', clerk)
      .send({ granted: true })
      .expect(403);
    const granted = await t
      .http()
      .put(`/api/v1/contract-signatories/${added.body.id}`)
      .set('Authorization', as.orgmember2)
      .send({ granted: true })
      .expect(200);
    expect(granted.body.find((s: { userId: number }) => s.userId === added.body.id).signatory).toBe(true);
    await t
      .http()
      .put(`/api/v1/contract-signatories/${added.body.id}`)
      .set('Authorization', as.orgmember2)
      .send({ granted: false })
      .expect(200);

    // the officer signs first: the content is locked for edits from then on
    const before = await line(projectId);
    const first = await t
      .http()
      .post(`/api/v1/contracts/${id}/sign/purchaser`)
      .set('Authorization', as.officer)
      .expect(200);
    expect(first.body).toMatchObject({ status: 'DRAFT', contentSha256: null });
    await t.http().post(`/api/v1/contracts/${id}/sign/purchaser`).set('Authorization', as.officer).expect(409);
    const locked = await t
      .http()
      .put(`/api/v1/contracts/${id}`)
      .set('Authorization', as.officer)
      .send(editBody(draft.body));
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('CONTRACT_FROZEN');
    await t.http().post(`/api/v1/contracts/${id}/publish`).set('Authorization', as.officer).expect(409);

    // the supplier's signatory signs: SIGNED, frozen, hashed, reservation → commitment, the rest released
    const signed = await t
      .http()
      .post(`/api/v1/contracts/${id}/sign/supplier`)
      .set('Authorization', as.orgmember2)
      .expect(200);
    expect(signed.body.status).toBe('SIGNED');
    expect(signed.body.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const [row] = (await t.ds.query(
      'SELECT frozen_content, content_sha256, publication_due_at FROM contracts WHERE id = ?',
      [id],
    )) as Array<{
      frozen_content: string;
      content_sha256: string;
      publication_due_at: Date;
    }>;
    expect(createHash('sha256').update(row.frozen_content, 'utf8').digest('hex')).toBe(row.content_sha256);
    expect(JSON.parse(row.frozen_content)).toMatchObject({ amountFen: '850000', paymentDays: 45 });
    expect(row.publication_due_at).not.toBeNull();
    const after = await line(projectId);
    // the project reserved 10,000.00; the contract commits 8,500.00 and releases 1,500.00
    expect(BigInt(before.reserved_fen) - BigInt(after.reserved_fen)).toBe(1_000_000n);
    expect(BigInt(after.committed_fen) - BigInt(before.committed_fen)).toBe(850_000n);
    expect(BigInt(after.available_fen) - BigInt(before.available_fen)).toBe(150_000n);
    const entries = (await t.ds.query(
      'SELECT operation, amount_fen FROM ledger_entries WHERE idempotency_key LIKE ? ORDER BY id',
      [`contract-${id}-%`],
    )) as Array<{ operation: string; amount_fen: string }>;
    expect(entries).toEqual([
      { operation: 'COMMIT', amount_fen: '850000' },
      { operation: 'RELEASE_RESERVATION', amount_fen: '150000' },
    ]);
    // the service begins: the project's needs IN_PROCUREMENT → IN_SERVICE, the reason on their timeline
    const moved = (await t.ds.query(
      `SELECT n.status, e.to_status, e.template AS why_template FROM project_needs pn JOIN needs n ON n.id = pn.need_id
         LEFT JOIN need_events e ON e.need_id = n.id AND e.to_status = 'IN_SERVICE' WHERE pn.project_id = ?`,
      [projectId],
    )) as Array<{ status: string; to_status: string | null; why_template: string | null }>;
    expect(moved.length).toBeGreaterThan(0);
    for (const m of moved)
      expect(m).toEqual({
        status: 'IN_SERVICE',
        to_status: 'IN_SERVICE',
        why_template: 'contracts.contract.need_in_service',
      });
    expect((await t.ds.query('SELECT status FROM projects WHERE id = ?', [projectId]))[0].status).toBe('CONTRACTED');
    const actions = (
      (await t.ds.query(
        "SELECT action FROM audit_events WHERE entity_type = 'contract' AND entity_id = ? ORDER BY seq",
        [String(id)],
      )) as Array<{ action: string }>
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['contracts.contract.drafted', 'contracts.contract.edited', 'contracts.contract.signed']),
    );
    const inbox = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'orgmember2' AND n.template = 'contracts.contract.signed'",
    )) as Array<{ n: string }>;
    expect(Number(inbox[0].n)).toBeGreaterThanOrEqual(1);

    // the need's raiser sees the step on the timeline, in their language
    const [{ need_id: needId }] = (await t.ds.query('SELECT need_id FROM project_needs WHERE project_id = ?', [
      projectId,
    ])) as Array<{ need_id: number }>;
    const steps = (
      await t
        .http()
        .get(`/api/v1/needs/${needId}/timeline`)
        .set('Authorization', as.resident)
        .set('Accept-Language', 'zh-CN')
        .expect(200)
    ).body as Array<{ template: string | null; text: string; detail: string | null }>;
    expect(steps.at(-1)).toMatchObject({
      template: 'contracts.contract.step.signed',
      text: `「${draft.body.title}」合同已签订`,
    });
    expect(steps.at(-1)?.detail).toContain('8,500.00');

    // frozen: edits and second signatures are 409
    const frozen = await t
      .http()
      .put(`/api/v1/contracts/${id}`)
      .set('Authorization', as.officer)
      .send(editBody(draft.body));
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('CONTRACT_FROZEN');
    await t.http().post(`/api/v1/contracts/${id}/sign/supplier`).set('Authorization', as.orgmember2).expect(409);

    // the PDF: both parties download it, with the hash
    for (const who of ['officer', 'orgmember2']) {
      const pdf = await get(`/contracts/${id}/pdf`, who).buffer(true).parse(binary).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const body = pdf.body as Buffer;
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(body.toString('latin1')).toContain(`SHA-256 ${row.content_sha256}`);
      expect((body.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    }

    // not public before publication; the officer publishes: ACTIVE, project IN_PROGRESS, notice without accounts
    await t.http().get(`/api/v1/public/tenders/${tenderId}/contract`).expect(404);
    await t.http().post(`/api/v1/contracts/${id}/publish`).set('Authorization', as.orgmember2).expect(403);
    const pub = await t.http().post(`/api/v1/contracts/${id}/publish`).set('Authorization', as.officer).expect(200);
    expect(pub.body.status).toBe('ACTIVE');
    expect((await t.ds.query('SELECT status FROM projects WHERE id = ?', [projectId]))[0].status).toBe('IN_PROGRESS');
    const again = await t.http().post(`/api/v1/contracts/${id}/publish`).set('Authorization', as.officer).expect(409);
    expect(again.body).toMatchObject({ code: 'CONTRACT_ILLEGAL_TRANSITION', from: 'ACTIVE', to: 'ACTIVE' });
    const notice = await t.http().get(`/api/v1/public/tenders/${tenderId}/contract`).expect(200);
    expect(notice.body).toMatchObject({
      amount: '8500.00',
      supplier: '南京市鼓楼区邻里互助服务社',
      contentSha256: row.content_sha256,
    });
    expect(notice.body.milestones).toHaveLength(3);
    const [org] = (await t.ds.query(
      "SELECT bank_account_no, bank_name FROM organisations WHERE name = '南京市鼓楼区邻里互助服务社'",
    )) as Array<{ bank_account_no: string | null; bank_name: string | null }>;
    const text = JSON.stringify(notice.body);
    expect(text).not.toMatch(/bank/i);
    if (org.bank_account_no) expect(text).not.toContain(org.bank_account_no);

    // the list exports to Excel
    const xlsx = await get('/contracts/export.xlsx', 'officer').buffer(true).parse(binary).expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('a budget line that allows multi-year contracts lets the draft run up to 36 months; others 12', async () => {
    const { id } = await recommendedTender(t, '跨年度合同助餐采购');
    const [{ budget_line_id: lineId }] = (await t.ds.query(
      'SELECT p.budget_line_id FROM tenders t JOIN projects p ON p.id = t.project_id WHERE t.id = ?',
      [id],
    )) as Array<{ budget_line_id: number }>;
    await t.ds.query('UPDATE budget_lines SET multi_year = 1 WHERE id = ?', [lineId]);
    try {
      await t.http().post(`/api/v1/tenders/${id}/award`).set('Authorization', as.officer).send({}).expect(200);
      await t.ds.query(
        'UPDATE tenders SET objection_window_ends_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?',
        [id],
      );
      expect((await t.app.get(TendersService).objectionWindowTick(id)).result).toBe('AWARDED');
    } finally {
      await t.ds.query('UPDATE budget_lines SET multi_year = 0 WHERE id = ?', [lineId]);
    }
    const [c] = (await t.ds.query('SELECT max_term_months FROM contracts WHERE tender_id = ?', [id])) as Array<{
      max_term_months: number;
    }>;
    expect(Number(c.max_term_months)).toBe(36);
    const lines = await get(`/funds/lines/${lineId}`, 'finance').expect(200);
    expect(lines.body.multiYear).toBe(false);
  });

  it('a contract above the reservation commits the difference directly from the line; a draft PDF is marked', async () => {
    const { contractId: id, projectId } = await awarded('合同超预留助餐采购');
    await t.ds.query('UPDATE contracts SET amount_fen = 1050000 WHERE id = ?', [id]);
    await t.ds.query(
      'UPDATE contract_milestones SET amount_fen = amount_fen + 200000 WHERE contract_id = ? AND is_final = 1',
      [id],
    );
    const draftPdf = await get(`/contracts/${id}/pdf`, 'orgmember2').buffer(true).parse(binary).expect(200);
    expect((draftPdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const before = await line(projectId);
    await t.http().post(`/api/v1/contracts/${id}/sign/supplier`).set('Authorization', as.orgmember2).expect(200);
    await t.http().post(`/api/v1/contracts/${id}/sign/purchaser`).set('Authorization', as.officer).expect(200);
    const after = await line(projectId);
    expect(BigInt(before.reserved_fen) - BigInt(after.reserved_fen)).toBe(1_000_000n);
    expect(BigInt(after.committed_fen) - BigInt(before.committed_fen)).toBe(1_050_000n);
    expect(BigInt(before.available_fen) - BigInt(after.available_fen)).toBe(50_000n);
    const ops = (
      (await t.ds.query('SELECT operation, amount_fen FROM ledger_entries WHERE idempotency_key LIKE ? ORDER BY id', [
        `contract-${id}-%`,
      ])) as Array<{ operation: string; amount_fen: string }>
    ).map((e) => `${e.operation}:${e.amount_fen}`);
    expect(ops).toEqual(['COMMIT:1000000', 'COMMIT_DIRECT:50000']);

    // not published within 2 working days: flagged once, the officer told
    const contracts = t.app.get(ContractsService);
    expect((await contracts.publicationDueTick(id)).result).toBe('NOT_DUE');
    await t.ds.query('UPDATE contracts SET publication_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [
      id,
    ]);
    expect((await contracts.publicationDueTick(id)).result).toBe('PUBLICATION_OVERDUE');
    expect((await contracts.publicationDueTick(id)).result).toBe('NOTHING_TO_DO');
    const [flag] = (await t.ds.query('SELECT publication_overdue_at FROM contracts WHERE id = ?', [id])) as Array<{
      publication_overdue_at: Date | null;
    }>;
    expect(flag.publication_overdue_at).not.toBeNull();
  });

  it('the signature clock: overdue once, the officer, finance and the supplier told, the flag on the summary', async () => {
    const { tenderId, contractId: id } = await awarded('合同逾期助餐采购');
    const contracts = t.app.get(ContractsService);
    expect((await contracts.signatureDueTick(id)).result).toBe('NOT_DUE');
    await t.ds.query('UPDATE contracts SET signature_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [id]);
    expect((await contracts.signatureDueTick(id)).result).toBe('SIGNATURE_OVERDUE');
    expect((await contracts.signatureDueTick(id)).result).toBe('NOTHING_TO_DO');
    const told = (
      (await t.ds.query(
        "SELECT DISTINCT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.template = 'contracts.contract.signature_overdue' ORDER BY u.username",
      )) as Array<{ username: string }>
    ).map((r) => r.username);
    expect(told).toEqual(expect.arrayContaining(['officer', 'finance', 'orgmember2']));
    expect(told).not.toContain('xw_officer');
    const summary = await get(`/contracts?tenderId=${tenderId}`, 'officer').expect(200);
    expect(summary.body.items[0].signatureOverdueAt).not.toBeNull();
    // the reminder fires once for each point already passed
    expect((await contracts.signatureReminderTick(id)).result).toBe('REMINDED');
  });

  it('after Redis loses everything the reconciler rebuilds the signature deadline and the worker fires it', async () => {
    const { contractId: id } = await awarded('合同Redis丢失助餐采购');
    let worker: INestApplicationContext | undefined;
    try {
      worker = await createTestWorker();
      await t.ds.query(
        'UPDATE contracts SET signature_due_at = UTC_TIMESTAMP(3) + INTERVAL 1 SECOND, signature_reminded_at = UTC_TIMESTAMP(3) WHERE id = ?',
        [id],
      );
      await loseRedis(t);
      const report = await t.app.get(Deadlines).reconcile();
      expect(report.bySource['contract-signature-due'].restored).toBeGreaterThanOrEqual(1);
      const until = Date.now() + 15_000;
      let flagged: Date | null = null;
      while (flagged === null && Date.now() < until) {
        await sleep(200);
        flagged = (
          (await t.ds.query('SELECT signature_overdue_at FROM contracts WHERE id = ?', [id])) as Array<{
            signature_overdue_at: Date | null;
          }>
        )[0].signature_overdue_at;
      }
      expect(flagged).not.toBeNull();
    } finally {
      await worker?.close();
    }
  });
});
