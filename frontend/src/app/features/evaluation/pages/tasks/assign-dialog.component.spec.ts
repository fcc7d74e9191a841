import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { Assignees, TaskSummary } from '../../data/tasks.api';
import { AssignDialogComponent } from './assign-dialog.component';

const answer = (taskId: number, sunEligible: boolean): Assignees => ({
  taskId,
  organisationName: '南京市鼓楼区阳光养老服务中心',
  agencies: [
    {
      id: 3,
      name: '江苏众评社会组织评估中心',
      eligible: true,
      conflict: null,
      evaluators: [
        {
          id: 30,
          displayName: '孙评估员',
          eligible: sunEligible,
          conflict: sunEligible
            ? null
            : {
                code: 'DECLARED_RELATIONSHIP',
                organisationName: '南京市鼓楼区阳光养老服务中心',
                endedOn: null,
                reason: '…',
              },
          openTasks: 2,
        },
        { id: 31, displayName: '周评估员', eligible: true, conflict: null, openTasks: 0 },
      ],
    },
    {
      id: 6,
      name: '南京市仁信社会组织评估服务中心',
      eligible: true,
      conflict: null,
      evaluators: [
        {
          id: 60,
          displayName: '郑评估员',
          eligible: false,
          conflict: {
            code: 'PAST_EMPLOYMENT',
            organisationName: '南京市鼓楼区阳光养老服务中心',
            endedOn: '2025-03-31',
            reason: '…',
          },
          openTasks: 0,
        },
        { id: 61, displayName: '钱评估员', eligible: true, conflict: null, openTasks: 1 },
      ],
    },
  ],
});

describe('AssignDialogComponent', () => {
  let http: HttpTestingController;

  async function open(): Promise<{ assigned: TaskSummary[][]; stable: () => Promise<void> }> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting(), provideNoopAnimations()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AssignDialogComponent);
    fixture.componentRef.setInput('tasks', [
      { id: 1, code: 'PG-2027-000001', organisationName: '南京市鼓楼区阳光养老服务中心' },
      { id: 2, code: 'PG-2027-000002', organisationName: '南京市鼓楼区阳光养老服务中心' },
    ]);
    const assigned: TaskSummary[][] = [];
    fixture.componentInstance.assigned.subscribe((x) => assigned.push(x));
    fixture.detectChanges();
    http.expectOne('/api/v1/evaluation/tasks/1/assignees').flush(answer(1, true));
    http.expectOne('/api/v1/evaluation/tasks/2/assignees').flush(answer(2, false));
    await fixture.whenStable();
    fixture.detectChanges();
    return { assigned, stable: () => fixture.whenStable() };
  }

  afterEach(() => document.body.querySelectorAll('.cdk-overlay-container').forEach((e) => e.remove()));

  it('offers only the evaluators eligible for every task, and lists the excluded ones with the reason', async () => {
    await open();
    const body = document.body;
    const offered = Array.from(body.querySelectorAll('[data-testid^="assign-evaluator-"]')).map((e) =>
      e.getAttribute('data-testid'),
    );
    expect(offered).toEqual(['assign-evaluator-31', 'assign-evaluator-61']);
    expect(body.querySelector('[data-testid="assign-evaluator-31"]')?.textContent).toContain('在办 0 件');
    const excluded = body.querySelector('[data-testid="assign-excluded"]')?.textContent ?? '';
    expect(excluded).toContain('孙评估员 · 江苏众评社会组织评估中心');
    expect(excluded).toContain('已申报与「南京市鼓楼区阳光养老服务中心」存在利害关系');
    expect(excluded).toContain('2025-03-31 前曾任职于「南京市鼓楼区阳光养老服务中心」（3 年内）');
    expect(body.querySelector('[data-testid="assign-tasks"]')?.textContent).toContain('PG-2027-000001、PG-2027-000002');
  });

  it('assigns the tasks to the chosen agency and evaluator', async () => {
    const { assigned, stable } = await open();
    (document.body.querySelector('[data-testid="assign-evaluator-61"] input') as HTMLInputElement).click();
    await stable();
    const ok = Array.from(document.body.querySelectorAll<HTMLButtonElement>('.ant-modal-footer button')).pop();
    ok?.click();
    const req = http.expectOne('/api/v1/evaluation/tasks/assign');
    expect(req.request.body).toEqual({ taskIds: [1, 2], agencyId: 6, evaluatorId: 61 });
    req.flush([]);
    await stable();
    expect(assigned).toEqual([[]]);
  });
});
