import { GRADE_EXPIRY_NOTICE_DAYS, gradeRenewalDue } from './grade-expiry';

describe('gradeRenewalDue (the desk shows a grade to renew)', () => {
  it('is due from 180 days before the last valid day, and after it', () => {
    expect(GRADE_EXPIRY_NOTICE_DAYS).toBe(180);
    // 2026-06-01 + 180 days = 2026-11-28
    expect(gradeRenewalDue(4, '2026-11-28', '2026-06-01')).toBe(true);
    expect(gradeRenewalDue(4, '2026-11-29', '2026-06-01')).toBe(false);
    expect(gradeRenewalDue(4, '2026-06-01', '2026-06-01')).toBe(true);
    expect(gradeRenewalDue(4, '2026-05-31', '2026-06-01')).toBe(true);
  });

  it('is never due without a grade or without an expiry', () => {
    expect(gradeRenewalDue(null, '2026-06-02', '2026-06-01')).toBe(false);
    expect(gradeRenewalDue(3, null, '2026-06-01')).toBe(false);
  });
});
