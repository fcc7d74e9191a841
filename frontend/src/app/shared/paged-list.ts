import { DestroyRef, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';

import type { Page } from '../api';

export const DEFAULT_PAGE_SIZE = 20;

/**
 * The state of one server-paginated list (`{ items, total, page, pageSize }`, docs/api.md) and the
 * four things every list page does with it: load, back to the first page (a new search), go to a
 * page, change the page size. The page supplies how to fetch; the table binds to the signals.
 */
export class PagedList<T> {
  readonly items = signal<T[]>([]);
  readonly total = signal(0);
  readonly page = signal(1);
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  readonly loading = signal(false);

  constructor(
    private readonly fetch: (page: number, pageSize: number) => Observable<Page<T>>,
    private readonly destroyRef: DestroyRef,
    private readonly onLoaded?: (page: Page<T>) => void,
  ) {}

  load(): void {
    this.loading.set(true);
    this.fetch(this.page(), this.pageSize())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.items.set(result.items);
          this.total.set(result.total);
          this.onLoaded?.(result);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  /** A new search: back to page 1. */
  first(): void {
    this.page.set(1);
    this.load();
  }

  goTo(page: number): void {
    this.page.set(page);
    this.load();
  }

  resize(pageSize: number): void {
    this.pageSize.set(pageSize);
    this.first();
  }
}
