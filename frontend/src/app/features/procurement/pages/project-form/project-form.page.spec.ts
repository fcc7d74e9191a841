import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { BudgetLine, CatalogueVersionDetail } from '../../../../api';
import ProjectFormPage from './project-form.page';

const catalogue: CatalogueVersionDetail = {
  id: 1,
  year: 2026,
  version: 1,
  title: '2026 年目录',
  status: 'PUBLISHED',
  publishedAt: null,
  categories: [
    {
      id: 10,
      parentId: null,
      code: 'A',
      name: '养老服务',
      attributeSchema: null,
      attributes: [],
      children: [],
      items: [
        {
          id: 3,
          categoryId: 10,
          code: 'A0101',
          name: '老年助餐',
          serviceStandard: '…',
          unit: '人次',
          priceCap: '12.50',
          minOrgGrade: 3,
          paymentSchedule: [],
          defaultTemplateId: null,
          defaultTemplate: null,
        },
      ],
    },
  ],
};

const line = {
  id: 4,
  year: 2026,
  regionId: 12,
  regionName: '鼓楼区',
  source: 'DISTRICT_FINANCE',
  restrictedCategoryCode: null,
  title: '2026 年鼓楼区社区服务',
  status: 'ACTIVE',
  requested: '500000.00',
  balances: {
    allocated: '500000.00',
    available: '100000.00',
    reserved: '0.00',
    committed: '0.00',
    outstandingCommitment: '0.00',
    paid: '0.00',
  },
  paidRateBp: 0,
  createdBy: 5,
  decidedBy: 7,
  decisionNote: null,
  createdAt: '2026-01-01T00:00:00.000Z',
} satisfies BudgetLine;

describe('ProjectFormPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ProjectFormPage>;
  let el: HTMLElement;
  const testId = (id: string): HTMLElement | null => el.querySelector(`[data-testid="${id}"]`);
  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
  }
  function type(id: string, value: string): void {
    const input = testId(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'procurement/projects/:id', children: [] }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIconsTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProjectFormPage);
    el = fixture.nativeElement as HTMLElement;
    await settle();
    const needs = http.expectOne((r) => r.url === '/api/v1/needs');
    expect(needs.request.params.get('status')).toBe('APPROVED');
    needs.flush({
      items: [
        {
          id: 21,
          title: '老人午餐',
          status: 'APPROVED',
          supportCount: 30,
          categoryId: 10,
          categoryName: '养老服务',
          regionId: 14,
          regionName: '山西路社区',
          campaignId: 1,
          channel: 'ONLINE',
          createdAt: '2026-03-01T00:00:00.000Z',
        },
      ],
      total: 1,
      page: 1,
      pageSize: 100,
    });
    http.expectOne((r) => r.url === '/api/v1/catalogue/current').flush(catalogue);
    const lines = http.expectOne((r) => r.url === '/api/v1/funds/lines');
    expect(lines.request.params.get('status')).toBe('ACTIVE');
    lines.flush({ items: [line], total: 1, page: 1, pageSize: 100 });
    http.expectOne('/api/v1/regions/tree').flush([]);
    await settle();
    fixture.componentInstance['form'].patchValue({
      regionId: '12',
      needIds: [21],
      catalogueItemId: 3,
      budgetLineId: 4,
    });
    type('project-form-title', '山西路社区老年助餐服务');
    await settle();
  });

  afterEach(() => http.verify());

  it('computes the estimate live and keeps the unit price within the item’s cap', async () => {
    expect(testId('project-form-item-info')?.textContent).toContain('最高限价 ¥12.50/人次');
    type('project-form-quantity', '9600');
    type('project-form-unit-price', '12.5');
    await settle();
    expect(testId('project-form-estimate')?.getAttribute('data-value')).toBe('120000.00');
    expect(testId('project-form-estimate')?.textContent).toContain('¥120,000.00');
    // within the line's ¥100,000 available? no: warned
    expect(testId('project-form-line-short')).not.toBeNull();

    type('project-form-unit-price', '12.51');
    await settle();
    expect(el.textContent).toContain('单价不能超过最高限价 ¥12.50');
  });

  it('checks that the budget breakdown adds up to the estimate, fills the rest, and only then saves', async () => {
    type('project-form-quantity', '8000');
    type('project-form-unit-price', '12.5');
    type('project-form-budget-item-0', '餐费');
    type('project-form-budget-amount-0', '80000');
    await settle();
    expect(testId('project-form-budget-sum')?.getAttribute('data-ok')).toBe('false');
    expect(testId('project-form-budget-sum')?.textContent).toContain(
      '预算明细合计 ¥80,000.00，与预算金额 ¥100,000.00 相差 ¥20,000.00',
    );

    type('project-form-objective-0', '为 40 位老人提供助餐');
    type('project-form-schedule-period-0', '2027-01');
    type('project-form-schedule-activity-0', '启动助餐');
    type('project-form-beneficiaries', '40');
    type('project-form-output-name-0', '服务人次');
    type('project-form-output-target-0', '8000');
    type('project-form-outcome-name-0', '满意度');
    type('project-form-outcome-target-0', '≥ 90%');
    await settle();
    (testId('project-form-submit') as HTMLElement).click();
    await settle();
    http.expectNone('/api/v1/projects');

    (testId('project-form-budget-add') as HTMLElement).click();
    await settle();
    type('project-form-budget-item-1', '人员经费');
    (testId('project-form-budget-fill') as HTMLElement).click();
    await settle();
    expect((testId('project-form-budget-amount-1') as HTMLInputElement).value).toBe('20000.00');
    expect(testId('project-form-budget-sum')?.getAttribute('data-ok')).toBe('true');
    expect(testId('project-form-budget-sum')?.textContent).toContain('与预算金额一致');

    (testId('project-form-submit') as HTMLElement).click();
    await settle();
    const create = http.expectOne({ method: 'POST', url: '/api/v1/projects' });
    expect(create.request.body).toEqual({
      title: '山西路社区老年助餐服务',
      regionId: 12,
      catalogueItemId: 3,
      needIds: [21],
      quantity: 8000,
      unitPrice: '12.50',
      budgetLineId: 4,
      plan: {
        objectives: ['为 40 位老人提供助餐'],
        schedule: [{ period: '2027-01', activity: '启动助餐' }],
        budget: [
          { item: '餐费', amount: '80000.00' },
          { item: '人员经费', amount: '20000.00' },
        ],
        beneficiaries: 40,
        outputIndicators: [{ name: '服务人次', target: '8000' }],
        outcomeIndicators: [{ name: '满意度', target: '≥ 90%' }],
      },
    });
    create.flush({ id: 9, title: '山西路社区老年助餐服务' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/procurement/projects/9');
  });
});
