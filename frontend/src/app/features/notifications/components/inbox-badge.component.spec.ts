import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import { InboxState } from '../data/inbox-state';
import { InboxBadgeComponent } from './inbox-badge.component';

describe('InboxBadgeComponent', () => {
  async function bell(unread: number) {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    const state = TestBed.inject(InboxState);
    jest.spyOn(state, 'refresh').mockImplementation(() => undefined);
    state.set(unread);
    const fixture = TestBed.createComponent(InboxBadgeComponent);
    await fixture.whenStable();
    return fixture.nativeElement.querySelector('a') as HTMLAnchorElement;
  }

  // axe's label-content-name-mismatch: every text inside the link must be part of its name.
  it.each([
    [12, '12'],
    [7, '7'],
    [150, '99+'],
  ])('with %i unread the link holds only the count it names (%s), no hidden rolling digits', async (unread, shown) => {
    const link = await bell(unread);
    expect(link.textContent?.trim()).toBe(shown);
    expect(link.getAttribute('aria-label')).toContain(shown);
    expect(link.querySelector('[data-testid="inbox-unread-badge"]')?.getAttribute('data-unread')).toBe(String(unread));
  });

  it('with nothing unread shows no count', async () => {
    const link = await bell(0);
    expect(link.textContent?.trim()).toBe('');
    expect(link.querySelector('.dd-bell-count')).toBeNull();
  });
});
