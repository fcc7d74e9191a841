import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Response } from 'supertest';

import { MilestoneClocks } from '../../src/modules/contracts/jobs/milestone-clocks';
import { ATTENDANCE_PDF, liveContract, PHOTO_PNG, reportBody } from '../factories/contracts-milestones.factory';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/** Binary responses (files, thumbnails, xlsx) as Buffers. */
function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/**
 * Milestones and evidence over HTTP on the real MariaDB/Redis (issue #10 item 4): the supplier reports progress with
 * photos (typed by content, hashed, thumbnailed), the officer of the region returns or accepts, the accepted outputs
 * are stored as data; nobody outside the contract's parties and region sees any of it.
 */
describe('milestones and evidence (HTTP)', () => {
  let t: TestApp;
  let officer: string;
  let org: string;
  let org2: string;
  let xwOfficer: string;
  let c: Awaited<ReturnType<typeof liveContract>>;
  let base: string;
  let photoId: number;
  let sheetId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, org, org2, xwOfficer] = await Promise.all(
      ['officer', 'orgmember', 'orgmember2', 'xw_officer'].map((u) => bearer(t, u)),
    );
    c = await liveContract(t, '里程碑测试合同');
    base = `/api/v1/contracts/${c.contractId}/milestones/${c.milestoneIds[0]}`;
  });
  afterAll(async () => t.close());

  const upload = (who: string, kind: string, content: Buffer, fileName = 'photo.jpg', path = base) =>
    t
      .http()
      .post(`${path}/evidence`)
      .set('Authorization', who)
      .send({ kind, fileName, contentBase64: content.toString('base64') });

  it('refuses a ".jpg" that is really text, and a PDF as a photo (checked by content)', async () => {
    const text = await upload(org, 'PHOTO', Buffer.from('this is not a picture, only text named photo.jpg'));
    expect(text.status).toBe(422);
    expect(text.body.code).toBe('REPORT_INVALID');
    expect((await upload(org, 'PHOTO', ATTENDANCE_PDF, 'sheet.jpg')).status).toBe(422);
    // nothing stored for this contract (the schema is shared with the other HTTP specs of the run)
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM contract_evidence WHERE contract_id = ?', [
      c.contractId,
    ]);
    expect(Number(n)).toBe(0);
  });

  it('stores a photo with its SHA-256 and serves it and its server-made thumbnail to the parties', async () => {
    const res = await upload(org, 'PHOTO', PHOTO_PNG, '活动照片.png');
    expect(res.status).toBe(201);
    photoId = res.body.id;
    expect(res.body).toMatchObject({
      kind: 'PHOTO',
      mime: 'image/png',
      size: PHOTO_PNG.length,
      sha256: createHash('sha256').update(PHOTO_PNG).digest('hex'),
      hasThumbnail: true,
      unattached: true,
    });
    const [row] = await t.ds.query(
      'SELECT sha256, LENGTH(thumb_content) AS thumb FROM contract_evidence WHERE id = ?',
      [photoId],
    );
    expect(row.sha256).toBe(res.body.sha256);
    const file = await t
      .http()
      .get(`/api/v1/contracts/${c.contractId}/evidence/${photoId}`)
      .set('Authorization', officer)
      .buffer(true)
      .parse(binary);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.body as Buffer, PHOTO_PNG)).toBe(0);
    const thumb = await t
      .http()
      .get(`/api/v1/contracts/${c.contractId}/evidence/${photoId}/thumbnail`)
      .set('Authorization', org)
      .buffer(true)
      .parse(binary);
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const small = thumb.body as Buffer;
    expect(small.length).toBe(Number(row.thumb));
    expect(small.length).toBeLessThan(PHOTO_PNG.length);
    expect(await sharp(small).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240 }); // 640×480
    const sheet = await upload(org, 'ATTENDANCE', ATTENDANCE_PDF, '签到表.pdf');
    expect(sheet.status).toBe(201);
    expect(sheet.body).toMatchObject({ mime: 'application/pdf', hasThumbnail: false });
    sheetId = sheet.body.id;
  });

  it('hides the contract, its milestones and its evidence from another organisation and another district (404)', async () => {
    const path = `/api/v1/contracts/${c.contractId}`;
    for (const who of [org2, xwOfficer]) {
      expect((await t.http().get(`${path}/milestones`).set('Authorization', who)).status).toBe(404);
      expect((await t.http().get(`${path}/evidence/${photoId}`).set('Authorization', who)).status).toBe(404);
      expect((await t.http().get(`${path}/evidence/${photoId}/thumbnail`).set('Authorization', who)).status).toBe(404);
    }
    expect((await upload(org2, 'PHOTO', PHOTO_PNG)).status).toBe(404);
    expect(
      (
        await t
          .http()
          .post(`${base}/reports`)
          .set('Authorization', org2)
          .send(reportBody([photoId]))
      ).status,
    ).toBe(404);
  });

  it('refuses an incomplete report (no photo; an indicator missing) with the fields named', async () => {
    const noPhoto = await t
      .http()
      .post(`${base}/reports`)
      .set('Authorization', org)
      .send(reportBody([sheetId]));
    expect(noPhoto.status).toBe(422);
    expect(noPhoto.body.errors.map((e: { field: string }) => e.field)).toEqual(['evidenceIds']);
    const noOutput = await t
      .http()
      .post(`${base}/reports`)
      .set('Authorization', org)
      .send(reportBody([photoId], { outputs: [] }));
    expect(noOutput.status).toBe(422);
    expect(noOutput.body.errors.map((e: { field: string }) => e.field)).toEqual(['outputs']);
  });

  it('submits, refuses a second submission (409), is returned with a reason, and is resubmitted as version 2', async () => {
    const s = await t
      .http()
      .post(`${base}/reports`)
      .set('Authorization', org)
      .send(reportBody([photoId, sheetId]));
    expect(s.status).toBe(201);
    expect(s.body.milestones[0]).toMatchObject({ status: 'SUBMITTED' });
    expect(s.body.milestones[0].reports[0]).toMatchObject({ version: 1, evidenceIds: [photoId, sheetId] });
    expect(
      (
        await t
          .http()
          .post(`${base}/reports`)
          .set('Authorization', org)
          .send(reportBody([photoId]))
      ).status,
    ).toBe(409);
    // the officer of another district cannot decide; a return needs a reason
    expect(
      (await t.http().post(`${base}/return`).set('Authorization', xwOfficer).send({ reason: '越权' })).status,
    ).toBe(404);
    expect((await t.http().post(`${base}/return`).set('Authorization', officer).send({ reason: ' ' })).status).toBe(
      400,
    );
    const r = await t
      .http()
      .post(`${base}/return`)
      .set('Authorization', officer)
      .send({ reason: '照片不足以证明服务人次，请补充。' });
    expect(r.status).toBe(200);
    expect(r.body.milestones[0].status).toBe('RETURNED');
    expect(r.body.milestones[0].reports[0]).toMatchObject({
      status: 'RETURNED',
      returnReason: '照片不足以证明服务人次，请补充。',
    });
    // returned twice: illegal
    expect((await t.http().post(`${base}/return`).set('Authorization', officer).send({ reason: '再退' })).status).toBe(
      409,
    );
    expect((await t.http().post(`${base}/accept`).set('Authorization', officer).send({})).status).toBe(409);
    const photo2 = (await upload(org, 'PHOTO', PHOTO_PNG, '补充照片.png')).body.id as number;
    const again = await t
      .http()
      .post(`${base}/reports`)
      .set('Authorization', org)
      .send(reportBody([photoId, photo2], { outputs: [{ code: 'OUT-1', actual: '2400.5' }] }));
    expect(again.status).toBe(201);
    const m = again.body.milestones[0];
    expect(m.status).toBe('SUBMITTED');
    expect(m.reports.map((x: { version: number; status: string }) => [x.version, x.status])).toEqual([
      [2, 'SUBMITTED'],
      [1, 'RETURNED'],
    ]);
    expect(m.reports[1].evidenceIds).toEqual([photoId, sheetId]); // the old version is kept as it was
  });

  it('accepts: the output values are stored as decimals, the need’s followers and the supplier are told', async () => {
    expect((await t.http().post(`${base}/accept`).set('Authorization', xwOfficer).send({})).status).toBe(404);
    expect((await t.http().post(`${base}/accept`).set('Authorization', org).send({})).status).toBe(403);
    const a = await t.http().post(`${base}/accept`).set('Authorization', officer).send({});
    expect(a.status).toBe(200);
    const m = a.body.milestones[0];
    expect(m).toMatchObject({ status: 'ACCEPTED' });
    expect(m.acceptedAt).not.toBeNull();
    expect(m.outputValues).toEqual([
      {
        code: 'OUT-1',
        name: '服务人次',
        targetText: '≥ 9600',
        targetValue: '9600.0000',
        unit: null,
        actualValue: '2400.5000',
      },
    ]);
    const rows = await t.ds.query(
      'SELECT contract_id, indicator_code, target_value, actual_value FROM contract_output_values WHERE milestone_id = ?',
      [c.milestoneIds[0]],
    );
    expect(rows).toEqual([
      { contract_id: c.contractId, indicator_code: 'OUT-1', target_value: '9600.0000', actual_value: '2400.5000' },
    ]);
    expect((await t.http().post(`${base}/accept`).set('Authorization', officer).send({})).status).toBe(409);
    expect((await upload(org, 'PHOTO', PHOTO_PNG)).status).toBe(409);
    const steps = await t.ds.query(
      `SELECT e.template FROM need_events e JOIN project_needs pn ON pn.need_id = e.need_id
       WHERE pn.project_id = ? AND e.template = 'milestones.step.accepted'`,
      [c.projectId],
    );
    expect(steps.length).toBeGreaterThan(0);
    const inbox = await t.ds.query(
      "SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'orgmember' AND n.template = 'milestones.report.accepted'",
    );
    expect(Number(inbox[0].n)).toBe(1);
    const audit = await t.ds.query(
      "SELECT action FROM audit_events WHERE entity_type = 'contract_milestone' AND entity_id = ? ORDER BY seq",
      [String(c.milestoneIds[0])],
    );
    expect(audit.map((x: { action: string }) => x.action)).toEqual(
      expect.arrayContaining([
        'contracts.milestone.submitted',
        'contracts.milestone.returned',
        'contracts.milestone.accepted',
      ]),
    );
  });

  it('takes no report while the contract is not live (a DRAFT answers 409)', async () => {
    const draft = await liveContract(t, '未签订合同', { status: 'DRAFT' });
    const path = `/api/v1/contracts/${draft.contractId}/milestones/${draft.milestoneIds[0]}`;
    expect((await upload(org, 'PHOTO', PHOTO_PNG, 'p.png', path)).status).toBe(409);
  });

  it('flags an owed milestone OVERDUE at its due time, once: both sides told, the record and the timeline written', async () => {
    const late = await liveContract(t, '逾期测试合同', {
      milestones: [
        { dueInDays: -1, shareBp: 5000 },
        { dueInDays: 60, shareBp: 5000 },
      ],
    });
    const clocks = t.app.get(MilestoneClocks);
    expect(await clocks.dueTick(late.milestoneIds[0])).toEqual({ result: 'OVERDUE' });
    expect(await clocks.dueTick(late.milestoneIds[0])).toEqual({ result: 'ALREADY_OVERDUE' });
    expect((await clocks.dueTick(late.milestoneIds[1])).result).toBe('NOT_DUE');
    const records = await t.ds.query(
      "SELECT template FROM organisation_records WHERE reference_type = 'contract_milestone' AND reference_id = ?",
      [String(late.milestoneIds[0])],
    );
    expect(records).toEqual([{ template: 'milestones.record.late_delivery' }]);
    const told = await t.ds.query(
      "SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.template = 'milestones.overdue' ORDER BY u.username",
    );
    expect(told.map((x: { username: string }) => x.username)).toEqual(expect.arrayContaining(['officer', 'orgmember']));
    expect(told.map((x: { username: string }) => x.username)).not.toContain('xw_officer');
    const list = await t.http().get(`/api/v1/contracts/${late.contractId}/milestones`).set('Authorization', org);
    expect(list.body.milestones.map((m: { overdue: boolean }) => m.overdue)).toEqual([true, false]);
    const steps = await t.ds.query(
      `SELECT COUNT(*) AS n FROM need_events e JOIN project_needs pn ON pn.need_id = e.need_id
       WHERE pn.project_id = ? AND e.template = 'milestones.step.overdue'`,
      [late.projectId],
    );
    expect(Number(steps[0].n)).toBeGreaterThan(0);

    // the board: overdue and waiting views, scoped to the region; the export
    const overdue = await t.http().get('/api/v1/milestones?view=OVERDUE&pageSize=100').set('Authorization', officer);
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.map((x: { id: number }) => x.id)).toContain(late.milestoneIds[0]);
    const xw = await t.http().get('/api/v1/milestones?view=OVERDUE&pageSize=100').set('Authorization', xwOfficer);
    expect(xw.body.items.map((x: { id: number }) => x.id)).not.toContain(late.milestoneIds[0]);
    const theirs = await t.http().get('/api/v1/milestones?pageSize=100').set('Authorization', org2);
    expect(theirs.body.items.map((x: { contractId: number }) => x.contractId)).not.toContain(late.contractId);
    const xlsx = await t
      .http()
      .get('/api/v1/milestones/export.xlsx?view=OVERDUE')
      .set('Authorization', officer)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
