import jwt from 'jsonwebtoken';

import { count, createTestApp, DEMO_PASSWORD, login, TestApp, userId } from '../support/test-app';

describe('sign-in, lockout and sessions (HTTP, real MariaDB)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function makeUser(username: string): Promise<number> {
    const admin = await login(t, 'admin');
    const res = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .send({ username, displayName: username, password: DEMO_PASSWORD, roles: ['AUDITOR'], regionId: 1 });
    expect(res.status).toBe(201);
    return res.body.id as number;
  }

  it('signs in with the right password and answers /me with roles, permissions and region', async () => {
    const { accessToken } = await login(t, 'officer');
    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'officer',
      roles: ['PROCUREMENT_OFFICER'],
      region: { name: '鼓楼区', code: '320106000000', level: 'DISTRICT' },
    });
    expect(me.body.permissions).toContain('users.read');
    expect(me.body.permissions).not.toContain('users.manage');
  });

  it('answers a wrong password with a 401 problem and audits it', async () => {
    const before = await count(t.ds, 'audit_events');
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'finance', password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'IDENTITY_INVALID_CREDENTIALS' });
    const events: Array<{ action: string }> = await t.ds.query(
      'SELECT action FROM audit_events WHERE seq > ? ORDER BY seq',
      [before],
    );
    expect(events.map((e) => e.action)).toEqual(['identity.login.failed']);
    // the counter was committed even though the request failed; a good login resets it
    await login(t, 'finance');
    const [{ failed_login_count }] = await t.ds.query(
      "SELECT failed_login_count FROM users WHERE username = 'finance'",
    );
    expect(failed_login_count).toBe(0);
  });

  /** The body of a problem without what differs per request. */
  function problemOf(res: { status: number; body: Record<string, unknown>; headers: Record<string, string> }) {
    const { instance: _instance, requestId: _requestId, ...rest } = res.body;
    return { status: res.status, type: res.headers['content-type'], body: rest };
  }

  it('locks the account after 5 failures for 15 minutes, refusing even the right password', async () => {
    const id = await makeUser('lockme');
    for (let i = 1; i <= 4; i++) {
      const r = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'lockme', password: `bad-${i}-password` });
      expect(r.status).toBe(401);
    }
    const fifth = await t.http().post('/api/v1/auth/login').send({ username: 'lockme', password: 'bad-5-password' });
    const [row] = await t.ds.query(
      'SELECT locked_until, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(3), locked_until) AS secs FROM users WHERE id = ?',
      [id],
    );
    expect(Number(row.secs)).toBeGreaterThan(14 * 60);
    expect(Number(row.secs)).toBeLessThanOrEqual(15 * 60);

    // No account discovery: the locking failure, the right password while locked, a wrong one while locked and
    // an unknown account all answer exactly as a wrong password does (status, code, message, no lockedUntil).
    const right = await t.http().post('/api/v1/auth/login').send({ username: 'lockme', password: DEMO_PASSWORD });
    const wrongWhileLocked = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'lockme', password: 'bad-6-pw' });
    const unknown = await t.http().post('/api/v1/auth/login').send({ username: 'nobody-here', password: 'bad-6-pw' });
    const wrong = await t.http().post('/api/v1/auth/login').send({ username: 'finance', password: 'bad-6-pw' });
    expect(problemOf(wrong)).toMatchObject({ status: 401, body: { code: 'IDENTITY_INVALID_CREDENTIALS' } });
    for (const res of [fifth, right, wrongWhileLocked, unknown]) expect(problemOf(res)).toEqual(problemOf(wrong));
    expect(right.body).not.toHaveProperty('lockedUntil');

    // ...and the lockout is still audited: the locking failure and each refused attempt
    const events: Array<{ action: string }> = await t.ds.query(
      "SELECT action FROM audit_events WHERE entity_type = 'user' AND entity_id = ? ORDER BY seq",
      [String(id)],
    );
    expect(events.map((e) => e.action).slice(-3)).toEqual([
      'identity.account.locked',
      'identity.login.refused_locked',
      'identity.login.refused_locked',
    ]);

    // The database clock decides: once locked_until has passed, the right password works again.
    await t.ds.query('UPDATE users SET locked_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [id]);
    const after = await t.http().post('/api/v1/auth/login').send({ username: 'lockme', password: DEMO_PASSWORD });
    expect(after.status).toBe(200);
    const [cleared] = await t.ds.query('SELECT failed_login_count, locked_until FROM users WHERE id = ?', [id]);
    expect(cleared).toEqual({ failed_login_count: 0, locked_until: null });
  });

  it('rotates refresh tokens, and reuse of a spent one revokes the whole family', async () => {
    const first = await login(t, 'auditor');
    const second = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${second.body.accessToken}`);
    expect(me.status).toBe(200);

    // replaying the first (spent) token: reuse detected
    const replay = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('IDENTITY_REFRESH_TOKEN_REUSED');

    // ...which ended the family: the newest refresh token and its access token are dead too
    const next = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(next.status).toBe(401);
    const meAfter = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${second.body.accessToken}`);
    expect(meAfter.status).toBe(401);
    const [ev] = await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'identity.session.reuse_detected' AND actor_username = 'auditor'",
    );
    expect(Number(ev.n)).toBe(1);
  });

  it('logs out: the session ends and its tokens stop working', async () => {
    const s = await login(t, 'worker');
    expect((await t.http().post('/api/v1/auth/logout').send({ refreshToken: s.refreshToken })).status).toBe(204);
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${s.accessToken}`)).status).toBe(401);
    expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
  });

  it('disabling a user kills their sessions at once and blocks sign-in; enabling restores sign-in', async () => {
    const id = await makeUser('tobedisabled');
    const victim = await login(t, 'tobedisabled');
    const admin = await login(t, 'admin');
    const res = await t.http().post(`/api/v1/users/${id}/disable`).set('Authorization', `Bearer ${admin.accessToken}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('DISABLED');
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${victim.accessToken}`)).status).toBe(401);
    const again = await t.http().post('/api/v1/auth/login').send({ username: 'tobedisabled', password: DEMO_PASSWORD });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('IDENTITY_ACCOUNT_DISABLED');
    const twice = await t
      .http()
      .post(`/api/v1/users/${id}/disable`)
      .set('Authorization', `Bearer ${admin.accessToken}`);
    expect(twice.status).toBe(409);
    expect(
      (await t.http().post(`/api/v1/users/${id}/enable`).set('Authorization', `Bearer ${admin.accessToken}`)).status,
    ).toBe(200);
    await login(t, 'tobedisabled');
  });

  it('rejects a tampered or foreign access token: another key, another issuer, expired, alg none', async () => {
    const { accessToken } = await login(t, 'officer');
    const me = (token: string) => t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    const real = jwt.decode(accessToken) as unknown as { sub: number; sid: string };
    const claims = { sub: real.sub, sid: real.sid };
    const ownKey = t.env.JWT_SECRET;
    // The control: the same claims signed as the app signs them are accepted — so each refusal below is for
    // the one thing that differs (key, issuer, expiry, algorithm), not for the claims.
    const genuine = jwt.sign(claims, ownKey, { algorithm: 'HS256', issuer: 'diandan', expiresIn: 60 });
    expect((await me(genuine)).status).toBe(200);

    const tampered = accessToken.slice(0, -2) + (accessToken.endsWith('A') ? 'BB' : 'AA');
    const otherKey = jwt.sign(claims, 'another-secret-of-at-least-32-characters!!', {
      algorithm: 'HS256',
      issuer: 'diandan',
      expiresIn: 60,
    });
    const otherIssuer = jwt.sign(claims, ownKey, { algorithm: 'HS256', issuer: 'not-diandan', expiresIn: 60 });
    const noIssuer = jwt.sign(claims, ownKey, { algorithm: 'HS256', expiresIn: 60 });
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, ownKey, {
      algorithm: 'HS256',
      issuer: 'diandan',
    });
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const payload = b64({ ...claims, iss: 'diandan', iat: now, exp: now + 60 });
    const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    // HS384 with the right key: only HS256 is accepted
    const otherAlg = jwt.sign(claims, ownKey, { algorithm: 'HS384', issuer: 'diandan', expiresIn: 60 });
    for (const [name, token] of Object.entries({
      tampered,
      otherKey,
      otherIssuer,
      noIssuer,
      expired,
      algNone,
      otherAlg,
    })) {
      const res = await me(token);
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await t.http().get('/api/v1/me')).status).toBe(401);
  });

  describe('sign-in limits (per account and per address, in Redis, shared by every process)', () => {
    // Each test uses addresses and usernames of its own (X-Forwarded-For through one trusted proxy hop): the
    // counters live in the run's Redis prefix, shared with the other tests of the run.
    const limits = {
      TRUST_PROXY_HOPS: 1,
      LOGIN_FAILURES_PER_ACCOUNT: 4,
      LOGIN_FAILURES_PER_ADDRESS: 6,
      LOGIN_FAILURE_WINDOW_SECONDS: 600,
    };
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      // two API processes (two Nest apps, two Redis connections) over the same database and Redis
      a = await createTestApp(limits);
      b = await createTestApp(limits);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });
    const attempt = (app: TestApp, address: string, username: string, password: string) =>
      app.http().post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username, password });

    function expectLimited(res: { status: number; body: Record<string, unknown>; headers: Record<string, string> }) {
      expect(res.status).toBe(429);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      const retryAfter = Number(res.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(limits.LOGIN_FAILURE_WINDOW_SECONDS);
      return retryAfter;
    }

    it('a guessing run on one account is stopped whatever the address, and counted across both processes', async () => {
      await makeUser('guessed');
      const statuses: number[] = [];
      for (let i = 0; i < limits.LOGIN_FAILURES_PER_ACCOUNT; i++) {
        // alternate processes and addresses: only a count shared in Redis and kept per account stops this
        const app = i % 2 === 0 ? a : b;
        statuses.push((await attempt(app, `198.51.100.${10 + i}`, 'guessed', `guess-${i}-pw`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401]);
      const next = await attempt(a, '198.51.100.99', 'guessed', 'guess-x-pw');
      const retryAfter = expectLimited(next);
      expect(retryAfter).toBeGreaterThan(limits.LOGIN_FAILURE_WINDOW_SECONDS - 60);
      // even the right password waits (the limit is on the account, not on a wrong guess)…
      expectLimited(await attempt(b, '198.51.100.98', 'guessed', DEMO_PASSWORD));
      // …the account's case and trailing spaces do not open a second counter…
      expectLimited(await attempt(b, '198.51.100.97', 'GUESSED ', 'guess-y-pw'));
      // …unknown accounts are limited alike (no account discovery), and other accounts are untouched
      for (let i = 0; i < limits.LOGIN_FAILURES_PER_ACCOUNT; i++)
        expect((await attempt(a, `198.51.100.${40 + i}`, 'no-such-user', 'x-password')).status).toBe(401);
      expectLimited(await attempt(b, '198.51.100.50', 'no-such-user', 'x-password'));
      expect((await attempt(b, '198.51.100.99', 'officer', DEMO_PASSWORD)).status).toBe(200);
    });

    it('a guessing run from one address is stopped for every account, other addresses are not', async () => {
      const address = '203.0.113.7';
      for (let i = 0; i < limits.LOGIN_FAILURES_PER_ADDRESS; i++) {
        const res = await attempt(i % 2 === 0 ? a : b, address, `spray-${i}`, 'Spring2026!');
        expect(res.status).toBe(401);
      }
      expectLimited(await attempt(a, address, 'spray-x', 'Spring2026!'));
      expectLimited(await attempt(b, address, 'finance', DEMO_PASSWORD));
      expect((await attempt(a, '203.0.113.8', 'finance', DEMO_PASSWORD)).status).toBe(200);
    });

    it('a bureau behind one address signs in at 8:30: successful sign-ins and a few typos never shut it out', async () => {
      const address = '192.0.2.1';
      const staff = ['officer', 'finance', 'worker', 'auditor', 'admin', 'xw_officer'];
      // three times as many sign-ins as the address may fail, with typos just under the limit, from both processes
      let typos = 0;
      for (let round = 0; round < 3; round++) {
        for (const [i, username] of staff.entries()) {
          const app = (round + i) % 2 === 0 ? a : b;
          if (typos < limits.LOGIN_FAILURES_PER_ADDRESS - 1 && i === round) {
            expect((await attempt(app, address, username, 'typo-in-it')).status).toBe(401);
            typos++;
          }
          expect((await attempt(app, address, username, DEMO_PASSWORD)).status).toBe(200);
        }
      }
      expect(typos).toBe(3);
    });

    it('caps all auth requests per address (refresh, logout, registration too) with Retry-After', async () => {
      const capped = await createTestApp({ TRUST_PROXY_HOPS: 1, AUTH_RATE_LIMIT: 3, AUTH_RATE_WINDOW_SECONDS: 60 });
      try {
        const address = '192.0.2.200';
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++)
          statuses.push(
            (
              await capped
                .http()
                .post('/api/v1/auth/refresh')
                .set('X-Forwarded-For', address)
                .send({ refreshToken: 'x'.repeat(43) })
            ).status,
          );
        expect(statuses).toEqual([401, 401, 401]);
        const over = await capped
          .http()
          .post('/api/v1/organisations/register')
          .set('X-Forwarded-For', address)
          .send({});
        expect(over.status).toBe(429);
        expect(over.body.code).toBe('RATE_LIMITED');
        expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
        const other = await capped
          .http()
          .post('/api/v1/auth/refresh')
          .set('X-Forwarded-For', '192.0.2.201')
          .send({ refreshToken: 'x'.repeat(43) });
        expect(other.status).toBe(401);
      } finally {
        await capped.close();
      }
    });
  });

  it('lets an admin create a user whose password meets the policy only', async () => {
    const admin = await login(t, 'admin');
    const before = await count(t.ds, 'users');
    const create = (username: string, password: string) =>
      t
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin.accessToken}`)
        .send({ username, displayName: 'W', password, roles: ['AUDITOR'], regionId: 1 });
    for (const [password, problem] of [
      ['short', 'at least 8'],
      ['policyuser-2026', 'username'],
      ['12345678', 'common'],
      ['zzzzzzzzzz', 'one character'],
    ]) {
      const weak = await create('policyuser', password);
      expect(weak.status).toBe(422);
      expect(weak.body.code).toBe('IDENTITY_PASSWORD_POLICY');
      expect(weak.body.errors).toEqual([{ field: 'password', message: expect.stringContaining(problem) }]);
    }
    expect(await count(t.ds, 'users')).toBe(before);

    // a password that meets the policy (8+ characters, not the username, not common, not one character) is accepted
    const ok = await create('policyuser', '社区服务点单系统');
    expect(ok.status).toBe(201);
    expect(await count(t.ds, 'users')).toBe(before + 1);
    expect(await userId(t.ds, 'policyuser')).toBe(ok.body.id);
    await login(t, 'policyuser', '社区服务点单系统');
  });

  describe('nobody grants themselves powers', () => {
    it('an admin cannot change their own roles or region (403), and nothing changes', async () => {
      const admin = await login(t, 'admin');
      const adminId = await userId(t.ds, 'admin');
      const auditBefore = await count(t.ds, 'audit_events');
      for (const body of [
        { roles: ['ADMIN', 'FINANCE_OFFICER'] },
        { roles: ['AUDITOR'] },
        { regionId: await regionIdOf('320106000000') },
      ]) {
        const res = await t
          .http()
          .patch(`/api/v1/users/${adminId}`)
          .set('Authorization', `Bearer ${admin.accessToken}`)
          .send(body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({
          body,
          status: 403,
          code: 'IDENTITY_CANNOT_CHANGE_OWN_ROLES',
        });
      }
      const roles: Array<{ role: string }> = await t.ds.query('SELECT role FROM user_roles WHERE user_id = ?', [
        adminId,
      ]);
      expect(roles.map((r) => r.role)).toEqual(['ADMIN']);
      expect(await count(t.ds, 'audit_events')).toBe(auditBefore);
      // ...while their own display name (and the same roles, unchanged) is fine
      const ok = await t
        .http()
        .patch(`/api/v1/users/${adminId}`)
        .set('Authorization', `Bearer ${admin.accessToken}`)
        .send({ displayName: '系统管理员', roles: ['ADMIN'] });
      expect(ok.status).toBe(200);
    });

    it('ADMIN and AUDITOR are never held together: refused on create and on update, and by the database', async () => {
      const admin = await login(t, 'admin');
      const auth = `Bearer ${admin.accessToken}`;
      const before = await count(t.ds, 'users');
      const both = await t
        .http()
        .post('/api/v1/users')
        .set('Authorization', auth)
        .send({
          username: 'twohats',
          displayName: 'T',
          password: DEMO_PASSWORD,
          roles: ['ADMIN', 'AUDITOR'],
          regionId: 1,
        });
      expect(both.status).toBe(422);
      expect(both.body.code).toBe('IDENTITY_ROLE_ASSIGNMENT_INVALID');
      expect(await count(t.ds, 'users')).toBe(before);

      const id = await makeUser('auditor2');
      const grant = await t
        .http()
        .patch(`/api/v1/users/${id}`)
        .set('Authorization', auth)
        .send({ roles: ['AUDITOR', 'ADMIN'] });
      expect(grant.status).toBe(422);
      expect(grant.body.code).toBe('IDENTITY_ROLE_ASSIGNMENT_INVALID');
      const roles: Array<{ role: string }> = await t.ds.query('SELECT role FROM user_roles WHERE user_id = ?', [id]);
      expect(roles.map((r) => r.role)).toEqual(['AUDITOR']);

      // whoever writes the database directly is refused too (trigger), in either order
      await expect(t.ds.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'ADMIN')", [id])).rejects.toThrow(
        /ADMIN and AUDITOR/,
      );
      const adminId = await userId(t.ds, 'admin');
      await expect(
        t.ds.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'AUDITOR')", [adminId]),
      ).rejects.toThrow(/ADMIN and AUDITOR/);
      await expect(
        t.ds.query("UPDATE user_roles SET role = 'ADMIN' WHERE user_id = ? AND role = 'AUDITOR'", [id]),
      ).resolves.toBeDefined(); // a swap (the user then holds ADMIN only) is allowed
      await t.ds.query("UPDATE user_roles SET role = 'AUDITOR' WHERE user_id = ?", [id]);
      // no demo account holds both
      const [{ n }] = await t.ds.query(
        "SELECT COUNT(*) AS n FROM user_roles a JOIN user_roles b ON a.user_id = b.user_id WHERE a.role = 'ADMIN' AND b.role = 'AUDITOR'",
      );
      expect(Number(n)).toBe(0);
    });
  });

  describe('passwords: change, reset, unlock', () => {
    const NEW_PASSWORD = 'a-longer-passphrase-2026';

    it('a user changes their own password: current one checked, policy applied, other sessions ended, audited', async () => {
      const id = await makeUser('changer');
      const other = await login(t, 'changer'); // e.g. a phone left signed in
      const mine = await login(t, 'changer');
      const change = (body: object) =>
        t.http().post('/api/v1/me/password').set('Authorization', `Bearer ${mine.accessToken}`).send(body);

      const wrong = await change({ currentPassword: 'not-the-password', newPassword: NEW_PASSWORD });
      expect(wrong.status).toBe(422);
      expect(wrong.body).toMatchObject({
        code: 'IDENTITY_CURRENT_PASSWORD_WRONG',
        errors: [{ field: 'currentPassword', message: expect.any(String) }],
      });
      // a wrong current password counts towards the lockout like a failed sign-in
      const [{ failed_login_count }] = await t.ds.query('SELECT failed_login_count FROM users WHERE id = ?', [id]);
      expect(failed_login_count).toBe(1);

      const weak = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'changer123' });
      expect(weak.status).toBe(422);
      expect(weak.body.code).toBe('IDENTITY_PASSWORD_POLICY');
      expect(weak.body.errors[0].field).toBe('newPassword');
      const same = await change({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
      expect(same.status).toBe(422);
      expect(same.body.errors[0].field).toBe('newPassword');

      const ok = await change({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
      expect(ok.status).toBe(204);
      // this session goes on, the other one is over
      expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${mine.accessToken}`)).status).toBe(200);
      expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${other.accessToken}`)).status).toBe(401);
      expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken })).status).toBe(401);
      expect(
        (await t.http().post('/api/v1/auth/login').send({ username: 'changer', password: DEMO_PASSWORD })).status,
      ).toBe(401);
      await login(t, 'changer', NEW_PASSWORD);
      const [row] = await t.ds.query('SELECT failed_login_count, password_changed_at FROM users WHERE id = ?', [id]);
      expect(row.failed_login_count).toBe(0);
      expect(row.password_changed_at).not.toBeNull();
      const events: Array<{ action: string; after_json: string; actor_id: number }> = await t.ds.query(
        "SELECT action, after_json, actor_id FROM audit_events WHERE entity_type = 'user' AND entity_id = ? AND action LIKE 'identity.password.%' ORDER BY seq",
        [String(id)],
      );
      expect(events.map((e) => e.action)).toEqual(['identity.password.change_failed', 'identity.password.changed']);
      expect(JSON.parse(events[1].after_json)).toEqual({ sessionsRevoked: 1, mustChangePassword: false });
      expect(events[1].actor_id).toBe(id);
      expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
    });

    it('an admin resets a password: a one-time temporary password, shown once; the user must change it at next sign-in', async () => {
      const id = await makeUser('forgetful');
      const before = await login(t, 'forgetful');
      const admin = await login(t, 'admin');
      const reset = await t
        .http()
        .post(`/api/v1/users/${id}/reset-password`)
        .set('Authorization', `Bearer ${admin.accessToken}`)
        .send({});
      expect(reset.status).toBe(200);
      expect(reset.headers['cache-control']).toMatch(/no-store/);
      const temporary = reset.body.temporaryPassword as string;
      expect(temporary).toMatch(/^[A-Za-z0-9-]{12,}$/);
      // the old password and the old sessions are gone
      expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${before.accessToken}`)).status).toBe(401);
      expect(
        (await t.http().post('/api/v1/auth/login').send({ username: 'forgetful', password: DEMO_PASSWORD })).status,
      ).toBe(401);
      // the temporary password signs in, but only to change it
      const signIn = await t.http().post('/api/v1/auth/login').send({ username: 'forgetful', password: temporary });
      expect(signIn.status).toBe(200);
      expect(signIn.body.mustChangePassword).toBe(true);
      const auth = `Bearer ${signIn.body.accessToken as string}`;
      const me = await t.http().get('/api/v1/me').set('Authorization', auth);
      expect(me.status).toBe(200);
      expect(me.body.mustChangePassword).toBe(true);
      for (const path of ['/api/v1/users', '/api/v1/audit', '/api/v1/inbox']) {
        const res = await t.http().get(path).set('Authorization', auth);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 403,
          code: 'IDENTITY_PASSWORD_CHANGE_REQUIRED',
        });
      }
      const changed = await t
        .http()
        .post('/api/v1/me/password')
        .set('Authorization', auth)
        .send({ currentPassword: temporary, newPassword: NEW_PASSWORD });
      expect(changed.status).toBe(204);
      expect((await t.http().get('/api/v1/users').set('Authorization', auth)).status).toBe(200);
      expect((await t.http().get('/api/v1/me').set('Authorization', auth)).body.mustChangePassword).toBe(false);
      // one-time: the temporary password no longer works
      expect(
        (await t.http().post('/api/v1/auth/login').send({ username: 'forgetful', password: temporary })).status,
      ).toBe(401);
      expect((await login(t, 'forgetful', NEW_PASSWORD)).accessToken).toBeTruthy();

      const [event] = await t.ds.query(
        "SELECT actor_username, after_json FROM audit_events WHERE action = 'identity.password.reset' AND entity_id = ?",
        [String(id)],
      );
      expect(event.actor_username).toBe('admin');
      expect(JSON.parse(event.after_json)).toEqual({ mustChangePassword: true, sessionsRevoked: 1, unlocked: false });
      expect(JSON.stringify(event)).not.toContain(temporary);

      // an admin changes their own password the ordinary way, never by reset
      const self = await t
        .http()
        .post(`/api/v1/users/${await userId(t.ds, 'admin')}/reset-password`)
        .set('Authorization', `Bearer ${admin.accessToken}`)
        .send({});
      expect(self.status).toBe(422);
      expect(self.body.code).toBe('IDENTITY_CANNOT_RESET_OWN_PASSWORD');
      // and an officer (users.read only) may not reset anyone's
      const officer = await login(t, 'officer');
      expect(
        (
          await t
            .http()
            .post(`/api/v1/users/${id}/reset-password`)
            .set('Authorization', `Bearer ${officer.accessToken}`)
            .send({})
        ).status,
      ).toBe(403);
    });

    it('an admin unlocks a locked account at once, audited; an account that is not locked answers 409', async () => {
      const id = await makeUser('unlockme');
      for (let i = 1; i <= 5; i++)
        await t
          .http()
          .post('/api/v1/auth/login')
          .send({ username: 'unlockme', password: `bad-${i}-password` });
      expect(
        (await t.http().post('/api/v1/auth/login').send({ username: 'unlockme', password: DEMO_PASSWORD })).status,
      ).toBe(401);
      const admin = await login(t, 'admin');
      const listed = await t.http().get(`/api/v1/users/${id}`).set('Authorization', `Bearer ${admin.accessToken}`);
      expect(listed.body.lockedUntil).not.toBeNull();
      const unlock = () =>
        t.http().post(`/api/v1/users/${id}/unlock`).set('Authorization', `Bearer ${admin.accessToken}`).send({});
      const res = await unlock();
      expect(res.status).toBe(200);
      expect(res.body.lockedUntil).toBeNull();
      await login(t, 'unlockme');
      const again = await unlock();
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('IDENTITY_ILLEGAL_TRANSITION');
      const [event] = await t.ds.query(
        "SELECT actor_username, before_json, after_json FROM audit_events WHERE action = 'identity.account.unlocked' AND entity_id = ?",
        [String(id)],
      );
      expect(event.actor_username).toBe('admin');
      expect(JSON.parse(event.after_json)).toEqual({ failedLoginCount: 0, lockedUntil: null });
      expect(JSON.parse(event.before_json).failedLoginCount).toBe(5);
    });
  });

  async function regionIdOf(code: string): Promise<number> {
    const [r] = await t.ds.query('SELECT id FROM regions WHERE code = ?', [code]);
    return r.id as number;
  }
});
