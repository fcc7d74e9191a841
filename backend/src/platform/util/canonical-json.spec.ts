import { canonicalJson, sha256Hex } from './canonical-json';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
  });

  it('writes dates as ISO strings and drops undefined members', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z'), x: undefined })).toBe(
      '{"at":"2026-01-02T03:04:05.006Z"}',
    );
  });

  it('hashes with SHA-256 in hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
