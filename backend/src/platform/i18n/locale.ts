/** The languages people read the app in; zh-CN first. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `zh`, `zh-CN`, `zh-Hans-CN`, `zh-TW`… → zh-CN; `en`, `en-GB`… → en-US; anything else → null. */
function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en-US';
  return null;
}

/**
 * The best supported language of an `Accept-Language` header (RFC 9110 §12.5.4: the highest
 * q-value wins, ties keep the header's order; q=0 means "not this one"), or null when none fits.
 */
export function negotiateLocale(acceptLanguage: string | string[] | null | undefined): Locale | null {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return null;
  const ranked = header
    .split(',')
    .slice(0, 32) // a header is a hint, not a workload
    .map((part, index) => {
      const [tag, ...rest] = part.split(';');
      const q = rest.map((r) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(r)).find((m) => m !== null);
      const weight = q ? Number(q[1]) : 1;
      return { locale: localeOfTag(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((x): x is { locale: Locale; weight: number; index: number } => x.locale !== null && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.locale ?? null;
}

/** The reader's language: their saved preference, else the browser's `Accept-Language`, else zh-CN. */
export function readerLocale(
  preference: string | null | undefined,
  acceptLanguage: string | string[] | null | undefined,
): Locale {
  if (isLocale(preference)) return preference;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
