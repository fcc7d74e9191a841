import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { User } from '../../../../api';
import { UserFormComponent } from './user-form.component';

const user: User = {
  id: 12,
  username: 'li',
  displayName: '李四',
  phone: null,
  roles: ['RESIDENT'],
  regionId: 4,
  regionName: '山西路社区',
  organisationId: null,
  status: 'ACTIVE',
  lockedUntil: null,
  createdAt: '2026-11-23T02:00:00.000Z',
};

describe('UserFormComponent, editing', () => {
  function open() {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    const fixture = TestBed.createComponent(UserFormComponent);
    fixture.componentRef.setInput('user', user);
    fixture.detectChanges();
    const saved: User[] = [];
    fixture.componentInstance.saved.subscribe((u) => saved.push(u));
    const form = fixture.componentInstance as unknown as { form: { patchValue(v: object): void }; submit(): void };
    return { http: TestBed.inject(HttpTestingController), form, saved };
  }

  it('sends nothing when nothing changed (the API refuses an empty PATCH) and closes as saved', () => {
    const { http, form, saved } = open();
    form.submit();
    http.expectNone(() => true);
    expect(saved).toEqual([user]);
  });

  it('sends only what changed', () => {
    const { http, form, saved } = open();
    form.form.patchValue({ displayName: '李四（社区）' });
    form.submit();
    const req = http.expectOne('/api/v1/users/12');
    expect([req.request.method, req.request.body]).toEqual(['PATCH', { displayName: '李四（社区）' }]);
    req.flush({ ...user, displayName: '李四（社区）' });
    expect(saved.map((u) => u.displayName)).toEqual(['李四（社区）']);
  });
});
