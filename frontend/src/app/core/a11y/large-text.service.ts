import { DOCUMENT } from '@angular/common';
import { DestroyRef, effect, inject, Injectable, signal } from '@angular/core';

/** Where the choice is kept: this browser remembers it for everyone who uses it (a family's shared phone). */
export const LARGE_TEXT_STORAGE_KEY = 'diandan.largeText';
/** The class on <html> that styles/large-text.css keys on. */
export const LARGE_TEXT_CLASS = 'dd-large';

export function readLargeText(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    return storage?.getItem(LARGE_TEXT_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * 适老模式 (large-text mode): body text ≥ 18 px, touch targets ≥ 44 px, stronger contrast
 * (styles/large-text.css). Switched once, from the login page or the menu, and kept in this browser,
 * across reloads and sign-ins; other tabs follow through the `storage` event.
 */
@Injectable({ providedIn: 'root' })
export class LargeTextService {
  private readonly document = inject(DOCUMENT);
  private readonly storage = this.document.defaultView?.localStorage ?? null;
  private readonly state = signal(readLargeText(this.storage));
  readonly enabled = this.state.asReadonly();

  constructor() {
    effect(() => this.document.documentElement.classList.toggle(LARGE_TEXT_CLASS, this.state()));
    const view = this.document.defaultView;
    if (view) {
      const follow = (event: StorageEvent): void => {
        if (event.key === LARGE_TEXT_STORAGE_KEY) this.state.set(event.newValue === 'on');
      };
      view.addEventListener('storage', follow);
      inject(DestroyRef).onDestroy(() => view.removeEventListener('storage', follow));
    }
  }

  set(on: boolean): void {
    this.state.set(on);
    try {
      if (on) this.storage?.setItem(LARGE_TEXT_STORAGE_KEY, 'on');
      else this.storage?.removeItem(LARGE_TEXT_STORAGE_KEY);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }

  toggle(): void {
    this.set(!this.state());
  }
}
