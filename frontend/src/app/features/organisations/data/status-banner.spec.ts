import { ORGANISATION_STATUSES } from '../../../api';
import { enUS } from '../../../core/i18n/en-US';
import { zhCN } from '../../../core/i18n/zh-CN';
import { organisationsEnUS } from '../i18n/organisations.en-US';
import { organisationsZhCN } from '../i18n/organisations.zh-CN';
import { recordColor } from './record';
import { bannerOf } from './status-banner';

describe('what a member is told about the organisation status', () => {
  it('shows nothing while ACTIVE and a banner otherwise, warmer as it gets worse', () => {
    expect(bannerOf('ACTIVE')).toBeNull();
    expect(bannerOf(undefined)).toBeNull();
    expect(ORGANISATION_STATUSES.map((s) => bannerOf(s)?.type ?? null)).toEqual([
      'info',
      'warning',
      null,
      'warning',
      'error',
    ]);
  });

  it('has every status (app-wide: the shared status tag) in both languages', () => {
    const zh = zhCN as Record<string, string>;
    const en = enUS as Record<string, string>;
    for (const key of ORGANISATION_STATUSES.map((s) => `organisationStatus.${s}`)) {
      expect({ key, zh: typeof zh[key], en: typeof en[key] }).toEqual({ key, zh: 'string', en: 'string' });
    }
    for (const p of ['organisations.review', 'organisations.self'])
      expect([typeof zh[`permission.${p}`], typeof en[`permission.${p}`]]).toEqual(['string', 'string']);
  });

  it("has every kind, type, document kind, record kind and decision hint in the feature's two dictionaries", () => {
    const zh = organisationsZhCN as Record<string, string>;
    const en = organisationsEnUS as Record<string, string>;
    const keys = [
      'organisationKind.SOCIAL_ORGANISATION',
      'organisationKind.EVALUATION_AGENCY',
      'orgType.SOCIAL_GROUP',
      'orgType.SOCIAL_SERVICE_AGENCY',
      'orgType.FOUNDATION',
      'documentKind.REGISTRATION_CERTIFICATE',
      'documentKind.GRADE_CERTIFICATE',
      'documentKind.QUALIFICATION',
      'documentKind.OTHER',
      ...['APPROVAL', 'AWARD', 'CONTRACT', 'EVALUATION', 'SUSPENSION', 'BLACKLIST', 'REINSTATEMENT', 'BAR'].map(
        (k) => `recordKind.${k}`,
      ),
      ...['APPROVE', 'RETURN', 'SUSPEND', 'REINSTATE', 'BLACKLIST'].map((a) => `organisations.decision.hint.${a}`),
      ...['length', 'characters', 'checkCharacter'].map((p) => `organisations.register.creditCode.${p}`),
    ];
    for (const key of keys)
      expect({ key, zh: typeof zh[key], en: typeof en[key] }).toEqual({ key, zh: 'string', en: 'string' });
  });

  it('colours sanctions red or orange on the record', () => {
    expect([
      recordColor('BLACKLIST'),
      recordColor('SUSPENSION'),
      recordColor('AWARD'),
      recordColor('SOMETHING'),
    ]).toEqual(['red', 'orange', 'green', 'default']);
  });
});
