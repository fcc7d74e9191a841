import { createHmac, randomBytes } from 'node:crypto';

import { bpToPercent, drawKey, drawSample, percentToBp, readDrawRecord, recheckDraw, sampleSize } from './sampling';

const SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('mid-term sampling draw', () => {
  it('draws ⌈n × rate⌉ with integers only', () => {
    expect(sampleSize(10, 3000)).toBe(3);
    expect(sampleSize(7, 3000)).toBe(3); // 2.1 → 3
    expect(sampleSize(1, 3000)).toBe(1);
    expect(sampleSize(3, 3333)).toBe(1); // 0.9999 → 1
    expect(sampleSize(3, 3334)).toBe(2); // 1.0002 → 2
    expect(sampleSize(0, 3000)).toBe(0);
    expect(sampleSize(9, 10000)).toBe(9);
  });

  it('keys a candidate with HMAC-SHA256 over its contract code, keyed by the seed bytes', () => {
    expect(drawKey(SEED, 'HT-2027-000001')).toBe(
      createHmac('sha256', Buffer.from(SEED, 'hex')).update('HT-2027-000001').digest('hex'),
    );
    expect(() => drawKey('xyz', 'HT')).toThrow(RangeError);
  });

  it('takes the candidates with the smallest keys in each district, and the same seed gives the same draw', () => {
    const codes = Array.from({ length: 11 }, (_, i) => `HT-2027-${String(i + 1).padStart(6, '0')}`);
    const groups = [
      { regionId: 1, candidates: codes.slice(0, 7) },
      { regionId: 2, candidates: codes.slice(7) },
    ];
    const [a, b] = drawSample(SEED, groups, 3000);
    expect(a).toMatchObject({ regionId: 1, candidateCount: 7, size: 3 });
    expect(b).toMatchObject({ regionId: 2, candidateCount: 4, size: 2 });
    const expected = [...codes.slice(0, 7)].sort((x, y) => drawKey(SEED, x).localeCompare(drawKey(SEED, y)));
    expect(a.drawn).toEqual(expected.slice(0, 3));
    // re-run, candidates in another order: the same result
    expect(drawSample(SEED, [{ regionId: 1, candidates: [...codes.slice(0, 7)].reverse() }], 3000)[0].drawn).toEqual(
      a.drawn,
    );
  });

  it('reaches at least 30 % of every district for any seed', () => {
    for (let round = 0; round < 50; round++) {
      const seed = randomBytes(32).toString('hex');
      const n = 1 + (round % 13);
      const [g] = drawSample(seed, [{ regionId: 1, candidates: Array.from({ length: n }, (_, i) => `C${i}`) }], 3000);
      expect(g.drawn.length * 10000).toBeGreaterThanOrEqual(n * 3000);
      expect(new Set(g.drawn).size).toBe(g.drawn.length);
    }
  });

  it('another seed draws another sample (over enough candidates)', () => {
    const candidates = Array.from({ length: 40 }, (_, i) => `HT-2027-${i}`);
    const one = drawSample(SEED, [{ regionId: 1, candidates }], 3000)[0].drawn;
    const other = drawSample(randomBytes(32).toString('hex'), [{ regionId: 1, candidates }], 3000)[0].drawn;
    expect(other).not.toEqual(one);
  });

  it('reads a percentage as basis points and writes it back', () => {
    expect(percentToBp('30')).toBe(3000);
    expect(percentToBp('30.5')).toBe(3050);
    expect(percentToBp('100.00')).toBe(10000);
    expect(percentToBp('3e1')).toBeNull();
    expect(bpToPercent(3050)).toBe('30.50');
  });

  it('re-checks a draw from a batch page or from its audit event, and finds a changed result', () => {
    const codes = ['HT-2027-000101', 'HT-2027-000102', 'HT-2027-000103', 'HT-2027-000104'];
    const drawn = drawSample(SEED, [{ regionId: 5, candidates: codes }], 3000)[0].drawn;
    const page = {
      seed: SEED,
      samplePercent: '30.00',
      groups: [
        { regionName: '鼓楼区', candidates: codes.map((code) => ({ code })), drawn: drawn.map((code) => ({ code })) },
      ],
    };
    const event = {
      seed: SEED,
      samplePercent: '30.00',
      candidates: [{ regionCode: '320106000000', codes }],
      drawn: [{ regionCode: '320106000000', codes: drawn }],
    };
    for (const json of [page, event]) {
      const record = readDrawRecord(json);
      expect(record).not.toBeNull();
      expect(recheckDraw(record!).every((g) => g.matches)).toBe(true);
    }
    const other = codes.find((c) => !drawn.includes(c)) as string;
    const changed = readDrawRecord({
      ...event,
      drawn: [{ regionCode: '320106000000', codes: [other, ...drawn.slice(1)] }],
    });
    expect(recheckDraw(changed!)[0]).toMatchObject({ matches: false, recomputed: drawn });
    expect(readDrawRecord({ seed: 1 })).toBeNull();
  });
});
