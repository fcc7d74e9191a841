import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { AssessmentDetail, IndicatorNode } from '../../data/grading.api';
import GradingDetailPage from './grading-detail.page';

registerLocaleData(localeZh, 'zh-CN');

const guide = (p: string) => [
  { label: '好', from: String(Number(p) * 0.85), to: p, description: '完全达到要求' },
  { label: '差', from: '0', to: String(Number(p) * 0.85 - 0.01), description: '未达到要求' },
];
const leaf = (key: string, name: string, points: string): IndicatorNode => ({
  key,
  name,
  points,
  kind: 'MANUAL',
  guide: guide(points),
  evidenceHint: '年度报告',
});
const TREE: IndicatorNode[] = [
  {
    key: 'B',
    name: '基础条件',
    points: '20',
    children: [
      {
        key: 'B1',
        name: '法人资格',
        points: '20',
        children: [leaf('B1-1', '法定代表人', '10'), leaf('B1-2', '活动资金', '10')],
      },
    ],
  },
  {
    key: 'G',
    name: '内部治理',
    points: '980',
    children: [{ key: 'G1', name: '治理', points: '980', children: [leaf('G1-1', '治理', '980')] }],
  },
];

const BASE: AssessmentDetail = {
  id: 12,
  code: 'DJ-2026-000012',
  status: 'IN_PROGRESS',
  organisationId: 7,
  organisationName: '乐龄社工',
  regionName: '鼓楼区',
  openedAt: '2026-11-20T02:00:00.000Z',
  openedByName: '王采购',
  submittedAt: null,
  totalPoints: null,
  proposedGrade: null,
  decidedAt: null,
  grade: null,
  gradeExpiresOn: null,
  templateId: 3,
  templateName: '社会组织等级评估指标',
  templateTotal: '1000',
  tree: TREE,
  scores: [
    {
      leafKey: 'G1-1',
      score: '890.00',
      note: '现场核查',
      updatedByName: '王采购',
      updatedAt: '2026-11-20T03:00:00.000Z',
    },
  ],
  runningTotal: '890.00',
  scoredLeaves: 1,
  leafCount: 3,
  cutoff: {
    id: 1,
    regionId: 1,
    regionName: '南京市',
    min1: '500',
    min2: '600',
    min3: '700',
    min4: '800',
    min5: '900',
    effectiveFrom: '2020-01-01',
    note: null,
    decidedByName: null,
    decidedAt: '2026-01-01T00:00:00.000Z',
  },
  gradeByRunningTotal: 4,
  summary: null,
  submittedByName: null,
  returnedAt: null,
  returnedByName: null,
  returnComment: null,
  decidedByName: null,
  decisionDocumentId: null,
  decisionDocumentName: null,
  decisionNote: null,
  cancelledAt: null,
  cancelReason: null,
  currentGrade: 3,
  currentGradeExpiresOn: '2027-12-31',
  actions: ['SCORE', 'SUBMIT', 'CANCEL'],
  reviewBlockedReason: null,
  expiresOnIfDecidedToday: '2031-11-19',
};

describe('GradingDetailPage', () => {
  let http: HttpTestingController;

  async function open(a: AssessmentDetail) {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(GradingDetailPage);
    fixture.componentRef.setInput('id', String(a.id));
    await fixture.whenStable();
    http.expectOne(`/api/v1/evaluation/grade-assessments/${a.id}`).flush(a);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (testId: string) => el.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    const type = async (testId: string, value: string) => {
      const input = q(testId) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { fixture, el, q, type };
  }

  afterEach(() => http.verify());

  it('adds up the tree as the assessor scores, and shows the grade the lines give', async () => {
    const page = await open(BASE);
    expect(page.q('grading-total')?.textContent).toContain('890 / 1000 分');
    expect(page.q('grading-score-G1-1') as HTMLInputElement).toBeTruthy();
    expect((page.q('grading-score-G1-1') as HTMLInputElement).value).toBe('890');
    expect(page.q('grading-grade-by-lines')?.textContent).toContain('4A');

    page.q('grading-level-B1-1-0')?.click(); // 好: full marks
    await page.fixture.whenStable();
    await page.type('grading-score-B1-2', '5');
    expect(page.q('grading-total')?.textContent).toContain('905 / 1000 分');
    expect(page.q('grading-area-total-B')?.textContent).toContain('15 / 20 分');
    expect(page.q('grading-grade-by-lines')?.textContent).toContain('5A');
    expect(page.q('grading-unsaved')?.textContent).toContain('2 项修改未保存');

    // a score above the item's points is marked and not counted
    await page.type('grading-score-B1-2', '12');
    expect(page.q('grading-leaf-B1-2')?.textContent).toContain('不能超过 10 分');
    expect(page.q('grading-total')?.textContent).toContain('900 / 1000 分');
  });

  it('saves only what changed', async () => {
    const page = await open(BASE);
    await page.type('grading-score-B1-1', '9.5');
    await page.type('grading-note-B1-1', '查阅选举决议');
    page.q('grading-save')?.click();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/evaluation/grade-assessments/12/scores' });
    expect(put.request.body).toEqual({ scores: [{ leafKey: 'B1-1', score: '9.5', note: '查阅选举决议' }] });
    put.flush({
      ...BASE,
      scores: [
        ...BASE.scores,
        {
          leafKey: 'B1-1',
          score: '9.50',
          note: '查阅选举决议',
          updatedByName: '王采购',
          updatedAt: '2026-11-20T04:00:00.000Z',
        },
      ],
    });
    await page.fixture.whenStable();
    expect(page.q('grading-unsaved')).toBeNull();
  });

  it('tells the officer who scored it that another officer decides, and offers the reviewer the decision', async () => {
    const submitted: AssessmentDetail = {
      ...BASE,
      status: 'SUBMITTED',
      totalPoints: '905.00',
      proposedGrade: 5,
      submittedAt: '2026-11-21T02:00:00.000Z',
      submittedByName: '王采购',
    };
    const scorer = await open({ ...submitted, actions: [], reviewBlockedReason: 'You scored this assessment' });
    expect(scorer.q('grading-blocked')?.textContent).toContain('须由另一位采购专员审定');
    expect(scorer.q('grading-decide')).toBeNull();
    expect(scorer.q('grading-score-G1-1')?.tagName).toBe('STRONG'); // read only
    http.verify();
    TestBed.resetTestingModule();

    const reviewer = await open({ ...submitted, actions: ['RETURN', 'DECIDE'] });
    reviewer.q('grading-decide')?.click();
    await reviewer.fixture.whenStable();
    expect(document.querySelector('[data-testid="grading-decide-summary"]')?.textContent).toContain(
      '得分 905 分，评定为 5A，有效期至 2031-11-19',
    );
    // no document chosen: nothing is sent
    (document.querySelector('[data-testid="grading-modal-confirm"]') as HTMLButtonElement).click();
    await reviewer.fixture.whenStable();
    http.expectNone('/api/v1/evaluation/grade-assessments/12/decide');
  });

  it('shows the decided grade and its validity', async () => {
    const page = await open({
      ...BASE,
      status: 'DECIDED',
      totalPoints: '905.00',
      proposedGrade: 5,
      grade: 5,
      gradeExpiresOn: '2031-11-19',
      decidedAt: '2026-11-20T02:00:00.000Z',
      decidedByName: '钱审定',
      decisionDocumentId: 44,
      decisionDocumentName: '批复.pdf',
      actions: [],
    });
    expect(page.q('grading-result-grade')?.textContent).toContain('5A');
    expect(page.q('grading-result-valid')?.textContent).toContain('2031-11-19');
    expect(page.q('grading-result-document')?.textContent).toContain('批复.pdf');
  });
});
