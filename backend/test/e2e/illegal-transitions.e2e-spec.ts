import { activeLineId, bidBody, mealItemId, PLAN, publishedTender, tenderBody } from '../factories/procurement.factory';
import { awardedTender, draftTender, failedTender } from '../factories/tender-stages.factory';
import { bearer, createTestApp, regionId, TestApp } from '../support/test-app';

/**
 * Issue #9 A3: each of these answered 500 because the error's extra member `status` (the record's state) replaced the
 * HTTP status in the problem body. Each must be a 409 problem that names the state in its own member, and change
 * nothing.
 */
describe('illegal transitions answer 409, never 500', () => {
  let t: TestApp;
  let officer: string;
  let orgmember: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await bearer(t, 'officer');
    orgmember = await bearer(t, 'orgmember');
  });
  afterAll(() => t.close());

  const row = async (table: string, id: number) =>
    ((await t.ds.query(`SELECT * FROM \`${table}\` WHERE id = ?`, [id])) as Array<Record<string, unknown>>)[0];
  const auditCount = async () =>
    Number(((await t.ds.query('SELECT COUNT(*) AS n FROM audit_events')) as Array<{ n: string }>)[0].n);

  function expectConflict(
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    code: string,
    state: Record<string, string>,
  ): void {
    expect({ status: res.status, body: res.body }).toEqual({
      status: 409,
      body: expect.objectContaining({ status: 409, title: 'Conflict', code, ...state }),
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  }

  async function unchanged(table: string, id: number, act: () => Promise<void>): Promise<void> {
    const [before, events] = [await row(table, id), await auditCount()];
    await act();
    expect(await row(table, id)).toEqual(before);
    expect(await auditCount()).toBe(events);
  }

  it('PUT /tenders/:id on a published tender', async () => {
    const id = await publishedTender(t, 'A3已发布修改');
    const { project_id } = await row('tenders', id);
    await unchanged('tenders', id, async () => {
      const res = await t
        .http()
        .put(`/api/v1/tenders/${id}`)
        .set('Authorization', officer)
        .send(tenderBody(project_id as number, { title: '改名' }));
      expectConflict(res, 'TENDER_ILLEGAL_TRANSITION', { tenderStatus: 'PUBLISHED' });
    });
  });

  it('PUT /tenders/:id on a failed tender (流标)', async () => {
    const id = await failedTender(t, 'A3流标修改');
    const { project_id, status } = await row('tenders', id);
    expect(status).toBe('FAILED');
    await unchanged('tenders', id, async () => {
      const res = await t
        .http()
        .put(`/api/v1/tenders/${id}`)
        .set('Authorization', officer)
        .send(tenderBody(project_id as number));
      expectConflict(res, 'TENDER_ILLEGAL_TRANSITION', { tenderStatus: 'FAILED' });
    });
  });

  it('POST /tenders/:id/amendments on a tender not published', async () => {
    const { tenderId } = await draftTender(t, 'A3草稿更正');
    await unchanged('tenders', tenderId, async () => {
      const res = await t
        .http()
        .post(`/api/v1/tenders/${tenderId}/amendments`)
        .set('Authorization', officer)
        .send({ body: '更正：服务时间调整为每日 11:00', affectsPreparation: false });
      expectConflict(res, 'TENDER_ILLEGAL_TRANSITION', { tenderStatus: 'DRAFT' });
    });
  });

  it('POST /tenders/:id/qualification before opening', async () => {
    const id = await publishedTender(t, 'A3开标前资格审查');
    const bid = await t
      .http()
      .put(`/api/v1/tenders/${id}/my-bid`)
      .set('Authorization', orgmember)
      .send(bidBody('9000.00'));
    expect(bid.status).toBe(200);
    await unchanged('tenders', id, async () => {
      const res = await t
        .http()
        .post(`/api/v1/tenders/${id}/qualification`)
        .set('Authorization', officer)
        .send({ decisions: [{ bidId: bid.body.bidId, qualified: true }] });
      expectConflict(res, 'TENDER_ILLEGAL_TRANSITION', { tenderStatus: 'PUBLISHED' });
    });
  });

  it('POST /tenders/:id/qualification after the award', async () => {
    const { id, bidIds } = await awardedTender(t, 'A3中标后资格审查');
    await unchanged('tenders', id, async () => {
      const res = await t
        .http()
        .post(`/api/v1/tenders/${id}/qualification`)
        .set('Authorization', officer)
        .send({ decisions: Object.values(bidIds).map((bidId) => ({ bidId, qualified: false, reason: '资质过期' })) });
      expectConflict(res, 'TENDER_ILLEGAL_TRANSITION', { tenderStatus: 'AWARD_NOTICE' });
    });
  });

  it('PUT /projects/:id on an approved project', async () => {
    const { projectId } = await draftTender(t, 'A3已批准项目修改');
    const p = await row('projects', projectId);
    expect(p.status).toBe('APPROVED');
    const needIds = (
      (await t.ds.query('SELECT need_id FROM project_needs WHERE project_id = ?', [projectId])) as Array<{
        need_id: number;
      }>
    ).map((r) => r.need_id);
    await unchanged('projects', projectId, async () => {
      const res = await t
        .http()
        .put(`/api/v1/projects/${projectId}`)
        .set('Authorization', officer)
        .send({
          title: '改名',
          regionId: await regionId(t.ds, '320106002001'),
          catalogueItemId: await mealItemId(t),
          needIds,
          quantity: 800,
          unitPrice: '12.50',
          budgetLineId: await activeLineId(t),
          plan: PLAN,
        });
      expectConflict(res, 'PROJECT_ILLEGAL_TRANSITION', { projectStatus: 'APPROVED' });
    });
  });

  it('POST /catalogue/versions with copyFromVersionId null: 400 naming the field (null is not a version)', async () => {
    const before = await t.ds.query('SELECT COUNT(*) AS n FROM catalogue_versions');
    const res = await t
      .http()
      .post('/api/v1/catalogue/versions')
      .set('Authorization', officer)
      .send({ year: 2031, title: '2031年度目录', copyFromVersionId: null });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('copyFromVersionId');
    expect(await t.ds.query('SELECT COUNT(*) AS n FROM catalogue_versions')).toEqual(before);
  });
});
