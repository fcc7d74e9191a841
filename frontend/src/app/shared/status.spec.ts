import {
  ADJUSTMENT_STATUSES,
  BUDGET_LINE_STATUSES,
  CAMPAIGN_STATUSES,
  CATALOGUE_VERSION_STATUSES,
  DELIBERATION_DECISIONS,
  NEED_STATUSES,
  REJECT_REASONS,
} from '../api';
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

  it('translates every permission code of the shared list (home page)', async () => {
    const { ALL_PERMISSIONS } = await import('@diandan/access');
    expect(ALL_PERMISSIONS.length).toBeGreaterThan(0);
    for (const p of ALL_PERMISSIONS) {
      expect({ p, zh: typeof zh[`permission.${p}`], en: typeof en[`permission.${p}`] }).toEqual({
        p,
        zh: 'string',
        en: 'string',
      });
    }
  });

  it('labels and colours budget line and adjustment statuses', () => {
    for (const key of [
      ...BUDGET_LINE_STATUSES.map((s) => statusPrefix('budgetLine') + s),
      ...ADJUSTMENT_STATUSES.map((s) => statusPrefix('adjustment') + s),
    ]) {
      expect({ key, zh: typeof zh[key], en: typeof en[key] }).toEqual({ key, zh: 'string', en: 'string' });
    }
    expect(zh['budgetLineStatus.PENDING_APPROVAL']).toBe('待审批');
    expect(zh['budgetLineStatus.ACTIVE']).toBe('已批准');
    expect(statusColor('budgetLine', 'ACTIVE')).toBe('green');
    expect(statusColor('budgetLine', 'PENDING_APPROVAL')).toBe('orange');
    expect(statusColor('adjustment', 'REJECTED')).toBe('red');
  });
});
