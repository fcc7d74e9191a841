import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';
import { CanActivateFn } from '@angular/router';

/** Give up waiting after this long and let the page render anyway (a missing sheet only affects looks). */
const LOAD_TIMEOUT_MS = 8000;

/**
 * Loads a stylesheet that the build emits without injecting it (`"inject": false` in project.json),
 * once, and resolves when it has applied. The sheet goes before the global styles so that the
 * app's own rules keep winning over ng-zorro's.
 */
@Injectable({ providedIn: 'root' })
export class LazyStyles {
  private readonly document = inject(DOCUMENT);
  private readonly loading = new Map<string, Promise<void>>();

  load(href: string): Promise<void> {
    const known = this.loading.get(href);
    if (known) return known;
    const promise = new Promise<void>((resolve) => {
      const link = this.document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.dataset['lazy'] = 'true';
      const timer = setTimeout(resolve, LOAD_TIMEOUT_MS);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
      const head = this.document.head;
      head.insertBefore(link, head.querySelector('link[rel="stylesheet"]:not([data-lazy]), style'));
    });
    this.loading.set(href, promise);
    return promise;
  }
}

/** The ng-zorro component styles needed by the pages (see styles/zorro-pages.css). */
export const ZORRO_PAGES_STYLESHEET = 'zorro-pages.css';

/** Holds a route until the ng-zorro component styles have arrived, so nothing flashes unstyled. */
export const zorroStylesGuard: CanActivateFn = () =>
  inject(LazyStyles)
    .load(ZORRO_PAGES_STYLESHEET)
    .then(() => true);
