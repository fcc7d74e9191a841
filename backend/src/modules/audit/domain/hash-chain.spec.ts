import { ChainedFields, chainHash, GENESIS_HASH, StoredLink, verifyLinks } from './hash-chain';

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

describe('audit hash chain', () => {
  it('accepts an untouched chain', () => {
    const links = chain(5);
    expect(verifyLinks(links, GENESIS_HASH, 1)).toEqual({ broken: null, lastHash: links[4].hash, nextSeq: 6 });
  });

  it('finds an edited payload at the edited link', () => {
    const links = chain(5);
    links[2] = { ...links[2], after: { username: 'mallory' } };
    expect(verifyLinks(links, GENESIS_HASH, 1).broken).toEqual({ seq: 3, reason: 'HASH_MISMATCH' });
  });

  it('finds a re-hashed edit at the next link', () => {
    const links = chain(5);
    const edited = { ...links[1], actorUsername: 'mallory' };
    edited.hash = chainHash(edited.prevHash, edited);
    links[1] = edited;
    expect(verifyLinks(links, GENESIS_HASH, 1).broken).toEqual({ seq: 3, reason: 'PREVIOUS_HASH_MISMATCH' });
  });

  it('finds a deleted link as a gap in the sequence', () => {
    const links = chain(5);
    links.splice(3, 1);
    expect(verifyLinks(links, GENESIS_HASH, 1).broken).toEqual({ seq: 4, reason: 'SEQUENCE_GAP' });
  });

  it('does not depend on the key order of before/after', () => {
    const [link] = chain(1);
    expect(chainHash(GENESIS_HASH, { ...link, after: { b: 2, a: 1 } })).toBe(
      chainHash(GENESIS_HASH, { ...link, after: { a: 1, b: 2 } }),
    );
  });
});
