import {
  applyCustodyMove,
  BID_DEPOSIT_CAP_BP,
  canMove,
  CUSTODY_ZERO,
  daysLate,
  lateReturnInterestFen,
  PERFORMANCE_BOND_CAP_BP,
  replayCustody,
  returnDueAt,
  withinCap,
} from './custody';

const NO_EXCEPTIONS = { holidays: new Set<string>(), workdays: new Set<string>() };

describe('custody ledger (pure)', () => {
  it('moves money between buckets and never leaves HELD below zero', () => {
    let b = CUSTODY_ZERO;
    const r = applyCustodyMove(b, 'RECEIVE', 20_000n);
    expect(r).toEqual({ ok: true, balances: { held: 20_000n, returned: 0n, forfeited: 0n, interest: 0n } });
    b = (r as { balances: typeof b }).balances;
    expect(applyCustodyMove(b, 'REFUND', 20_001n)).toEqual({ ok: false, problem: 'INSUFFICIENT_HELD' });
    expect(applyCustodyMove(b, 'REFUND', 0n)).toEqual({ ok: false, problem: 'AMOUNT_NOT_POSITIVE' });
    const refunded = applyCustodyMove(b, 'REFUND', 20_000n);
    expect(refunded).toEqual({ ok: true, balances: { held: 0n, returned: 20_000n, forfeited: 0n, interest: 0n } });
    const withInterest = applyCustodyMove((refunded as { balances: typeof b }).balances, 'INTEREST', 6n);
    expect(withInterest).toMatchObject({ balances: { held: 0n, returned: 20_000n, interest: 6n } });
    expect(applyCustodyMove({ ...CUSTODY_ZERO, held: 5n }, 'FORFEIT', 5n)).toMatchObject({
      balances: { held: 0n, forfeited: 5n },
    });
  });

  it('replays entries into the same balances the moves give', () => {
    expect(
      replayCustody([
        { fromBucket: 'PAYER', toBucket: 'HELD', amountFen: 98_000n },
        { fromBucket: 'HELD', toBucket: 'RETURNED', amountFen: 98_000n },
        { fromBucket: 'PURCHASER', toBucket: 'INTEREST', amountFen: 27n },
      ]),
    ).toEqual({ held: 0n, returned: 98_000n, forfeited: 0n, interest: 27n });
  });

  it('has a state machine: the job marks HELD → REFUND_DUE; finance closes; nothing leaves a closed account', () => {
    expect(canMove('HELD', 'REFUND_DUE')).toBe(true);
    expect(canMove('REFUND_DUE', 'REFUNDED')).toBe(true);
    expect(canMove('HELD', 'FORFEITED')).toBe(true);
    expect(canMove('REFUNDED', 'REFUNDED')).toBe(false);
    expect(canMove('RELEASED', 'FORFEITED')).toBe(false);
    expect(canMove('FORFEITED', 'RELEASED')).toBe(false);
    expect(canMove('REFUND_DUE', 'HELD')).toBe(false);
  });

  it('caps: a deposit at most 2 % of the project budget, a bond at most 10 % of the contract, compared exactly', () => {
    expect(withinCap(200_00n, 10_000_00n, BID_DEPOSIT_CAP_BP)).toBe(true); // 200.00 of 10,000.00
    expect(withinCap(200_01n, 10_000_00n, BID_DEPOSIT_CAP_BP)).toBe(false);
    expect(withinCap(31_000_00n, 310_000_00n, PERFORMANCE_BOND_CAP_BP)).toBe(true);
    expect(withinCap(31_000_01n, 310_000_00n, PERFORMANCE_BOND_CAP_BP)).toBe(false);
  });

  it('refund due date: the end (24:00 Beijing) of the 5th working day after the event, holidays and 调休 counted', () => {
    // Friday 2026-12-04 15:00 Beijing → Mon 7, Tue 8, Wed 9, Thu 10, Fri 11 → due 2026-12-11 24:00 Beijing
    expect(returnDueAt(new Date('2026-12-04T07:00:00Z'), NO_EXCEPTIONS).toISOString()).toBe('2026-12-11T16:00:00.000Z');
    // late on Friday evening in Beijing (after 16:00 UTC) is already Saturday: the period starts from Saturday
    expect(returnDueAt(new Date('2026-12-04T17:00:00Z'), NO_EXCEPTIONS).toISOString()).toBe('2026-12-11T16:00:00.000Z');
    // National Day 2026: 1–7 Oct off, Sat 10 Oct a make-up working day
    const cal = {
      holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
      workdays: new Set(['2026-10-10']),
    };
    // award notice on Wed 30 Sep → 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Sat, worked), 12 Oct, 13 Oct
    expect(returnDueAt(new Date('2026-09-30T02:00:00Z'), cal).toISOString()).toBe('2026-10-13T16:00:00.000Z');
  });

  it('days late are Beijing calendar days after the due day', () => {
    const due = new Date('2026-12-11T16:00:00.000Z'); // 24:00 Beijing, 11 Dec
    expect(daysLate(due, new Date('2026-12-11T15:59:59.999Z'))).toBe(0);
    expect(daysLate(due, new Date('2026-12-11T16:00:00.000Z'))).toBe(1); // 00:00 on the 12th
    expect(daysLate(due, new Date('2026-12-14T03:00:00.000Z'))).toBe(3);
    expect(daysLate(due, new Date('2026-12-01T03:00:00.000Z'))).toBe(0);
  });

  it('late interest, exact and half-up (contracts/domain/custody-interest.spec.ts: the same as lateInterestFen)', () => {
    // 200.00 at 3.65 % a year for 3 days: 0.06
    expect(lateReturnInterestFen(200_00n, 3, 365)).toBe(6n);
    // 2,000.00 at 4.35 % for 10 days = 2.3835… → 2.38
    expect(lateReturnInterestFen(2_000_00n, 10, 435)).toBe(238n);
    // 31,000.00 at 3.65 % for 1 day = 3.10
    expect(lateReturnInterestFen(31_000_00n, 1, 365)).toBe(310n);
    expect(lateReturnInterestFen(200_00n, 0, 365)).toBe(0n);
    expect(lateReturnInterestFen(200_00n, 3, 0)).toBe(0n);
  });
});
