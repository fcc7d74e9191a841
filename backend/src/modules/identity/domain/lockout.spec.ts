import { afterFailure, current, isLocked } from './lockout';

const policy = { threshold: 5, minutes: 15 };
const t0 = new Date('2026-11-23T06:00:00.000Z');

describe('lockout', () => {
  it('locks on the fifth consecutive failure, for 15 minutes', () => {
    let c = { failedCount: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      const r = afterFailure(c, t0, policy);
      expect(r.locked).toBe(false);
      c = r;
    }
    const fifth = afterFailure(c, t0, policy);
    expect(fifth.locked).toBe(true);
    expect(fifth.lockedUntil?.toISOString()).toBe('2026-11-23T06:15:00.000Z');
  });

  it('is locked until the instant passes, then clears', () => {
    const c = { failedCount: 5, lockedUntil: new Date('2026-11-23T06:15:00.000Z') };
    expect(isLocked(c, new Date('2026-11-23T06:14:59.999Z'))).toBe(true);
    expect(isLocked(c, new Date('2026-11-23T06:15:00.000Z'))).toBe(false);
    expect(current(c, new Date('2026-11-23T06:15:00.000Z'))).toEqual({ failedCount: 0, lockedUntil: null });
  });

  it('starts counting afresh after an expired lock', () => {
    const c = { failedCount: 5, lockedUntil: new Date('2026-11-23T05:00:00.000Z') };
    expect(afterFailure(c, t0, policy)).toEqual({ failedCount: 1, lockedUntil: null, locked: false });
  });
});
