import { bearer, count, createTestApp, regionId, TestApp } from '../support/test-app';

describe('regions and the working-day calendar', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await bearer(t, 'admin');
  });
  afterAll(() => t.close());

  it('adds a community under a street, with the path and an audit event', async () => {
    const street = await regionId(t.ds, '320106002000');
    const res = await t
      .http()
      .post('/api/v1/regions')
      .set('Authorization', admin)
      .send({ parentId: street, code: '320106002009', name: '测试社区' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ level: 'COMMUNITY', parentId: street, code: '320106002009' });
    expect(res.body.path).toMatch(new RegExp(`/${street}/${res.body.id}/$`));
    const [ev] = await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'regions.region.created' AND entity_id = ?",
      [String(res.body.id)],
    );
    expect(Number(ev.n)).toBe(1);
  });

  it('refuses a code outside the parent prefix (422), a duplicate code (409), and children of a community (422)', async () => {
    const street = await regionId(t.ds, '320106002000');
    const community = await regionId(t.ds, '320106002001');
    const before = await count(t.ds, 'regions');
    const wrong = await t
      .http()
      .post('/api/v1/regions')
      .set('Authorization', admin)
      .send({ parentId: street, code: '320102002009', name: 'x' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'REGION_CODE_INVALID', reason: 'PREFIX' });
    const dup = await t
      .http()
      .post('/api/v1/regions')
      .set('Authorization', admin)
      .send({ parentId: street, code: '320106002001', name: 'x' });
    expect(dup.status).toBe(409);
    const below = await t
      .http()
      .post('/api/v1/regions')
      .set('Authorization', admin)
      .send({ parentId: community, code: '320106002001', name: 'x' });
    expect(below.status).toBe(422);
    expect(await count(t.ds, 'regions')).toBe(before);
  });

  it('renames a region: saved, read back by everybody (the region cache is cleared), and audited with before and after', async () => {
    const id = await regionId(t.ds, '320106005002');
    const officer = await bearer(t, 'officer');
    // read it first, so that a stale cache would answer the old name afterwards
    expect((await t.http().get(`/api/v1/regions/${id}`).set('Authorization', officer)).body.name).toBe('高云岭社区');
    const res = await t
      .http()
      .patch(`/api/v1/regions/${id}`)
      .set('Authorization', admin)
      .send({ name: '高云岭社区（新）' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('高云岭社区（新）');

    const [row] = await t.ds.query('SELECT name, code FROM regions WHERE id = ?', [id]);
    expect(row).toEqual({ name: '高云岭社区（新）', code: '320106005002' });
    expect((await t.http().get(`/api/v1/regions/${id}`).set('Authorization', officer)).body.name).toBe(
      '高云岭社区（新）',
    );
    const street = await regionId(t.ds, '320106005000');
    const subtree = await t.http().get(`/api/v1/regions/${street}/subtree`).set('Authorization', officer);
    expect((subtree.body as Array<{ id: number; name: string }>).find((r) => r.id === id)?.name).toBe(
      '高云岭社区（新）',
    );

    const events = await t.ds.query(
      "SELECT actor_username, before_json, after_json FROM audit_events WHERE action = 'regions.region.updated' AND entity_type = 'region' AND entity_id = ?",
      [String(id)],
    );
    expect(events).toHaveLength(1);
    expect(events[0].actor_username).toBe('admin');
    expect(JSON.parse(events[0].before_json as string)).toMatchObject({ id, name: '高云岭社区', code: '320106005002' });
    expect(JSON.parse(events[0].after_json as string)).toMatchObject({
      id,
      name: '高云岭社区（新）',
      code: '320106005002',
    });
  });

  it('counts working days across the 2026 National Day holiday with its make-up days', async () => {
    const officer = await bearer(t, 'officer');
    // From Mon 28 Sep 2026: 29, 30 Sep are 1–2; 1–7 Oct off; Thu 8 (3), Fri 9 (4), Sat 10 make-up (5), Mon 12 (6), Tue 13 (7)
    const res = await t
      .http()
      .get('/api/v1/calendar/add-working-days?from=2026-09-28&days=7')
      .set('Authorization', officer);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ from: '2026-09-28', days: 7, date: '2026-10-13', deadline: '2026-10-13T16:00:00.000Z' });
  });

  it('lets an admin declare and remove a holiday, which moves the count', async () => {
    const officer = await bearer(t, 'officer');
    const before = await t
      .http()
      .get('/api/v1/calendar/add-working-days?from=2027-03-01&days=1')
      .set('Authorization', officer);
    expect(before.body.date).toBe('2027-03-02');
    expect(
      (
        await t
          .http()
          .put('/api/v1/calendar/days/2027-03-02')
          .set('Authorization', admin)
          .send({ kind: 'HOLIDAY', name: '测试假日' })
      ).status,
    ).toBe(204);
    const after = await t
      .http()
      .get('/api/v1/calendar/add-working-days?from=2027-03-01&days=1')
      .set('Authorization', officer);
    expect(after.body.date).toBe('2027-03-03');
    const year = await t.http().get('/api/v1/calendar/2027').set('Authorization', officer);
    expect(year.body.days).toContainEqual({ date: '2027-03-02', kind: 'HOLIDAY', name: '测试假日' });
    expect((await t.http().delete('/api/v1/calendar/days/2027-03-02').set('Authorization', admin)).status).toBe(204);
    expect((await t.http().delete('/api/v1/calendar/days/2027-03-02').set('Authorization', admin)).status).toBe(404);
    expect(
      (
        await t
          .http()
          .put('/api/v1/calendar/days/2027-03-02')
          .set('Authorization', officer)
          .send({ kind: 'HOLIDAY', name: 'x' })
      ).status,
    ).toBe(403);
  });

  it('seeds 2025 and 2026 with holidays and make-up workdays', async () => {
    const officer = await bearer(t, 'officer');
    const res = await t.http().get('/api/v1/calendar/2026').set('Authorization', officer);
    expect(res.body.days).toContainEqual({ date: '2026-02-14', kind: 'WORKDAY', name: '春节调休上班' });
    expect(res.body.days).toContainEqual({ date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' });
  });
});
