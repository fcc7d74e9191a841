import type { TemplateCatalogue } from '../template';

/** Lines of an organisation's performance record (shown to officers, auditors and its members). */
export const ORGANISATIONS_MESSAGES: TemplateCatalogue = {
  'organisations.record.approved': {
    'zh-CN': { title: (p) => (p['reason'] ? `登记审核通过：${String(p['reason'])}` : '登记审核通过') },
    'en-US': {
      title: (p) => (p['reason'] ? `Registration approved: ${String(p['reason'])}` : 'Registration approved'),
    },
    example: { reason: '材料齐全' },
  },
  'organisations.record.suspended': {
    'zh-CN': { title: '暂停：{reason}' },
    'en-US': { title: 'Suspended: {reason}' },
    example: { reason: '年检未通过' },
  },
  'organisations.record.reinstated': {
    'zh-CN': { title: (p) => (p['reason'] ? `恢复正常：${String(p['reason'])}` : '恢复正常') },
    'en-US': { title: (p) => (p['reason'] ? `Reinstated: ${String(p['reason'])}` : 'Reinstated') },
    example: { reason: '整改完成' },
  },
  // lastDay is a calendar date (the last day of the ban, Beijing), shown as the date it is
  'organisations.record.blacklisted': {
    'zh-CN': { title: '列入黑名单至 {lastDay}：{reason}' },
    'en-US': { title: 'Blacklisted until {lastDay} (inclusive): {reason}' },
    example: { lastDay: '2028-05-31', reason: '提供虚假材料' },
  },
  'organisations.record.blacklist_expired': {
    'zh-CN': { title: '黑名单期满，恢复正常' },
    'en-US': { title: 'Blacklisting over: back to normal' },
    example: {},
  },
  'organisations.record.awarded': {
    'zh-CN': { title: '中标「{tenderTitle}」' },
    'en-US': { title: 'Won “{tenderTitle}”' },
    example: { tenderTitle: '老年助餐服务采购' },
  },
};
