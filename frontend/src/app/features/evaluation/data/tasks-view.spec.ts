import { beijingYear, conflictText, gradeShares, mergeAssignees, taskStatusColor } from './tasks-view';
import type { Assignees, Conflict } from './tasks.api';

const past: Conflict = { code: 'PAST_EMPLOYMENT', organisationName: '阳光养老', endedOn: '2025-03-31', reason: '…' };

function answer(taskId: number, eligible: Record<number, boolean>): Assignees {
  return {
    taskId,
    organisationName: '阳光养老',
    agencies: [
      {
        id: 1,
        name: '众评',
        eligible: eligible[10] || eligible[11],
        conflict: null,
        evaluators: [10, 11].map((id) => ({
          id,
          displayName: `E${id}`,
          eligible: eligible[id],
          conflict: eligible[id] ? null : past,
          openTasks: 0,
        })),
      },
    ],
  };
}

describe('evaluation task view helpers', () => {
  it('keeps an evaluator eligible only when eligible for every selected task', () => {
    const merged = mergeAssignees([answer(1, { 10: true, 11: true }), answer(2, { 10: true, 11: false })]);
    expect(merged[0].evaluators.map((e) => [e.id, e.eligible])).toEqual([
      [10, true],
      [11, false],
    ]);
    expect(merged[0].evaluators[1].conflict).toEqual(past);
    expect(merged[0].eligible).toBe(true);
    const none = mergeAssignees([answer(1, { 10: false, 11: true }), answer(2, { 10: true, 11: false })]);
    expect(none[0].eligible).toBe(false);
    expect(mergeAssignees([])).toEqual([]);
  });

  it('does not change the answers it merges', () => {
    const a = answer(1, { 10: true, 11: true });
    const before = JSON.stringify(a);
    mergeAssignees([a, answer(2, { 10: false, 11: false })]);
    expect(JSON.stringify(a)).toBe(before);
  });

  it('words a conflict by its code', () => {
    expect(conflictText(past)).toEqual({
      key: 'tasks.conflict.PAST_EMPLOYMENT',
      params: { organisation: '阳光养老', endedOn: '2025-03-31' },
    });
  });

  it('gives the grade shares of the graded results to a tenth of a percent', () => {
    expect(gradeShares({ graded: 7, byGrade: { EXCELLENT: 3, GOOD: 2, PASS: 1, FAIL: 1 } })).toEqual([
      { grade: 'EXCELLENT', count: 3, percent: '42.9' },
      { grade: 'GOOD', count: 2, percent: '28.6' },
      { grade: 'PASS', count: 1, percent: '14.3' },
      { grade: 'FAIL', count: 1, percent: '14.3' },
    ]);
    expect(gradeShares({ graded: 0, byGrade: { EXCELLENT: 0, GOOD: 0, PASS: 0, FAIL: 0 } })[0].percent).toBe('0.0');
  });

  it('colours statuses and reads the Beijing year', () => {
    expect(taskStatusColor('OPEN')).toBe('orange');
    expect(taskStatusColor('NOPE')).toBe('default');
    expect(beijingYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
  });
});
