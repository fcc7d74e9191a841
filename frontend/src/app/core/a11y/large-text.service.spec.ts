import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';

import { LARGE_TEXT_CLASS, LARGE_TEXT_STORAGE_KEY, LargeTextService, readLargeText } from './large-text.service';

describe('LargeTextService (适老模式)', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.classList.remove(LARGE_TEXT_CLASS);
  });

  function start(): { service: LargeTextService; html: HTMLElement } {
    TestBed.resetTestingModule();
    const service = TestBed.inject(LargeTextService);
    TestBed.tick();
    return { service, html: TestBed.inject(DOCUMENT).documentElement };
  }

  it('is off until switched on', () => {
    const { service, html } = start();
    expect(service.enabled()).toBe(false);
    expect(html.classList.contains(LARGE_TEXT_CLASS)).toBe(false);
  });

  it('switched on, marks the page and is remembered after a reload (a new app on the same browser)', () => {
    const first = start();
    first.service.set(true);
    TestBed.tick();
    expect(first.html.classList.contains(LARGE_TEXT_CLASS)).toBe(true);
    expect(localStorage.getItem(LARGE_TEXT_STORAGE_KEY)).toBe('on');

    document.documentElement.classList.remove(LARGE_TEXT_CLASS); // as a fresh page load would be
    const again = start();
    expect(again.service.enabled()).toBe(true);
    expect(again.html.classList.contains(LARGE_TEXT_CLASS)).toBe(true);
  });

  it('switched off, forgets it', () => {
    const { service, html } = start();
    service.set(true);
    TestBed.tick();
    service.toggle();
    TestBed.tick();
    expect(html.classList.contains(LARGE_TEXT_CLASS)).toBe(false);
    expect(localStorage.getItem(LARGE_TEXT_STORAGE_KEY)).toBeNull();
    expect(start().service.enabled()).toBe(false);
  });

  it('follows a switch made in another tab', () => {
    const { service, html } = start();
    window.dispatchEvent(new StorageEvent('storage', { key: LARGE_TEXT_STORAGE_KEY, newValue: 'on' }));
    TestBed.tick();
    expect(service.enabled()).toBe(true);
    expect(html.classList.contains(LARGE_TEXT_CLASS)).toBe(true);
  });

  it('reads a storage that throws (private mode) as off', () => {
    expect(
      readLargeText({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe(false);
  });
});
