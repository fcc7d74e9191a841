import { ASSESSMENT_TRANSITIONS, assessmentCode, gradeExpiresOn, separationOfDutiesProblem } from './grade-assessment';
import { checkTransition } from './state-machines';

describe('grade assessments (等级评估)', () => {
  it('a grade is valid 5 years from the decision day: its last day is the day before the fifth anniversary', () => {
    expect(gradeExpiresOn('2026-11-20')).toBe('2031-11-19');
    expect(gradeExpiresOn('2026-01-01')).toBe('2030-12-31');
    expect(gradeExpiresOn('2027-03-01')).toBe('2032-02-29'); // a leap day inside the period
    expect(gradeExpiresOn('2028-02-29')).toBe('2033-02-28'); // decided on a leap day: five full years
    expect(() => gradeExpiresOn('2026-13-01x')).toThrow(RangeError);
  });

  it('separation of duties: whoever submitted or scored it cannot decide or return it', () => {
    const scorers = { submittedBy: 7, leafScorers: [7, 8] };
    expect(separationOfDutiesProblem(7, scorers)).toMatch(/submitted/);
    expect(separationOfDutiesProblem(8, scorers)).toMatch(/scored/);
    expect(separationOfDutiesProblem(9, scorers)).toBeNull();
  });

  it('moves only along its table: scored → submitted → decided or returned; cancelled only before submission', () => {
    const officer = ['PROCUREMENT_OFFICER'] as const;
    const ok = (from: string, to: string) =>
      checkTransition(ASSESSMENT_TRANSITIONS, 'grade assessment', from as never, to as never, officer) === null;
    expect(ok('IN_PROGRESS', 'SUBMITTED')).toBe(true);
    expect(ok('SUBMITTED', 'DECIDED')).toBe(true);
    expect(ok('SUBMITTED', 'RETURNED')).toBe(true);
    expect(ok('RETURNED', 'SUBMITTED')).toBe(true);
    expect(ok('IN_PROGRESS', 'CANCELLED')).toBe(true);
    expect(ok('IN_PROGRESS', 'DECIDED')).toBe(false);
    expect(ok('SUBMITTED', 'CANCELLED')).toBe(false);
    expect(ok('DECIDED', 'RETURNED')).toBe(false);
    expect(
      checkTransition(ASSESSMENT_TRANSITIONS, 'grade assessment', 'SUBMITTED', 'DECIDED', ['ORG_MEMBER']),
    ).not.toBeNull();
  });

  it('numbers assessments DJ-<year>-<6 digits>', () => {
    expect(assessmentCode(2026, 12)).toBe('DJ-2026-000012');
  });
});
