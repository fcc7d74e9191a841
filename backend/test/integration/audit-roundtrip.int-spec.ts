import { AuditService } from '../../src/modules/audit';
import { chainHash } from '../../src/modules/audit/domain/hash-chain';
import { Actor } from '../../src/platform/access';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * What is hashed is exactly what the database stores: for every awkward value, write an event, read the row
 * back, recompute the hash from the row alone and compare it with the stored hash.
 */
describe('audit: the hash covers exactly what is stored', () => {
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

  interface Row {
    seq: string;
    occurred_at: Date;
    actor_id: number | null;
    actor_username: string;
    actor_roles: string;
    ip: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    region_path: string | null;
    before_json: string | null;
    after_json: string | null;
    prev_hash: string;
    hash: string;
  }

  async function row(seq: number): Promise<Row> {
    const [r] = (await t.ds.query('SELECT * FROM audit_events WHERE seq = ?', [seq])) as Row[];
    return r;
  }

  /** The hash recomputed from the stored row alone, as an outside auditor would. */
  function recomputed(r: Row): string {
    return chainHash(r.prev_hash, {
      seq: Number(r.seq),
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      actorRoles: r.actor_roles === '' ? [] : r.actor_roles.split(','),
      ip: r.ip,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      regionPath: r.region_path,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
  });
  afterAll(() => t.close());

  const awkward: Array<[string, Partial<Actor>, Parameters<AuditService['record']>[2]]> = [
    [
      'a lone surrogate in the username, before and after',
      { username: '\ud800x', userId: 0 },
      { action: 'test.awkward', entityType: 'test', before: { name: 'a\udc00' }, after: { name: '\ud83dz' } },
    ],
    [
      '4-byte emoji everywhere',
      { username: '居民😀' },
      { action: 'test.awkward', entityType: 'test', entityId: '🎉', before: { n: '👍🏽' }, after: { n: '𠀋' } },
    ],
    [
      'a username longer than its column (64)',
      { username: 'u'.repeat(500) },
      { action: 'test.awkward', entityType: 'test' },
    ],
    [
      'a username of 64 emoji (256 bytes)',
      { username: '😀'.repeat(70) },
      { action: 'test.awkward', entityType: 'test', after: { username: '😀'.repeat(70) } },
    ],
    [
      'an entity id longer than its column (64)',
      { username: 'admin' },
      { action: 'access.denied', entityType: 'endpoint', entityId: `GET /api/v1/${'x'.repeat(300)}` },
    ],
    [
      'NUL and bidirectional overrides',
      { username: 'a\u0000b\u202e' },
      { action: 'test.awkward', entityType: 'test', after: { s: '\u0000\u202e\u2066' } },
    ],
  ];

  it.each(awkward)('%s: the row read back gives its stored hash, and the chain verifies', async (_name, who, input) => {
    await t.ds.transaction((em) => audit.record(em, { ...actor, ...who }, input));
    // the event joined the chain when the transaction committed: it is the head (nothing else writes here)
    const [{ seq }] = (await t.ds.query('SELECT last_seq AS seq FROM audit_chain_head WHERE id = 1')) as Array<{
      seq: string;
    }>;
    const stored = await row(Number(seq));
    expect(stored.action).toBe(input.action);
    expect(recomputed(stored)).toBe(stored.hash);
    expect(await audit.verify()).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('keeps a batch (recordMany) of awkward values verifiable too', async () => {
    const n = await t.ds.transaction((em) =>
      audit.recordMany(
        em,
        awkward.map(([, who, input]) => ({ actor: { ...actor, ...who }, input })),
      ),
    );
    expect(n).toBe(awkward.length);
    expect(await audit.verify()).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('a sign-in with a lone surrogate or a 10 000-character username is refused, never a 500, and leaves the chain intact', async () => {
    for (const username of ['\ud800x', 'y'.repeat(10_000), '😀'.repeat(100)]) {
      const res = await t.http().post('/api/v1/auth/login').send({ username, password: 'x' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const auditor = await bearer(t, 'auditor');
    const verified = await t.http().get('/api/v1/audit/verify').set('Authorization', auditor);
    expect(verified.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });
});
