import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl } from '@angular/forms';

import { asProblemDetails, describeHttpError } from '../core/http/problem-details';
import { TranslationService } from '../core/i18n/translation.service';

/** A refused submit as a form shows it: the problem in a sentence, and one line per field error. */
export interface FormProblem {
  readonly status: number;
  readonly detail: string;
  readonly lines: readonly string[];
}

/** The control a problem's field path names (`plan.budget[1].amount`, `attributes.headcount`), if the form has it. */
export function controlAt(form: AbstractControl, field: string): AbstractControl | null {
  const path = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '');
  return path.length === 0 ? null : form.get(path);
}

/**
 * Marks the controls named by the problem's `errors[]` invalid (`{ server: message }`), dirty and
 * touched, so the form shows them in red where they are; the values stay as typed. Returns how many
 * were found. A control's server error clears itself at its next change. With `prefix`
 * (`attributes.`), only the fields under it, looked up without it (a group kept apart from the form).
 */
export function applyFieldErrors(form: AbstractControl, body: unknown, prefix = ''): number {
  let found = 0;
  for (const e of asProblemDetails(body)?.errors ?? []) {
    if (!e.field?.startsWith(prefix)) continue;
    const control = controlAt(form, e.field.slice(prefix.length));
    if (!control) continue;
    control.setErrors({ ...(control.errors ?? {}), server: e.message });
    control.markAsDirty();
    control.markAsTouched();
    found++;
  }
  return found;
}

/**
 * A failed submit as a FormProblem (for <dd-form-problem>), its field errors applied to `form` when given.
 * Anything that is not an HTTP error is rethrown.
 */
export function formProblem(error: unknown, i18n: TranslationService, form?: AbstractControl): FormProblem {
  if (!(error instanceof HttpErrorResponse)) throw error;
  const view = describeHttpError(
    error.status,
    error.error,
    (key, params) => i18n.t(key, params),
    (key) => i18n.dynamic(key, '') || null,
  );
  if (form) applyFieldErrors(form, error.error);
  return { status: error.status, detail: view.detail, lines: view.fieldErrors };
}
