import type { Locale } from './locale';

/**
 * Words for codes that server texts carry (a need's status, a procurement method…), per language.
 * The same words as the UI's dictionaries (frontend core/i18n and features/procurement/i18n).
 */
export const LABELS = {
  needStatus: {
    'zh-CN': {
      SUBMITTED: '待审核',
      ACCEPTED: '已受理',
      REJECTED: '未通过审核',
      MERGED: '已合并',
      SHORTLISTED: '已入围',
      APPROVED: '已通过',
      DECLINED: '未通过',
      IN_PROCUREMENT: '采购中',
      IN_SERVICE: '服务中',
      DELIVERED: '已交付',
      EVALUATED: '已评估',
      CLOSED: '已结项',
    },
    'en-US': {
      SUBMITTED: 'Awaiting review',
      ACCEPTED: 'Accepted',
      REJECTED: 'Not accepted',
      MERGED: 'Merged',
      SHORTLISTED: 'Shortlisted',
      APPROVED: 'Approved',
      DECLINED: 'Declined',
      IN_PROCUREMENT: 'In procurement',
      IN_SERVICE: 'In service',
      DELIVERED: 'Delivered',
      EVALUATED: 'Evaluated',
      CLOSED: 'Closed',
    },
  },
  /** A need's new status as news (an inbox title): "议事会通过" says more than the status "已通过". */
  needStatusNews: {
    'zh-CN': {
      SUBMITTED: '已提交',
      ACCEPTED: '已受理（开放支持）',
      REJECTED: '未通过审核',
      MERGED: '已合并',
      SHORTLISTED: '已入围议事会',
      APPROVED: '议事会通过',
      DECLINED: '议事会未通过',
      IN_PROCUREMENT: '采购中',
      IN_SERVICE: '服务中',
      DELIVERED: '已交付',
      EVALUATED: '已评估',
      CLOSED: '已结项',
    },
    'en-US': {
      SUBMITTED: 'submitted',
      ACCEPTED: 'accepted (open for support)',
      REJECTED: 'not accepted',
      MERGED: 'merged',
      SHORTLISTED: 'shortlisted for the residents’ council',
      APPROVED: 'approved by the residents’ council',
      DECLINED: 'declined by the residents’ council',
      IN_PROCUREMENT: 'in procurement',
      IN_SERVICE: 'in service',
      DELIVERED: 'delivered',
      EVALUATED: 'evaluated',
      CLOSED: 'closed',
    },
  },
  rejectReason: {
    'zh-CN': {
      DUPLICATE: '重复',
      OUT_OF_SCOPE: '不属于政府购买服务范围',
      INSUFFICIENT_INFO: '信息不完整',
      NOT_PUBLIC_SERVICE: '非公共服务需求',
      OTHER: '其他',
    },
    'en-US': {
      DUPLICATE: 'Duplicate',
      OUT_OF_SCOPE: 'Outside government-purchased services',
      INSUFFICIENT_INFO: 'Incomplete information',
      NOT_PUBLIC_SERVICE: 'Not a public service need',
      OTHER: 'Other',
    },
  },
  decision: {
    'zh-CN': { SHORTLISTED: '入围', APPROVED: '通过', DECLINED: '不通过' },
    'en-US': { SHORTLISTED: 'Shortlist', APPROVED: 'Approve', DECLINED: 'Decline' },
  },
  channel: {
    'zh-CN': { ONLINE: '居民提交', PROXY: '社工代录' },
    'en-US': { ONLINE: 'By the resident', PROXY: 'Entered by a worker' },
  },
  needEvent: {
    'zh-CN': {
      STATUS: '状态变更',
      MERGED_IN: '合并了其他需求',
      SUPPORT_MOVED: '支持转入',
      RESUBMITTED: '已重新提交',
    },
    'en-US': {
      STATUS: 'Status change',
      MERGED_IN: 'Merged another need in',
      SUPPORT_MOVED: 'Support moved in',
      RESUBMITTED: 'Resubmitted',
    },
  },
  method: {
    'zh-CN': {
      OPEN_TENDER: '公开招标',
      COMPETITIVE_CONSULTATION: '竞争性磋商',
      COMPETITIVE_NEGOTIATION: '竞争性谈判',
      REQUEST_FOR_QUOTATION: '询价',
      SINGLE_SOURCE: '单一来源',
    },
    'en-US': {
      OPEN_TENDER: 'Open tender',
      COMPETITIVE_CONSULTATION: 'Competitive consultation',
      COMPETITIVE_NEGOTIATION: 'Competitive negotiation',
      REQUEST_FOR_QUOTATION: 'Request for quotation',
      SINGLE_SOURCE: 'Single source',
    },
  },
  objectionOutcome: {
    'zh-CN': { UPHELD: '质疑成立', DISMISSED: '质疑不成立' },
    'en-US': { UPHELD: 'Upheld', DISMISSED: 'Dismissed' },
  },
  actor: {
    'zh-CN': { SYSTEM: '系统' },
    'en-US': { SYSTEM: 'System' },
  },
} as const satisfies Record<string, Record<Locale, Record<string, string>>>;

export type LabelKind = keyof typeof LABELS;
export const LABEL_KINDS = Object.keys(LABELS) as LabelKind[];

/** The word for `code` in `locale`; the code itself when there is none (a new code is still readable). */
export function label(kind: LabelKind, code: string | null | undefined, locale: Locale): string {
  if (code === null || code === undefined || code === '') return '';
  const words: Readonly<Record<string, string>> = LABELS[kind][locale];
  return Object.prototype.hasOwnProperty.call(words, code) ? words[code] : code;
}
