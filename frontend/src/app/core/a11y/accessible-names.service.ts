import { DOCUMENT } from '@angular/common';
import { DestroyRef, effect, inject, Injectable } from '@angular/core';

import { TranslationKey, TranslationService } from '../i18n/translation.service';

/**
 * Names for the few controls ng-zorro renders inside its own components without any (its templates
 * cannot be given a label): the page-size select and the "go to page" field of a table's pagination,
 * the expand button of an expandable row. A keyboard stop on a table's horizontal scroll area, so
 * that keyboard users can scroll it (WCAG 2.1.1; axe `scrollable-region-focusable`). And nz-tree's
 * invisible, unnamed input (a leftover of its virtual scroll) taken out of the tab order and the
 * accessibility tree: the tree's nodes are what users act on.
 * Everything the app renders itself is named in its template (`nz-form-label nzFor`, `ddName`, aria-label).
 */
const NAMED: ReadonlyArray<{ selector: string; key: TranslationKey }> = [
  { selector: '.ant-pagination-options-size-changer input', key: 'a11y.pageSize' },
  { selector: '.ant-pagination-options-quick-jumper input', key: 'a11y.goToPage' },
  { selector: 'button.ant-table-row-expand-icon', key: 'a11y.expandRow' },
];
const SCROLL_AREAS = '.ant-table-content, .ant-table-body';
const STRAY_INPUTS = 'nz-tree > div > input';

@Injectable({ providedIn: 'root' })
export class AccessibleNamesService {
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(TranslationService);

  constructor() {
    const body = this.document.body;
    if (typeof MutationObserver === 'undefined' || !body) return;
    let queued = false;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        this.apply();
      });
    });
    observer.observe(body, { childList: true, subtree: true });
    inject(DestroyRef).onDestroy(() => observer.disconnect());
    effect(() => {
      this.i18n.lang(); // names follow the language
      this.apply();
    });
  }

  /** Names every matching element that has no name of its own yet (or one this service gave it). */
  apply(): void {
    for (const { selector, key } of NAMED) {
      const name = this.i18n.t(key);
      for (const el of Array.from(this.document.querySelectorAll<HTMLElement>(selector))) {
        const given = el.dataset['ddNamed'] === 'true';
        if (el.hasAttribute('aria-label') && !given) continue;
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
        el.dataset['ddNamed'] = 'true';
      }
    }
    for (const input of Array.from(this.document.querySelectorAll<HTMLElement>(STRAY_INPUTS))) {
      if (input.getAttribute('tabindex') !== '-1') input.setAttribute('tabindex', '-1');
      if (input.getAttribute('aria-hidden') !== 'true') input.setAttribute('aria-hidden', 'true');
    }
    const view = this.document.defaultView;
    for (const area of Array.from(this.document.querySelectorAll<HTMLElement>(SCROLL_AREAS))) {
      if (area.hasAttribute('tabindex') || !view) continue;
      const overflow = view.getComputedStyle(area).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') area.setAttribute('tabindex', '0');
    }
  }
}
