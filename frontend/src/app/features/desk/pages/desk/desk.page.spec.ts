import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, UrlTree } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { firstValueFrom, isObservable, Observable } from 'rxjs';

import type { Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import { TranslationService } from '../../../../core/i18n/translation.service';
import type { Desk } from '../../data/desk.types';
import { deskGuard } from '../../desk.guards';
import DeskPage from './desk.page';

const me = (roles: string[], extra: Partial<Me> = {}): Me => ({
  id: 3,
  username: 'officer',
  displayName: '王采购',
  phone: null,
  roles: roles as Me['roles'],
  permissions: [],
  region: { id: 12, code: '320106000000', name: '鼓楼区', level: 'DISTRICT', path: '/1/12/' },
  organisation: null,
  ...extra,
});

const DESK: Desk = {
  now: '2026-12-10T04:00:00.000Z',
  unavailable: [],
  items: [
    {
      kind: 'procurement.objection_answer',
      count: 1,
      ref: { type: 'objection', id: 7 },
      title: '老年助餐服务采购',
      dueAt: '2026-12-09T16:00:00.000Z',
      dueRule: 'OBJECTION_ANSWER',
      since: '2026-11-30T02:00:00.000Z',
      route: '/procurement/tenders/12',
      params: { status: 'FILED', tenderId: 12 },
    },
    {
      kind: 'procurement.award_confirm',
      count: 1,
      ref: { type: 'tender', id: 13 },
      title: '四点半课堂采购',
      dueAt: '2026-12-11T16:00:00.000Z',
      dueRule: 'AWARD_CONFIRMATION',
      since: '2026-12-04T08:00:00.000Z',
      route: '/procurement/tenders/13',
    },
    {
      kind: 'procurement.project_draft',
      count: 1,
      ref: { type: 'project', id: 5 },
      title: '颐和路社区助浴',
      dueAt: '2026-12-31T16:00:00.000Z',
      dueRule: 'BUDGET_YEAR_END',
      since: '2026-12-01T01:00:00.000Z',
      route: '/procurement/projects/5',
      params: { estimateFen: '1000000', returned: true, draftTenderId: null },
    },
    {
      kind: 'organisations.review',
      count: 1,
      ref: { type: 'organisation', id: 9 },
      title: '南京市鼓楼区乐善社会工作服务中心',
      dueAt: null,
      dueRule: null,
      since: '2026-12-08T16:00:00.000Z',
      route: '/organisations/9',
      params: { organisationKind: 'SOCIAL_ORGANISATION' },
    },
  ],
};

describe('DeskPage', () => {
  let http: HttpTestingController;

  let stable: () => Promise<void>;

  async function open(user: Me, desk: Desk = DESK): Promise<HTMLElement> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    TestBed.inject(AuthService).loadMe().subscribe();
    http.expectOne('/api/v1/me').flush(user);
    const fixture = TestBed.createComponent(DeskPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/desk').flush(desk);
    await fixture.whenStable();
    stable = () => fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const items = (el: HTMLElement) => Array.from(el.querySelectorAll<HTMLElement>('[data-testid="desk-item"]'));
  const text = (el: Element | null, testId: string) =>
    el?.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('lists what waits by area, each with its due date in Beijing time (24:00 for midnight) and a link', async () => {
    const el = await open(me(['PROCUREMENT_OFFICER']));
    expect(text(el, 'home-roles')).toBe('采购专员');
    expect(text(el, 'home-region')).toBe('鼓楼区');
    expect(
      Array.from(el.querySelectorAll('[data-testid^="desk-section-"]'), (s) => s.getAttribute('data-testid')),
    ).toEqual(['desk-section-procurement', 'desk-section-organisations']);
    const [objection, award, draft, review] = items(el);
    expect(text(objection, 'desk-item-link')).toBe('质疑待答复');
    expect(text(objection, 'desk-item-title')).toBe('老年助餐服务采购');
    expect(text(objection, 'desk-item-due')).toBe('2026-12-09 24:00');
    expect(text(objection, 'desk-item-rule')).toBe('收到质疑后 7 个工作日内答复');
    expect(objection.querySelector('a')?.getAttribute('href')).toBe('/procurement/tenders/12');
    expect(text(award, 'desk-item-due')).toBe('2026-12-11 24:00');
    expect(text(draft, 'desk-item-link')).toBe('项目被财务退回，请修改后重新提交（估算 10,000.00 元）');
    expect(text(draft, 'desk-item-due')).toBe('2026-12-31 24:00');
    expect(text(review, 'desk-item-due')).toBe('');
    expect(text(review, 'desk-item-since')).toBe('2026-12-09 00:00');
    expect(text(el, 'desk-zone')).toBe('以下时间均为北京时间');
  });

  it('highlights overdue and due-soon items against the server clock, not the browser’s', async () => {
    const el = await open(me(['PROCUREMENT_OFFICER']));
    expect(items(el).map((i) => i.getAttribute('data-urgency'))).toEqual(['overdue', 'soon', 'later', 'none']);
    expect(text(items(el)[0], 'desk-item-overdue')).toBe('已逾期');
    expect(text(items(el)[1], 'desk-item-soon')).toBe('即将到期');
  });

  it('re-renders in English', async () => {
    const el = await open(me(['PROCUREMENT_OFFICER']));
    TestBed.inject(TranslationService).use('en-US');
    await stable();
    expect(text(items(el)[0], 'desk-item-link')).toBe('Objection to answer');
    expect(text(items(el)[0], 'desk-item-rule')).toBe('answer within 7 working days of the objection');
    expect(text(items(el)[2], 'desk-item-link')).toBe(
      'Project returned by finance: revise and submit again (estimate 10,000.00 yuan)',
    );
    expect(text(el, 'home-roles')).toBe('Procurement officer');
  });

  it('says when nothing waits, and names an area that could not be read', async () => {
    const el = await open(me(['AUDITOR']), { now: DESK.now, items: [], unavailable: ['queues'] });
    expect(el.querySelector('[data-testid="desk-empty"]')).not.toBeNull();
    expect(text(el, 'desk-unavailable')).toContain('任务队列');
  });

  it("shows the organisation's status as the banner, and an evaluator's evaluation tasks", async () => {
    const el = await open(
      me(['EVALUATOR'], {
        region: null,
        organisation: { id: 3, name: '江苏众评社会组织评估中心', kind: 'EVALUATION_AGENCY', status: 'ACTIVE' },
      }),
      {
        now: DESK.now,
        unavailable: [],
        items: [
          {
            kind: 'organisations.status',
            count: 1,
            ref: { type: 'organisation', id: 3 },
            title: '江苏众评社会组织评估中心',
            dueAt: '2027-06-30T16:00:00.000Z',
            dueRule: 'BLACKLIST_ENDS',
            since: null,
            route: '/my/organisation',
            params: { status: 'BLACKLISTED', reason: '弄虚作假' },
          },
          {
            kind: 'evaluation.task_to_evaluate',
            count: 1,
            ref: { type: 'evaluation_task', id: 12 },
            title: '山西路社区老年助餐服务',
            dueAt: '2027-07-30T16:00:00.000Z',
            dueRule: 'EVALUATION_TASK_DUE',
            since: '2027-06-01T02:00:00.000Z',
            route: '/evaluation/tasks/12',
            params: { code: 'PG-2027-000012', status: 'RETURNED', taskKind: 'FINAL' },
          },
        ],
      },
    );
    const banner = el.querySelector('[data-testid="org-status-banner"]');
    expect(banner?.getAttribute('data-status')).toBe('BLACKLISTED');
    expect(banner?.textContent).toContain('2027-06-30');
    expect(text(el, 'org-status-reason')).toContain('弄虚作假');
    expect(items(el)).toHaveLength(1);
    const section = el.querySelector('[data-testid="desk-section-evaluation"]');
    expect(section?.textContent).toContain('评估任务 PG-2027-000012 被退回');
    expect(section?.textContent).toContain('2027-07-30 24:00');
    expect(el.querySelector('[data-testid="desk-empty"]')).toBeNull();
  });

  it('sends a resident home to the community needs, and lets everyone else onto the desk', async () => {
    const guard = async (user: Me): Promise<boolean | string> => {
      localStorage.clear();
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({
        providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
      });
      TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
      TestBed.inject(AuthService).loadMe().subscribe();
      TestBed.inject(HttpTestingController).expectOne('/api/v1/me').flush(user);
      const result = TestBed.runInInjectionContext(() => deskGuard({} as never, { url: '/' } as never)) as Observable<
        boolean | UrlTree
      >;
      const value = isObservable(result) ? await firstValueFrom(result) : result;
      return value instanceof UrlTree ? TestBed.inject(Router).serializeUrl(value) : value;
    };
    expect(await guard(me(['RESIDENT']))).toBe('/needs/community');
    expect(await guard(me(['COMMUNITY_WORKER']))).toBe(true);
  });
});
