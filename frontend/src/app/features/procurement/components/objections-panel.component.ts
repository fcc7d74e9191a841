import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';

import { silentErrors } from '../../../core/http/http-context';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formatDeadline, formatMinute } from '../../../shared/dates';
import { inlineProblem } from '../data/errors';
import { ObjectionsApi } from '../data/objections.api';
import { Objection, ObjectionAction, ObjectionOutcome } from '../data/procurement.types';
import { InlineProblem, ProcCodePipe, ProcTranslatePipe, ProcurementI18n } from '../i18n/procurement-i18n';
import { ProcStatusTagComponent } from './proc-status-tag.component';

interface AnswerDraft {
  outcome: ObjectionOutcome;
  action: ObjectionAction;
  answer: string;
}

/**
 * 质疑: the objections to a tender's award notice (or all of mine, without `tenderId`). Officers
 * accept one for review and answer it within 7 working days: upheld (re-evaluate, or cancel for a
 * new tender) or dismissed.
 */
@Component({
  selector: 'dd-objections-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzInputModule,
    NzRadioModule,
    ProcStatusTagComponent,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  template: `
    @if (problem(); as p) {
      <nz-alert class="dd-form-alert" nzType="error" nzShowIcon nzCloseable [nzMessage]="p.detail" [nzDescription]="p.fieldErrors.join('; ')" data-testid="objection-error" />
    }
    <div data-testid="objections">
      @for (o of shown(); track o.id) {
        <nz-card nzSize="small" class="dd-objection" [attr.data-testid]="'objection-' + o.id" [attr.data-status]="o.status">
          <div class="dd-objection-head">
            <dd-proc-status kind="objection" [status]="o.status" />
            <strong>{{ o.organisationName }}</strong>
            @if (!tenderId()) {
              <span>{{ o.tenderTitle }}</span>
            }
            <span class="dd-muted">{{ 'objection.filedAt' | pt: { time: time(o.filedAt) } }} · {{ 'objection.answerDue' | pt: { due: deadline(o.answerDueAt) } }}</span>
          </div>
          <p class="dd-proc-pre">{{ o.grounds }}</p>
          @if (o.answer) {
            <p class="dd-proc-pre">
              <strong>{{ 'objection.answer' | pt }}：</strong>{{ o.answer }}
              @if (o.action) {
                （{{ o.action | pc: 'objectionAction.' }}）
              }
            </p>
          }
          @if (manage() && o.status === 'FILED') {
            <button nz-button nzType="primary" nzSize="small" [nzLoading]="busy()" (click)="review(o)" [attr.data-testid]="'objection-review-' + o.id">
              {{ 'objection.review' | pt }}
            </button>
          }
          @if (manage() && o.status === 'UNDER_REVIEW') {
            @let d = draft(o.id);
            <nz-radio-group [(ngModel)]="d.outcome" [attr.data-testid]="'objection-outcome-' + o.id">
              <label nz-radio-button nzValue="DISMISSED" [attr.data-testid]="'objection-dismiss-' + o.id">{{ 'objectionStatus.DISMISSED' | pt }}</label>
              <label nz-radio-button nzValue="UPHELD" [attr.data-testid]="'objection-uphold-' + o.id">{{ 'objectionStatus.UPHELD' | pt }}</label>
            </nz-radio-group>
            @if (d.outcome === 'UPHELD') {
              <nz-radio-group class="dd-objection-action" [(ngModel)]="d.action">
                <label nz-radio nzValue="RE_EVALUATE" [attr.data-testid]="'objection-action-reevaluate-' + o.id">{{ 'objectionAction.RE_EVALUATE' | pt }}</label>
                <label nz-radio nzValue="CANCEL" [attr.data-testid]="'objection-action-cancel-' + o.id">{{ 'objectionAction.CANCEL' | pt }}</label>
              </nz-radio-group>
            }
            <textarea nz-input rows="3" maxlength="5000" [(ngModel)]="d.answer" [placeholder]="'objection.answerPlaceholder' | pt" [attr.data-testid]="'objection-answer-' + o.id" [attr.aria-label]="'objection.answerPlaceholder' | pt"></textarea>
            <div class="dd-form-actions">
              <button
                nz-button
                nzType="primary"
                [disabled]="d.answer.trim().length < 2"
                [nzLoading]="busy()"
                (click)="answer(o)"
                [attr.data-testid]="'objection-answer-submit-' + o.id"
              >
                {{ 'objection.answerSubmit' | pt }}
              </button>
            </div>
          }
        </nz-card>
      } @empty {
        <nz-empty [nzNotFoundContent]="'objection.none' | pt" />
      }
    </div>
  `,
  styles: `
    .dd-objection {
      display: block;
      margin-bottom: 12px;
    }
    .dd-objection-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .dd-objection-action {
      display: block;
      margin: 8px 0;
    }
    .dd-proc-pre {
      white-space: pre-wrap;
    }
  `,
})
export class ObjectionsPanelComponent implements OnInit {
  private readonly api = inject(ObjectionsApi);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  /** Only this tender's objections; all of them without it. */
  readonly tenderId = input<number | null>(null);
  readonly manage = input(false);
  readonly changed = output<void>();

  protected readonly objections = signal<Objection[]>([]);
  protected readonly shown = computed(() => {
    const id = this.tenderId();
    return id === null ? this.objections() : this.objections().filter((o) => o.tenderId === id);
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<InlineProblem | null>(null);
  private readonly drafts = new Map<number, AnswerDraft>();

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) => this.objections.set(list));
  }

  protected draft(id: number): AnswerDraft {
    let d = this.drafts.get(id);
    if (!d) {
      d = { outcome: 'DISMISSED', action: 'RE_EVALUATE', answer: '' };
      this.drafts.set(id, d);
    }
    return d;
  }

  protected time(value: string): string {
    return formatMinute(value, this.base.lang());
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }

  protected review(o: Objection): void {
    this.busy.set(true);
    this.api.review(o.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.load();
      },
      error: () => this.busy.set(false),
    });
  }

  protected answer(o: Objection): void {
    const d = this.draft(o.id);
    this.busy.set(true);
    this.problem.set(null);
    const body =
      d.outcome === 'UPHELD'
        ? { outcome: d.outcome, answer: d.answer.trim(), action: d.action }
        : { outcome: d.outcome, answer: d.answer.trim() };
    this.api.answer(o.id, body, silentErrors()).subscribe({
      next: () => {
        this.busy.set(false);
        this.drafts.delete(o.id);
        this.message.success(this.i18n.t('objection.answered'));
        this.load();
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }
}
