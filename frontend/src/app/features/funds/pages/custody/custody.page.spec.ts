import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@diandan/access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import type { CustodyAccount } from '../../data/custody.api';
import CustodyPage from './custody.page';

const GULOU = { id: 12, code: '320106000000', name: '鼓楼区', level: 'DISTRICT' as const, path: '/1/12/' };
const user = (id: number, username: string, role: Role): Me => ({
  id,
  username,
  displayName: username,
  phone: null,
  roles: [role],
  permissions: [],
  region: role === 'ORG_MEMBER' ? null : GULOU,
  organisation: null,
});

const account = (id: number, over: Partial<CustodyAccount> = {}): CustodyAccount => ({
  id,
  kind: 'BID_DEPOSIT',
  status: 'REFUND_DUE',
  organisationId: 3,
  organisationName: '阳光养老',
  tenderId: 9,
  tenderTitle: '老年助餐',
  contractId: null,
  required: '200.00',
  held: '200.00',
  returned: '0.00',
  forfeited: '0.00',
  interest: '0.00',
  accruedInterest: '0.06',
  daysLate: 3,
  returnReason: 'LOST',
  returnDueAt: '2026-12-11T16:00:00.000Z',
  dueMarkedAt: '2026-12-11T16:00:01.000Z',
  forfeitable: false,
  closedAt: null,
  decisionNote: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  ...over,
});

describe('CustodyPage', () => {
  let http: HttpTestingController;

  function signIn(me: Me): void {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    TestBed.inject(AuthService).loadMe().subscribe();
    http.expectOne('/api/v1/me').flush(me);
  }

  it('shows finance the accounts of its region with the interest accrued, and refunds one with a key', async () => {
    signIn(user(7, 'finance', 'FINANCE_OFFICER'));
    const fixture = TestBed.createComponent(CustodyPage);
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/custody/accounts')
      .flush({
        items: [
          account(1),
          account(2, { status: 'HELD', returnDueAt: null, returnReason: null, daysLate: 0, accruedInterest: '0.00' }),
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      });
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="custody-row-1"]')?.getAttribute('data-status')).toBe('REFUND_DUE');
    expect(el.querySelector('[data-testid="custody-interest-1"]')?.textContent).toContain('0.06');
    expect(el.querySelector('[data-testid="custody-refund-2"]')).toBeNull(); // not returnable yet
    (el.querySelector('[data-testid="custody-refund-1"]') as HTMLElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    (fixture.componentInstance as unknown as { decide(): void }).decide();
    const post = http.expectOne('/api/v1/custody/accounts/1/refund');
    expect(post.request.method).toBe('POST');
    expect(post.request.headers.get('Idempotency-Key')).toBeTruthy();
    post.flush(account(1, { status: 'REFUNDED', held: '0.00', returned: '200.00', interest: '0.06' }));
    http.expectOne((r) => r.url === '/api/v1/custody/accounts').flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('shows an organisation member its own deposits, without actions or export', async () => {
    signIn(user(9, 'orgmember', 'ORG_MEMBER'));
    const fixture = TestBed.createComponent(CustodyPage);
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/v1/custody/mine')
      .flush({ items: [account(1)], total: 1, page: 1, pageSize: 20 });
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="custody-row-1"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="custody-export"]')).toBeNull();
    expect(el.querySelector('[data-testid^="custody-refund-"]')).toBeNull();
  });
});
