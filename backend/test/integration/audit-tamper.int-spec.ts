import type { Connection } from 'mysql2/promise';

import { AuditService } from '../../src/modules/audit';
import { Actor } from '../../src/platform/access';
import { adminConnection, createTestApp, TestApp } from '../support/test-app';

/**
 * Tamper-evidence, field by field (issue #9 D1): for every column the hash covers, someone able to drop the
 * append-only trigger changes it with a real UPDATE, and verification must name that event.
 */
describe('audit: every hashed field is tamper-evident', () => {
  let t: TestApp;
  let audit: AuditService;
  let admin: Connection;
  const actor: Actor = {
    userId: 1,
    username: 'admin',
    roles: ['ADMIN'],
    regionPath: '/1/',
    regionId: 1,
    organisationId: null,
    sessionId: null,
    ip: '192.0.2.10',
  };

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
    admin = await adminConnection(t.env);
    await admin.query('DROP TRIGGER audit_events_no_update');
  });
  afterAll(async () => {
    await admin.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`);
    await admin.end();
    await t.close();
  });

  /** A fresh event with every field set, followed by one more event (so it is not the end of the chain). */
  async function victim(): Promise<number> {
    await t.ds.transaction((em) =>
      audit.record(em, actor, {
        action: 'test.victim',
        entityType: 'test',
        entityId: 'v1',
        regionPath: '/1/2/',
        before: { state: 'A', n: 1 },
        after: { state: 'B', n: 2 },
      }),
    );
    // the event joined the chain at commit: the newest victim
    const [e] = (await t.ds.query(
      "SELECT seq FROM audit_events WHERE action = 'test.victim' ORDER BY seq DESC LIMIT 1",
    )) as Array<{ seq: string }>;
    await t.ds.transaction((em) => audit.record(em, actor, { action: 'test.follower', entityType: 'test' }));
    return Number(e.seq);
  }

  const cases: Array<[string, string, 'HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'SEQUENCE_GAP']> = [
    ['actor id', 'actor_id = actor_id + 1', 'HASH_MISMATCH'],
    ['actor username', "actor_username = 'mallory'", 'HASH_MISMATCH'],
    ['actor roles', "actor_roles = 'ADMIN,AUDITOR'", 'HASH_MISMATCH'],
    ['ip', "ip = '203.0.113.66'", 'HASH_MISMATCH'],
    ['action', "action = 'test.innocent'", 'HASH_MISMATCH'],
    ['entity type', "entity_type = 'tests'", 'HASH_MISMATCH'],
    ['entity id', "entity_id = 'v2'", 'HASH_MISMATCH'],
    ['region path', "region_path = '/1/3/'", 'HASH_MISMATCH'],
    ['before', 'before_json = \'{"n":1,"state":"Z"}\'', 'HASH_MISMATCH'],
    ['after', 'after_json = \'{"n":2,"state":"Z"}\'', 'HASH_MISMATCH'],
    ['time (one millisecond)', 'occurred_at = occurred_at + INTERVAL 1000 MICROSECOND', 'HASH_MISMATCH'],
    ['seq', 'seq = seq + 1000000', 'SEQUENCE_GAP'],
    ['previous hash', "prev_hash = REPEAT('a', 64)", 'PREVIOUS_HASH_MISMATCH'],
    ['hash', "hash = REPEAT('b', 64)", 'HASH_MISMATCH'],
  ];

  it.each(cases)('a changed %s is reported at its event', async (_field, assignment, reason) => {
    const seq = await victim();
    const [[original]] = (await admin.query('SELECT * FROM audit_events WHERE seq = ?', [seq])) as unknown as [
      Array<Record<string, unknown>>,
    ];
    expect(await audit.verify()).toMatchObject({ ok: true });
    await admin.query(`UPDATE audit_events SET ${assignment} WHERE seq = ?`, [seq]);
    try {
      const result = await audit.verify();
      expect(result.ok).toBe(false);
      expect(result.firstBrokenSeq).toBe(seq);
      expect(result.breaks[0]).toEqual({ seq, reason });
    } finally {
      const columns = Object.keys(original);
      await admin.query(`UPDATE audit_events SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE seq IN (?, ?)`, [
        ...columns.map((c) => original[c]),
        seq,
        seq + 1000000,
      ]);
    }
    expect(await audit.verify()).toMatchObject({ ok: true, breakCount: 0 });
  });

  it('reports two altered events far apart, and everything after them is still checked', async () => {
    const first = await victim();
    const second = await victim();
    const originals = (
      await admin.query('SELECT seq, ip FROM audit_events WHERE seq IN (?, ?)', [first, second])
    )[0] as Array<{
      seq: string;
      ip: string;
    }>;
    await admin.query("UPDATE audit_events SET ip = '203.0.113.1' WHERE seq IN (?, ?)", [first, second]);
    try {
      const result = await audit.verify();
      expect(result.breaks).toEqual([
        { seq: first, reason: 'HASH_MISMATCH' },
        { seq: second, reason: 'HASH_MISMATCH' },
      ]);
      expect(result.breakCount).toBe(2);
      expect(result.checked).toBe(result.headSeq);
    } finally {
      for (const o of originals) await admin.query('UPDATE audit_events SET ip = ? WHERE seq = ?', [o.ip, o.seq]);
    }
    expect((await audit.verify()).ok).toBe(true);
  });
});
