import type { FieldError } from './problem-details';

/**
 * What no text input may carry, whatever the field: the rules are the same for body strings and keys, query strings,
 * path parameters and uploaded file names, so they live here once instead of in every DTO.
 *
 * - A lone UTF-16 surrogate (JSON allows `"\ud800"`): it is not a character. MariaDB's utf8mb4 stores U+FFFD in its
 *   place, so what was hashed, compared or checked is not what was stored (issue #9: one such login broke the audit
 *   chain).
 * - NUL (U+0000): C strings, logs and some drivers cut the text there.
 * - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what a reader sees
 *   ("Trojan Source", a file name `报告\u202Efdp.exe` shown as `报告exe.pdf`).
 *
 * Allowed on purpose: the implicit marks U+200E (LRM), U+200F (RLM) and U+061C (ALM). They are single invisible strong
 * characters, cannot reverse or hide a run of text, and are needed to write names and addresses in Uyghur or other
 * Arabic-script languages correctly beside Chinese.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NUL = /\u0000/;
/** C0 controls, bidi controls and lone surrogates (well-formed pairs such as emoji stay as they are). */
const UNPRINTABLE =
  /[\u0000-\u001F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Keys that reach an object's prototype machinery in JavaScript; refused rather than silently dropped. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting of arrays and objects a JSON body may have (the deepest DTO needs 4). */
export const MAX_JSON_DEPTH = 32;

/** Why `s` is refused, or null when it is acceptable text. */
export function textProblem(s: string): string | null {
  if (LONE_SURROGATE.test(s)) return 'contains ill-formed Unicode (a lone UTF-16 surrogate)';
  if (NUL.test(s)) return 'contains a NUL character (U+0000)';
  if (BIDI_CONTROL.test(s)) return 'contains a bidirectional control character (U+202A–U+202E, U+2066–U+2069)';
  return null;
}

/** Shows a key or value safely inside an error message: the refused characters become `\uXXXX` escapes. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = printable(key);
  return path === '' ? safe : `${path}.${safe}`;
}

/**
 * Every refused key, string and number in a parsed JSON value, and every list directly inside a list (or a query/params object), with its field path in the same form
 * as the validation errors (`plan.schedule[2].period`). Iterative, so a hostile shape cannot exhaust the stack.
 */
export function inputProblems(value: unknown, root = '', limit = 20): FieldError[] {
  const out: FieldError[] = [];
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: root }];
  while (stack.length > 0 && out.length < limit) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem !== null) out.push({ field: path, message: `${path || 'value'} ${problem}` });
    } else if (typeof v === 'number') {
      // 1e300 is an "integer" to IsInt(); 9007199254740993 silently becomes …992. Neither is a value anyone meant.
      if (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v)))
        out.push({
          field: path,
          message: `${path || 'value'} is a number out of range (at most ±${Number.MAX_SAFE_INTEGER})`,
        });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        // No field of the API is a list of lists; class-validator's ValidateNested would validate [[{…}]] as if it
        // were [{…}] and let the inner list through to the service (issue #9 B2 found two 500s and a stored one).
        if (Array.isArray(v[i]))
          out.push({ field: child(path, i), message: `${child(path, i)} is a list inside a list` });
        else stack.push({ v: v[i], path: child(path, i) });
      }
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const at = child(path, key);
        const keyProblem = textProblem(key);
        if (FORBIDDEN_KEYS.has(key)) out.push({ field: at, message: `the key ${key} is not allowed` });
        else if (keyProblem !== null) out.push({ field: at, message: `the key ${keyProblem}` });
        else stack.push({ v: (v as Record<string, unknown>)[key], path: at });
      }
    }
  }
  return out;
}

/**
 * True when the JSON text nests arrays/objects deeper than `max`. Scans the text itself, before `JSON.parse` builds
 * anything and long before class-transformer recurses over it (a few thousand levels overflowed its stack).
 */
export function jsonDepthExceeds(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
