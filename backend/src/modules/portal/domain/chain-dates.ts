import { PUBLICATION_WORKING_DAYS, SIGNATURE_DAYS } from '../../contracts';
import {
  AMENDMENT_MIN_DAYS,
  AWARD_CONFIRM_WORKING_DAYS,
  earliestDeadlineDate,
  MINIMUM_PERIODS,
  OBJECTION_WORKING_DAYS,
  type TenderMethod,
} from '../../procurement';
import { addCalendarDays, addWorkingDays, shanghaiDate, type WorkingDayCalendar } from '../../regions';

/**
 * The dates on a project's chain and the rule that produced each (PRODUCT.md §4; docs/domain/portal.md): a pure
 * function of the records and the working-day calendar. Every rule is given as a code with its figures — the number
 * of days, calendar or working days, the day it counts from, the date it gives (`limit`) and whether the actual date
 * kept it — so that the UI can say it in the reader's language; `basis` is the legal text (Chinese) where there is one.
 */
export type DateRuleCode =
  | 'PUBLICATION'
  | 'MINIMUM_PERIOD'
  | 'AMENDMENT_PERIOD'
  | 'OPENING_AT_DEADLINE'
  | 'AWARD_CONFIRMATION'
  | 'OBJECTION_WINDOW'
  | 'AFTER_OBJECTION_WINDOW'
  | 'SIGNATURE_PERIOD'
  | 'CONTRACT_PUBLICATION'
  | 'MILESTONE_SCHEDULE'
  | 'PAYMENT_TERM';

export interface ChainDate {
  key: string;
  /** An instant (ISO 8601, UTC) or, for a calendar day, `YYYY-MM-DD`. */
  at: string | null;
  rule: DateRuleCode;
  days: number | null;
  unit: 'CALENDAR' | 'WORKING' | null;
  /** The Beijing day the period counts from (excluded). */
  from: string | null;
  /** The Beijing day the rule gives: the earliest allowed (minimum periods) or the last allowed (time limits). */
  limit: string | null;
  /** Whether the actual date kept the rule; null when there is nothing to check yet. */
  kept: boolean | null;
  basis: string | null;
}

export interface TenderFacts {
  method: TenderMethod;
  publishedAt: Date | null;
  bidDeadline: Date;
  openedAt: Date | null;
  reportAt: Date | null;
  confirmationDueAt: Date | null;
  awardNoticeAt: Date | null;
  objectionWindowEndsAt: Date | null;
  awardedAt: Date | null;
  /** The last published amendment that moved the deadline (15 days before the new deadline). */
  amendment: { publishedAt: Date; deadlineAfter: Date } | null;
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
const day = (d: Date | null): string | null => (d === null ? null : shanghaiDate(d));
const none = { days: null, unit: null, from: null, limit: null, kept: null, basis: null } as const;

export function tenderDates(t: TenderFacts, cal: WorkingDayCalendar): ChainDate[] {
  const out: ChainDate[] = [];
  if (t.publishedAt === null) return out;
  const published = shanghaiDate(t.publishedAt);
  out.push({ key: 'PUBLISHED', at: iso(t.publishedAt), rule: 'PUBLICATION', ...none });
  const deadline = shanghaiDate(t.bidDeadline);
  if (t.amendment !== null && t.amendment.deadlineAfter.getTime() === t.bidDeadline.getTime()) {
    const from = shanghaiDate(t.amendment.publishedAt);
    const limit = addCalendarDays(from, AMENDMENT_MIN_DAYS);
    out.push({
      key: 'BID_DEADLINE',
      at: iso(t.bidDeadline),
      rule: 'AMENDMENT_PERIOD',
      days: AMENDMENT_MIN_DAYS,
      unit: 'CALENDAR',
      from,
      limit,
      kept: deadline >= limit,
      basis:
        '澄清或者修改的内容可能影响投标文件编制的，应当在投标截止时间至少15日前发出（政府采购货物和服务招标投标管理办法 第二十七条）',
    });
  } else {
    const minimum = MINIMUM_PERIODS[t.method];
    const limit = earliestDeadlineDate(t.method, published, cal);
    out.push({
      key: 'BID_DEADLINE',
      at: iso(t.bidDeadline),
      rule: 'MINIMUM_PERIOD',
      days: minimum.days,
      unit: minimum.unit,
      from: published,
      limit,
      kept: deadline >= limit,
      basis: minimum.source,
    });
  }
  if (t.openedAt !== null)
    out.push({
      key: 'OPENED',
      at: iso(t.openedAt),
      rule: 'OPENING_AT_DEADLINE',
      ...none,
      limit: deadline,
      kept: day(t.openedAt) === deadline,
    });
  if (t.awardNoticeAt !== null) {
    const from = day(t.reportAt);
    const limit =
      t.confirmationDueAt !== null
        ? shanghaiDate(new Date(t.confirmationDueAt.getTime() - 1))
        : from === null
          ? null
          : addWorkingDays(from, AWARD_CONFIRM_WORKING_DAYS, cal);
    out.push({
      key: 'AWARD_NOTICE',
      at: iso(t.awardNoticeAt),
      rule: 'AWARD_CONFIRMATION',
      days: AWARD_CONFIRM_WORKING_DAYS,
      unit: 'WORKING',
      from,
      limit,
      kept: limit === null ? null : shanghaiDate(t.awardNoticeAt) <= limit,
      basis: '采购人应当自收到评审报告之日起5个工作日内确定成交供应商（政府采购法实施条例 第四十三条）',
    });
  }
  if (t.objectionWindowEndsAt !== null && t.awardNoticeAt !== null)
    out.push({
      key: 'OBJECTION_WINDOW_END',
      at: iso(t.objectionWindowEndsAt),
      rule: 'OBJECTION_WINDOW',
      days: OBJECTION_WORKING_DAYS,
      unit: 'WORKING',
      from: shanghaiDate(t.awardNoticeAt),
      limit: shanghaiDate(new Date(t.objectionWindowEndsAt.getTime() - 1)),
      kept: null,
      basis:
        '供应商认为中标、成交结果使自己的权益受到损害的，可以在知道或者应知其权益受到损害之日起7个工作日内提出质疑（政府采购法 第五十二条）',
    });
  if (t.awardedAt !== null)
    out.push({
      key: 'AWARDED',
      at: iso(t.awardedAt),
      rule: 'AFTER_OBJECTION_WINDOW',
      ...none,
      limit: t.objectionWindowEndsAt === null ? null : shanghaiDate(new Date(t.objectionWindowEndsAt.getTime() - 1)),
      kept: t.objectionWindowEndsAt === null ? null : t.awardedAt.getTime() >= t.objectionWindowEndsAt.getTime(),
    });
  return out;
}

export interface ContractFacts {
  awardNoticeAt: Date;
  signatureDueAt: Date;
  signedAt: Date | null;
  publicationDueAt: Date | null;
  publishedAt: Date | null;
}

export function contractDates(c: ContractFacts): ChainDate[] {
  const out: ChainDate[] = [];
  const signatureLimit = shanghaiDate(new Date(c.signatureDueAt.getTime() - 1));
  out.push({
    key: 'SIGNED',
    at: iso(c.signedAt),
    rule: 'SIGNATURE_PERIOD',
    days: SIGNATURE_DAYS,
    unit: 'CALENDAR',
    from: shanghaiDate(c.awardNoticeAt),
    limit: signatureLimit,
    kept: c.signedAt === null ? null : c.signedAt.getTime() <= c.signatureDueAt.getTime(),
    basis: '采购人与中标、成交供应商应当在中标、成交通知书发出之日起30日内签订政府采购合同（政府采购法 第四十六条）',
  });
  if (c.signedAt !== null)
    out.push({
      key: 'CONTRACT_PUBLISHED',
      at: iso(c.publishedAt),
      rule: 'CONTRACT_PUBLICATION',
      days: PUBLICATION_WORKING_DAYS,
      unit: 'WORKING',
      from: shanghaiDate(c.signedAt),
      limit: c.publicationDueAt === null ? null : shanghaiDate(new Date(c.publicationDueAt.getTime() - 1)),
      kept:
        c.publishedAt === null || c.publicationDueAt === null
          ? null
          : c.publishedAt.getTime() <= c.publicationDueAt.getTime(),
      basis: '采购人应当自政府采购合同签订之日起2个工作日内，将合同在指定媒体上公告（政府采购法实施条例 第五十条）',
    });
  return out;
}

/** A payment's due day: the contract's payment days after the milestone's acceptance (calendar days). */
export function paymentDate(p: {
  acceptedAt: Date | null;
  paymentDays: number;
  dueDate: string | null;
  paidAt: Date | null;
}): ChainDate {
  return {
    key: 'PAID',
    at: iso(p.paidAt),
    rule: 'PAYMENT_TERM',
    days: p.paymentDays,
    unit: 'CALENDAR',
    from: day(p.acceptedAt),
    limit: p.dueDate,
    kept: p.paidAt === null || p.dueDate === null ? null : shanghaiDate(p.paidAt) <= p.dueDate,
    basis: '采购人应当按照合同约定及时向供应商支付采购资金（政府采购法实施条例 第五十一条）',
  };
}
