import { generateKeyPairSync } from 'node:crypto';

import {
  Checkpoint,
  checkpointDigest,
  checkpointMessage,
  FIRST_CHECKPOINT_PREV,
  keyIdOf,
  reconcileCheckpoints,
  signatureValid,
  signCheckpoint,
} from './checkpoints';

const trusted = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

function series(n: number, key = trusted.privateKey): Checkpoint[] {
  const out: Checkpoint[] = [];
  for (let id = 1; id <= n; id++) {
    const prev = id === 1 ? FIRST_CHECKPOINT_PREV : checkpointDigest(out[id - 2]);
    out.push(
      signCheckpoint(
        { id, seq: id * 10, hash: String(id).repeat(64).slice(0, 64), at: `2026-11-2${id}T00:00:00.000Z`, prev },
        key,
      ),
    );
  }
  return out;
}

describe('audit checkpoints', () => {
  it('signs the documented message with Ed25519 and names the key', () => {
    const [c] = series(1);
    expect(checkpointMessage(c)).toBe(
      'diandan-audit-checkpoint/1\n' +
        `{"at":"2026-11-21T00:00:00.000Z","hash":"${'1'.repeat(64)}","id":1,"keyId":"${c.keyId}","prev":"${'0'.repeat(64)}","seq":10}`,
    );
    expect(c.keyId).toBe(keyIdOf(trusted.publicKey));
    expect(c.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(signatureValid(c, trusted.publicKey)).toBe(true);
    expect(signatureValid(c, other.publicKey)).toBe(false);
    expect(signatureValid({ ...c, seq: 11 }, trusted.publicKey)).toBe(false);
    expect(signatureValid({ ...c, signature: 'not base64!' }, trusted.publicKey)).toBe(false);
  });

  it('accepts a complete series from the database and its published copy', () => {
    const cs = series(3);
    const r = reconcileCheckpoints(cs, cs.slice(0, 2), trusted.publicKey);
    expect(r.breaks).toEqual([]);
    expect(r.anchors).toEqual(cs.map((c) => ({ id: c.id, seq: c.seq, hash: c.hash })));
  });

  it('reports a checkpoint whose signature does not verify, and does not use it as an anchor', () => {
    const cs = series(3);
    const forged = { ...cs[1], hash: 'f'.repeat(64) };
    const r = reconcileCheckpoints([cs[0], forged, cs[2]], [], trusted.publicKey);
    expect(r.breaks).toEqual([{ seq: 20, reason: 'CHECKPOINT_SIGNATURE_INVALID', checkpointId: 2 }]);
    expect(r.anchors.map((a) => a.id)).toEqual([1, 3]);
  });

  it('reports checkpoints signed with another key', () => {
    const r = reconcileCheckpoints(series(1, other.privateKey), [], trusted.publicKey);
    expect(r.breaks).toEqual([{ seq: 10, reason: 'CHECKPOINT_SIGNATURE_INVALID', checkpointId: 1 }]);
  });

  it('reports a published checkpoint deleted from the database, and still uses the published copy', () => {
    const cs = series(3);
    const r = reconcileCheckpoints([cs[0]], cs, trusted.publicKey);
    expect(r.breaks).toEqual([
      { seq: 20, reason: 'CHECKPOINT_MISSING', checkpointId: 2 },
      { seq: 30, reason: 'CHECKPOINT_MISSING', checkpointId: 3 },
    ]);
    expect(r.anchors.map((a) => a.id)).toEqual([1, 2, 3]);
  });

  it('reports a gap in the numbering', () => {
    const cs = series(3);
    const r = reconcileCheckpoints([cs[0], cs[2]], [], trusted.publicKey);
    expect(r.breaks).toEqual([{ seq: 0, reason: 'CHECKPOINT_MISSING', checkpointId: 2 }]);
  });

  it('reports a checkpoint that does not link to the one before', () => {
    const cs = series(2);
    const relinked = signCheckpoint({ ...cs[1], prev: 'a'.repeat(64) }, trusted.privateKey);
    const r = reconcileCheckpoints([cs[0], relinked], [], trusted.publicKey);
    expect(r.breaks).toEqual([{ seq: 20, reason: 'CHECKPOINT_CHAIN_BROKEN', checkpointId: 2 }]);
  });

  it('reports two validly signed versions of one checkpoint', () => {
    const cs = series(1);
    const twin = signCheckpoint({ ...cs[0], hash: 'e'.repeat(64) }, trusted.privateKey);
    const r = reconcileCheckpoints(cs, [twin], trusted.publicKey);
    expect(r.breaks).toEqual([{ seq: 10, reason: 'CHECKPOINT_CONFLICT', checkpointId: 1 }]);
  });
});
