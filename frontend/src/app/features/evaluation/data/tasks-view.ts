import {
  GRADES,
  type AssigneeAgency,
  type Assignees,
  type Conflict,
  type Grade,
  type SummaryCounts,
  type TaskStatus,
} from './tasks.api';

/** Pure helpers of the evaluation task pages (tag colours, the assign dialog's merge, the summary's shares). */

const STATUS_COLORS: Record<TaskStatus, string> = {
  OPEN: 'orange',
  ASSIGNED: 'blue',
  IN_PROGRESS: 'geekblue',
  SUBMITTED: 'purple',
  RETURNED: 'magenta',
  CONFIRMED: 'cyan',
  PUBLISHED: 'green',
  CANCELLED: 'default',
};

export function taskStatusColor(status: string): string {
  return STATUS_COLORS[status as TaskStatus] ?? 'default';
}

const GRADE_COLORS: Record<Grade, string> = { EXCELLENT: 'green', GOOD: 'blue', PASS: 'orange', FAIL: 'red' };

export function gradeColor(grade: string | null): string {
  return grade === null ? 'default' : (GRADE_COLORS[grade as Grade] ?? 'default');
}

/**
 * The assign dialog for several tasks at once: an agency or evaluator is eligible only when it is eligible for
 * every selected task (the backend refuses the whole assignment otherwise); the first conflict found is shown.
 * Agencies keep the order of the first answer (eligible first), evaluators theirs.
 */
export function mergeAssignees(all: readonly Assignees[]): AssigneeAgency[] {
  if (all.length === 0) return [];
  const [first, ...rest] = all;
  const merged = first.agencies.map((a) => ({ ...a, evaluators: a.evaluators.map((e) => ({ ...e })) }));
  for (const other of rest) {
    for (const a of merged) {
      const same = other.agencies.find((x) => x.id === a.id);
      if (!same) {
        a.eligible = false;
        continue;
      }
      a.conflict ??= same.conflict;
      for (const e of a.evaluators) {
        const twin = same.evaluators.find((x) => x.id === e.id);
        e.eligible = e.eligible && (twin?.eligible ?? false);
        e.conflict ??= twin?.conflict ?? null;
      }
      a.eligible = a.conflict === null && a.evaluators.some((e) => e.eligible);
    }
  }
  return merged;
}

/** The text key and parameters of a conflict, for the reader's language. */
export function conflictText(c: Conflict): { key: string; params: Record<string, string> } {
  return {
    key: `tasks.conflict.${c.code}`,
    params: { organisation: c.organisationName, endedOn: c.endedOn ?? '' },
  };
}

export interface GradeShare {
  grade: Grade;
  count: number;
  /** percent of the graded results, one decimal ("42.9"); '0.0' when nothing is graded */
  percent: string;
}

/** The grade distribution of a summary, as counts and shares of the graded results (integer arithmetic). */
export function gradeShares(c: Pick<SummaryCounts, 'byGrade' | 'graded'>): GradeShare[] {
  return GRADES.map((grade) => {
    const count = c.byGrade[grade] ?? 0;
    const tenths = c.graded === 0 ? 0 : Math.round((count * 1000) / c.graded);
    return { grade, count, percent: `${Math.floor(tenths / 10)}.${tenths % 10}` };
  });
}

/** The year a summary opens on: this year in Beijing. */
export function beijingYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}
