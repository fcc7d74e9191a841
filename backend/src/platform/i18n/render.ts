import { formatBeijingText } from './beijing-time';
import { label, LABEL_KINDS, LabelKind } from './labels';
import type { Locale } from './locale';
import { MESSAGE_TEMPLATES } from './messages';
import { formatFen } from './money-text';
import type { Formats, MessageParams, ParamValue, TemplateCatalogue, Text } from './template';

export interface RenderedMessage {
  title: string;
  body: string;
}

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function plain(value: ParamValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function formats(locale: Locale, catalogue: TemplateCatalogue): Formats {
  const f: Formats = {
    locale,
    instant: (v) => (v === null || v === undefined ? '' : formatBeijingText(String(v), locale)),
    deadline: (v) => (v === null || v === undefined ? '' : formatBeijingText(String(v), locale, { deadline: true })),
    date: (v) => {
      if (v === null || v === undefined) return '';
      const text = String(v);
      // A calendar date (`2026-05-04`, e.g. a council's day) is that day; noon Beijing time names it.
      return formatBeijingText(DATE_ONLY.test(text) ? `${text}T04:00:00Z` : text, locale, { precision: 'day' });
    },
    money: (v) => formatFen(v === null || v === undefined ? null : String(v), locale),
    label: (kind, v) => label(kind, plain(v), locale),
    sub: (template, params) => (template ? renderWith(catalogue, template, params, locale) : { title: '', body: '' }),
  };
  return f;
}

function applyFormat(f: Formats, format: string | undefined, value: ParamValue | undefined): string {
  switch (format) {
    case undefined:
      return plain(value);
    case 'instant':
      return f.instant(value);
    case 'deadline':
      return f.deadline(value);
    case 'date':
      return f.date(value);
    case 'money':
      return f.money(value);
    default:
      return (LABEL_KINDS as string[]).includes(format) ? f.label(format as LabelKind, value) : plain(value);
  }
}

function text(t: Text | undefined, params: MessageParams, f: Formats): string {
  if (t === undefined) return '';
  if (typeof t === 'function') return t(params, f);
  return t.replace(PLACEHOLDER, (_whole, name: string, format: string | undefined) =>
    applyFormat(f, format, Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined),
  );
}

/** Renders with a given catalogue (the specs use small ones). An unknown template shows its key. */
export function renderWith(
  catalogue: TemplateCatalogue,
  template: string,
  params: MessageParams | null | undefined,
  locale: Locale,
): RenderedMessage {
  const def = Object.prototype.hasOwnProperty.call(catalogue, template) ? catalogue[template] : undefined;
  if (def === undefined) return { title: template, body: '' };
  const f = formats(locale, catalogue);
  const p = params ?? {};
  return { title: text(def[locale].title, p, f), body: text(def[locale].body, p, f) };
}

/** A stored message (template key + parameters) in the reader's language. */
export function renderMessage(
  template: string,
  params: MessageParams | null | undefined,
  locale: Locale,
): RenderedMessage {
  return renderWith(MESSAGE_TEMPLATES, template, params, locale);
}

/** The parameters as stored (a JSON column), tolerant of a bad row: an empty set. */
export function parseParams(json: string | null | undefined): MessageParams {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as MessageParams) : {};
  } catch {
    return {};
  }
}

/** A same-app path a message may carry in its `link` parameter (`/s/<token>`): shown as a button, never a URL. */
const APP_PATH = /^\/[A-Za-z0-9/_-]{1,200}$/;

/** The page a message points to (its `link` parameter when that is a path of the app), or null. */
export function messageLink(params: MessageParams): string | null {
  const link = params['link'];
  return typeof link === 'string' && APP_PATH.test(link) && !link.startsWith('//') ? link : null;
}
