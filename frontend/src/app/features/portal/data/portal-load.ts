import { effect, signal, untracked } from '@angular/core';
import { Observable } from 'rxjs';

/**
 * Loads `fetch(params())` again whenever the params change, into signals. Written here rather than with Angular's
 * `rxResource`: that would pull the resource machinery into the initial bundle (esbuild splits per module), which
 * the portal must not grow. Call in an injection context (a field initialiser).
 */
export function portalLoad<P, T>(
  params: () => P,
  fetch: (p: P) => Observable<T>,
): { value: () => T | undefined; error: () => boolean; isLoading: () => boolean } {
  const value = signal<T | undefined>(undefined);
  const error = signal(false);
  const loading = signal(true);
  effect((onCleanup) => {
    const p = params();
    untracked(() => {
      loading.set(true);
      error.set(false);
    });
    const sub = untracked(() => fetch(p)).subscribe({
      next: (v) => {
        value.set(v);
        loading.set(false);
      },
      error: () => {
        value.set(undefined);
        error.set(true);
        loading.set(false);
      },
    });
    onCleanup(() => sub.unsubscribe());
  });
  return { value: value.asReadonly(), error: error.asReadonly(), isLoading: loading.asReadonly() };
}
