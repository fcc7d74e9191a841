import { computed, Injectable, signal } from '@angular/core';

import { enUS } from './en-US';
import { zhCN } from './zh-CN';
import type { TranslationKey } from './zh-CN.keys';

export type { TranslationKey } from './zh-CN.keys';

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_STORAGE_KEY = 'diandan.lang';

export type TranslationParams = Readonly<Record<string, string | number>>;
export type Dictionary = Readonly<Record<TranslationKey, string>>;

const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Replaces `{name}` placeholders; unknown placeholders are left as they are. */
export function interpolate(template: string, params?: TranslationParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

function readStoredLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** The app's translations: a signal holding the language, and lookups that track it. */
@Injectable({ providedIn: 'root' })
export class TranslationService {
  private readonly current = signal<Lang>(readStoredLang());
  readonly lang = this.current.asReadonly();
  private readonly dictionary = computed(() => DICTIONARIES[this.current()]);

  /** Switches the language and remembers the choice. */
  use(lang: Lang): void {
    this.current.set(lang);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }

  t(key: TranslationKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`role.` + code): falls back to `fallback` when there is no such text. */
  dynamic(key: string, fallback: string, params?: TranslationParams): string {
    const dict: Readonly<Record<string, string>> = this.dictionary();
    const text = Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : undefined;
    return text === undefined ? fallback : interpolate(text, params);
  }
}
