import { sha256Hex } from '../../../platform/util/canonical-json';

/**
 * Secrets never enter the audit chain, and never leave the audit API (issue #9 A7: an auditor could read login
 * session ids, which with the token secret were enough to act as the user). Audit rows are permanent, so the
 * rule is applied where events are written; the API applies it again to rows written before it existed.
 */

/** A stable, non-secret stand-in for a high-entropy secret id: lets an auditor correlate events, not reuse them. */
export function secretReference(value: string): string {
  return isReference(value) ? value : `ref:${sha256Hex(`diandan-audit-ref\n${value}`).slice(0, 16)}`;
}

const REFERENCE = /^ref:[0-9a-f]{16}$/;
function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** Written instead of a value that must not be kept even as a reference (a guessable reference of a password is a hash to crack). */
export const REDACTED = '[redacted]';

/** Entity types whose id is itself a bearer secret (a session id is the `sid` of every access token of the session). */
const SECRET_ENTITY_TYPES = new Set(['session', 'refresh_token', 'idempotency_key']);

/** Keys (compared lower case, without `_` and `-`) whose values are secret ids: kept as a reference. */
const REFERENCE_KEYS = new Set([
  'sessionid',
  'sid',
  'token',
  'tokenhash',
  'accesstoken',
  'refreshtoken',
  'refreshtokenid',
  'idempotencykey',
  'apikey',
]);

/** Keys whose values are never kept at all. */
function isDropKey(key: string): boolean {
  return (
    key.includes('password') || key === 'secret' || key.endsWith('secret') || key === 'privatekey' || key === 'otp'
  );
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

/** The entity id as it may be stored and shown: a reference for secret-bearing ids. */
export function redactEntityId(entityType: string, entityId: string | null): string | null {
  if (entityId === null || !SECRET_ENTITY_TYPES.has(entityType)) return entityId;
  return secretReference(entityId);
}

/** A before/after value with every secret member replaced, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const k = normaliseKey(key);
    if (v === null || v === undefined) out[key] = v;
    // a flag is never a secret, whatever its name (`mustChangePassword: true` says what happened, reveals nothing)
    else if (typeof v === 'boolean') out[key] = v;
    else if (isDropKey(k)) out[key] = REDACTED;
    else if (REFERENCE_KEYS.has(k) || k.endsWith('token'))
      out[key] = typeof v === 'string' ? secretReference(v) : REDACTED;
    else out[key] = redactSecrets(v);
  }
  return out;
}
