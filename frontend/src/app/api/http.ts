import { HttpParams } from '@angular/common/http';

/** Every endpoint of the app lives under this relative prefix (same origin as the SPA). */
export const API_V1 = '/api/v1';

type ParamValue = string | number | boolean | null | undefined;

/** Builds query parameters, leaving out empty values (`null`, `undefined`, `''`). */
export function toHttpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query) as [string, ParamValue][]) {
    if (value === null || value === undefined || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}

/** Accepts either a bare array or a `Page<T>` and returns its items. */
export function itemsOf<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}

/**
 * A fresh `Idempotency-Key`. `crypto.randomUUID` needs a secure context, which an intranet
 * deployment over plain HTTP is not, so fall back to `getRandomValues` (available everywhere).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
