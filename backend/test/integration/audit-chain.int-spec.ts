import { AuditService } from '../../src/modules/audit';
import { Actor } from '../../src/platform/access';
import { adminConnection, bearer, createTestApp, TestApp } from '../support/test-app';

describe('audit: append-only, hash-chained', () => {
  let t: TestApp;
  let audit: AuditService;
  const actor: Actor = {
    userId: 1,
    username: 'admin',
    roles: ['ADMIN'],
    regionPath: '/1/',
    regionId: 1,
    organisationId: null,
    sessionId: null,
    ip: '127.0.0.1',
  };

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
  });
  afterAll(() => t.close());

  it('keeps one linear chain under 30 concurrent writers', async () => {
    const [{ last_seq }] = await t.ds.query('SELECT last_seq FROM audit_chain_head WHERE id = 1');
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.ds.transaction((em) =>
          audit.record(em, actor, { action: 'test.concurrent', entityType: 'test', entityId: i, after: { i } }),
        ),
      ),
    );
    const rows: Array<{ seq: string }> = await t.ds.query('SELECT seq FROM audit_events WHERE seq > ? ORDER BY seq', [
      last_seq,
    ]);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 30 }, (_, i) => Number(last_seq) + 1 + i));
    expect(await audit.verify()).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('appends a batch (recordMany) in order on the same chain, interleaved with single writers', async () => {
    const [{ last_seq }] = await t.ds.query('SELECT last_seq FROM audit_chain_head WHERE id = 1');
    const batch = Array.from({ length: 450 }, (_, i) => ({
      actor,
      input: { action: 'test.batch', entityType: 'test', entityId: i, after: { i } },
    }));
    await Promise.all([
      t.ds.transaction((em) => audit.recordMany(em, batch)),
      ...Array.from({ length: 5 }, (_, i) =>
        t.ds.transaction((em) => audit.record(em, actor, { action: 'test.single', entityType: 'test', entityId: i })),
      ),
    ]);
    const rows: Array<{ seq: string; action: string; entity_id: string }> = await t.ds.query(
      'SELECT seq, action, entity_id FROM audit_events WHERE seq > ? ORDER BY seq',
      [last_seq],
    );
    expect(rows).toHaveLength(455);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 455 }, (_, i) => Number(last_seq) + 1 + i));
    const batchIds = rows.filter((r) => r.action === 'test.batch').map((r) => Number(r.entity_id));
    expect(batchIds).toEqual(Array.from({ length: 450 }, (_, i) => i)); // contiguous and in order
    expect(await audit.verify()).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('takes the chain head last: a use case that records its event and then touches a user row never deadlocks a sign-in of that user', async () => {
    // The sign-in's order: the user row (FOR UPDATE), then the chain head. The use case's: its audit event, then an
    // inbox message to that user (the foreign key takes a shared lock on the user row). When recording took the
    // head at once, each held what the other waited for: a deadlock, and the sign-in answered 503.
    const [{ id: userId }] = (await t.ds.query("SELECT id FROM users WHERE username = 'resident'")) as Array<{
      id: number;
    }>;
    const signIn = await adminConnection(t.env);
    try {
      await signIn.query('START TRANSACTION');
      await signIn.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [userId]);
      let told = false;
      const useCase = t.ds.transaction(async (em) => {
        await audit.record(em, actor, { action: 'test.step', entityType: 'test', entityId: 'lock-order' });
        await em.query(
          `INSERT INTO notifications (user_id, kind, template, params, created_at) VALUES (?, 'test', 'test', '{}', UTC_TIMESTAMP(3))`,
          [userId],
        );
        told = true;
      });
      // wait until the use case really waits for the user row…
      for (let i = 0; ; i++) {
        const [rows] = await signIn.query(
          "SELECT 1 FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE 'INSERT INTO notifications%'",
        );
        if ((rows as unknown[]).length > 0) break;
        if (i > 200) throw new Error('the use case never waited for the user row');
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(told).toBe(false);
      // …then the sign-in goes on to the head, and must get it
      await signIn.query('SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE');
      await signIn.query('COMMIT');
      await useCase;
      expect(told).toBe(true);
    } finally {
      await signIn.end();
    }
    const [e] = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'test.step' AND entity_id = 'lock-order'",
    )) as Array<{ n: string }>;
    expect(Number(e.n)).toBe(1);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const [{ last_seq: before }] = await t.ds.query('SELECT last_seq FROM audit_chain_head WHERE id = 1');
    await expect(
      t.ds.transaction(async (em) => {
        await audit.record(em, actor, { action: 'test.rolled_back', entityType: 'test' });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    const [{ last_seq: after }] = await t.ds.query('SELECT last_seq FROM audit_chain_head WHERE id = 1');
    expect(after).toBe(before);
  });

  it('refuses UPDATE and DELETE of audit rows in the database itself, whoever the account', async () => {
    const admin = await adminConnection(t.env);
    try {
      await expect(admin.query("UPDATE audit_events SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
      await expect(admin.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
    } finally {
      await admin.end();
    }
  });

  it('detects a row tampered with by someone able to drop the triggers, names the broken link and checks the rest', async () => {
    const auditor = await bearer(t, 'auditor');
    const ok = await t.http().get('/api/v1/audit/verify').set('Authorization', auditor);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, firstBrokenSeq: null, breaks: [], breakCount: 0 });
    expect(ok.body.checked).toBeGreaterThan(30);

    const [victim] = await t.ds.query(
      "SELECT seq, after_json FROM audit_events WHERE action = 'test.concurrent' ORDER BY seq LIMIT 1 OFFSET 5",
    );
    const admin = await adminConnection(t.env);
    await admin.query('DROP TRIGGER audit_events_no_update');
    try {
      await admin.query(`UPDATE audit_events SET after_json = '{"i":999}' WHERE seq = ?`, [victim.seq]);
      const broken = await t.http().get('/api/v1/audit/verify').set('Authorization', auditor);
      expect(broken.body).toMatchObject({
        ok: false,
        firstBrokenSeq: Number(victim.seq),
        reason: 'HASH_MISMATCH',
        breaks: [{ seq: Number(victim.seq), reason: 'HASH_MISMATCH' }],
        breakCount: 1,
      });
      expect(broken.body.checked).toBe(ok.body.checked); // every event, not only those before the break
    } finally {
      await admin.query('UPDATE audit_events SET after_json = ? WHERE seq = ?', [victim.after_json, victim.seq]);
      await admin.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`);
      await admin.end();
    }
    const restored = await t.http().get('/api/v1/audit/verify').set('Authorization', auditor);
    expect(restored.body.ok).toBe(true);
  });

  it('lists events for auditors with filters, newest first, and refuses non-auditors', async () => {
    const auditor = await bearer(t, 'auditor');
    const res = await t.http().get('/api/v1/audit?action=test.concurrent&pageSize=5').set('Authorization', auditor);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(30);
    expect(res.body.items).toHaveLength(5);
    const seqs = (res.body.items as Array<{ seq: number }>).map((e) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    expect(res.body.items[0]).toMatchObject({ actorUsername: 'admin', entityType: 'test', actorRoles: ['ADMIN'] });
    const officer = await bearer(t, 'officer');
    expect((await t.http().get('/api/v1/audit').set('Authorization', officer)).status).toBe(403);
  });

  it('shows a district auditor only the events of their district', async () => {
    const admin = await bearer(t, 'admin');
    const created = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({
        username: 'gl_auditor',
        displayName: '鼓楼监督',
        password: 'Diandan@2026',
        roles: ['AUDITOR'],
        regionId: 2,
      });
    expect(created.status).toBe(201);
    const glAuditor = await bearer(t, 'gl_auditor');
    const res = await t.http().get('/api/v1/audit?pageSize=100').set('Authorization', glAuditor);
    const paths = (res.body.items as Array<{ regionPath: string | null }>).map((e) => e.regionPath);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p?.startsWith('/1/2/')).toBe(true);
  });
});
