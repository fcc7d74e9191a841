import { AbstractControl, FormControl, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';

import type { AttributeDef, AttributeType, AttributeValues } from '../../../api';
import { required } from '../../../shared/validators';

/**
 * A category's typed attributes are data (docs/domain/needs.md, "Catalogue"): the need form builds
 * its controls from them, and the catalogue editor writes them. Both directions live here.
 */

/** How an attribute is asked for: a few enum options as big radio buttons, many as a select. */
export type AttributeInput = 'radio' | 'select' | 'number' | 'text' | 'timeWindow';

/** Up to this many options are shown as radio buttons (one tap on a phone); more go into a select. */
export const MAX_RADIO_OPTIONS = 4;
/** The API's limits (backend/src/modules/catalogue/domain/attribute-schema.ts). */
export const MAX_TEXT_LENGTH = 200;
export const MAX_LABEL_LENGTH = 32;
export const MAX_OPTION_LENGTH = 32;
export const MAX_OPTIONS = 30;
export const MAX_ATTRIBUTES = 20;

/** What the API accepts as a time window: up to 40 characters of text ending in a clock range `HH:mm-HH:mm`. */
export const TIME_WINDOW = /^.{0,40}([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A time window as people type it, in the form the API takes: full-width colons, `～`, `—`, `至`
 * or `到` between the times and one-digit hours are accepted (`每天9:00至11:00` → `每天09:00-11:00`).
 */
export function normaliseTimeWindow(text: string): string {
  const pad = (h: string): string => h.padStart(2, '0');
  return text
    .trim()
    .replace(/：/g, ':')
    .replace(/\s+/g, ' ')
    .replace(
      /(\d{1,2}):(\d{2})\s*[-–—~～至到－]\s*(\d{1,2}):(\d{2})$/,
      (_all, h1: string, m1: string, h2: string, m2: string) => `${pad(h1)}:${m1}-${pad(h2)}:${m2}`,
    );
}

export type AttributeValue = string | number | null;
export type AttributeControl = FormControl<AttributeValue>;

export function attributeInput(def: AttributeDef): AttributeInput {
  switch (def.type) {
    case 'enum':
      return (def.options?.length ?? 0) <= MAX_RADIO_OPTIONS ? 'radio' : 'select';
    case 'int':
      return 'number';
    case 'timeWindow':
      return 'timeWindow';
    default:
      return 'text';
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A whole number within [min, max] (either bound optional). */
export function intValidator(min?: number, max?: number): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (isEmpty(value)) return null;
    const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(String(value)) ? Number(value) : NaN;
    if (!Number.isInteger(n)) return { integer: true };
    if (min !== undefined && min !== null && n < min) return { min: { min, actual: n } };
    if (max !== undefined && max !== null && n > max) return { max: { max, actual: n } };
    return null;
  };
}

/** One of `options`. */
export function oneOfValidator(options: readonly string[]): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (isEmpty(value)) return null;
    return options.includes(String(value)) ? null : { oneOf: { options } };
  };
}

/** A time window must end with its hours (`每周一至周五 11:00-12:30`). */
export const timeWindowValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (isEmpty(value)) return null;
  return TIME_WINDOW.test(normaliseTimeWindow(String(value))) ? null : { timeWindow: true };
};

/** The validators of one attribute, from its definition. */
export function attributeValidators(def: AttributeDef): ValidatorFn[] {
  const validators: ValidatorFn[] = def.required ? [required] : [];
  switch (def.type) {
    case 'enum':
      validators.push(oneOfValidator(def.options ?? []));
      break;
    case 'int':
      validators.push(intValidator(def.min, def.max));
      break;
    case 'timeWindow':
      validators.push(timeWindowValidator);
      break;
    default:
      validators.push(Validators.maxLength(MAX_TEXT_LENGTH));
  }
  return validators;
}

/** One form control per attribute, keyed by attribute key, holding `values` where given. */
export function attributeControls(
  defs: readonly AttributeDef[],
  values: Readonly<Record<string, unknown>> = {},
): Record<string, AttributeControl> {
  const controls: Record<string, AttributeControl> = {};
  for (const def of defs) {
    const given = values[def.key];
    const initial: AttributeValue = typeof given === 'string' || typeof given === 'number' ? given : null;
    controls[def.key] = new FormControl<AttributeValue>(initial, { validators: attributeValidators(def) });
  }
  return controls;
}

/**
 * The `attributes` of `POST /needs`: ints as numbers, texts trimmed, time windows normalised,
 * empty optional ones left out, keys the schema does not define dropped.
 */
export function toAttributeValues(
  defs: readonly AttributeDef[],
  raw: Readonly<Record<string, unknown>>,
): AttributeValues {
  const out: AttributeValues = {};
  for (const def of defs) {
    const value = raw[def.key];
    if (isEmpty(value)) continue;
    if (def.type === 'int') {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (Number.isFinite(n)) out[def.key] = n;
      continue;
    }
    out[def.key] = def.type === 'timeWindow' ? normaliseTimeWindow(String(value)) : String(value).trim();
  }
  return out;
}

/** One attribute of a need for display: `label: value`, the key when the schema is unknown. */
export function describeAttributes(
  defs: readonly AttributeDef[],
  values: Readonly<Record<string, unknown>> | null | undefined,
): { key: string; label: string; value: string }[] {
  if (!values) return [];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const keys = [
    ...defs.map((d) => d.key).filter((k) => k in values),
    ...Object.keys(values).filter((k) => !byKey.has(k)),
  ];
  return keys.map((key) => ({ key, label: byKey.get(key)?.label ?? key, value: String(values[key] ?? '') }));
}

// ---- The catalogue editor's rows ↔ attribute schema ----

/** One row of the attribute-schema editor; `options` as typed (separated by commas, 、 or new lines). */
export interface AttributeRow {
  key: string;
  label: string;
  type: AttributeType;
  options: string;
  min: number | null;
  max: number | null;
  required: boolean;
}

/** A machine key in camelCase: a lower-case letter first, then letters or digits, at most 32. */
export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-zA-Z0-9]{0,31}$/;

export type SchemaProblem =
  | 'keyInvalid'
  | 'keyDuplicate'
  | 'keyInherited'
  | 'labelRequired'
  | 'optionsRequired'
  | 'optionTooLong'
  | 'minAboveMax'
  | 'tooMany';

export interface SchemaError {
  /** 1-based row number. */
  row: number;
  problem: SchemaProblem;
}

export function splitOptions(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,，、;；\n]/)) {
    const option = part.trim();
    if (option) seen.add(option);
  }
  return [...seen];
}

export function emptyAttributeRow(): AttributeRow {
  return { key: '', label: '', type: 'text', options: '', min: null, max: null, required: false };
}

export function schemaToRows(schema: readonly AttributeDef[] | null | undefined): AttributeRow[] {
  return (schema ?? []).map((def) => ({
    key: def.key,
    label: def.label,
    type: def.type,
    options: (def.options ?? []).join('、'),
    min: def.min ?? null,
    max: def.max ?? null,
    required: def.required,
  }));
}

/**
 * The editor's rows as an attribute schema, or the problems to fix first. `inheritedKeys` are the
 * ancestors' attribute keys, which a category must not define again.
 */
export function rowsToSchema(
  rows: readonly AttributeRow[],
  inheritedKeys: readonly string[] = [],
): { schema: AttributeDef[]; errors: SchemaError[] } {
  const schema: AttributeDef[] = [];
  const errors: SchemaError[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const row = i + 1;
    const key = r.key.trim();
    const label = r.label.trim();
    if (!ATTRIBUTE_KEY_PATTERN.test(key)) errors.push({ row, problem: 'keyInvalid' });
    else if (seen.has(key)) errors.push({ row, problem: 'keyDuplicate' });
    else if (inheritedKeys.includes(key)) errors.push({ row, problem: 'keyInherited' });
    seen.add(key);
    if (!label || label.length > MAX_LABEL_LENGTH) errors.push({ row, problem: 'labelRequired' });
    const def: AttributeDef = { key, label, type: r.type, required: r.required };
    if (r.type === 'enum') {
      const options = splitOptions(r.options);
      if (options.length < 2 || options.length > MAX_OPTIONS) errors.push({ row, problem: 'optionsRequired' });
      if (options.some((o) => o.length > MAX_OPTION_LENGTH)) errors.push({ row, problem: 'optionTooLong' });
      def.options = options;
    }
    if (r.type === 'int') {
      const min = r.min ?? undefined;
      const max = r.max ?? undefined;
      if (min !== undefined && max !== undefined && min > max) errors.push({ row, problem: 'minAboveMax' });
      if (min !== undefined) def.min = min;
      if (max !== undefined) def.max = max;
    }
    schema.push(def);
  });
  if (rows.length > MAX_ATTRIBUTES) errors.push({ row: MAX_ATTRIBUTES + 1, problem: 'tooMany' });
  return { schema, errors };
}
