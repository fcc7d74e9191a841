import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import { fromLocalDateTime, toLocalDateTime } from '../../../../shared/dates';
import type { Project, Tender } from '../../data/procurement.types';
import TenderWizardPage from './tender-wizard.page';

/** Only `Date` is faked: "today" is Monday 23 November 2026, 10:00 in Beijing. */
const NOW = new Date('2026-11-23T02:00:00.000Z');

const project: Project = {
  id: 7,
  title: '山西路社区老年助餐服务',
  regionId: 12,
  regionName: '鼓楼区',
  catalogueItemId: 3,
  itemCode: 'A0101',
  quantity: 9600,
  unitPrice: '12.50',
  estimatedAmount: '120000.00',
  budgetLineId: 4,
  status: 'APPROVED',
  needIds: [1],
  plan: {
    objectives: ['为 40 位老人提供助餐'],
    schedule: [{ period: '2027-01', activity: '启动' }],
    budget: [{ item: '餐费', amount: '120000.00' }],
    beneficiaries: 40,
    outputIndicators: [{ name: '服务人次', target: '9600' }],
    outcomeIndicators: [{ name: '满意度', target: '≥ 90%' }],
  },
  reservationEntryId: '99',
  createdBy: 5,
  decisionNote: null,
  tenderId: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
};

describe('TenderWizardPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<TenderWizardPage>;
  let el: HTMLElement;

  const testId = (id: string): HTMLElement | null => el.querySelector(`[data-testid="${id}"]`);
  /** Publishing asks first: the summary renders in the overlay container, outside the page. */
  async function confirmPublish(): Promise<void> {
    await settle();
    (document.querySelector('[data-testid="publish-summary-confirm"]') as HTMLElement).click();
    await settle();
  }
  const page = (): TenderWizardPage => fixture.componentInstance;
  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'hrtime',
        'performance',
      ],
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'procurement/tenders/:id', children: [] }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIconsTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TenderWizardPage);
    fixture.componentRef.setInput('projectId', '7');
    el = fixture.nativeElement as HTMLElement;
    await settle();
    // a (made-up) holiday on Monday 14 December pushes the open-tender deadline to Tuesday 15th
    http
      .expectOne('/api/v1/calendar/2026')
      .flush({ year: 2026, days: [{ date: '2026-12-14', kind: 'HOLIDAY', name: '测试假日' }] });
    http.expectOne('/api/v1/calendar/2027').flush({ year: 2027, days: [] });
    http.expectOne((r) => r.url === '/api/v1/organisations').flush({ items: [], total: 0, page: 1, pageSize: 100 });
    const projects = http.expectOne((r) => r.url === '/api/v1/projects');
    expect(projects.request.params.get('status')).toBe('APPROVED');
    projects.flush({ items: [project], total: 1, page: 1, pageSize: 100 });
    await settle();
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('shows the legal earliest deadline of each method and opens by default on it at 09:30 Beijing time', async () => {
    expect(testId('tender-wizard-min-period')?.textContent).toContain('公开招标');
    expect(testId('tender-wizard-min-period')?.textContent).toContain('至少 20 日');
    // 23 Nov + 20 days = Sun 13 Dec → Mon 14 Dec is a holiday → Tue 15 Dec
    expect(testId('tender-wizard-min-period')?.textContent).toContain('2026-12-15');
    expect(fromLocalDateTime(page()['form'].controls.bidDeadline.value)).toBe('2026-12-15T01:30:00.000Z');

    (testId('tender-wizard-method-REQUEST_FOR_QUOTATION')?.querySelector('input') as HTMLInputElement).click();
    await settle();
    // three working days after Monday 23 November
    expect(testId('tender-wizard-min-period')?.textContent).toContain('至少 3 个工作日');
    expect(testId('tender-wizard-min-period')?.textContent).toContain('2026-11-26');
    expect(fromLocalDateTime(page()['form'].controls.bidDeadline.value)).toBe('2026-11-26T01:30:00.000Z');
    expect(page()['form'].controls.committeeSize.value).toBe(5);
  });

  it('fills title and maximum price from the preselected project', () => {
    const form = page()['form'];
    expect(form.controls.projectId.value).toBe(7);
    expect(form.controls.title.value).toBe('山西路社区老年助餐服务采购公告');
    expect(form.controls.maxPrice.value).toBe('120000.00');
  });

  it('checks the scoring scheme live: technical maxima plus price weight must make 100, price at least 10%', async () => {
    page()['step'].set(2);
    await settle();
    expect(testId('tender-wizard-scheme-sum')?.getAttribute('data-ok')).toBe('true');
    expect(testId('tender-wizard-scheme-sum')?.textContent).toContain('技术分 70.00 + 价格分 30 = 满分 100');

    const max = testId('tender-wizard-criterion-max-0') as HTMLInputElement;
    max.value = '50';
    max.dispatchEvent(new Event('input'));
    await settle();
    expect(testId('tender-wizard-scheme-sum')?.getAttribute('data-ok')).toBe('false');
    expect(testId('tender-wizard-scheme-problems')?.textContent).toContain('技术分 80.00 + 价格分 30 不等于 100');

    const weight = testId('tender-wizard-price-weight') as HTMLInputElement;
    weight.value = '5';
    weight.dispatchEvent(new Event('input'));
    await settle();
    const codes = Array.from(el.querySelectorAll('[data-testid="tender-wizard-scheme-problems"] li'), (li) =>
      li.getAttribute('data-code'),
    );
    expect(codes).toEqual(['priceWeightRange', 'totalNot100']);
    expect(testId('tender-wizard-scheme-problems')?.textContent).toContain('价格权重须为 10–100 的整数');

    // the step cannot be left while the scheme is wrong
    (testId('tender-wizard-next') as HTMLElement).click();
    await settle();
    expect(testId('tender-wizard-steps')?.getAttribute('data-step')).toBe('scoring');

    weight.value = '20';
    weight.dispatchEvent(new Event('input'));
    await settle();
    expect(testId('tender-wizard-scheme-sum')?.getAttribute('data-ok')).toBe('true');
    (testId('tender-wizard-next') as HTMLElement).click();
    await settle();
    expect(testId('tender-wizard-steps')?.getAttribute('data-step')).toBe('terms');
  });

  it('refuses a deadline before the legal date, then publishes and shows the server’s earliest date on a 422', async () => {
    page()['step'].set(3);
    await settle();
    expect(testId('tender-wizard-earliest')?.getAttribute('data-date')).toBe('2026-12-15');

    const deadline = testId('tender-wizard-deadline') as HTMLInputElement;
    deadline.value = toLocalDateTime('2026-12-14T01:30:00.000Z');
    deadline.dispatchEvent(new Event('input'));
    await settle();
    (testId('tender-wizard-publish') as HTMLElement).click();
    await settle();
    http.expectNone('/api/v1/tenders');
    expect(el.textContent).toContain('截止时间早于法定最短期限，最早为 2026-12-15');

    (testId('tender-wizard-use-earliest') as HTMLElement).click();
    await settle();
    expect(fromLocalDateTime(page()['form'].controls.bidDeadline.value)).toBe('2026-12-15T01:30:00.000Z');

    (testId('tender-wizard-publish') as HTMLElement).click();
    await settle();
    http.expectNone('/api/v1/tenders'); // the summary first, the deadline in Beijing time
    expect(document.querySelector('[data-testid="publish-summary-deadline"]')?.textContent).toBe('2026-12-15 09:30');
    expect(document.querySelector('[data-testid="publish-summary-max-price"]')?.textContent).toBe('¥120,000.00');
    await confirmPublish();
    const create = http.expectOne({ method: 'POST', url: '/api/v1/tenders' });
    expect(create.request.body).toEqual({
      projectId: 7,
      title: '山西路社区老年助餐服务采购公告',
      description: '为 40 位老人提供助餐',
      method: 'OPEN_TENDER',
      scoringMethod: 'COMPREHENSIVE',
      priceWeight: 30,
      criteria: [
        { code: 'PLAN', name: '服务方案', maxScore: '40' },
        { code: 'TEAM', name: '团队与人员', maxScore: '20' },
        { code: 'EXPERIENCE', name: '同类项目经验', maxScore: '10' },
      ],
      maxPrice: '120000.00',
      committeeSize: 5,
      bidDeadline: '2026-12-15T01:30:00.000Z',
    });
    const saved = { id: 31, projectId: 7, status: 'DRAFT', bidDeadline: '2026-12-15T01:30:00.000Z' } as Tender;
    create.flush(saved);
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/tenders/31/publish' }).flush(
      {
        code: 'TENDER_PERIOD_TOO_SHORT',
        status: 422,
        detail: 'too short',
        errors: [{ field: 'bidDeadline', message: 'too short' }],
        earliest: '2026-12-16',
      },
      { status: 422, statusText: 'Unprocessable Content' },
    );
    await settle();
    expect(testId('tender-wizard-error')?.getAttribute('data-code')).toBe('TENDER_PERIOD_TOO_SHORT');
    expect(testId('tender-wizard-error')?.textContent).toContain('投标截止时间早于法定最短期限');
    expect(el.textContent).toContain('最早为 2026-12-16');

    // the draft exists now: the next attempt updates it
    (testId('tender-wizard-use-earliest') as HTMLElement).click();
    await settle();
    (testId('tender-wizard-publish') as HTMLElement).click();
    await confirmPublish();
    const update = http.expectOne({ method: 'PUT', url: '/api/v1/tenders/31' });
    expect(update.request.body.bidDeadline).toBe('2026-12-16T01:30:00.000Z');
    update.flush(saved);
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/tenders/31/publish' }).flush({ ...saved, status: 'PUBLISHED' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/procurement/tenders/31');
  });
});
