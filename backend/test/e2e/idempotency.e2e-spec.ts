import { canonicalJson, sha256Hex } from '../../src/platform/util/canonical-json';
import { bearer, count, createTestApp, TestApp, userId } from '../support/test-app';

describe('Idempotency-Key', () => {
  let t: TestApp;
  let admin: string;
  const body = (username: string) => ({
    username,
    displayName: '幂等测试',
    password: 'Diandan@2026',
    roles: ['AUDITOR'],
    regionId: 1,
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await bearer(t, 'admin');
  });
  afterAll(() => t.close());

  it('replays the stored response for the same key and body, creating one user', async () => {
    const users = await count(t.ds, 'users');
    const first = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'create-idem-1')
      .send(body('idem1'));
    const second = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'create-idem-1')
      .send(body('idem1'));
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await count(t.ds, 'users')).toBe(users + 1);
  });

  it('answers 422 for the same key with a different body, changing nothing', async () => {
    await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'create-idem-2')
      .send(body('idem2'));
    const users = await count(t.ds, 'users');
    const res = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'create-idem-2')
      .send(body('idem2-other'));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count(t.ds, 'users')).toBe(users);
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const adminId = await userId(t.ds, 'admin');
    const hash = sha256Hex(`POST /api/v1/users\n${canonicalJson(body('idem3'))}`);
    await t.ds.query(
      "INSERT INTO idempotency_keys (owner, idem_key, request_hash, state, created_at, expires_at) VALUES (?, 'create-idem-3', ?, 'IN_FLIGHT', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 1 HOUR)",
      [`user:${adminId}`, hash],
    );
    const res = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'create-idem-3')
      .send(body('idem3'));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    const [{ n }] = await t.ds.query("SELECT COUNT(*) AS n FROM users WHERE username = 'idem3'");
    expect(Number(n)).toBe(0);
  });

  it('frees the key when the request fails, so a corrected retry can use it', async () => {
    const bad = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'create-idem-4')
      .send({ ...body('idem4'), password: 'short' });
    expect(bad.status).toBe(422);
    const good = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'create-idem-4')
      .send(body('idem4'));
    expect(good.status).toBe(201);
  });

  it('keeps keys per user: another admin may use the same key', async () => {
    const created = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({ ...body('idem_admin2'), roles: ['ADMIN'] });
    expect(created.status).toBe(201);
    const admin2 = await bearer(t, 'idem_admin2');
    const res = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin2)
      .set('Idempotency-Key', 'create-idem-1')
      .send(body('idem5'));
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('rejects a malformed key with 400', async () => {
    const res = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .set('Idempotency-Key', 'x')
      .send(body('idem6'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});
