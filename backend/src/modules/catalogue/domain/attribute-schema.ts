/**
 * Typed need attributes, defined as data per catalogue category (target group, headcount, frequency,
 * place, time window…). A category's effective schema is its ancestors' fields followed by its own.
 */
export const ATTRIBUTE_TYPES = ['enum', 'int', 'text', 'timeWindow'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeField {
  key: string;
  label: string;
  type: AttributeType;
  required: boolean;
  options?: string[];
  min?: number;
  max?: number;
}

export type AttributeValues = Record<string, string | number>;

const KEY = /^[a-z][a-zA-Z0-9]{0,31}$/;
/** "每周一至周五 11:00-12:30" or "周末 09:00-11:00": free text ending in a clock range. */
const TIME_WINDOW = /^.{0,40}([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/** Problems with a schema as an officer wrote it (empty when valid). */
export function checkSchema(fields: AttributeField[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  fields.forEach((f, i) => {
    const at = `attributeSchema[${i}]`;
    if (!KEY.test(f.key)) problems.push(`${at}.key must be camelCase letters and digits (max 32)`);
    if (keys.has(f.key)) problems.push(`${at}.key ${f.key} is repeated`);
    keys.add(f.key);
    if (!f.label || f.label.length > 32) problems.push(`${at}.label must be 1–32 characters`);
    if (!ATTRIBUTE_TYPES.includes(f.type)) problems.push(`${at}.type must be one of ${ATTRIBUTE_TYPES.join(', ')}`);
    if (f.type === 'enum' && (!f.options || f.options.length < 2 || new Set(f.options).size !== f.options.length)) {
      problems.push(`${at}.options must list at least two distinct choices`);
    }
    if (f.type === 'int' && f.min !== undefined && f.max !== undefined && f.min > f.max)
      problems.push(`${at}.min must not exceed max`);
  });
  return problems;
}

/** Problems with a need's attribute values against the effective schema (empty when valid). */
export function checkValues(fields: AttributeField[], values: AttributeValues): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) problems.push({ field: `attributes.${key}`, message: 'is not an attribute of this category' });
  }
  for (const f of fields) {
    const field = `attributes.${f.key}`;
    const v = values[f.key];
    if (v === undefined || v === '') {
      if (f.required) problems.push({ field, message: `${f.label} is required` });
      continue;
    }
    switch (f.type) {
      case 'enum':
        if (typeof v !== 'string' || !(f.options ?? []).includes(v))
          problems.push({ field, message: `must be one of ${(f.options ?? []).join(', ')}` });
        break;
      case 'int':
        if (typeof v !== 'number' || !Number.isInteger(v)) problems.push({ field, message: 'must be a whole number' });
        else if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max))
          problems.push({ field, message: `must be between ${f.min ?? '−∞'} and ${f.max ?? '∞'}` });
        break;
      case 'text':
        if (typeof v !== 'string' || v.length > 200)
          problems.push({ field, message: 'must be text of at most 200 characters' });
        break;
      case 'timeWindow':
        if (typeof v !== 'string' || !TIME_WINDOW.test(v))
          problems.push({ field, message: 'must end with a time range such as 11:00-12:30' });
        break;
    }
  }
  return problems;
}

/** Ancestors' fields first; a descendant may not redefine a key (the nearest definition wins). */
export function effectiveSchema(chainFromRoot: AttributeField[][]): AttributeField[] {
  const byKey = new Map<string, AttributeField>();
  for (const level of chainFromRoot) for (const f of level) byKey.set(f.key, f);
  return [...byKey.values()];
}
