import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { GradeProposal, OrganisationDetail, OrganisationDocument } from '../../../api';
import { GradeProposalsComponent } from './grade-proposals.component';

const ORG: OrganisationDetail = {
  id: 7,
  name: '阳光养老',
  kind: 'SOCIAL_ORGANISATION',
  orgType: 'SOCIAL_SERVICE_AGENCY',
  creditCode: '52320106MJ50000014',
  regionId: 2,
  regionName: '鼓楼区',
  status: 'ACTIVE',
  grade: 3,
  gradeExpiresOn: '2027-12-31',
  gradeValid: true,
  blacklistedUntil: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  legalRepresentative: null,
  contactPhone: null,
  serviceAreas: [],
  bankName: null,
  bankAccountName: null,
  bankAccountNo: null,
  statusReason: null,
  reviewedAt: null,
  updatedAt: null,
  actions: [],
  gradeDecidedAt: '2026-02-01T02:00:00.000Z',
  gradeDecidedByName: null,
  gradeDocumentId: null,
  pendingGradeProposal: null,
  gradeProposalActions: [],
  canProposeGrade: true,
};

const CERT: OrganisationDocument = {
  id: 31,
  kind: 'GRADE_CERTIFICATE',
  fileName: '4A证书.pdf',
  mime: 'application/pdf',
  size: 1000,
  sha256: 'x',
  uploadedBy: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
};

const PENDING: GradeProposal = {
  id: 5,
  organisationId: 7,
  grade: 4,
  expiresOn: '2030-12-31',
  documentId: 31,
  documentName: '4A证书.pdf',
  note: null,
  status: 'PENDING',
  proposedByName: '刘阳',
  proposedAt: '2026-11-20T02:00:00.000Z',
  decidedByName: null,
  decidedAt: null,
  decisionReason: null,
};

registerLocaleData(localeZh, 'zh-CN');

describe('GradeProposalsComponent', () => {
  let http: HttpTestingController;

  async function open(org: OrganisationDetail, mine: boolean, history: GradeProposal[] = []) {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(GradeProposalsComponent);
    fixture.componentRef.setInput('organisation', org);
    fixture.componentRef.setInput('mine', mine);
    fixture.componentRef.setInput('documents', [CERT, { ...CERT, id: 32, kind: 'OTHER', fileName: '照片.png' }]);
    const changed = jest.fn();
    fixture.componentInstance.changed.subscribe(changed);
    await fixture.whenStable();
    http
      .expectOne(mine ? '/api/v1/my/organisation/grade-proposals' : `/api/v1/organisations/${org.id}/grade-proposals`)
      .flush(history);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (testId: string) => el.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    const click = async (testId: string) => {
      q(testId)?.click();
      await fixture.whenStable();
    };
    return { fixture, el, q, click, changed };
  }

  afterEach(() => http.verify());

  it('shows the decided grade and who decided it (the system for data present before)', async () => {
    const page = await open(ORG, true);
    expect(page.q('grade-current-label')?.textContent).toContain('3A');
    expect(page.q('grade-decided-by')?.textContent).toContain('系统记录');
  });

  it('a member proposes with a certificate; nothing is sent while the form is incomplete, and it keeps what was typed', async () => {
    const page = await open(ORG, true);
    const form = (
      page.fixture.componentInstance as unknown as { form: { patchValue(v: object): void; getRawValue(): object } }
    ).form;
    form.patchValue({ grade: 4, expiresOn: '2030-12-31' });
    await page.click('grade-form-submit');
    http.expectNone('/api/v1/my/organisation/grade-proposals');
    expect(page.q('grade-form-error')?.textContent).toContain('请选择或上传等级证书');

    form.patchValue({ documentId: 31, note: '2025 年度评估' });
    await page.click('grade-form-submit');
    const post = http.expectOne({ method: 'POST', url: '/api/v1/my/organisation/grade-proposals' });
    expect(post.request.body).toEqual({ grade: 4, expiresOn: '2030-12-31', documentId: 31, note: '2025 年度评估' });
    post.flush(
      { status: 409, code: 'ORGANISATIONS_GRADE_PROPOSAL_PENDING', detail: 'pending' },
      { status: 409, statusText: 'Conflict' },
    );
    await page.fixture.whenStable();
    expect(page.q('grade-form-error')?.textContent).toContain('已有一份等级申报在等待审核');
    expect(form.getRawValue()).toMatchObject({ grade: 4, documentId: 31 });

    await page.click('grade-form-submit');
    http.expectOne({ method: 'POST', url: '/api/v1/my/organisation/grade-proposals' }).flush(PENDING);
    http.expectOne('/api/v1/my/organisation/grade-proposals').flush([PENDING]);
    await page.fixture.whenStable();
    expect(page.changed).toHaveBeenCalled();
    expect(page.q('grade-proposal-5')?.textContent).toContain('待审核');
  });

  it('offers only evidence documents to choose from', async () => {
    const page = await open(ORG, true);
    const evidence = (
      page.fixture.componentInstance as unknown as { evidence: () => OrganisationDocument[] }
    ).evidence();
    expect(evidence.map((d) => d.id)).toEqual([31]);
  });

  it('an officer approves after a summary to confirm, and rejects only with a reason', async () => {
    const org = {
      ...ORG,
      pendingGradeProposal: PENDING,
      gradeProposalActions: ['APPROVE', 'REJECT'] as const,
      canProposeGrade: false,
    };
    const page = await open({ ...org, gradeProposalActions: [...org.gradeProposalActions] }, false, [PENDING]);
    expect(page.q('grade-form')).toBeNull();
    expect(page.q('grade-withdraw')).toBeNull();

    await page.click('grade-reject');
    (document.querySelector('[data-testid="grade-decision-submit"]') as HTMLButtonElement).click();
    await page.fixture.whenStable();
    http.expectNone(`/api/v1/organisations/7/grade-proposals/5/reject`);
    expect(document.querySelector('[data-testid="grade-decision-error"]')?.textContent).toContain('请填写原因');

    (page.fixture.componentInstance as unknown as { closeDecision(): void }).closeDecision();
    await page.click('grade-approve');
    expect(document.querySelector('[data-testid="grade-decision-summary"]')?.textContent).toContain(
      '认定为 4A，有效期至 2030-12-31，依据证书「4A证书.pdf」',
    );
    (document.querySelector('[data-testid="grade-decision-submit"]') as HTMLButtonElement).click();
    await page.fixture.whenStable();
    const approve = http.expectOne({ method: 'POST', url: '/api/v1/organisations/7/grade-proposals/5/approve' });
    expect(approve.request.body).toEqual({});
    approve.flush({ ...PENDING, status: 'APPROVED' });
    http.expectOne('/api/v1/organisations/7/grade-proposals').flush([{ ...PENDING, status: 'APPROVED' }]);
    await page.fixture.whenStable();
    expect(page.changed).toHaveBeenCalled();
  });
});
