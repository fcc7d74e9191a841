import { ChainedFields, chainHash, chainText, ChainWalker, GENESIS_HASH, StoredLink, verifyLinks } from './hash-chain';

function chain(n: number): StoredLink[] {
  const out: StoredLink[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const f: ChainedFields = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorId: 7,
      actorUsername: 'admin',
      actorRoles: ['ADMIN'],
      ip: '127.0.0.1',
      action: 'identity.user.created',
      entityType: 'user',
      entityId: String(100 + seq),
      regionPath: '/1/',
      before: null,
      after: { username: `u${seq}` },
    };
    const hash = chainHash(prev, f);
    out.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

/** Re-hashes links[from..] after an edit, as someone able to write the table would. */
function rehashFrom(links: StoredLink[], from: number): void {
  for (let i = from; i < links.length; i++) {
    const prevHash = i === 0 ? GENESIS_HASH : links[i - 1].hash;
    links[i] = { ...links[i], prevHash, hash: chainHash(prevHash, links[i]) };
  }
}

describe('audit hash chain: known answers', () => {
  // The expected texts are written by hand from the canonical form of docs/domain/audit.md (keys sorted at every
  // level, no whitespace, UTF-8), and the expected hashes were computed from those texts outside the application:
  //   printf '%s' "<text>" | sha256sum
  const first: ChainedFields = {
    seq: 1,
    occurredAt: new Date('2026-11-23T14:40:02.788Z'),
    actorId: 7,
    actorUsername: 'admin',
    actorRoles: ['ADMIN'],
    ip: '127.0.0.1',
    action: 'identity.user.created',
    entityType: 'user',
    entityId: '42',
    regionPath: '/1/',
    before: null,
    after: { username: '张三', roles: ['RESIDENT'], b: 2, a: 1 },
  };
  const FIRST_TEXT =
    '0000000000000000000000000000000000000000000000000000000000000000\n' +
    '{"action":"identity.user.created","actorId":7,"actorRoles":["ADMIN"],"actorUsername":"admin",' +
    '"after":{"a":1,"b":2,"roles":["RESIDENT"],"username":"张三"},"before":null,"entityId":"42","entityType":"user",' +
    '"ip":"127.0.0.1","occurredAt":"2026-11-23T14:40:02.788Z","regionPath":"/1/","seq":1}';
  const FIRST_HASH = '24744bb419ed5030f4f1f6500910a0bbba5439fd94686e9424cc852fd7e9a454';

  const second: ChainedFields = {
    seq: 2,
    occurredAt: new Date('2026-11-23T14:40:03Z'),
    actorId: null,
    actorUsername: 'system',
    actorRoles: [],
    ip: null,
    action: 'system.seed.applied',
    entityType: 'seed',
    entityId: null,
    regionPath: null,
    before: { count: 0 },
    after: { note: 'line1\nline2', n: [1, { z: null, y: true }] },
  };
  const SECOND_TEXT =
    `${FIRST_HASH}\n` +
    '{"action":"system.seed.applied","actorId":null,"actorRoles":[],"actorUsername":"system",' +
    '"after":{"n":[1,{"y":true,"z":null}],"note":"line1\\nline2"},"before":{"count":0},"entityId":null,' +
    '"entityType":"seed","ip":null,"occurredAt":"2026-11-23T14:40:03.000Z","regionPath":null,"seq":2}';
  const SECOND_HASH = '796c4bb35af74d80ee8b1f248df31ca684fb9b10677b8e0285cbc0bfd2ad08f0';

  it('hashes the documented canonical text of a first event', () => {
    expect(chainText(GENESIS_HASH, first)).toBe(FIRST_TEXT);
    expect(chainHash(GENESIS_HASH, first)).toBe(FIRST_HASH);
  });

  it('chains a second event (system actor, nulls, nested values, an escaped line feed) to the first', () => {
    expect(chainText(FIRST_HASH, second)).toBe(SECOND_TEXT);
    expect(chainHash(FIRST_HASH, second)).toBe(SECOND_HASH);
  });

  it('does not depend on the key order of before/after', () => {
    expect(chainHash(GENESIS_HASH, { ...first, after: { a: 1, b: 2, roles: ['RESIDENT'], username: '张三' } })).toBe(
      FIRST_HASH,
    );
  });

  it.each<[string, Partial<ChainedFields>]>([
    ['seq', { seq: 2 }],
    ['time (one millisecond)', { occurredAt: new Date('2026-11-23T14:40:02.789Z') }],
    ['actor id', { actorId: 8 }],
    ['actor username', { actorUsername: 'Admin' }],
    ['actor roles', { actorRoles: ['ADMIN', 'AUDITOR'] }],
    ['ip', { ip: '127.0.0.2' }],
    ['action', { action: 'identity.user.updated' }],
    ['entity type', { entityType: 'users' }],
    ['entity id', { entityId: '43' }],
    ['region path', { regionPath: '/1/2/' }],
    ['before', { before: {} }],
    ['after', { after: { a: 1, b: 2, roles: ['RESIDENT'], username: '张四' } }],
  ])('changes when the %s changes', (_field, change) => {
    expect(chainHash(GENESIS_HASH, { ...first, ...change })).not.toBe(FIRST_HASH);
  });

  it('changes when the previous hash changes', () => {
    expect(chainHash('1'.repeat(64), first)).not.toBe(FIRST_HASH);
  });
});

describe('audit hash chain: verification', () => {
  it('accepts an untouched chain', () => {
    const links = chain(5);
    expect(verifyLinks(links, GENESIS_HASH, 1)).toEqual({ breaks: [], lastHash: links[4].hash, nextSeq: 6 });
  });

  it('finds an edited payload at the edited link, and nothing after it', () => {
    const links = chain(5);
    links[2] = { ...links[2], after: { username: 'mallory' } };
    expect(verifyLinks(links, GENESIS_HASH, 1).breaks).toEqual([{ seq: 3, reason: 'HASH_MISMATCH' }]);
  });

  it('finds a re-hashed edit at the next link', () => {
    const links = chain(5);
    const edited = { ...links[1], actorUsername: 'mallory' };
    edited.hash = chainHash(edited.prevHash, edited);
    links[1] = edited;
    expect(verifyLinks(links, GENESIS_HASH, 1).breaks).toEqual([{ seq: 3, reason: 'PREVIOUS_HASH_MISMATCH' }]);
  });

  it('finds an edited previous hash at its link, once', () => {
    const links = chain(5);
    links[3] = { ...links[3], prevHash: 'f'.repeat(64) };
    expect(verifyLinks(links, GENESIS_HASH, 1).breaks).toEqual([{ seq: 4, reason: 'PREVIOUS_HASH_MISMATCH' }]);
  });

  it('finds a deleted link as a gap in the sequence, and goes on', () => {
    const links = chain(5);
    links.splice(3, 1);
    expect(verifyLinks(links, GENESIS_HASH, 1)).toEqual({
      breaks: [{ seq: 4, reason: 'SEQUENCE_GAP' }],
      lastHash: links[3].hash,
      nextSeq: 6,
    });
  });

  it('reports every broken link, not only the first: one bad row does not blind the auditor to the rest', () => {
    const links = chain(10);
    links[1] = { ...links[1], ip: '10.0.0.1' }; // seq 2 altered
    links[5] = { ...links[5], action: 'identity.user.deleted' }; // seq 6 altered
    const edited = { ...links[8], after: { username: 'mallory' } }; // seq 9 altered and re-hashed
    edited.hash = chainHash(edited.prevHash, edited);
    links[8] = edited;
    expect(verifyLinks(links, GENESIS_HASH, 1).breaks).toEqual([
      { seq: 2, reason: 'HASH_MISMATCH' },
      { seq: 6, reason: 'HASH_MISMATCH' },
      { seq: 10, reason: 'PREVIOUS_HASH_MISMATCH' },
    ]);
  });

  it('keeps at most maxBreaks in the list but counts them all', () => {
    const links = chain(10).map((l) => ({ ...l, ip: 'x' }));
    const walker = new ChainWalker([], 3);
    walker.feed(links);
    expect(walker.breaks).toHaveLength(3);
    expect(walker.breakCount).toBe(10);
    expect(walker.checked).toBe(10);
  });

  it('reports a head that does not point at the end of the chain', () => {
    const links = chain(4);
    const walker = new ChainWalker();
    walker.feed(links);
    walker.finish({ lastSeq: 5, lastHash: links[3].hash });
    expect(walker.breaks).toEqual([{ seq: 5, reason: 'HEAD_MISMATCH' }]);
  });

  describe('against checkpoints', () => {
    it('accepts a chain that has the anchored hash at the anchored seq', () => {
      const links = chain(6);
      const walker = new ChainWalker([{ id: 1, seq: 4, hash: links[3].hash }]);
      walker.feed(links);
      walker.finish({ lastSeq: 6, lastHash: links[5].hash });
      expect(walker.breaks).toEqual([]);
    });

    it('finds a chain rewritten from an event before a checkpoint (every later hash and the head recomputed)', () => {
      const links = chain(6);
      const anchor = { id: 1, seq: 5, hash: links[4].hash };
      links[1] = { ...links[1], after: { username: 'mallory' } };
      rehashFrom(links, 1);
      const walker = new ChainWalker([anchor]);
      walker.feed(links);
      walker.finish({ lastSeq: 6, lastHash: links[5].hash });
      expect(walker.breaks).toEqual([{ seq: 5, reason: 'CHECKPOINT_MISMATCH', checkpointId: 1 }]);
    });

    it('finds a truncated chain (head reset) by the checkpoints it no longer reaches', () => {
      const links = chain(6);
      const walker = new ChainWalker([
        { id: 1, seq: 2, hash: links[1].hash },
        { id: 2, seq: 6, hash: links[5].hash },
      ]);
      walker.feed([]);
      walker.finish({ lastSeq: 0, lastHash: GENESIS_HASH });
      expect(walker.breaks).toEqual([
        { seq: 2, reason: 'CHECKPOINT_AHEAD_OF_CHAIN', checkpointId: 1 },
        { seq: 6, reason: 'CHECKPOINT_AHEAD_OF_CHAIN', checkpointId: 2 },
      ]);
    });
  });
});
