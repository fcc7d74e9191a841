import type { WorkingDayCalendar } from '../../regions';
import { evaluationRef, objectionWindowDue, windowDecision, windowOpen } from './publication-rules';

const at = (iso: string) => new Date(iso);
const holidays = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'];
const cal: WorkingDayCalendar = { holidays: new Set(holidays), workdays: new Set(['2026-10-10']) };

describe('the objection window of a confirmed evaluation result: 5 working days', () => {
  it('counts from the day after confirmation (NEXT_DAY), ending 24:00 Beijing time of the fifth working day', () => {
    // confirmed Mon 2026-11-23 11:00 Beijing: Tue 24, Wed 25, Thu 26, Fri 27, Mon 30 → 11-30 24:00 = 16:00 UTC
    expect(objectionWindowDue(at('2026-11-23T03:00:00Z'), 'NEXT_DAY', 5, cal)).toEqual(at('2026-11-30T16:00:00Z'));
  });

  it('counts from the second working day after confirmation (SECOND_WORKING_DAY)', () => {
    // Wed 25 is day 1: Wed, Thu, Fri, Mon 30, Tue 12-01
    expect(objectionWindowDue(at('2026-11-23T03:00:00Z'), 'SECOND_WORKING_DAY', 5, cal)).toEqual(
      at('2026-12-01T16:00:00Z'),
    );
  });

  it('takes the Beijing date of the confirmation (01:00 on Tuesday is Tuesday)', () => {
    expect(objectionWindowDue(at('2026-11-23T17:00:00Z'), 'NEXT_DAY', 5, cal)).toEqual(at('2026-12-01T16:00:00Z'));
  });

  it('skips public holidays and counts a make-up Saturday (调休)', () => {
    // confirmed Wed 09-30: 10-01..10-07 off; 10-08 (1), 10-09 (2), Sat 10-10 (3), Mon 10-12 (4), Tue 10-13 (5)
    expect(objectionWindowDue(at('2026-09-30T03:00:00Z'), 'NEXT_DAY', 5, cal)).toEqual(at('2026-10-13T16:00:00Z'));
  });

  it('is configurable in length', () => {
    expect(objectionWindowDue(at('2026-11-23T03:00:00Z'), 'NEXT_DAY', 1, cal)).toEqual(at('2026-11-24T16:00:00Z'));
  });
});

describe('closing the window', () => {
  const due = at('2026-11-30T16:00:00Z');

  it('waits (delays the job again) until the window has passed', () => {
    expect(
      windowDecision({ status: 'CONFIRMED', objectionDueAt: due, openObjections: 0 }, at('2026-11-30T15:59:59Z')),
    ).toEqual({ dueInMs: 1000 });
  });

  it('publishes once the window has passed with no objection open', () => {
    expect(windowDecision({ status: 'CONFIRMED', objectionDueAt: due, openObjections: 0 }, due)).toEqual({
      publish: true,
    });
  });

  it('does nothing while an objection is open: its dismissal publishes', () => {
    expect(
      windowDecision({ status: 'CONFIRMED', objectionDueAt: due, openObjections: 1 }, at('2026-12-01T00:00:00Z')),
    ).toEqual({ done: 'OBJECTION_OPEN' });
  });

  it('does nothing for a task no longer confirmed (published already, returned after an upheld objection)', () => {
    expect(windowDecision({ status: 'PUBLISHED', objectionDueAt: due, openObjections: 0 }, due)).toEqual({
      done: 'NOT_CONFIRMED',
    });
    expect(windowDecision({ status: 'RETURNED', objectionDueAt: due, openObjections: 0 }, due)).toEqual({
      done: 'NOT_CONFIRMED',
    });
  });

  it('says whether an objection may still be filed', () => {
    expect(windowOpen('CONFIRMED', due, at('2026-11-30T15:59:59.999Z'))).toBe(true);
    expect(windowOpen('CONFIRMED', due, due)).toBe(false);
    expect(windowOpen('SUBMITTED', null, at('2026-11-01T00:00:00Z'))).toBe(false);
  });

  it('names the result on the final tranche by its task', () => {
    expect(evaluationRef(42)).toBe('evaluation_task/42');
  });
});
