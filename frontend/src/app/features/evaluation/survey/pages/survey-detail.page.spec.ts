import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import type { SurveyDetail, SurveyResident } from '../data/surveys.api';
import SurveyDetailPage from './survey-detail.page';

const ME: Me = {
  id: 2,
  username: 'officer',
  displayName: '王采购',
  phone: null,
  roles: ['PROCUREMENT_OFFICER'],
  permissions: [],
  region: null,
  organisation: null,
};
const DETAIL: SurveyDetail = {
  projectId: 7,
  projectTitle: '山西路社区老年助餐服务',
  regionName: '山西路社区',
  contractId: 3,
  contractCode: 'HT-2027-000003',
  contractStatus: 'ACTIVE',
  organisationName: '南京市鼓楼区阳光养老服务中心',
  survey: {
    id: 1,
    status: 'OPEN',
    questions: ['OVERALL', 'ATTITUDE', 'TIMELINESS', 'QUALITY', 'RECOMMEND'],
    openedAt: '2027-01-01T02:00:00.000Z',
    closesAt: '2027-01-31T16:00:00.000Z',
    closedAt: null,
    link: '/s/0123456789abcdef0123456789abcdef',
  },
  figures: {
    answers: 2,
    eligible: 4,
    responseRate: '50.00',
    satisfied: 1,
    satisfactionRate: '50.00',
    proxied: 1,
    minimum: 10,
    insufficient: true,
    questions: [{ key: 'OVERALL', counts: [0, 0, 1, 0, 1], mean: '4.00' }],
    comments: ['饭菜可口'],
  },
  canOpen: false,
};
const RESIDENTS: SurveyResident[] = [
  { userId: 11, displayName: '张大爷', phone: '138****0001', verified: true, sources: ['RAISED'], answered: 'SELF' },
  { userId: 12, displayName: '王奶奶', phone: null, verified: true, sources: ['BENEFICIARY'], answered: null },
];

describe('SurveyDetailPage', () => {
  let http: HttpTestingController;

  async function open(me: Me, mode: 'worker' | undefined, detail: SurveyDetail = DETAIL) {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    TestBed.inject(AuthService).loadMe().subscribe();
    http.expectOne('/api/v1/me').flush(me);
    const fixture = TestBed.createComponent(SurveyDetailPage);
    fixture.componentRef.setInput('projectId', '7');
    // the router binds a route's absent data as undefined (the staff routes have no `mode`)
    fixture.componentRef.setInput('mode', mode);
    fixture.detectChanges();
    const base = mode === 'worker' ? '/api/v1/community' : '/api/v1/evaluation';
    http.expectOne(`${base}/projects/7/survey`).flush(detail);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, base, q: (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`) };
  }

  afterEach(() => http.verify());

  it('shows the officer the share link, the figures, who answered (never what) and the close button', async () => {
    const page = await open(ME, undefined);
    http.expectOne(`${page.base}/projects/7/survey/residents`).flush(RESIDENTS);
    await page.fixture.whenStable();
    expect(page.q('survey-share')).not.toBeNull();
    expect(page.q('survey-close')).not.toBeNull();
    expect(page.q('survey-figures-satisfaction')?.textContent).toContain('50.00%');
    expect(page.q('survey-figures-insufficient')).not.toBeNull();
    expect(page.q('survey-resident-answered-11')?.textContent?.trim()).toBe('本人已填');
    expect(page.q('survey-remove-12')).not.toBeNull(); // a beneficiary who has not answered
    expect(page.q('survey-remove-11')).toBeNull();
    expect(page.q('survey-proxy')).toBeNull(); // the worker's
  });

  it('gives the worker the proxy form for the residents who have not answered themselves', async () => {
    const page = await open({ ...ME, username: 'worker', roles: ['COMMUNITY_WORKER'] }, 'worker');
    http.expectOne(`${page.base}/projects/7/survey/residents`).flush(RESIDENTS);
    await page.fixture.whenStable();
    expect(page.q('survey-proxy-form')).not.toBeNull();
    expect(page.q('survey-close')).toBeNull();
    expect(page.q('survey-share')).not.toBeNull();
  });

  it('shows the evaluated organisation the figures only: no residents, no link, no close', async () => {
    const page = await open({ ...ME, username: 'orgmember', roles: ['ORG_MEMBER'] }, undefined, {
      ...DETAIL,
      survey: { ...DETAIL.survey!, link: null },
    });
    http.expectNone(`${page.base}/projects/7/survey/residents`);
    expect(page.q('survey-figures')).not.toBeNull();
    expect(page.q('survey-comments')?.textContent).toContain('饭菜可口');
    for (const id of ['survey-share', 'survey-residents', 'survey-close', 'survey-proxy'])
      expect(page.q(id)).toBeNull();
  });

  it('offers to open a survey with a closing date when the project has none', async () => {
    const page = await open(ME, undefined, { ...DETAIL, survey: null, figures: null, canOpen: true });
    http.expectOne(`${page.base}/projects/7/survey/residents`).flush([]);
    await page.fixture.whenStable();
    expect(page.q('survey-open-form')).not.toBeNull();
    page.q('survey-open')?.click();
    const post = http.expectOne(`${page.base}/projects/7/survey`);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({});
    post.flush(DETAIL);
    await page.fixture.whenStable();
    expect(page.q('survey-share')).not.toBeNull();
  });
});
