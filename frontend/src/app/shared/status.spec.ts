import { CAMPAIGN_STATUSES, CATALOGUE_VERSION_STATUSES, NEED_STATUSES, REJECT_REASONS, DELIBERATION_DECISIONS } from '../api';
import { enUS } from '../core/i18n/en-US';
import { zhCN } from '../core/i18n/zh-CN';
import { statusColor, statusPrefix } from './status';

describe('status labels', () => {
  const zh = zhCN as Record<string, string>;
  const en = enUS as Record<string, string>;

  it('has a label in both languages for every need, campaign and catalogue status', () => {
    const keys = [
      ...NEED_STATUSES.map((s) => statusPrefix('need') + s),
      ...CAMPAIGN_STATUSES.map((s) => statusPrefix('campaign') + s),
      ...CATALOGUE_VERSION_STATUSES.map((s) => statusPrefix('catalogue') + s),
      ...REJECT_REASONS.map((r) => `rejectReason.${r}`),
      ...DELIBERATION_DECISIONS.map((d) => `decision.${d}`),
    ];
    for (const key of keys) {
      expect({ key, zh: typeof zh[key], en: typeof en[key] }).toEqual({ key, zh: 'string', en: 'string' });
    }
  });

  it('speaks simple Chinese to residents', () => {
    expect(zh['needStatus.SUBMITTED']).toBe('待审核');
    expect(zh['needStatus.ACCEPTED']).toBe('已受理');
    expect(zh['needStatus.APPROVED']).toBe('已通过');
    expect(zh['campaignStatus.OPEN']).toBe('征集中');
    expect(zh['rejectReason.OUT_OF_SCOPE']).toBe('不属于政府购买服务范围');
  });

  it('colours statuses, defaulting for ones it does not know', () => {
    expect(statusColor('need', 'APPROVED')).toBe('green');
    expect(statusColor('need', 'REJECTED')).toBe('red');
    expect(statusColor('campaign', 'OPEN')).toBe('green');
    expect(statusColor('catalogue', 'DRAFT')).toBe('orange');
    expect(statusColor('need', 'SOMETHING_NEW')).toBe('default');
    expect(statusColor('need', null)).toBe('default');
    expect(statusColor('need', 'toString')).toBe('default');
  });

  it('translates the permission codes of the foundation and of the needs capability (home page)', async () => {
    const { PERMISSIONS } = await import('@diandan/access');
    const P = PERMISSIONS;
    const codes = [
      P.SELF_READ, P.USERS_READ, P.USERS_MANAGE, P.REGIONS_READ, P.REGIONS_MANAGE, P.CALENDAR_READ,
      P.CALENDAR_MANAGE, P.ORGANISATIONS_READ, P.AUDIT_READ, P.AUDIT_VERIFY, P.QUEUES_READ,
      P.INBOX_READ, P.RESIDENTS_VERIFY, P.CATALOGUE_READ, P.CATALOGUE_MANAGE, P.CAMPAIGNS_READ,
      P.CAMPAIGNS_MANAGE, P.NEEDS_READ, P.NEEDS_SUBMIT, P.NEEDS_SUPPORT, P.NEEDS_MODERATE,
      P.NEEDS_DELIBERATE, P.NEEDS_EXPORT,
    ];
    for (const p of codes) {
      expect({ p, zh: typeof zh[`permission.${p}`], en: typeof en[`permission.${p}`] }).toEqual({ p, zh: 'string', en: 'string' });
    }
  });
});
