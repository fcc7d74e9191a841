import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { Bid, Tender } from '../data/procurement.types';
import { BidEditorComponent } from './bid-editor.component';

const tender = (over: Partial<Tender> = {}): Tender => ({
  id: 31,
  projectId: 7,
  title: '山西路社区老年助餐服务采购公告',
  description: '为 40 位老人提供助餐',
  method: 'OPEN_TENDER',
  status: 'PUBLISHED',
  minGrade: 3,
  designatedOrganisationId: null,
  scoringMethod: 'COMPREHENSIVE',
  priceWeight: 30,
  criteria: [
    { code: 'PLAN', name: '服务方案', maxScore: '50.00' },
    { code: 'TEAM', name: '团队与人员', maxScore: '20.00' },
  ],
  maxPrice: '118000.00',
  committeeSize: 5,
  publishedAt: '2026-11-23T02:00:00.000Z',
  bidDeadline: '2099-12-15T01:30:00.000Z',
  earliestDeadline: null,
  openedAt: null,
  bidCount: null,
  confirmationDueAt: null,
  awardNoticeAt: null,
  objectionWindowEndsAt: null,
  awardedAt: null,
  winnerBidId: null,
  winnerName: null,
  winnerPrice: null,
  outcomeNote: null,
  evaluationRound: 1,
  interested: true,
  ineligibleReasons: [],
  ...over,
});

const SHA = 'a3f1c9e0b7d2'.padEnd(64, '0');
const bid = (over: Partial<Bid> = {}): Bid => ({
  id: '0f6d3c8e-1111-4222-8333-944455556666',
  tenderId: 31,
  organisationId: 2,
  organisationName: '南京市鼓楼区阳光养老服务中心',
  version: 1,
  status: 'SUBMITTED',
  price: '105000.00',
  technical: { PLAN: '每日配送午餐', TEAM: '3 名持证厨师' },
  documents: [],
  submittedAt: '2026-11-24T03:04:05.000Z',
  sha256: SHA,
  needsReconfirm: false,
  qualificationReason: null,
  priceScore: null,
  technicalScore: null,
  totalScore: null,
  rank: null,
  ...over,
});

async function until(check: () => boolean, fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    fixture.detectChanges();
  }
  await fixture.whenStable();
}

describe('BidEditorComponent', () => {
  beforeAll(() => registerLocaleData(localeZh, 'zh-CN'));
  let http: HttpTestingController;
  let fixture: ComponentFixture<BidEditorComponent>;
  let el: HTMLElement;
  const testId = (id: string): HTMLElement | null => el.querySelector(`[data-testid="${id}"]`);
  /** The confirmation dialog renders in the overlay container, outside the component. */
  const dialog = (id: string): HTMLElement | null => document.querySelector(`[data-testid="${id}"]`);
  async function confirmSeal(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    (dialog('seal-summary-confirm') as HTMLElement).click();
    fixture.detectChanges();
  }

  async function open(t: Tender, mine: Bid | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BidEditorComponent);
    fixture.componentRef.setInput('tender', t);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
    const req = http.expectOne('/api/v1/tenders/31/my-bid');
    if (mine) req.flush(mine);
    else req.flush({ code: 'BID_NOT_FOUND', status: 404 }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();
    await fixture.whenStable();
  }

  function type(id: string, value: string): void {
    const input = testId(id) as HTMLInputElement | HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function choose(...files: File[]): void {
    const input = testId('bid-file-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  afterEach(() => http.verify());

  it('reads the chosen files into base64 and seals the bid with a fresh Idempotency-Key, then shows the receipt', async () => {
    await open(tender(), null);
    expect(testId('bid-form')).not.toBeNull();

    const pdf = new File(['%PDF-1.4 服务方案'], '服务方案.pdf', { type: 'application/pdf' });
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])], '资质.png', { type: 'image/png' });
    const doc = new File(['x'], '说明.docx', {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    choose(pdf, png, doc);
    await until(() => el.querySelectorAll('[data-testid^="bid-file-"][data-name]').length === 2, fixture);
    expect(
      Array.from(el.querySelectorAll('[data-testid="bid-files"] li'), (li) => li.getAttribute('data-name')),
    ).toEqual(['服务方案.pdf', '资质.png']);
    expect(testId('bid-file-error')?.textContent).toContain('说明.docx：只接受 PDF、PNG、JPEG');

    type('bid-price', '105000');
    type('bid-technical-PLAN', '每日配送午餐');
    type('bid-technical-TEAM', '3 名持证厨师');
    fixture.detectChanges();
    await fixture.whenStable();
    (testId('bid-submit') as HTMLElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    // nothing is sent before the bidder has checked the summary
    http.expectNone('/api/v1/tenders/31/my-bid');
    expect(dialog('seal-summary-price')?.textContent).toBe('¥105,000.00');
    expect(dialog('seal-summary-technical')?.textContent).toBe('已填写 2 / 2 项');
    expect(dialog('seal-summary-files')?.textContent).toContain('服务方案.pdf');
    expect(dialog('seal-summary-files')?.textContent).toContain('资质.png');
    await confirmSeal();

    const put = http.expectOne({ method: 'PUT', url: '/api/v1/tenders/31/my-bid' });
    expect(put.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(put.request.body).toEqual({
      price: '105000.00',
      technical: { PLAN: '每日配送午餐', TEAM: '3 名持证厨师' },
      documents: [
        { fileName: '服务方案.pdf', contentBase64: Buffer.from('%PDF-1.4 服务方案', 'utf8').toString('base64') },
        { fileName: '资质.png', contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]).toString('base64') },
      ],
    });
    put.flush({ bidId: bid().id, tenderId: 31, version: 1, submittedAt: '2026-11-24T03:04:05.000Z', sha256: SHA });
    await fixture.whenStable();
    http.expectOne('/api/v1/tenders/31/my-bid').flush(bid());
    fixture.detectChanges();
    await fixture.whenStable();

    expect(testId('bid-receipt-sha256')?.textContent).toBe(SHA);
    expect(testId('bid-receipt-time')?.getAttribute('data-time')).toBe('2026-11-24T03:04:05.000Z');
    expect(testId('bid-status')?.getAttribute('data-status')).toBe('SUBMITTED');
    // sealed: the form is closed until the bidder chooses to replace the bid
    expect(testId('bid-form')).toBeNull();
    expect(testId('bid-replace')).not.toBeNull();
  });

  it('sends a new key on every click, and does not send a price above the maximum', async () => {
    await open(tender(), null);
    type('bid-price', '118000.01');
    type('bid-technical-PLAN', 'a');
    type('bid-technical-TEAM', 'b');
    fixture.detectChanges();
    (testId('bid-submit') as HTMLElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    http.expectNone('/api/v1/tenders/31/my-bid');
    expect(el.textContent).toContain('报价不能超过最高限价 ¥118,000.00');

    type('bid-price', '118000');
    fixture.detectChanges();
    (testId('bid-submit') as HTMLElement).click();
    await confirmSeal();
    const first = http.expectOne({ method: 'PUT', url: '/api/v1/tenders/31/my-bid' });
    first.flush({ code: 'BID_LATE', status: 409, detail: 'late' }, { status: 409, statusText: 'Conflict' });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(testId('bid-error')?.textContent).toContain('已过投标截止时间');
    expect((testId('bid-price') as HTMLInputElement).value).toBe('118000'); // kept after the refusal
    (testId('bid-submit') as HTMLElement).click();
    await confirmSeal();
    const second = http.expectOne({ method: 'PUT', url: '/api/v1/tenders/31/my-bid' });
    expect(second.request.headers.get('Idempotency-Key')).not.toBe(first.request.headers.get('Idempotency-Key'));
    second.flush({ code: 'BID_LATE', status: 409, detail: 'late' }, { status: 409, statusText: 'Conflict' });
  });

  it('asks for re-confirmation after an amendment moved the deadline', async () => {
    await open(tender(), bid({ needsReconfirm: true }));
    expect(testId('bid-reconfirm-banner')).not.toBeNull();
    (testId('bid-reconfirm') as HTMLElement).click();
    http
      .expectOne({ method: 'POST', url: '/api/v1/tenders/31/my-bid/reconfirm' })
      .flush({ bidId: bid().id, tenderId: 31, version: 2, submittedAt: '2026-11-25T01:00:00.000Z', sha256: SHA });
    await fixture.whenStable();
    http.expectOne('/api/v1/tenders/31/my-bid').flush(bid({ version: 2, submittedAt: '2026-11-25T01:00:00.000Z' }));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(testId('bid-reconfirm-banner')).toBeNull();
    expect(testId('bid-receipt-version')?.textContent).toBe('2');
  });

  it('tells an ineligible organisation why, and offers no form', async () => {
    await open(tender({ ineligibleReasons: ['评估等级须不低于 3A（且在有效期内）'] }), null);
    expect(testId('bid-ineligible')?.textContent).toContain('评估等级须不低于 3A');
    expect(testId('bid-form')).toBeNull();
  });
});
