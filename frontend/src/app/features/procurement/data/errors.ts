import { HttpErrorResponse } from '@angular/common/http';

import { asProblemDetails, describeHttpError } from '../../../core/http/problem-details';
import type { TranslationService } from '../../../core/i18n/translation.service';
import type { InlineProblem, ProcurementI18n } from '../i18n/procurement-i18n';

/** A failed request (made with silentErrors()) as text for an alert beside the form that sent it. */
export function inlineProblem(error: unknown, base: TranslationService, i18n: ProcurementI18n): InlineProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return { detail: base.t('error.title'), fieldErrors: [], body: null, code: null, status: 0 };
  }
  const view = describeHttpError(
    error.status,
    error.error,
    (key, params) => base.t(key, params),
    (key) => i18n.problem(key),
  );
  const body = asProblemDetails(error.error);
  return { detail: view.detail, fieldErrors: view.fieldErrors, body, code: body?.code ?? null, status: error.status };
}
