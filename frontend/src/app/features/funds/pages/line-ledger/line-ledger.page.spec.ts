import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { ComponentRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@diandan/access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { BudgetAdjustment, BudgetLine, LedgerEntry, Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import LineLedgerPage from './line-ledger.page';

const me = (id: number, role: Role): Me => ({
  id,
  username: role.toLowerCase(),
  displayName: role,
  phone: null,
  roles: [role],
  permissions: [],
  region: { id: 12, code: '320106000000', name: '鼓楼区', level: 'DISTRICT', path: '/1/12/' },
  organisation: null,
});

const LINE: BudgetLine = {
  id: 4,
  year: 2026,
  regionId: 12,
  regionName: '鼓楼区',
  source: 'DONATION',
  restrictedCategoryCode: null,
  title: '社会捐赠助餐资金',
  status: 'ACTIVE',
  requested: '88888.88',
  balances: {
    allocated: '88888.88',
    available: '58888.88',
    reserved: '0.00',
    committed: '30000.00',
    outstandingCommitment: '20000.00',
    paid: '10000.00',
  },
  paidRateBp: 1125,
  createdBy: 5,
  decidedBy: 7,
  decisionNote: null,
  createdAt: '2026-03-01T02:00:00.000Z',
};

const entry = (
  id: string,
  operation: LedgerEntry['operation'],
  amount: string,
  from: LedgerEntry['fromBucket'],
  to: LedgerEntry['toBucket'],
): LedgerEntry => ({
  id,
  lineId: 4,
  operation,
  fromBucket: from,
  toBucket: to,
  amount,
  idempotencyKey: `key-${id}-abcdef`,
  referenceType: 'budget_line',
  referenceId: '4',
  reversesEntryId: null,
  memo: '预算批复',
  actorId: 7,
  createdAt: '2026-03-01T02:00:00.000Z',
});

const ADJUSTMENT: BudgetAdjustment = {
  id: 9,
  lineId: 4,
  delta: '-8888.88',
  reason: '项目结余',
  status: 'PENDING',
  requestedBy: 5,
  decidedBy: null,
  createdAt: '2026-04-01T02:00:00.000Z',
};

describe('LineLedgerPage', () => {
  let http: HttpTestingController;

  beforeAll(() => registerLocaleData(localeZh, 'zh-CN'));

  async function open(
    user: Me,
    adjustments: BudgetAdjustment[] = [ADJUSTMENT],
  ): Promise<{ ref: ComponentRef<LineLedgerPage>; el: HTMLElement; whenStable: () => Promise<void> }> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    TestBed.inject(AuthService).loadMe().subscribe();
    http.expectOne('/api/v1/me').flush(user);
    const fixture = TestBed.createComponent(LineLedgerPage);
    fixture.componentRef.setInput('id', '4');
    await fixture.whenStable();
    http.expectOne('/api/v1/funds/lines/4').flush(LINE);
    http
      .expectOne((r) => r.url === '/api/v1/funds/lines/4/entries')
      .flush({
        items: [
          entry('2', 'DISBURSE', '10000.00', 'COMMITTED', 'PAID'),
          entry('1', 'ALLOCATE', '88888.88', 'SOURCE', 'AVAILABLE'),
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      });
    http.expectOne('/api/v1/funds/lines/4/adjustments').flush(adjustments);
    await fixture.whenStable();
    return {
      ref: fixture.componentRef,
      el: fixture.nativeElement as HTMLElement,
      whenStable: () => fixture.whenStable(),
    };
  }

  function cells(el: HTMLElement, testId: string): string[] {
    return Array.from(
      el.querySelectorAll(`[data-testid="${testId}"] td`),
      (td) => td.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
  }

  it('shows the balances and the entries with Chinese operation names and bucket moves', async () => {
    const { el } = await open(me(7, 'FINANCE_OFFICER'));
    const balances = Array.from(el.querySelectorAll('[data-testid="funds-balances"] nz-card'), (c) =>
      c.textContent?.replace(/\s+/g, ''),
    );
    expect(balances).toEqual([
      '批复¥88,888.88',
      '可用¥58,888.88',
      '预留¥0.00',
      '承诺（累计）¥30,000.00',
      '未付承诺¥20,000.00',
      '已支付¥10,000.00',
    ]);
    expect(cells(el, 'funds-entry-row-1').slice(2, 6)).toEqual([
      '批复下达',
      '资金来源 → 可用',
      '¥88,888.88',
      'key-1-abcdef',
    ]);
    expect(cells(el, 'funds-entry-row-2')[2]).toBe('支付');
    // finance decides adjustments and may reverse entries, but does not request adjustments
    expect(el.querySelector('[data-testid="funds-adjustment-approve-9"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="funds-entry-reverse-1"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="funds-adjust-create"]')).toBeNull();
  });

  it('reverses an entry with a fresh idempotency key and reloads the line', async () => {
    const { el, whenStable } = await open(me(7, 'FINANCE_OFFICER'));
    (el.querySelector('[data-testid="funds-entry-reverse-2"]') as HTMLElement).click();
    await whenStable();
    const memo = document.querySelector('[data-testid="funds-reverse-memo"]') as HTMLTextAreaElement;
    memo.value = '重复支付';
    memo.dispatchEvent(new Event('input'));
    (document.querySelector('[data-testid="funds-reverse-submit"]') as HTMLElement).click();
    const reverse = http.expectOne('/api/v1/funds/entries/2/reverse');
    expect(reverse.request.body.memo).toBe('重复支付');
    expect(reverse.request.body.idempotencyKey).toMatch(/^reverse-2-[A-Za-z0-9_\-:.]{8,}$/);
    reverse.flush({ entryId: '3', replayed: false });
    await whenStable();
    http.expectOne('/api/v1/funds/lines/4').flush(LINE);
    http
      .expectOne((r) => r.url === '/api/v1/funds/lines/4/entries')
      .flush({ items: [], total: 0, page: 1, pageSize: 20 });
    http.expectOne('/api/v1/funds/lines/4/adjustments').flush([]);
    http.verify();
  });

  it('rejects an adjustment only with a reason, and keeps what was typed when the API refuses', async () => {
    const { el, whenStable } = await open(me(7, 'FINANCE_OFFICER'));
    (el.querySelector('[data-testid="funds-adjustment-reject-9"]') as HTMLElement).click();
    await whenStable();
    const reason = document.querySelector('[data-testid="funds-adjustment-reject-reason"]') as HTMLTextAreaElement;
    const submit = (): void =>
      (document.querySelector('[data-testid="funds-adjustment-reject-submit"]') as HTMLElement).click();
    submit(); // nothing typed
    reason.value = '   ';
    reason.dispatchEvent(new Event('input'));
    submit(); // blank
    reason.value = '否';
    reason.dispatchEvent(new Event('input'));
    submit(); // one character
    http.expectNone('/api/v1/funds/adjustments/9/reject');

    reason.value = ' 项目尚未结项，结余金额未确认 ';
    reason.dispatchEvent(new Event('input'));
    submit();
    const refused = http.expectOne('/api/v1/funds/adjustments/9/reject');
    expect(refused.request.body).toEqual({ reason: '项目尚未结项，结余金额未确认' });
    refused.flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Adjustment 9 is APPROVED.',
        code: 'FUNDS_ILLEGAL_TRANSITION',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await whenStable();
    expect(document.querySelector('[data-testid="funds-adjustment-reject-error"]')).not.toBeNull();
    expect(
      (document.querySelector('[data-testid="funds-adjustment-reject-reason"]') as HTMLTextAreaElement).value,
    ).toBe(' 项目尚未结项，结余金额未确认 ');
  });

  it('shows the requester why an adjustment was rejected', async () => {
    const rejected = { ...ADJUSTMENT, status: 'REJECTED' as const, decidedBy: 7, decisionNote: '结余金额未确认' };
    const { el } = await open(me(5, 'PROCUREMENT_OFFICER'), [rejected]);
    expect(el.querySelector('[data-testid="funds-adjustment-decision-9"]')?.textContent).toContain('结余金额未确认');
  });

  it('lets an officer request a signed adjustment, normalised as text', async () => {
    const { el, whenStable } = await open(me(5, 'PROCUREMENT_OFFICER'));
    expect(el.querySelector('[data-testid="funds-adjustment-approve-9"]')).toBeNull();
    expect(el.querySelector('[data-testid^="funds-entry-reverse-"]')).toBeNull();
    (el.querySelector('[data-testid="funds-adjust-create"]') as HTMLElement).click();
    await whenStable();
    const type = (testId: string, value: string): void => {
      const input = document.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('funds-adjust-delta', '0');
    type('funds-adjust-reason', '追加');
    (document.querySelector('[data-testid="funds-adjust-submit"]') as HTMLElement).click();
    http.expectNone('/api/v1/funds/lines/4/adjustments');
    type('funds-adjust-delta', '-5000.5');
    (document.querySelector('[data-testid="funds-adjust-submit"]') as HTMLElement).click();
    const request = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/funds/lines/4/adjustments');
    expect(request.request.body).toEqual({ delta: '-5000.50', reason: '追加' });
  });
});
