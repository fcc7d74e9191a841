import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { NotificationPreferences } from '../../../../api';
import NotificationSettingsPage from './notification-settings.page';

const SAVED: NotificationPreferences = {
  emailEnabled: true,
  smsEnabled: false,
  muted: [],
  email: 'zhang@example.com',
  phone: null,
  inbox: true,
  topics: ['needs', 'procurement', 'contracts', 'evaluation', 'organisations', 'other'],
};

describe('NotificationSettingsPage (通知设置)', () => {
  function open() {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(NotificationSettingsPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/me/notification-preferences').flush(SAVED);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const page = fixture.componentInstance as unknown as {
      form: { patchValue(v: object): void; controls: { topics: { patchValue(v: object): void } } };
      save(): void;
    };
    return { fixture, http, el, page };
  }

  it('shows my address and checks every topic of both channels', async () => {
    const { el, fixture } = open();
    await fixture.whenStable();
    fixture.detectChanges();
    expect((el.querySelector('[data-testid="notify-email"]') as HTMLInputElement).value).toBe('zhang@example.com');
    const boxes = el.querySelectorAll('[data-testid^="notify-topic-"] input[type="checkbox"]');
    expect(boxes.length).toBe(12);
    expect(Array.from(boxes).filter((b) => (b as HTMLInputElement).checked)).toHaveLength(12);
  });

  it('saves a new phone first, then the channels with the unchecked topic muted', () => {
    const { http, page } = open();
    page.form.patchValue({ phone: '13800000009', smsEnabled: true });
    page.form.controls.topics.patchValue({ 'SMS:procurement': false });
    page.save();
    const contact = http.expectOne('/api/v1/me/contact');
    expect([contact.request.method, contact.request.body]).toEqual(['PATCH', { phone: '13800000009' }]);
    contact.flush({ email: 'zhang@example.com', phone: '13800000009' });
    const prefs = http.expectOne('/api/v1/me/notification-preferences');
    expect([prefs.request.method, prefs.request.body]).toEqual([
      'PUT',
      { emailEnabled: true, smsEnabled: true, muted: ['SMS:procurement'] },
    ]);
    prefs.flush({ ...SAVED, smsEnabled: true, phone: '13800000009', muted: ['SMS:procurement'] });
    http.expectOne('/api/v1/me').flush({});
  });

  it('does not send a wrong address, and warns about a channel without one', () => {
    const { fixture, http, el, page } = open();
    page.form.patchValue({ email: 'zhang@', smsEnabled: true });
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="notify-warning"]')?.textContent).toContain('不会发送短信');
    page.save();
    http.expectNone('/api/v1/me/contact');
    http.expectNone((r) => r.method === 'PUT');
    fixture.detectChanges();
    expect(el.textContent).toContain('电子邮箱格式不正确');
  });
});
