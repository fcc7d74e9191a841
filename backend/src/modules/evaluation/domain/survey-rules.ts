import { addCalendarDays, endOfDayShanghai } from '../../regions';
import { frac, toFixedHalfUp } from './exact';
import { checkTransition, Transition } from './state-machines';

/**
 * The residents' satisfaction survey (满意度调查, issue #11 item 4): its questionnaire, its window, its one
 * transition, and the figures it gives. Pure rules; the services store and read.
 */

/**
 * The default questionnaire: five 5-point questions, the first the overall satisfaction that the satisfaction
 * rate counts (4 满意 and 5 非常满意 are "satisfied"), then one free text (the `comment` column). Only the keys are
 * stored (`evaluation_surveys.questions`); their texts are the frontend's, in the reader's language.
 */
export const DEFAULT_QUESTIONS = ['OVERALL', 'ATTITUDE', 'TIMELINESS', 'QUALITY', 'RECOMMEND'] as const;
export type QuestionKey = (typeof DEFAULT_QUESTIONS)[number];
export const QUESTION_KEYS: readonly string[] = DEFAULT_QUESTIONS;

/** The scale of every question: 1 (非常不满意) … 5 (非常满意). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** From this point of the overall question up, an answer counts as satisfied (满意, 非常满意). */
export const SATISFIED_FROM = 4;

/** The longest free text a resident may write. */
export const COMMENT_MAX = 500;

/** The survey stays open this many calendar days unless the officer or worker picks another closing date. */
export const DEFAULT_OPEN_DAYS = 30;
/** The furthest closing date that may be chosen, from today. */
export const MAX_OPEN_DAYS = 180;

/** Contracts whose project may be surveyed: the service has started or ended, and the contract stands. */
export const SURVEYABLE_CONTRACT_STATUSES = ['SIGNED', 'ACTIVE', 'COMPLETED'] as const;

export const SURVEY_STATUSES = ['OPEN', 'CLOSED'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** OPEN → CLOSED: at its closing date by job, or earlier by the officer. A closed survey never reopens. */
export const SURVEY_TRANSITIONS: readonly Transition<SurveyStatus>[] = [
  { from: 'OPEN', to: 'CLOSED', by: ['PROCUREMENT_OFFICER', 'SYSTEM'], label: '结束满意度调查' },
];

export function checkSurveyTransition(
  from: SurveyStatus,
  to: SurveyStatus,
  as: Parameters<typeof checkTransition>[4],
): string | null {
  return checkTransition(SURVEY_TRANSITIONS, 'survey', from, to, as);
}

/** The stored questionnaire: its question keys, as JSON. */
export function questionsJson(keys: readonly string[] = DEFAULT_QUESTIONS): string {
  return JSON.stringify(keys);
}

/** The question keys of a stored questionnaire (the default one when the text is not a list of keys). */
export function parseQuestions(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    if (Array.isArray(v) && v.length > 0 && v.every((k) => typeof k === 'string')) return v as string[];
  } catch {
    /* the default below */
  }
  return [...DEFAULT_QUESTIONS];
}

/** The closing date: `closesOn` if given, else today + 30 days. Null when it is not allowed, with why. */
export function closingDate(
  today: string,
  closesOn: string | undefined,
): { date: string; closesAt: Date } | { problem: string } {
  const date = closesOn ?? addCalendarDays(today, DEFAULT_OPEN_DAYS);
  if (date < today) return { problem: 'The closing date cannot be in the past.' };
  const latest = addCalendarDays(today, MAX_OPEN_DAYS);
  if (date > latest) return { problem: `The survey can stay open at most ${MAX_OPEN_DAYS} days (until ${latest}).` };
  // the survey closes when the Beijing day ends (24:00)
  return { date, closesAt: endOfDayShanghai(date) };
}

/**
 * Checks an answer against the questionnaire: one whole number from 1 to 5 per question, in order. Returns the
 * problem (with the field path) or null.
 */
export function answerProblem(
  questions: readonly string[],
  answers: readonly unknown[],
): { field: string; message: string } | null {
  if (answers.length !== questions.length)
    return { field: 'answers', message: `Answer each of the ${questions.length} questions, in order.` };
  for (const [i, a] of answers.entries())
    if (typeof a !== 'number' || !Number.isInteger(a) || a < SCALE_MIN || a > SCALE_MAX)
      return { field: `answers[${i}]`, message: `Choose a point from ${SCALE_MIN} to ${SCALE_MAX}.` };
  return null;
}

/** The free text as stored: trimmed, null when empty. */
export function normaliseComment(comment: string | null | undefined): string | null {
  const text = (comment ?? '').trim();
  return text === '' ? null : text;
}

/**
 * Why a resident may not answer, or null when they may. Checked in this order, so the message names the first
 * thing the resident can do something about.
 */
export type IneligibleReason = 'NOT_A_RESIDENT' | 'NOT_VERIFIED' | 'NOT_LINKED';

export function ineligibleReason(r: {
  isResident: boolean;
  active: boolean;
  verified: boolean;
  linked: boolean;
}): IneligibleReason | null {
  if (!r.isResident || !r.active) return 'NOT_A_RESIDENT';
  if (!r.verified) return 'NOT_VERIFIED';
  if (!r.linked) return 'NOT_LINKED';
  return null;
}

export const INELIGIBLE_TEXT: Record<IneligibleReason, string> = {
  NOT_A_RESIDENT: 'Only residents answer this survey.',
  NOT_VERIFIED:
    'Your residence has not been verified yet: ask your community worker to verify you, then answer the survey.',
  NOT_LINKED:
    'This survey is for the residents who raised or supported the needs of this project and for the residents recorded as its beneficiaries. If you received the service, ask your community worker to record you.',
};

/** A new share token: 32 hexadecimal characters from 16 random bytes. */
export const TOKEN_PATTERN = /^[0-9a-f]{32}$/;

/** The frontend path of a survey's share link (the QR code encodes the absolute form of it). */
export function surveyLink(token: string): string {
  return `/s/${token}`;
}

/** A share of `part` in `whole` as a percentage rounded half-up to 2 places ("93.75"), null when `whole` is 0. */
export function percent(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  return toFixedHalfUp(frac(BigInt(part) * 100n, BigInt(whole)), 2);
}

export interface QuestionFigures {
  key: string;
  /** How many answers chose 1, 2, 3, 4, 5 (index 0 is point 1). */
  counts: number[];
  /** The mean point, rounded half-up to 2 places; null without answers. */
  mean: string | null;
}

/**
 * The distribution of each question over the stored answers (`answers` JSON lists, in the questionnaire's
 * order). An answer whose list is shorter than the questionnaire (never written by this code) counts for the
 * questions it has.
 */
export function distribution(questions: readonly string[], rows: ReadonlyArray<readonly number[]>): QuestionFigures[] {
  return questions.map((key, q) => {
    const counts = [0, 0, 0, 0, 0];
    let total = 0n;
    let n = 0n;
    for (const row of rows) {
      const a = row[q];
      if (typeof a !== 'number' || a < SCALE_MIN || a > SCALE_MAX) continue;
      counts[a - 1]++;
      total += BigInt(a);
      n++;
    }
    return { key, counts, mean: n === 0n ? null : toFixedHalfUp(frac(total, n), 2) };
  });
}

/** The stored answers list of a row (an empty list when it is not one). */
export function parseAnswers(text: string): number[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  } catch {
    return [];
  }
}

/** A phone number as staff lists show it: 138****0001. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null || phone.length < 7) return phone;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
