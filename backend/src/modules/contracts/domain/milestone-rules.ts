import type { ContractStatus, MilestoneStatus } from './state-machines';

/**
 * Milestones and their progress reports (PRODUCT.md §3 Milestone, issue #10 items 2 and 4), as pure rules:
 * what a report must hold, how an output indicator of the project plan is read, and when the milestone clocks fire.
 */

/** A reminder goes to the supplier this long before a milestone is due (issue #10 item 2: "reminder, then OVERDUE"). */
export const MILESTONE_REMINDER_LEAD_MS = 3 * 86_400_000;
/** "Due soon" on the officer's board: due within this many days. */
export const DUE_SOON_DAYS = 7;

/** Evidence files: photos (JPEG, PNG, WebP) and attendance sheets (also PDF), typed by content, at most 5 MB each. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_PER_REPORT = 60;
export const EVIDENCE_KINDS = ['PHOTO', 'ATTENDANCE'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type EvidenceMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
const PHOTO_TYPES: readonly EvidenceMime[] = ['image/jpeg', 'image/png', 'image/webp'];
const ATTENDANCE_TYPES: readonly EvidenceMime[] = [...PHOTO_TYPES, 'application/pdf'];

/** Whether a file of this (sniffed) type may be evidence of this kind. */
export function evidenceTypeAllowed(kind: EvidenceKind, mime: EvidenceMime | null): mime is EvidenceMime {
  return mime !== null && (kind === 'PHOTO' ? PHOTO_TYPES : ATTENDANCE_TYPES).includes(mime);
}

/** A non-negative decimal with at most 4 places, as text (never a float): output values and hours. */
export const DECIMAL_PATTERN = /^(0|[1-9]\d{0,13})(\.\d{1,4})?$/;

export interface ActivityInput {
  date: string;
  place: string;
  content: string;
  participants: number;
}

export interface HoursInput {
  beneficiary: string;
  hours: string;
}

export interface OutputInput {
  code: string;
  actual: string;
}

export interface ReportInput {
  activities: readonly ActivityInput[];
  serviceHours: readonly HoursInput[];
  outputs: readonly OutputInput[];
  evidence: ReadonlyArray<{ id: number; kind: EvidenceKind }>;
}

export interface ReportContext {
  /** The contract's term (calendar dates): activities happen within it… */
  termStart: string;
  termEnd: string;
  /** …and not after today (Beijing). */
  today: string;
  /** The project plan's output indicators (codes OUT-1, OUT-2, …): each gets exactly one actual value. */
  indicatorCodes: readonly string[];
  /** The catalogue item is counted in hours: the report must give the hours per beneficiary. */
  countedInHours: boolean;
}

export interface ReportProblem {
  field: string;
  message: string;
}

/** Everything wrong with a progress report, or nothing. */
export function reportProblems(r: ReportInput, ctx: ReportContext): ReportProblem[] {
  const out: ReportProblem[] = [];
  if (r.activities.length === 0) out.push({ field: 'activities', message: 'A report records at least one activity.' });
  r.activities.forEach((a, i) => {
    if (a.date < ctx.termStart || a.date > ctx.termEnd)
      out.push({
        field: `activities.${i}.date`,
        message: `An activity happens within the contract's term (${ctx.termStart} to ${ctx.termEnd}).`,
      });
    else if (a.date > ctx.today)
      out.push({ field: `activities.${i}.date`, message: 'An activity is reported once it has happened.' });
  });
  if (!r.evidence.some((e) => e.kind === 'PHOTO'))
    out.push({ field: 'evidenceIds', message: 'A report carries at least one photo of the service.' });
  if (ctx.countedInHours && r.serviceHours.length === 0)
    out.push({ field: 'serviceHours', message: 'This service is counted in hours: give the hours per beneficiary.' });
  const seen = new Set<string>();
  r.serviceHours.forEach((h, i) => {
    const key = h.beneficiary.trim();
    if (seen.has(key))
      out.push({ field: `serviceHours.${i}.beneficiary`, message: 'Each beneficiary appears once in the hours.' });
    seen.add(key);
    if (!DECIMAL_PATTERN.test(h.hours) || Number(h.hours) <= 0)
      out.push({ field: `serviceHours.${i}.hours`, message: 'Hours are a positive decimal, e.g. "2.5".' });
  });
  const codes = new Set<string>();
  r.outputs.forEach((o, i) => {
    if (!ctx.indicatorCodes.includes(o.code))
      out.push({ field: `outputs.${i}.code`, message: `${o.code} is not an output indicator of the project plan.` });
    else if (codes.has(o.code)) out.push({ field: `outputs.${i}.code`, message: `${o.code} is given twice.` });
    codes.add(o.code);
    if (!DECIMAL_PATTERN.test(o.actual))
      out.push({ field: `outputs.${i}.actual`, message: 'An actual value is a non-negative decimal, e.g. "120".' });
  });
  for (const code of ctx.indicatorCodes)
    if (!codes.has(code))
      out.push({
        field: 'outputs',
        message: `The output indicator ${code} of the project plan needs its actual value.`,
      });
  return out;
}

export interface PlanIndicator {
  code: string;
  name: string;
  /** The plan's target as written ("≥ 9600 人次"). */
  targetText: string;
  /** The number in it ("9600"), or null when it states none. */
  targetValue: string | null;
  /** What follows the number ("人次"), or null. */
  unit: string | null;
}

/**
 * The output indicators of a project plan (`plan.outputIndicators`, `{ name, target }` with a free-text target),
 * each given a stable code by its position: OUT-1, OUT-2, …
 */
export function planIndicators(planJson: string | null | undefined): PlanIndicator[] {
  let plan: unknown;
  try {
    plan = JSON.parse(planJson ?? 'null');
  } catch {
    return [];
  }
  const list = (plan as { outputIndicators?: unknown } | null)?.outputIndicators;
  if (!Array.isArray(list)) return [];
  return list.map((raw, i) => {
    const x = (raw ?? {}) as { name?: unknown; target?: unknown };
    const targetText = String(x.target ?? '').slice(0, 128);
    return { code: `OUT-${i + 1}`, name: String(x.name ?? '').slice(0, 64), targetText, ...parseTarget(targetText) };
  });
}

/** "≥ 9600 人次" → 9600 and 人次; "90%" → 90 and %; "每月一次" → nothing. Thousands separators are dropped. */
export function parseTarget(text: string): { targetValue: string | null; unit: string | null } {
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(.*)$/.exec(text.trim());
  if (!m) return { targetValue: null, unit: null };
  const value = m[1].replace(/,/g, '');
  const [int, frac] = value.split('.');
  const normalised = `${String(BigInt(int))}${frac ? `.${frac.slice(0, 4)}` : ''}`;
  const unit = m[2].trim().slice(0, 16);
  return { targetValue: DECIMAL_PATTERN.test(normalised) ? normalised : null, unit: unit === '' ? null : unit };
}

/** A catalogue unit that counts service time: the report then gives the hours per beneficiary. */
export function isHourUnit(unit: string | null | undefined): boolean {
  return ['小时', '时', '课时', 'hour', 'hours', 'h'].includes((unit ?? '').trim().toLowerCase());
}

// ---- the clocks

export type ClockDecision = { fire: true } | { fire: false; dueInMs: number } | { fire: false; done: string };

export interface ClockFacts {
  contractStatus: ContractStatus;
  status: MilestoneStatus;
  dueAt: Date;
  remindedAt: Date | null;
  overdueAt: Date | null;
}

/** Delivery is still owed: nothing submitted that waits for the officer, nothing accepted, the contract live. */
function owed(f: ClockFacts): string | null {
  if (f.contractStatus !== 'SIGNED' && f.contractStatus !== 'ACTIVE') return 'CONTRACT_NOT_LIVE';
  if (f.status === 'SUBMITTED' || f.status === 'ACCEPTED') return 'DELIVERED';
  return null;
}

/** The reminder (MILESTONE_REMINDER_LEAD_MS before the due time), once. */
export function reminderDecision(f: ClockFacts, now: Date): ClockDecision {
  if (f.remindedAt !== null) return { fire: false, done: 'ALREADY_REMINDED' };
  const why = owed(f);
  if (why) return { fire: false, done: why };
  if (now >= f.dueAt) return { fire: false, done: 'ALREADY_DUE' };
  const at = f.dueAt.getTime() - MILESTONE_REMINDER_LEAD_MS;
  if (now.getTime() < at) return { fire: false, dueInMs: at - now.getTime() };
  return { fire: true };
}

/**
 * The due time (24:00 Beijing of the due date): a milestone neither submitted nor accepted by then is flagged
 * OVERDUE, once. A returned report that was not resubmitted in time is overdue too.
 */
export function overdueDecision(f: ClockFacts, now: Date): ClockDecision {
  if (f.overdueAt !== null) return { fire: false, done: 'ALREADY_OVERDUE' };
  const why = owed(f);
  if (why) return { fire: false, done: why };
  if (now < f.dueAt) return { fire: false, dueInMs: f.dueAt.getTime() - now.getTime() };
  return { fire: true };
}
