import { chainHash } from '../../src/modules/audit/domain/hash-chain';
import { adminConnection, bearer, createTestApp, login, TestApp } from '../support/test-app';

/**
 * No secret-bearing id in the audit trail (issue #9 A7): a session id is the `sid` of every access token of the
 * session, so an auditor who could read it, with the token secret, could act as the user.
 */
describe('audit: secrets never reach the audit trail or its readers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function sessionsOf(username: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await t.ds.query(
      'SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ?',
      [username],
    );
    return rows.map((r) => r.id);
  }

  it('stores a reference, not the session id, for sign-in, refresh and sign-out', async () => {
    const [{ mark }] = await t.ds.query('SELECT last_seq AS mark FROM audit_chain_head');
    const known = new Set(await sessionsOf('expert3')); // other test files may have signed expert3 in already
    const { refreshToken } = await login(t, 'expert3');
    const refreshed = await t.http().post('/api/v1/auth/refresh').send({ refreshToken });
    expect(refreshed.status).toBe(200);
    const out = await t.http().post('/api/v1/auth/logout').send({ refreshToken: refreshed.body.refreshToken });
    expect(out.status).toBeLessThan(300);

    const events: Array<{ action: string; entity_id: string }> = await t.ds.query(
      "SELECT action, entity_id FROM audit_events WHERE seq > ? AND actor_username = 'expert3' AND entity_type = 'session' ORDER BY seq",
      [mark],
    );
    expect(events.map((e) => e.action)).toEqual([
      'identity.login.succeeded',
      'identity.session.refreshed',
      'identity.logout',
    ]);
    const [sid] = (await sessionsOf('expert3')).filter((id) => !known.has(id));
    for (const e of events) expect(e.entity_id).toMatch(/^ref:[0-9a-f]{16}$/);
    expect(new Set(events.map((e) => e.entity_id)).size).toBe(1); // one reference per session: still correlatable
    const [{ n }] = await t.ds.query(
      'SELECT COUNT(*) AS n FROM audit_events WHERE entity_id = ? OR after_json LIKE ? OR before_json LIKE ?',
      [sid, `%${sid}%`, `%${sid}%`],
    );
    expect(Number(n)).toBe(0);
  });

  it('redacts rows written before, in the audit API, while the chain still verifies on what is stored', async () => {
    const legacySid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const admin = await adminConnection(t.env);
    try {
      // an event as the old code wrote it (session id in clear, secrets in after), appended with a valid hash
      const [[head]] = (await admin.query(
        'SELECT last_seq, last_hash, UTC_TIMESTAMP(3) AS now FROM audit_chain_head',
      )) as unknown as [Array<{ last_seq: string; last_hash: string; now: Date }>];
      const fields = {
        seq: Number(head.last_seq) + 1,
        occurredAt: head.now,
        actorId: null,
        actorUsername: 'legacy',
        actorRoles: [],
        ip: null,
        action: 'identity.login.succeeded',
        entityType: 'session',
        entityId: legacySid,
        regionPath: null,
        before: null,
        after: { sessionId: legacySid, idempotencyKey: 'pay-2026-0001', password: 'Diandan@2026', note: 'kept' },
      };
      await admin.query(
        `INSERT INTO audit_events (seq, occurred_at, actor_id, actor_username, actor_roles, ip, action, entity_type,
           entity_id, region_path, before_json, after_json, prev_hash, hash)
         VALUES (?, ?, NULL, 'legacy', '', NULL, ?, 'session', ?, NULL, NULL, ?, ?, ?)`,
        [
          fields.seq,
          fields.occurredAt,
          fields.action,
          legacySid,
          JSON.stringify({
            idempotencyKey: 'pay-2026-0001',
            note: 'kept',
            password: 'Diandan@2026',
            sessionId: legacySid,
          }),
          head.last_hash,
          chainHash(head.last_hash, fields),
        ],
      );
    } finally {
      await admin.end();
    }
    const auditor = await bearer(t, 'auditor');
    const res = await t.http().get('/api/v1/audit?entityType=session&pageSize=100').set('Authorization', auditor);
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(legacySid);
    expect(text).not.toContain('pay-2026-0001');
    expect(text).not.toContain('Diandan@2026');
    for (const sid of await sessionsOf('auditor')) expect(text).not.toContain(sid);
    const legacy = (
      res.body.items as Array<{ actorUsername: string; entityId: string; after: Record<string, string> }>
    ).find((e) => e.actorUsername === 'legacy');
    expect(legacy?.entityId).toMatch(/^ref:[0-9a-f]{16}$/);
    expect(legacy?.after).toMatchObject({ password: '[redacted]', note: 'kept', sessionId: legacy?.entityId });
    expect((await t.http().get('/api/v1/audit/verify').set('Authorization', auditor)).body.ok).toBe(true);
  });

  it('shows who acted by name beside the username', async () => {
    const auditor = await bearer(t, 'auditor');
    const res = await t
      .http()
      .get('/api/v1/audit?action=identity.login.succeeded&pageSize=5')
      .set('Authorization', auditor);
    const own = (res.body.items as Array<{ actorUsername: string; actorDisplayName: string | null }>).find(
      (e) => e.actorUsername === 'auditor',
    );
    const [{ display_name }] = await t.ds.query("SELECT display_name FROM users WHERE username = 'auditor'");
    expect(own?.actorDisplayName).toBe(display_name);
  });

  it('finds one event by its seq (the link from a broken-chain report)', async () => {
    const auditor = await bearer(t, 'auditor');
    const [{ seq }] = await t.ds.query('SELECT MAX(seq) AS seq FROM audit_events');
    const res = await t.http().get(`/api/v1/audit?seq=${seq}`).set('Authorization', auditor);
    expect(res.body.items.map((e: { seq: number }) => e.seq)).toEqual([Number(seq)]);
  });
});
