import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@diandan/access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { BudgetLine, Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import BudgetLinesPage from './budget-lines.page';

const GULOU = { id: 12, code: '320106000000', name: '鼓楼区', level: 'DISTRICT' as const, path: '/1/12/' };
const user = (id: number, username: string, role: Role): Me => ({
  id,
  username,
  displayName: username,
  phone: null,
  roles: [role],
  permissions: [],
  region: GULOU,
  organisation: null,
});

const line = (id: number, status: BudgetLine['status'], createdBy = 5): BudgetLine => ({
  id,
  year: 2026,
  regionId: 12,
  regionName: '鼓楼区',
  source: 'DONATION',
  restrictedCategoryCode: id === 2 ? 'A' : null,
  title: `指标${id}`,
  status,
  requested: '88888.88',
  balances: {
    allocated: status === 'ACTIVE' ? '88888.88' : '0.00',
    available: status === 'ACTIVE' ? '58888.88' : '0.00',
    reserved: '0.00',
    committed: status === 'ACTIVE' ? '30000.00' : '0.00',
    outstandingCommitment: '0.00',
    paid: status === 'ACTIVE' ? '30000.00' : '0.00',
  },
  paidRateBp: status === 'ACTIVE' ? 3374 : 0,
  createdBy,
  decidedBy: null,
  decisionNote: null,
  createdAt: '2026-03-01T02:00:00.000Z',
});

describe('BudgetLinesPage', () => {
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

  async function open(lines: BudgetLine[]) {
    const fixture = TestBed.createComponent(BudgetLinesPage);
    await fixture.whenStable();
    const list = http.expectOne((r) => r.url === '/api/v1/funds/lines');
    list.flush({ items: lines, total: lines.length, page: 1, pageSize: 20 });
    http.expectOne('/api/v1/regions/tree').flush([]);
    http
      .expectOne((r) => r.url === '/api/v1/catalogue/current')
      .flush({
        id: 1,
        year: 2026,
        version: 1,
        title: '目录',
        status: 'PUBLISHED',
        publishedAt: null,
        categories: [
          {
            id: 1,
            parentId: null,
            code: 'A',
            name: '养老服务',
            attributeSchema: null,
            attributes: [],
            items: [],
            children: [],
          },
        ],
      });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, query: list.request.params };
  }

  it('lists the lines of this year with balances, source, restriction and paid rate; an officer may create but not approve', async () => {
    signIn(user(5, 'officer', 'PROCUREMENT_OFFICER'));
    const { el, query } = await open([line(1, 'PENDING_APPROVAL'), line(2, 'ACTIVE')]);
    expect(query.get('year')).toMatch(/^\d{4}$/);
    const row = el.querySelector('[data-testid="funds-line-row-2"]');
    expect(row?.getAttribute('data-title')).toBe('指标2');
    const cells = Array.from(row?.querySelectorAll('td') ?? [], (td) => td.textContent?.trim());
    expect(cells.map((c) => c?.replace(/\s+/g, ' '))).toEqual([
      '指标22026 · 鼓楼区',
      '社会捐赠A 养老服务',
      '已批准',
      '¥88,888.88',
      '¥58,888.88',
      '¥0.00',
      '¥30,000.00',
      '¥30,000.00',
      '33.74%',
    ]);
    expect(el.querySelector('[data-testid="funds-line-status-1"]')?.getAttribute('data-status')).toBe(
      'PENDING_APPROVAL',
    );
    expect(el.querySelector('[data-testid="funds-line-create"]')).not.toBeNull();
    expect(el.querySelector('[data-testid^="funds-line-approve-"]')).toBeNull();
    expect(el.querySelector('[data-testid^="funds-line-reject-"]')).toBeNull();
  });

  it('lets a finance officer decide pending lines, and shows the separation-of-duties refusal in the modal', async () => {
    signIn(user(7, 'finance', 'FINANCE_OFFICER'));
    const { fixture, el } = await open([line(1, 'PENDING_APPROVAL', 7), line(2, 'ACTIVE')]);
    expect(el.querySelector('[data-testid="funds-line-create"]')).toBeNull();
    expect(el.querySelector('[data-testid="funds-line-approve-2"]')).toBeNull();

    (el.querySelector('[data-testid="funds-line-approve-1"]') as HTMLElement).click();
    await fixture.whenStable();
    const note = document.querySelector('[data-testid="funds-decision-note"]') as HTMLTextAreaElement;
    note.value = '同意';
    note.dispatchEvent(new Event('input'));
    (document.querySelector('[data-testid="funds-decision-submit"]') as HTMLElement).click();
    const approve = http.expectOne('/api/v1/funds/lines/1/approve');
    expect(approve.request.body).toEqual({ note: '同意' });
    expect(approve.request.headers.get('Idempotency-Key')).toMatch(/^[\w-]{8,}$/);
    approve.flush(
      { code: 'FUNDS_SEPARATION_OF_DUTIES', status: 403, detail: 'Separation of duties' },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="funds-decision-error"]')?.textContent).toContain('职责分离');
    http.verify();
  });
});
