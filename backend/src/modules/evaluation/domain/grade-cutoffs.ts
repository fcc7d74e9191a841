import { cmp, eq, Fraction, parseDecimal, ZERO } from './exact';

/**
 * Organisation grading (等级评估, issue #11 item 6): where a region draws the lines between 1A … 5A on the 1,000-point
 * scale. 社会组织评估管理办法 (民政部令第39号) fixes the five grades and the 1,000-point indicator system but not the
 * lines: each civil-affairs bureau publishes its own in its evaluation notice (e.g. 5A ≥ 900, 4A 800–899, 3A 700–799,
 * 2A 600–699 in 洛阳瀍河; 5A ≥ 950, 4A 901–949 in 安庆). So the lines are data, one row per region and effective
 * date: the row of the organisation's registered region, else of its nearest ancestor, that is in force on the day
 * applies. Below the 1A line an organisation gets no grade.
 */
export const ORG_GRADES = [1, 2, 3, 4, 5] as const;
export type OrgGrade = (typeof ORG_GRADES)[number];

/** The lowest points of each grade (decimal texts, at most 2 places), strictly ascending from 1A to 5A. */
export interface CutoffLines {
  min1: string;
  min2: string;
  min3: string;
  min4: string;
  min5: string;
}

export const CUTOFF_FIELDS = ['min1', 'min2', 'min3', 'min4', 'min5'] as const;

/** The scale the lines are drawn on: the grade template's total. */
export const GRADE_SCALE = '1000';

/** The city default the demo seeds (and most bureaus use): 5A ≥ 900, 4A ≥ 800, 3A ≥ 700, 2A ≥ 600, 1A ≥ 500. */
export const DEFAULT_CUTOFFS: CutoffLines = { min1: '500', min2: '600', min3: '700', min4: '800', min5: '900' };

/** The region levels that draw lines: the civil-affairs bureaus of a city and of its districts (登记管理机关). */
export const CUTOFF_REGION_LEVELS = ['CITY', 'DISTRICT'] as const;

export type CutoffProblem = { field: keyof CutoffLines; message: string };

/** Every problem with a set of lines (empty: fine): decimals of at most 2 places, 0 < 1A < 2A < … < 5A ≤ 1000. */
export function cutoffProblems(lines: CutoffLines, scale: string = GRADE_SCALE): CutoffProblem[] {
  const max = parseDecimal(scale) as Fraction;
  const out: CutoffProblem[] = [];
  let previous: Fraction | null = null;
  CUTOFF_FIELDS.forEach((field, i) => {
    const v = parseDecimal(String(lines[field] ?? ''));
    const grade = `${i + 1}A`;
    if (v === null) out.push({ field, message: `${grade}: points are a number with at most 2 decimals.` });
    else if (eq(v, ZERO) || cmp(v, max) > 0)
      out.push({ field, message: `${grade}: the line lies above 0 and at most ${scale} points.` });
    else if (previous !== null && cmp(v, previous) <= 0)
      out.push({ field, message: `${grade} needs more points than ${i}A (the lines ascend strictly from 1A to 5A).` });
    if (v !== null) previous = v;
  });
  return out;
}

/** The grade of a total (the rounded 2-place text) by the lines: 1..5, or null below the 1A line. */
export function gradeByCutoffs(points: string, lines: CutoffLines): OrgGrade | null {
  const p = parseDecimal(points);
  if (p === null) throw new RangeError(`Not a total: ${points}`);
  for (let g = 5; g >= 1; g--) {
    if (cmp(p, parseDecimal(lines[CUTOFF_FIELDS[g - 1]]) as Fraction) >= 0) return g as OrgGrade;
  }
  return null;
}

/** One region's lines in force from a day (a row of `grade_cutoffs`, with its region's materialised path). */
export interface CutoffRow extends CutoffLines {
  id: number;
  regionId: number;
  /** e.g. `/1/4/`. */
  regionPath: string;
  /** YYYY-MM-DD (Beijing). */
  effectiveFrom: string;
}

/**
 * The row that applies on `today` to an organisation registered in the region at `orgRegionPath`: among the rows of
 * that region and its ancestors already in force, the nearest region's; within a region the latest effective date,
 * and on one date the newest row (a correction made the same day). Null when no region above draws lines.
 */
export function applicableCutoff<R extends CutoffRow>(
  rows: readonly R[],
  orgRegionPath: string,
  today: string,
): R | null {
  let best: R | null = null;
  for (const r of rows) {
    if (!orgRegionPath.startsWith(r.regionPath) || r.effectiveFrom > today) continue;
    if (
      best === null ||
      r.regionPath.length > best.regionPath.length ||
      (r.regionPath.length === best.regionPath.length &&
        (r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.id > best.id)))
    )
      best = r;
  }
  return best;
}

/** The region ids on a materialised path, root first (`/1/4/17/` → [1, 4, 17]). */
export function pathIds(path: string): number[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map(Number);
}
