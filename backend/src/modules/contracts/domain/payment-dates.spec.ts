import { lateInterestFen } from './money-rules';
import { addCalendarDays, daysLate, paymentDue } from './payment-dates';

describe('payment due date and lateness (Beijing calendar days)', () => {
  it('is 30 days after the Beijing day of acceptance, at 24:00 Beijing time', () => {
    // accepted 2026-03-01 23:30 Beijing (15:30 UTC): the Beijing day is 03-01, due 03-31 24:00 = 03-31 16:00 UTC
    const due = paymentDue(new Date('2026-03-01T15:30:00Z'), 30);
    expect(due.dueDate).toBe('2026-03-31');
    expect(due.dueAt.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    // 00:30 Beijing on 03-02 (16:30 UTC on 03-01) is already the next Beijing day
    expect(paymentDue(new Date('2026-03-01T16:30:00Z'), 30).dueDate).toBe('2026-04-01');
  });

  it('takes a contract of up to 60 days and refuses more', () => {
    expect(paymentDue(new Date('2026-12-15T02:00:00Z'), 60).dueDate).toBe('2027-02-13');
    expect(() => paymentDue(new Date(), 61)).toThrow(RangeError);
    expect(() => paymentDue(new Date(), 0)).toThrow(RangeError);
  });

  it('counts days late from the day after the due date', () => {
    expect(daysLate('2026-03-31', new Date('2026-03-31T15:59:59Z'))).toBe(0); // 23:59:59 Beijing, due day
    expect(daysLate('2026-03-31', new Date('2026-03-31T16:00:00Z'))).toBe(1); // 00:00 Beijing, 04-01
    expect(daysLate('2026-03-31', new Date('2026-04-10T03:00:00Z'))).toBe(10);
    expect(daysLate('2026-03-31', new Date('2026-03-01T03:00:00Z'))).toBe(0);
    expect(daysLate(null, new Date())).toBe(0);
  });

  it('adds calendar days across months and leap years', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('late interest, hand-computed: 93,000.00 yuan 10 days late at 0.05 % a day is 465.00 yuan', () => {
    // 9,300,000 fen × 1825 × 10 / (10000 × 365) = 46,500 fen exactly
    expect(lateInterestFen(9_300_000n, 10, 1825)).toBe(46_500n);
    // 124,000.00 yuan 7 days at 3.65 % a year (0.01 % a day): 86.80 yuan
    expect(lateInterestFen(12_400_000n, 7, 365)).toBe(8_680n);
  });
});
