import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Set on a request whose caller shows its own errors: the error interceptor then stays quiet. */
export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);

export function silentErrors(context: HttpContext = new HttpContext()): HttpContext {
  return context.set(SILENT_ERRORS, true);
}
