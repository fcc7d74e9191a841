import { HttpClient, HttpInterceptorFn } from '@angular/common/http';
import { effect, inject, Injectable, signal, untracked } from '@angular/core';

import { API_V1 } from '../../api';
import { AuthService } from '../auth/auth.service';
import { silentErrors } from '../http/http-context';
import { Lang, TranslationService } from './translation.service';

export const PREFERENCES_URL = `${API_V1}/me/preferences`;

/**
 * The language choice, kept on the server too: the server writes inbox messages and timelines in
 * the reader's language (their saved choice, else the request's Accept-Language), so a signed-in
 * user's switch is saved with `PATCH /api/v1/me/preferences`. Pages showing server-written texts
 * reload when {@link serverLang} changes — after the server has the new choice.
 */
@Injectable({ providedIn: 'root' })
export class LanguagePreference {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(TranslationService);
  private readonly serverLangSignal = signal<Lang>(this.i18n.lang());
  /** The language the server writes in for this reader; changes once a switch has been saved. */
  readonly serverLang = this.serverLangSignal.asReadonly();
  private appliedFor: number | null = null;

  /** The language switch: the UI changes at once, the server's copy follows. */
  choose(lang: Lang): void {
    this.i18n.use(lang);
    if (this.auth.me() === null) {
      this.serverLangSignal.set(lang);
      return;
    }
    // Whether or not the save succeeds, the next requests carry Accept-Language: reload either way.
    this.http.patch(PREFERENCES_URL, { locale: lang }, { context: silentErrors() }).subscribe({
      next: () => this.serverLangSignal.set(lang),
      error: () => this.serverLangSignal.set(lang),
    });
  }

  /** At sign-in: a language saved on the server wins over this browser's (once per user). */
  adopt(userId: number, saved: Lang | null | undefined): void {
    if (this.appliedFor === userId) return;
    this.appliedFor = userId;
    if (saved && saved !== this.i18n.lang()) {
      this.i18n.use(saved);
      this.serverLangSignal.set(saved);
    }
  }
}

/** Every API request says which language the UI shows (the server's fallback when nothing is saved). */
export const acceptLanguageInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith(API_V1) || req.headers.has('Accept-Language')) return next(req);
  const lang = inject(TranslationService).lang();
  return next(req.clone({ setHeaders: { 'Accept-Language': `${lang},${lang.slice(0, 2)};q=0.9` } }));
};

/**
 * For pages showing server-written texts (inbox, timelines, records): runs `reload` when the
 * language the server writes in changes. Call in an injection context (a field or constructor).
 */
export function reloadOnLanguageChange(reload: () => void): void {
  const preference = inject(LanguagePreference);
  let last = preference.serverLang();
  effect(() => {
    const lang = preference.serverLang();
    if (lang === last) return;
    last = lang;
    untracked(reload);
  });
}
