import {
  checkBidDeadline,
  deadlineAfterAmendment,
  earliestDeadlineDate,
  objectionAnswerDue,
  objectionWindowEnd,
} from './tender-periods';

// 2026: 国庆 10-01..10-07 holidays, 09-20 and 10-10 (Saturday) make-up workdays.
const cal = {
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']),
  workdays: new Set(['2026-09-20', '2026-10-10']),
};
const at = (iso: string) => new Date(iso);

describe('legal minimum periods from publication to the bid deadline', () => {
  it('open tender: 20 calendar days, start day excluded, rolled past a rest day', () => {
    expect(earliestDeadlineDate('OPEN_TENDER', '2026-11-02', cal)).toBe('2026-11-23'); // Mon + 20 = Sun 11-22 → Mon 11-23
    expect(earliestDeadlineDate('OPEN_TENDER', '2026-11-03', cal)).toBe('2026-11-23');
    expect(earliestDeadlineDate('OPEN_TENDER', '2026-09-14', cal)).toBe('2026-10-08'); // 10-04 is in 国庆 → first working day 10-08
  });
  it('competitive consultation: 10 calendar days', () => {
    expect(earliestDeadlineDate('COMPETITIVE_CONSULTATION', '2026-11-02', cal)).toBe('2026-11-12');
  });
  it('negotiation and quotation: 3 working days; single source: 5 working days of notice', () => {
    expect(earliestDeadlineDate('COMPETITIVE_NEGOTIATION', '2026-11-05', cal)).toBe('2026-11-10'); // Thu → Fri, Mon, Tue
    expect(earliestDeadlineDate('REQUEST_FOR_QUOTATION', '2026-09-30', cal)).toBe('2026-10-10'); // 10-08, 10-09, Sat 10-10 (调休)
    expect(earliestDeadlineDate('SINGLE_SOURCE', '2026-11-02', cal)).toBe('2026-11-09');
  });
  it('compares the deadline by its Asia/Shanghai date', () => {
    // published 2026-11-02 10:00 Shanghai; deadline 2026-11-23 09:30 Shanghai = 01:30 UTC
    expect(checkBidDeadline('OPEN_TENDER', at('2026-11-02T02:00:00Z'), at('2026-11-23T01:30:00Z'), cal)).toBeNull();
    // 2026-11-22 23:00 Shanghai is 15:00 UTC the same day: one day short
    expect(checkBidDeadline('OPEN_TENDER', at('2026-11-02T02:00:00Z'), at('2026-11-22T15:00:00Z'), cal)).toEqual({
      earliest: '2026-11-23',
    });
  });
});

describe('amendments (15 days before the deadline)', () => {
  const deadline = at('2026-11-30T01:30:00Z'); // Mon 09:30 Shanghai
  it('leaves the deadline when 15 days remain or preparation is not affected', () => {
    expect(deadlineAfterAmendment(at('2026-11-13T02:00:00Z'), deadline, true, cal)).toEqual({ deadline, moved: false }); // 11-13 + 15 = 11-28 (Sat) → 11-30
    expect(deadlineAfterAmendment(at('2026-11-20T02:00:00Z'), deadline, false, cal)).toEqual({
      deadline,
      moved: false,
    });
  });
  it('moves the deadline to keep 15 days, at the same time of day', () => {
    const r = deadlineAfterAmendment(at('2026-11-20T02:00:00Z'), deadline, true, cal); // 11-20 + 15 = 12-05 (Sat) → Mon 12-07
    expect(r).toEqual({ deadline: at('2026-12-07T01:30:00Z'), moved: true });
  });
});

describe('objection window: 7 working days after the award notice', () => {
  const notice = at('2026-11-23T03:00:00Z'); // Mon 11:00 Shanghai
  it('counting from the day after publication', () => {
    expect(objectionWindowEnd(notice, 'NEXT_DAY', cal)).toEqual(at('2026-12-02T16:00:00Z')); // Tue..Fri, Mon..Wed → 12-02 24:00
  });
  it('counting from the second working day after publication', () => {
    expect(objectionWindowEnd(notice, 'SECOND_WORKING_DAY', cal)).toEqual(at('2026-12-03T16:00:00Z')); // Wed 11-25 is day 1 → Thu 12-03
  });
  it('skips a holiday and counts a make-up Saturday', () => {
    // published Wed 2026-09-30: Thu 10-01..Wed 10-07 holidays; 10-08 (1), 10-09 (2), Sat 10-10 (3), 10-12..10-15 (4..7)
    expect(objectionWindowEnd(at('2026-09-30T03:00:00Z'), 'NEXT_DAY', cal)).toEqual(at('2026-10-15T16:00:00Z'));
  });
  it('answers are due 7 working days after filing', () => {
    expect(objectionAnswerDue(at('2026-11-24T03:00:00Z'), cal)).toEqual(at('2026-12-03T16:00:00Z'));
  });
});
