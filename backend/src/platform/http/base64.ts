import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Standard base64 (RFC 4648 §4, with padding), checked by one pass over the characters. class-validator's
 * `IsBase64` runs a backtracking regular expression that overflows the stack on a few megabytes — a 5 MB file sent
 * as base64 JSON answered 500 instead of 201 — so file contents are checked here instead.
 */
export function isBase64Text(value: unknown): value is string {
  if (typeof value !== 'string' || value.length % 4 !== 0) return false;
  const n = value.length;
  const padding = n > 0 && value.charCodeAt(n - 1) === 61 ? (n > 1 && value.charCodeAt(n - 2) === 61 ? 2 : 1) : 0;
  for (let i = 0; i < n - padding; i++) {
    const c = value.charCodeAt(i);
    const ok =
      (c >= 65 && c <= 90) || // A-Z
      (c >= 97 && c <= 122) || // a-z
      (c >= 48 && c <= 57) || // 0-9
      c === 43 || // +
      c === 47; // /
    if (!ok) return false;
  }
  return true;
}

/** The property is standard base64 text (see {@link isBase64Text}). */
export function IsBase64Text(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBase64Text',
      validator: {
        validate: (value: unknown) => isBase64Text(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be base64`,
      },
    },
    options,
  );
}
