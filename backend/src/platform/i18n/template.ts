import type { LabelKind } from './labels';
import type { Locale } from './locale';

/**
 * A server-written text is stored as a template key and its parameters, never as a sentence:
 * instants as ISO strings, amounts as integer fen (decimal strings), codes as codes, and what a
 * person typed (a rejection note, an objection's answer) as typed. It is rendered when read, in the
 * reader's language.
 */
export type ParamValue = string | number | boolean | null;
export type MessageParams = Readonly<Record<string, ParamValue>>;

export interface Message {
  template: string;
  params: MessageParams;
}

/** What a template function may use to write its sentence. */
export interface Formats {
  readonly locale: Locale;
  /** An instant, Beijing time, to the minute (`2026年12月12日 08:00` / `12 Dec 2026, 08:00`). */
  instant(value: ParamValue | undefined): string;
  /** A deadline: like `instant`, midnight as 24:00 of the day before. */
  deadline(value: ParamValue | undefined): string;
  /** The Beijing calendar day of an instant, or a `YYYY-MM-DD` date as it is. */
  date(value: ParamValue | undefined): string;
  /** Integer fen as yuan (`12,345.67 元` / `CNY 12,345.67`). */
  money(value: ParamValue | undefined): string;
  label(kind: LabelKind, value: ParamValue | undefined): string;
  /** Another template rendered with the same language (a coded reason inside a status message). */
  sub(template: string | null | undefined, params: MessageParams): { title: string; body: string };
}

/**
 * A text: a string with `{name}` placeholders, or `{name|format}` where format is `instant`,
 * `deadline`, `date`, `money` or a label kind (`needStatus`, `method`…); or a function of the
 * parameters, for texts with optional parts.
 */
export type Text = string | ((p: MessageParams, f: Formats) => string);

export interface LocalizedTexts {
  title: Text;
  body?: Text;
}

export interface TemplateDefinition {
  'zh-CN': LocalizedTexts;
  'en-US': LocalizedTexts;
  /** Parameters of a typical message: documentation, and what the catalogue's spec renders. */
  example: MessageParams;
}

export type TemplateCatalogue = Readonly<Record<string, TemplateDefinition>>;
