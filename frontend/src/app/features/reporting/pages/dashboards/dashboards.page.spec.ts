import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import { reportYear } from '../../data/report-year';
import DashboardsPage from './dashboards.page';

const OFFICER: Me = {
  id: 3,
  username: 'officer',
  displayName: '王采购',
  phone: null,
  roles: ['PROCUREMENT_OFFICER'],
  permissions: [],
  region: { id: 12, code: '320106000000', name: '鼓楼区', level: 'DISTRICT', path: '/1/12/' },
  organisation: null,
};
const filters = {
  region: { id: 12, name: '鼓楼区' },
  year: 2026,
  category: null,
  generatedAt: '2026-12-04T22:00:00.000Z',
};
const exec = (key: string, label: string) => ({
  key,
  label,
  allocated: '1200000.00',
  reserved: '50000.00',
  committed: '210000.00',
  paid: '110000.00',
  committedRateBp: 1750,
  paidRateBp: 916,
});

async function settle(): Promise<void> {
  // ngx-echarts initialises its chart in a timeout after the view
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('DashboardsPage', () => {
  let http: HttpTestingController;
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
    http.expectOne('/api/v1/me').flush(OFFICER);
  });

  it('asks every chart for my region this year and shows the figures in tables beside the charts', async () => {
    const fixture = TestBed.createComponent(DashboardsPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/regions/tree').flush([]);
    http.expectOne((r) => r.url === '/api/v1/catalogue/current').flush({ categories: [] });
    const chart = (name: string) => {
      const req = http.expectOne(`/api/v1/dashboards/${name}?year=${reportYear()}&regionId=12`);
      return req;
    };
    chart('needs-funnel').flush({
      filters,
      stages: [
        { stage: 'raised', label: '提出', needs: 10, fromPreviousBp: null, fromRaisedBp: 10000 },
        { stage: 'accepted', label: '受理', needs: 7, fromPreviousBp: 7000, fromRaisedBp: 7000 },
      ],
    });
    chart('budget-execution').flush({
      filters,
      total: exec('total', '合计'),
      byRegion: [exec('12', '鼓楼区（本级）')],
      bySource: [],
      byCategory: [],
    });
    chart('projects').flush({
      filters,
      stages: [{ status: 'TENDERING', label: '采购中', projects: 2, estimated: '80000.00' }],
      total: { status: 'TOTAL', label: '合计', projects: 2, estimated: '80000.00' },
    });
    const ms = { key: 'total', label: '合计', onTime: 4, late: 2, overdue: 1, open: 1, onTimeRateBp: 5714 };
    chart('milestones').flush({ filters, total: ms, byRegion: [] });
    chart('grades').flush({ filters, grades: [], results: 0, averageScore: null, byRegion: [] });
    const sat = { key: 'total', label: '合计', surveys: 0, answers: 0, satisfied: 0, rateBp: null };
    chart('satisfaction').flush({ filters, total: sat, byRegion: [], byCategory: [] });
    chart('organisations').flush({ filters, items: [] });
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();

    const el = fixture.nativeElement as HTMLElement;
    const cells = (testId: string) =>
      [...el.querySelectorAll(`[data-testid="${testId}"] td`)].map((c) => c.textContent?.trim());
    expect(el.querySelector('[data-testid="dashboards"]')?.getAttribute('data-loaded')).toBe('true');
    expect(cells('dashboards-funnel-accepted')).toEqual(['7', '70.00%', '70.00%']);
    expect(cells('dashboards-budget-row-total')).toEqual([
      '¥1,200,000.00',
      '¥50,000.00',
      '¥210,000.00',
      '¥110,000.00',
      '17.50%',
      '9.16%',
    ]);
    expect(cells('dashboards-milestones-total')).toEqual(['4', '2', '1', '1', '57.14%']);
    // a chart with figures is an image named for screen readers; one without shows the empty state instead
    const funnelChart = el.querySelector('[data-testid="dashboards-card-needs-funnel"] .dd-rep-chart');
    expect(funnelChart?.getAttribute('role')).toBe('img');
    expect(funnelChart?.getAttribute('aria-label')).toBe('需求漏斗图表，数据见下表');
    expect(el.querySelector('[data-testid="dashboards-card-grades"] .dd-rep-chart')).toBeNull();
    expect(el.querySelector('[data-testid="dashboards-export-grades"]')?.getAttribute('aria-label')).toBe(
      '导出 Excel：评估等级分布',
    );
    http.verify();
  }, 60_000);
});
