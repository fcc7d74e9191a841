import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import type { ResidentSurvey } from '../data/surveys.api';
import SurveyAnswerPage from './survey-answer.page';

const TOKEN = '0123456789abcdef0123456789abcdef';
const RESIDENT: Me = {
  id: 5,
  username: 'resident',
  displayName: '张大爷',
  phone: '13800000001',
  roles: ['RESIDENT'],
  permissions: [],
  region: null,
  organisation: null,
};
const SURVEY: ResidentSurvey = {
  token: TOKEN,
  projectTitle: '山西路社区老年助餐服务',
  regionName: '山西路社区',
  organisationName: '南京市鼓楼区阳光养老服务中心',
  status: 'OPEN',
  closesAt: '2027-01-31T16:00:00.000Z',
  questions: ['OVERALL', 'ATTITUDE', 'TIMELINESS', 'QUALITY', 'RECOMMEND'],
  eligible: true,
  reason: null,
  myAnswer: null,
};

describe('SurveyAnswerPage (the resident’s phone page)', () => {
  let http: HttpTestingController;

  async function open(me: Me, survey?: ResidentSurvey | { status: number }) {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    TestBed.inject(AuthService).loadMe().subscribe();
    http.expectOne('/api/v1/me').flush(me);
    const fixture = TestBed.createComponent(SurveyAnswerPage);
    fixture.componentRef.setInput('token', TOKEN);
    fixture.detectChanges();
    if (survey !== undefined) {
      const req = http.expectOne(`/api/v1/surveys/${TOKEN}`);
      if ('status' in survey && typeof survey.status === 'number')
        req.flush({ status: survey.status, code: 'X' }, { status: survey.status, statusText: 'x' });
      else req.flush(survey);
    }
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (testId: string) => el.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    const click = async (testId: string) => {
      const target = q(testId);
      if (!target) throw new Error(`no ${testId}`);
      const input = target.querySelector('input');
      (input ?? target).click();
      await fixture.whenStable();
    };
    return { fixture, el, q, click };
  }

  afterEach(() => http.verify());

  it('shows the five questions as large choices, the best first, and asks for every answer before sending', async () => {
    const page = await open(RESIDENT, SURVEY);
    const choices = Array.from(page.el.querySelectorAll('[data-testid="survey-q-OVERALL"] label')).map((l) =>
      l.textContent?.trim(),
    );
    expect(choices).toEqual(['非常满意', '满意', '一般', '不满意', '非常不满意']);
    expect(page.q('survey-q-RECOMMEND')?.textContent).toContain('非常愿意');
    await page.click('survey-q-OVERALL-5');
    await page.click('survey-submit');
    http.expectNone(`/api/v1/surveys/${TOKEN}/my-answer`);
    expect(page.q('survey-missing')?.textContent).toContain('第 2 题');

    for (const [key, point] of [
      ['ATTITUDE', 4],
      ['TIMELINESS', 4],
      ['QUALITY', 3],
      ['RECOMMEND', 5],
    ] as const)
      await page.click(`survey-q-${key}-${point}`);
    await page.click('survey-submit');
    const put = http.expectOne(`/api/v1/surveys/${TOKEN}/my-answer`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ answers: [5, 4, 4, 3, 5], comment: null });
    put.flush({
      ...SURVEY,
      myAnswer: {
        answers: [5, 4, 4, 3, 5],
        comment: null,
        channel: 'SELF',
        answeredAt: '2027-01-02T02:00:00.000Z',
        updatedAt: '2027-01-02T02:00:00.000Z',
      },
    });
    await page.fixture.whenStable();
    expect(page.q('survey-done')?.textContent).toContain('谢谢您的评价');
    expect(page.q('survey-summary-OVERALL')?.textContent?.trim()).toBe('非常满意');
    expect(page.q('survey-summary-QUALITY')?.textContent?.trim()).toBe('一般');
    // change my answer: the form again, with my answers chosen
    await page.click('survey-change');
    expect(page.el.querySelector<HTMLInputElement>('[data-testid="survey-q-QUALITY-3"] input')?.checked).toBe(true);
    expect(page.q('survey-submit')?.textContent).toContain('保存修改');
  });

  it('tells a resident who may not answer why (not linked / not verified)', async () => {
    const page = await open(RESIDENT, { ...SURVEY, eligible: false, reason: 'NOT_VERIFIED' });
    expect(page.q('survey-not-eligible')?.textContent).toContain('居民身份还没有认证');
    expect(page.q('survey-form')).toBeNull();
  });

  it('shows a closed survey with the resident’s own answer, and no form', async () => {
    const page = await open(RESIDENT, {
      ...SURVEY,
      status: 'CLOSED',
      myAnswer: {
        answers: [2, 3, 3, 3, 3],
        comment: '饭菜偏咸',
        channel: 'PROXY',
        answeredAt: '2027-01-02T02:00:00.000Z',
        updatedAt: '2027-01-02T02:00:00.000Z',
      },
    });
    expect(page.q('survey-closed')?.textContent).toContain('调查已结束');
    expect(page.q('survey-summary-OVERALL')?.textContent?.trim()).toBe('不满意');
    expect(page.q('survey-proxied')).not.toBeNull();
    expect(page.q('survey-form')).toBeNull();
    expect(page.q('survey-change')).toBeNull();
  });

  it('explains a link that does not work, and who answers to a user who is not a resident', async () => {
    const missing = await open(RESIDENT, { status: 404 });
    expect(missing.q('survey-not-found')?.textContent).toContain('调查链接无效');
    TestBed.resetTestingModule();
    const worker = await open({ ...RESIDENT, roles: ['COMMUNITY_WORKER'], username: 'worker' });
    http.expectNone(`/api/v1/surveys/${TOKEN}`);
    expect(worker.q('survey-not-resident')?.textContent).toContain('由居民填写');
  });
});
