import { TestBed } from '@angular/core/testing';

import { enUS } from './en-US';
import { interpolate, LANG_STORAGE_KEY, TranslationService } from './translation.service';
import { zhCN } from './zh-CN';

describe('interpolate', () => {
  it('replaces named placeholders', () => {
    expect(interpolate('共 {total} 条，第 {page} 页', { total: 42, page: 2 })).toBe('共 42 条，第 2 页');
  });

  it('leaves unknown placeholders and text without params untouched', () => {
    expect(interpolate('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(interpolate('plain {x}')).toBe('plain {x}');
  });
});

describe('TranslationService', () => {
  function create(): TranslationService {
    TestBed.resetTestingModule();
    return TestBed.inject(TranslationService);
  }

  beforeEach(() => localStorage.clear());

  it('speaks zh-CN by default', () => {
    const i18n = create();
    expect(i18n.lang()).toBe('zh-CN');
    expect(i18n.t('nav.home')).toBe('首页');
    expect(i18n.t('common.total', { total: 3 })).toBe('共 3 条');
  });

  it('switches to en-US, and remembers the choice in localStorage', () => {
    const i18n = create();
    i18n.use('en-US');
    expect(i18n.t('nav.home')).toBe('Home');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en-US');

    // A new page load starts in the remembered language.
    expect(create().t('nav.users')).toBe('Users');
  });

  it('ignores a stored value that is not a known language', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'fr-FR');
    expect(create().lang()).toBe('zh-CN');
  });

  it('translates codes from data and falls back to the code itself', () => {
    const i18n = create();
    expect(i18n.dynamic('role.ADMIN', 'ADMIN')).toBe('系统管理员');
    expect(i18n.dynamic('role.SOMETHING_NEW', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    // Inherited object members are not translations.
    expect(i18n.dynamic('toString', 'toString')).toBe('toString');
    i18n.use('en-US');
    expect(i18n.dynamic('role.ADMIN', 'ADMIN')).toBe('Administrator');
  });
});

describe('dictionaries', () => {
  it('en-US has exactly the keys of zh-CN, none of them empty', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(enUS)]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect({ key, p: placeholders(enUS[key]) }).toEqual({ key, p: placeholders(zhCN[key]) });
    }
  });
});
