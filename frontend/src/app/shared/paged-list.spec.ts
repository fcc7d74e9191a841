import { DestroyRef } from '@angular/core';
import { of, Subject, throwError } from 'rxjs';

import type { Page } from '../api';
import { PagedList } from './paged-list';

class FakeDestroyRef extends DestroyRef {
  override destroyed = false;
  private readonly callbacks: Array<() => void> = [];
  override onDestroy(cb: () => void): () => void {
    this.callbacks.push(cb);
    return () => undefined;
  }
  destroy(): void {
    this.destroyed = true;
    this.callbacks.forEach((cb) => cb());
  }
}

const page = (items: string[], total: number): Page<string> => ({ items, total, page: 1, pageSize: 20 });

describe('PagedList', () => {
  it('loads the current page and keeps items, total and the loading flag', () => {
    const calls: Array<[number, number]> = [];
    const list = new PagedList<string>((p, s) => {
      calls.push([p, s]);
      return of(page(['a', 'b'], 42));
    }, new FakeDestroyRef());
    list.load();
    expect(list.items()).toEqual(['a', 'b']);
    expect(list.total()).toBe(42);
    expect(list.loading()).toBe(false);
    list.goTo(3);
    list.resize(50);
    expect(calls).toEqual([
      [1, 20],
      [3, 20],
      [1, 50],
    ]);
  });

  it('goes back to page 1 on a new search and clears the loading flag on errors', () => {
    const list = new PagedList<string>(() => throwError(() => new Error('boom')), new FakeDestroyRef());
    list.page.set(5);
    list.first();
    expect(list.page()).toBe(1);
    expect(list.loading()).toBe(false);
  });

  it('stops listening when the page is destroyed, and calls the onLoaded hook', () => {
    const source = new Subject<Page<string>>();
    const destroyRef = new FakeDestroyRef();
    const seen: number[] = [];
    const list = new PagedList<string>(
      () => source,
      destroyRef,
      (p) => seen.push(p.total),
    );
    list.load();
    source.next(page(['x'], 1));
    destroyRef.destroy();
    source.next(page(['y'], 2));
    expect(list.items()).toEqual(['x']);
    expect(seen).toEqual([1]);
  });
});
