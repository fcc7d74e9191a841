import { TASK_STATUSES } from './state-machines';
import { taskActions } from './task-actions';

const NOW = new Date('2027-06-15T02:00:00.000Z');
const OFFICER = { officer: true, evaluator: false, organisation: false };
const EVALUATOR = { officer: false, evaluator: true, organisation: false };
const ORG = { officer: false, evaluator: false, organisation: true };
const on = (a: object) =>
  Object.entries(a)
    .filter(([, v]) => v)
    .map(([k]) => k);

describe('what the reader of a task may do with it', () => {
  it('offers the officer assignment while OPEN and reassignment while ASSIGNED only', () => {
    expect(on(taskActions({ status: 'OPEN', objectionDueAt: null }, OFFICER, NOW))).toEqual(['assign']);
    expect(on(taskActions({ status: 'ASSIGNED', objectionDueAt: null }, OFFICER, NOW))).toEqual(['reassign']);
    expect(on(taskActions({ status: 'SUBMITTED', objectionDueAt: null }, OFFICER, NOW))).toEqual(['confirm', 'return']);
  });

  it('offers the assigned evaluator start, scoring and submission along the machine', () => {
    expect(on(taskActions({ status: 'ASSIGNED', objectionDueAt: null }, EVALUATOR, NOW))).toEqual(['start', 'score']);
    expect(on(taskActions({ status: 'IN_PROGRESS', objectionDueAt: null }, EVALUATOR, NOW))).toEqual([
      'score',
      'submit',
    ]);
    expect(on(taskActions({ status: 'RETURNED', objectionDueAt: null }, EVALUATOR, NOW))).toEqual(['start', 'score']);
  });

  it('lets the organisation object only while the window of a CONFIRMED result is open, and publishes after it', () => {
    const open = { status: 'CONFIRMED' as const, objectionDueAt: new Date(NOW.getTime() + 1) };
    const passed = { status: 'CONFIRMED' as const, objectionDueAt: new Date(NOW.getTime()) };
    expect(on(taskActions(open, ORG, NOW))).toEqual(['object']);
    expect(on(taskActions(passed, ORG, NOW))).toEqual([]);
    expect(on(taskActions(open, OFFICER, NOW))).toEqual([]);
    expect(on(taskActions(passed, OFFICER, NOW))).toEqual(['publish']);
  });

  it('offers nothing to a reader without a relation, nor on a closed task', () => {
    for (const status of TASK_STATUSES)
      expect(
        on(
          taskActions({ status, objectionDueAt: null }, { officer: false, evaluator: false, organisation: false }, NOW),
        ),
      ).toEqual([]);
    expect(on(taskActions({ status: 'CANCELLED', objectionDueAt: null }, OFFICER, NOW))).toEqual([]);
    expect(on(taskActions({ status: 'PUBLISHED', objectionDueAt: null }, OFFICER, NOW))).toEqual([]);
  });
});
