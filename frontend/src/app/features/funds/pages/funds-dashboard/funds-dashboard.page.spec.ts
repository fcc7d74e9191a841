import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { FundsReportRow, Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import { budgetYear } from '../../data/budget-year';
import FundsDashboardPage from './funds-dashboard.page';

const FINANCE: Me = {
  id: 7,
  username: 'finance',
  displayName: '赵财务',
  phone: null,
  roles: ['FINANCE_OFFICER'],
  permissions: [],
  region: { id: 12, code: '320106000000', name: '鼓楼区', level: 'DISTRICT', path: '/1/12/' },
  organisation: null,
};

const row = (key: string, label: string, allocated: string, paid = '0.00', paidRateBp = 0): FundsReportRow => ({
  key,
  label,
  allocated,
  reserved: '0.00',
  committed: paid,
  paid,
  paidRateBp,
  committedRateBp: paidRateBp,
});

async function settle(): Promise<void> {
  // ngx-echarts initialises its chart in a timeout after the view
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('FundsDashboardPage', () => {
  let http: HttpTestingController;

  // jsdom lays nothing out: give the chart containers a size, as the browser would.
  const sizes = ['clientWidth', 'clientHeight'] as const;
  beforeAll(() => {
    for (const size of sizes)
      Object.defineProperty(HTMLElement.prototype, size, { configurable: true, get: () => 320 });
  });
  afterAll(() => {
    for (const size of sizes) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[size];
  });

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    TestBed.inject(AuthService).loadMe().subscribe();
    http.expectOne('/api/v1/me').flush(FINANCE);
  });

  it('asks for both groupings of my region this year, draws two charts and tabulates the rates', async () => {
    const fixture = TestBed.createComponent(FundsDashboardPage);
    await fixture.whenStable();
    const year = budgetYear();
    http.expectOne('/api/v1/regions/tree').flush([]);
    http
      .expectOne((r) => r.url === '/api/v1/funds/report' && r.params.get('groupBy') === 'region')
      .flush([row('13', '宁海路街道', '150000.00'), row('12', '鼓楼区（本级）', '1200000.00', '400000.00', 3333)]);
    const source = http.expectOne((r) => r.url === '/api/v1/funds/report' && r.params.get('groupBy') === 'source');
    expect(source.request.params.get('year')).toBe(String(year));
    expect(source.request.params.get('regionId')).toBe('12');
    source.flush([
      row('DISTRICT_FINANCE', '区级财政', '1350000.00', '400000.00', 2962),
      row('DONATION', '社会捐赠', '88888.88'),
    ]);
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();

    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="funds-chart-region"]')?.getAttribute('data-groups')).toBe('2');
    expect(el.querySelector('[data-testid="funds-chart-source"] [echarts]')).not.toBeNull();
    expect(el.querySelector('[data-testid="funds-chart-source"] canvas')).not.toBeNull();

    const cells = (testId: string): string[] =>
      Array.from(el.querySelectorAll(`[data-testid="${testId}"] td`), (td) => td.textContent?.trim() ?? '');
    expect(cells('funds-report-row-12')).toEqual([
      '鼓楼区（本级）',
      '¥1,200,000.00',
      '¥0.00',
      '¥400,000.00',
      '¥400,000.00',
      '33.33%',
      '33.33%',
    ]);
    expect(cells('funds-report-row-total')).toEqual([
      '合计',
      '¥1,350,000.00',
      '¥0.00',
      '¥400,000.00',
      '¥400,000.00',
      '29.62%',
      '29.62%',
    ]);

    (el.querySelector('[data-testid="funds-report-group-source"]') as HTMLElement).click();
    await fixture.whenStable();
    expect(cells('funds-report-row-DONATION')).toEqual([
      '社会捐赠',
      '¥88,888.88',
      '¥0.00',
      '¥0.00',
      '¥0.00',
      '0.00%',
      '0.00%',
    ]);
    expect(el.querySelector('[data-testid="funds-consistency"]')).not.toBeNull();
    http.verify();
  });

  it('shows the consistency check result', async () => {
    const fixture = TestBed.createComponent(FundsDashboardPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/regions/tree').flush([]);
    for (const r of http.match((r) => r.url === '/api/v1/funds/report')) r.flush([]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="funds-chart-region"] canvas')).toBeNull();

    (el.querySelector('[data-testid="funds-consistency"]') as HTMLElement).click();
    http.expectOne('/api/v1/funds/consistency').flush({ ok: true, linesChecked: 3, differences: [] });
    await fixture.whenStable();
    const result = el.querySelector('[data-testid="funds-consistency-result"]');
    expect(result?.getAttribute('data-ok')).toBe('true');
    expect(result?.textContent).toContain('已校验 3 个指标');
  });
});
