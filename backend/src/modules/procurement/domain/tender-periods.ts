import {
  addCalendarDays,
  addCalendarDaysEndingOnWorkingDay,
  addWorkingDays,
  endOfDayShanghai,
  onOrNextWorkingDay,
  shanghaiDate,
  WorkingDayCalendar,
} from '../../regions';
import type { TenderMethod } from './state-machines';

const DAY_MS = 86_400_000;

/**
 * The legal minimum period from publication to the bid deadline (PRODUCT.md §4; 政府采购法实施条例
 * 第四十一条 / 招标投标法 §24, 政府采购竞争性磋商采购方式管理暂行办法 §10, 87号令).
 */
export const MINIMUM_PERIODS: Record<TenderMethod, { days: number; unit: 'CALENDAR' | 'WORKING'; source: string }> = {
  OPEN_TENDER: {
    days: 20,
    unit: 'CALENDAR',
    source: '公开招标：自招标文件发出之日起至投标截止不少于20日（政府采购货物和服务招标投标管理办法 第二十条）',
  },
  COMPETITIVE_CONSULTATION: {
    days: 10,
    unit: 'CALENDAR',
    source: '竞争性磋商：自磋商文件发出之日起至提交响应文件截止不少于10日（财库〔2014〕214号 第十条）',
  },
  COMPETITIVE_NEGOTIATION: {
    days: 3,
    unit: 'WORKING',
    source: '竞争性谈判：自谈判文件发出之日起至提交响应文件截止不少于3个工作日（财政部令第74号 第二十九条）',
  },
  REQUEST_FOR_QUOTATION: {
    days: 3,
    unit: 'WORKING',
    source: '询价：自询价通知书发出之日起至提交响应文件截止不少于3个工作日（财政部令第74号 第四十五条）',
  },
  SINGLE_SOURCE: {
    days: 5,
    unit: 'WORKING',
    source: '单一来源：公示期不少于5个工作日（政府采购法实施条例 第三十八条）',
  },
};

/** The earliest date (Asia/Shanghai) a bid deadline may fall on for a tender published on `publishedOn`. */
export function earliestDeadlineDate(method: TenderMethod, publishedOn: string, cal: WorkingDayCalendar): string {
  const p = MINIMUM_PERIODS[method];
  return p.unit === 'CALENDAR'
    ? addCalendarDaysEndingOnWorkingDay(publishedOn, p.days, cal)
    : addWorkingDays(publishedOn, p.days, cal);
}

/** Null when the deadline keeps the legal minimum period; otherwise the earliest allowed date. */
export function checkBidDeadline(
  method: TenderMethod,
  publishedAt: Date,
  deadline: Date,
  cal: WorkingDayCalendar,
): { earliest: string } | null {
  const earliest = earliestDeadlineDate(method, shanghaiDate(publishedAt), cal);
  return shanghaiDate(deadline) >= earliest ? null : { earliest };
}

/** An amendment affecting bid preparation must leave 15 days before the deadline (PRODUCT.md §4). */
export const AMENDMENT_MIN_DAYS = 15;

/**
 * The deadline after an amendment published at `amendedAt`: unchanged when at least 15 days remain
 * (or the amendment does not affect preparation), otherwise moved — same time of day — to the first
 * date that keeps 15 days (rolled to a working day).
 */
export function deadlineAfterAmendment(
  amendedAt: Date,
  deadline: Date,
  affectsPreparation: boolean,
  cal: WorkingDayCalendar,
): { deadline: Date; moved: boolean } {
  if (!affectsPreparation) return { deadline, moved: false };
  const minDate = addCalendarDaysEndingOnWorkingDay(shanghaiDate(amendedAt), AMENDMENT_MIN_DAYS, cal);
  const current = shanghaiDate(deadline);
  if (current >= minDate) return { deadline, moved: false };
  let moved = deadline;
  while (shanghaiDate(moved) < minDate) moved = new Date(moved.getTime() + DAY_MS);
  return { deadline: moved, moved: true };
}

/** Award timeline (PRODUCT.md §4): the winner is confirmed within 5 working days of the committee report. */
export const AWARD_CONFIRM_WORKING_DAYS = 5;
export function awardConfirmationDue(reportAt: Date, cal: WorkingDayCalendar): Date {
  return endOfDayShanghai(addWorkingDays(shanghaiDate(reportAt), AWARD_CONFIRM_WORKING_DAYS, cal));
}
/** The reminder goes out at the start of the last working day before the confirmation is due. */
export function awardConfirmationReminder(reportAt: Date, cal: WorkingDayCalendar): Date {
  return endOfDayShanghai(addWorkingDays(shanghaiDate(reportAt), AWARD_CONFIRM_WORKING_DAYS - 1, cal));
}

export type ObjectionWindowStart = 'NEXT_DAY' | 'SECOND_WORKING_DAY';
export const OBJECTION_WORKING_DAYS = 7;
export const OBJECTION_ANSWER_WORKING_DAYS = 7;

/**
 * The end of the objection window (质疑期) for an award notice published at `noticeAt`: 7 working
 * days, counted from the day after publication (NEXT_DAY) or from the second working day after it
 * (SECOND_WORKING_DAY), ending at 24:00 Asia/Shanghai of the last day.
 */
export function objectionWindowEnd(noticeAt: Date, start: ObjectionWindowStart, cal: WorkingDayCalendar): Date {
  const published = shanghaiDate(noticeAt);
  // the day before the window's first day: counting n working days from it (start excluded) ends on the n-th day of the window
  const before = start === 'NEXT_DAY' ? published : addCalendarDays(addWorkingDays(published, 2, cal), -1);
  return endOfDayShanghai(addWorkingDays(before, OBJECTION_WORKING_DAYS, cal));
}

/** The purchaser answers an objection within 7 working days of receiving it. */
export function objectionAnswerDue(filedAt: Date, cal: WorkingDayCalendar): Date {
  return endOfDayShanghai(addWorkingDays(shanghaiDate(filedAt), OBJECTION_ANSWER_WORKING_DAYS, cal));
}

/** The first working day on or after a date — opening happens at the deadline, which should fall on one. */
export { onOrNextWorkingDay };
