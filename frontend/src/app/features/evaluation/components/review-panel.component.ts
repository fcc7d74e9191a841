import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { Observable } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { formatDeadline } from '../../../shared/dates';
import { textValid } from '../data/results';
import { ResTranslatePipe, ResultsI18n } from '../data/results-i18n';
import { EvaluationResult, Grade, ResultsApi } from '../data/results.api';

/**
 * The officer's review of a submitted evaluation (审核评估结果): confirm it — the evaluated organisation is told and
 * its objection period starts — or return it to the evaluator with comments (required). For the task detail page
 * (`<dd-review-panel [taskId]="task.id" [status]="task.status" [score]="…" [grade]="…" (decided)="reload()" />`) and
 * the officers' list of results to confirm. Shown to holders of evaluation.manage; the server checks the region.
 */
@Component({
  selector: 'dd-review-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzInputModule, NzModalModule, NzPopconfirmModule, ResTranslatePipe],
  template: `
    @if (canReview()) {
      @if (status() === 'SUBMITTED') {
        <div class="panel" role="group" [attr.aria-label]="'res.review.title' | rest" data-testid="review-panel">
          <button
            nz-button
            nzType="primary"
            nzSize="small"
            [nzLoading]="busy()"
            nz-popconfirm
            [nzPopconfirmTitle]="confirmText()"
            (nzOnConfirm)="confirm()"
            [attr.data-testid]="'review-confirm-' + taskId()"
          >
            {{ 'res.review.confirm' | rest }}
          </button>
          <button nz-button nzSize="small" nzDanger (click)="returning.set(true)" [attr.data-testid]="'review-return-' + taskId()">
            {{ 'res.review.return' | rest }}
          </button>
        </div>
      } @else if (showIdle()) {
        <span class="hint">{{ 'res.review.notSubmitted' | rest }}</span>
      }
      <nz-modal
        [nzVisible]="returning()"
        [nzTitle]="'res.review.returnTitle' | rest"
        [nzOkText]="'res.review.return' | rest"
        [nzCancelText]="'res.cancel' | rest"
        [nzOkDisabled]="!commentValid()"
        [nzOkLoading]="busy()"
        (nzOnCancel)="returning.set(false)"
        (nzOnOk)="returnToEvaluator()"
      >
        <ng-container *nzModalContent>
          <label for="review-comment-{{ taskId() }}">{{ 'res.review.returnTitle' | rest }}</label>
          <textarea
            nz-input
            id="review-comment-{{ taskId() }}"
            rows="4"
            maxlength="1000"
            [placeholder]="'res.review.returnPlaceholder' | rest"
            [ngModel]="comment()"
            (ngModelChange)="comment.set($event)"
            data-testid="review-comment"
          ></textarea>
          @if (comment().length > 0 && !commentValid()) {
            <div class="ant-form-item-explain-error">{{ 'res.review.commentInvalid' | rest }}</div>
          }
        </ng-container>
      </nz-modal>
    }
  `,
  styles: [
    '.panel { display: inline-flex; gap: 8px; flex-wrap: wrap; } .hint { color: rgba(0, 0, 0, 0.65); } label { display: block; margin-bottom: 4px; }',
  ],
})
export class ReviewPanelComponent {
  private readonly api = inject(ResultsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(ResultsI18n);

  readonly taskId = input.required<number>();
  /** The task's status: the panel acts on SUBMITTED only. */
  readonly status = input.required<string>();
  readonly score = input<string | null>(null);
  readonly grade = input<Grade | null>(null);
  /** Say why there is nothing to do when the task is not submitted (on a detail page; not in a list). */
  readonly showIdle = input(false);
  /** The result after the decision (its status CONFIRMED or RETURNED). */
  readonly decided = output<EvaluationResult>();

  protected readonly canReview = computed(() => this.auth.permissions().includes(PERMISSIONS.EVALUATION_MANAGE));
  protected readonly busy = signal(false);
  protected readonly returning = signal(false);
  protected readonly comment = signal('');
  protected readonly commentValid = computed(() => textValid(this.comment(), 1000));
  protected readonly confirmText = computed(() =>
    this.i18n.t('res.review.confirmQ', {
      score: this.score() ?? '',
      grade: this.i18n.code('res.grade.', this.grade()),
    }),
  );

  protected confirm(): void {
    this.run(this.api.confirm(this.taskId()), (r) =>
      this.i18n.t('res.review.confirmed', { deadline: formatDeadline(r.objectionDueAt ?? '') }),
    );
  }

  protected returnToEvaluator(): void {
    if (!this.commentValid()) return;
    this.run(this.api.returnToEvaluator(this.taskId(), this.comment().trim()), () =>
      this.i18n.t('res.review.returned'),
    );
  }

  private run(call: Observable<EvaluationResult>, done: (r: EvaluationResult) => string): void {
    this.busy.set(true);
    call.subscribe({
      next: (r) => {
        this.busy.set(false);
        this.returning.set(false);
        this.comment.set('');
        this.message.success(done(r));
        this.decided.emit(r);
      },
      // the app's error handler shows the problem (409: decided meanwhile; 404: not in my region)
      error: () => this.busy.set(false),
    });
  }
}
