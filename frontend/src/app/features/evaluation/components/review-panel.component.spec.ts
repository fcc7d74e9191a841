import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { PERMISSIONS } from '@diandan/access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import { AuthService } from '../../../core/auth/auth.service';
import type { EvaluationResult } from '../data/results.api';
import { ReviewPanelComponent } from './review-panel.component';

describe('ReviewPanelComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ReviewPanelComponent>;
  let el: HTMLElement;
  const byTestId = (id: string): HTMLElement | null => document.querySelector(`[data-testid="${id}"]`);

  async function open(status: string, permissions: string[] = [PERMISSIONS.EVALUATION_MANAGE]): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIconsTesting(),
        { provide: AuthService, useValue: { permissions: signal(permissions) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReviewPanelComponent);
    fixture.componentRef.setInput('taskId', 12);
    fixture.componentRef.setInput('status', status);
    fixture.componentRef.setInput('score', '84.16');
    fixture.componentRef.setInput('grade', 'GOOD');
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((n) => (n.innerHTML = ''));
  });

  it('offers confirm and return on a submitted result to the officer', async () => {
    await open('SUBMITTED');
    expect(el.querySelector('[data-testid="review-confirm-12"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="review-return-12"]')).not.toBeNull();
  });

  it('offers nothing to a user without evaluation.manage, nor on a result that is not submitted', async () => {
    await open('SUBMITTED', [PERMISSIONS.EVALUATION_READ]);
    expect(el.querySelector('[data-testid="review-panel"]')).toBeNull();
    TestBed.resetTestingModule();
    await open('CONFIRMED');
    expect(el.querySelector('[data-testid="review-panel"]')).toBeNull();
  });

  it('returns the result to the evaluator with the comment, only once a comment is given', async () => {
    await open('SUBMITTED');
    const decided: EvaluationResult[] = [];
    fixture.componentInstance.decided.subscribe((r) => decided.push(r));
    (el.querySelector('[data-testid="review-return-12"]') as HTMLElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    const comment = byTestId('review-comment') as HTMLTextAreaElement;
    comment.value = '  请补充走访记录。 ';
    comment.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    const ok = Array.from(document.querySelectorAll('.ant-modal-footer button')).find((b) =>
      b.textContent?.includes('退回评估员'),
    ) as HTMLButtonElement;
    expect(ok.disabled).toBe(false);
    ok.click();
    const req = http.expectOne('/api/v1/evaluation/tasks/12/return');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ comment: '请补充走访记录。' });
    req.flush({ id: 12, status: 'RETURNED' });
    expect(decided.map((r) => r.status)).toEqual(['RETURNED']);
  });
});
