import {
  ClockFacts,
  evidenceTypeAllowed,
  isHourUnit,
  MILESTONE_REMINDER_LEAD_MS,
  overdueDecision,
  parseTarget,
  planIndicators,
  reminderDecision,
  ReportContext,
  ReportInput,
  reportProblems,
} from './milestone-rules';

const CTX: ReportContext = {
  termStart: '2027-01-01',
  termEnd: '2027-12-31',
  today: '2027-03-10',
  indicatorCodes: ['OUT-1', 'OUT-2'],
  countedInHours: false,
};
const OK: ReportInput = {
  activities: [{ date: '2027-03-01', place: '活动中心', content: '助餐', participants: 30 }],
  serviceHours: [],
  outputs: [
    { code: 'OUT-1', actual: '2400' },
    { code: 'OUT-2', actual: '96.5' },
  ],
  evidence: [{ id: 1, kind: 'PHOTO' }],
};
const fields = (r: ReportInput, ctx = CTX) => reportProblems(r, ctx).map((p) => p.field);

describe('a progress report', () => {
  it('is complete with an activity, a photo and every output indicator', () => {
    expect(reportProblems(OK, CTX)).toEqual([]);
  });

  it('needs at least one activity and one photo (an attendance sheet alone is not a photo)', () => {
    expect(fields({ ...OK, activities: [], evidence: [{ id: 2, kind: 'ATTENDANCE' }] })).toEqual([
      'activities',
      'evidenceIds',
    ]);
  });

  it('reports activities within the term and not in the future', () => {
    const at = (date: string) => fields({ ...OK, activities: [{ ...OK.activities[0], date }] });
    expect(at('2026-12-31')).toEqual(['activities.0.date']);
    expect(at('2027-03-11')).toEqual(['activities.0.date']);
    expect(at('2027-03-10')).toEqual([]);
  });

  it('gives each output indicator of the plan exactly once, as a decimal', () => {
    expect(fields({ ...OK, outputs: [OK.outputs[0]] })).toEqual(['outputs']);
    expect(fields({ ...OK, outputs: [...OK.outputs, { code: 'OUT-1', actual: '1' }] })).toEqual(['outputs.2.code']);
    expect(fields({ ...OK, outputs: [...OK.outputs, { code: 'OUT-9', actual: '1' }] })).toEqual(['outputs.2.code']);
    expect(fields({ ...OK, outputs: [OK.outputs[0], { code: 'OUT-2', actual: '1e3' }] })).toEqual(['outputs.1.actual']);
  });

  it('gives hours per beneficiary when the service is counted in hours, each beneficiary once, positive', () => {
    const hours = { ...CTX, countedInHours: true };
    expect(fields(OK, hours)).toEqual(['serviceHours']);
    expect(fields({ ...OK, serviceHours: [{ beneficiary: 'A-1', hours: '2.5' }] }, hours)).toEqual([]);
    expect(
      fields(
        {
          ...OK,
          serviceHours: [
            { beneficiary: 'A-1', hours: '0' },
            { beneficiary: 'A-1 ', hours: '1' },
          ],
        },
        hours,
      ),
    ).toEqual(['serviceHours.0.hours', 'serviceHours.1.beneficiary']);
  });
});

describe('the output indicators of a project plan', () => {
  it('are coded by position, with the number and unit read from the target text', () => {
    const plan = JSON.stringify({
      outputIndicators: [
        { name: '服务人次', target: '≥ 9,600 人次' },
        { name: '满意度', target: '90.5%' },
        { name: '活动', target: '每月一次' },
      ],
    });
    expect(planIndicators(plan)).toEqual([
      { code: 'OUT-1', name: '服务人次', targetText: '≥ 9,600 人次', targetValue: '9600', unit: '人次' },
      { code: 'OUT-2', name: '满意度', targetText: '90.5%', targetValue: '90.5', unit: '%' },
      { code: 'OUT-3', name: '活动', targetText: '每月一次', targetValue: null, unit: null },
    ]);
    expect(planIndicators('not json')).toEqual([]);
    expect(parseTarget('1')).toEqual({ targetValue: '1', unit: null });
  });

  it('count hours when the catalogue unit is hours', () => {
    expect(isHourUnit('小时')).toBe(true);
    expect(isHourUnit('次')).toBe(false);
  });
});

describe('evidence types', () => {
  it('takes JPEG, PNG and WebP photos; PDF only as an attendance sheet', () => {
    expect(evidenceTypeAllowed('PHOTO', 'image/webp')).toBe(true);
    expect(evidenceTypeAllowed('PHOTO', 'application/pdf')).toBe(false);
    expect(evidenceTypeAllowed('ATTENDANCE', 'application/pdf')).toBe(true);
    expect(evidenceTypeAllowed('PHOTO', null)).toBe(false);
  });
});

describe('the milestone clocks', () => {
  const due = new Date('2027-03-31T16:00:00.000Z'); // 24:00 Beijing of 31 March
  const facts = (over: Partial<ClockFacts> = {}): ClockFacts => ({
    contractStatus: 'ACTIVE',
    status: 'PENDING',
    dueAt: due,
    remindedAt: null,
    overdueAt: null,
    ...over,
  });
  const at = (ms: number) => new Date(due.getTime() + ms);

  it('flags a pending or returned milestone overdue at its due time, not a millisecond before', () => {
    expect(overdueDecision(facts(), at(-1))).toEqual({ fire: false, dueInMs: 1 });
    expect(overdueDecision(facts(), at(0))).toEqual({ fire: true });
    expect(overdueDecision(facts({ status: 'RETURNED' }), at(5))).toEqual({ fire: true });
  });

  it('leaves a submitted or accepted milestone, a dead contract and an already flagged one alone', () => {
    expect(overdueDecision(facts({ status: 'SUBMITTED' }), at(1))).toEqual({ fire: false, done: 'DELIVERED' });
    expect(overdueDecision(facts({ status: 'ACCEPTED' }), at(1))).toEqual({ fire: false, done: 'DELIVERED' });
    expect(overdueDecision(facts({ contractStatus: 'TERMINATED' }), at(1))).toEqual({
      fire: false,
      done: 'CONTRACT_NOT_LIVE',
    });
    expect(overdueDecision(facts({ overdueAt: at(0) }), at(1))).toEqual({ fire: false, done: 'ALREADY_OVERDUE' });
  });

  it('reminds three days before, once, and not after the due time', () => {
    expect(reminderDecision(facts(), at(-MILESTONE_REMINDER_LEAD_MS - 10))).toEqual({ fire: false, dueInMs: 10 });
    expect(reminderDecision(facts(), at(-MILESTONE_REMINDER_LEAD_MS))).toEqual({ fire: true });
    expect(reminderDecision(facts({ remindedAt: at(-1000) }), at(-10))).toEqual({
      fire: false,
      done: 'ALREADY_REMINDED',
    });
    expect(reminderDecision(facts(), at(0))).toEqual({ fire: false, done: 'ALREADY_DUE' });
  });
});
