import { allocated, applyMove, MOVES, rateBp, replay, ZERO } from './ledger';

const apply = (b: typeof ZERO, op: keyof typeof MOVES, amount: bigint) => {
  const r = applyMove(b, MOVES[op].from, MOVES[op].to, amount);
  if (!r.ok) throw new Error(r.problem);
  return r.balances;
};

describe('fund ledger moves', () => {
  it('walks a line through allocate, reserve, commit, disburse and release', () => {
    let b = apply(ZERO, 'ALLOCATE', 100_000_00n);
    b = apply(b, 'RESERVE', 30_000_00n);
    b = apply(b, 'COMMIT', 28_000_00n);
    b = apply(b, 'RELEASE_RESERVATION', 2_000_00n);
    b = apply(b, 'DISBURSE', 8_400_00n);
    expect(b).toEqual({ available: 72_000_00n, reserved: 0n, committed: 19_600_00n, paid: 8_400_00n });
    expect(allocated(b)).toBe(100_000_00n);
  });

  it('refuses to reserve more than is available (no over-commitment)', () => {
    const b = apply(ZERO, 'ALLOCATE', 100n);
    expect(applyMove(b, 'AVAILABLE', 'RESERVED', 101n)).toEqual({
      ok: false,
      problem: 'INSUFFICIENT_FUNDS',
      bucket: 'AVAILABLE',
    });
  });

  it('refuses to pay more than was committed', () => {
    let b = apply(ZERO, 'ALLOCATE', 1_000n);
    b = apply(b, 'COMMIT_DIRECT', 500n);
    expect(applyMove(b, 'COMMITTED', 'PAID', 501n)).toMatchObject({ ok: false, bucket: 'COMMITTED' });
  });

  it('refuses zero and negative amounts', () => {
    expect(applyMove(ZERO, 'SOURCE', 'AVAILABLE', 0n)).toEqual({ ok: false, problem: 'AMOUNT_NOT_POSITIVE' });
    expect(applyMove(ZERO, 'SOURCE', 'AVAILABLE', -5n)).toEqual({ ok: false, problem: 'AMOUNT_NOT_POSITIVE' });
  });

  it('replays entries into the same balances', () => {
    const entries = [
      { fromBucket: 'SOURCE' as const, toBucket: 'AVAILABLE' as const, amountFen: 900n },
      { fromBucket: 'AVAILABLE' as const, toBucket: 'RESERVED' as const, amountFen: 300n },
      { fromBucket: 'RESERVED' as const, toBucket: 'AVAILABLE' as const, amountFen: 300n },
    ];
    expect(replay(entries)).toEqual({ available: 900n, reserved: 0n, committed: 0n, paid: 0n });
  });

  it('computes rates in basis points without floats', () => {
    expect(rateBp(1n, 3n)).toBe(3333);
    expect(rateBp(0n, 0n)).toBe(0);
    expect(rateBp(9_007_199_254_740_993n, 9_007_199_254_740_993n)).toBe(10000);
  });
});
