import type { FieldError, ProblemDetails } from '../../api';
import type { TranslationKey, TranslationParams } from '../i18n/translation.service';

export type Translate = (key: TranslationKey, params?: TranslationParams) => string;
/** A translation for a key built at run time (`problem.` + code), or null when there is none. */
export type TranslateDynamic = (key: string) => string | null;

/** What the user is shown for a failed request. */
export interface ErrorView {
  /** A short headline (translated). */
  title: string;
  /** The translation of the problem's `code` when known, else its `detail`, else a text for the status. */
  detail: string;
  /** `field: message` lines from `errors[]`. */
  fieldErrors: string[];
  requestId: string | null;
  status: number;
}

/** A problem body with the extra members some problems carry (e.g. `lockedUntil` on a 423). */
export type Problem = ProblemDetails & Readonly<Record<string, unknown>>;

const KNOWN_STATUSES = new Set([400, 401, 403, 404, 409, 422, 423, 429, 500, 503]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value['field'] === 'string' && typeof value['message'] === 'string';
}

/** Reads an RFC 9457 body defensively; anything that is not one (HTML from a proxy, text) gives null. */
export function asProblemDetails(body: unknown): Problem | null {
  if (typeof body === 'string') {
    try {
      return asProblemDetails(JSON.parse(body));
    } catch {
      return null;
    }
  }
  if (!isRecord(body)) return null;
  const str = (key: string): string | undefined => (typeof body[key] === 'string' ? body[key] : undefined);
  const problem: Problem = {
    ...body,
    type: str('type'),
    title: str('title'),
    status: typeof body['status'] === 'number' ? body['status'] : undefined,
    detail: str('detail'),
    code: str('code'),
    instance: str('instance'),
    requestId: str('requestId'),
    errors: Array.isArray(body['errors']) ? body['errors'].filter(isFieldError) : undefined,
  };
  return problem.title || problem.detail || problem.code || problem.errors ? problem : null;
}

export function statusText(status: number, t: Translate): string {
  if (KNOWN_STATUSES.has(status)) return t(`error.status.${status}` as TranslationKey);
  if (status >= 500) return t('error.status.500');
  return t('error.unknown', { status });
}

/**
 * Turns a failed response into readable text: status 0 reads "server unreachable"; otherwise the
 * problem's `code` in the user's language when the app knows it, or the server's `detail`; the
 * `errors[]` as `field: message` lines (one merely repeating the text shown is left out).
 */
export function describeHttpError(
  status: number,
  body: unknown,
  t: Translate,
  tCode: TranslateDynamic = () => null,
): ErrorView {
  if (status === 0) {
    return { title: t('error.title'), detail: t('error.unreachable'), fieldErrors: [], requestId: null, status };
  }
  const problem = asProblemDetails(body);
  const fallback = statusText(status, t);
  const serverDetail = problem?.detail || problem?.title || '';
  const detail = (problem?.code && tCode(`problem.${problem.code}`)) || serverDetail || fallback;
  const fieldErrors = (problem?.errors ?? [])
    .filter((e) => e.message !== detail)
    .map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
  return {
    title: status === 400 && fieldErrors.length > 0 ? t('error.validation') : fallback,
    detail,
    fieldErrors,
    requestId: problem?.requestId ?? null,
    status,
  };
}
