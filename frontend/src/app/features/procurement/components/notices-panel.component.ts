import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable } from 'rxjs';

import { silentErrors } from '../../../core/http/http-context';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formatDeadline, formatMinute } from '../../../shared/dates';
import { inlineProblem } from '../data/errors';
import { Notice, Tender } from '../data/procurement.types';
import { TendersApi } from '../data/tenders.api';
import { InlineProblem, ProcTranslatePipe, ProcurementI18n } from '../i18n/procurement-i18n';

export type NoticesRole = 'officer' | 'bidder' | 'reader';

/**
 * 澄清与变更: clarifications (questions from bidders, answered and published to all bidders, or
 * published by the purchaser) and amendments. An amendment that affects bid preparation may move
 * the deadline to keep 15 days; submitted bids must then be re-confirmed.
 */
@Component({
  selector: 'dd-notices-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzEmptyModule,
    NzInputModule,
    NzTagModule,
    ProcTranslatePipe,
  ],
  template: `
    @let open = tender().status === 'PUBLISHED';
    @if (problem(); as p) {
      <nz-alert class="dd-form-alert" nzType="error" nzShowIcon nzCloseable [nzMessage]="p.detail" [nzDescription]="p.fieldErrors.join('; ')" data-testid="notice-error" />
    }
    @if (role() === 'officer' && open) {
      <div class="dd-notice-forms">
        <nz-card nzSize="small" [nzTitle]="'notice.clarifyTitle' | pt">
          <textarea nz-input rows="3" maxlength="10000" [(ngModel)]="clarification" [placeholder]="'notice.clarifyPlaceholder' | pt" data-testid="notice-clarify-body" [attr.aria-label]="'notice.clarifyPlaceholder' | pt"></textarea>
          <div class="dd-form-actions">
            <button nz-button nzType="primary" [disabled]="clarification.trim().length < 2" [nzLoading]="busy()" (click)="clarify()" data-testid="notice-clarify-submit">
              {{ 'notice.publish' | pt }}
            </button>
          </div>
        </nz-card>
        <nz-card nzSize="small" [nzTitle]="'notice.amendTitle' | pt">
          <textarea nz-input rows="3" maxlength="10000" [(ngModel)]="amendment" [placeholder]="'notice.amendPlaceholder' | pt" data-testid="notice-amend-body" [attr.aria-label]="'notice.amendPlaceholder' | pt"></textarea>
          <label nz-checkbox [(ngModel)]="affects" data-testid="notice-amend-affects">{{ 'notice.affects' | pt }}</label>
          <p class="dd-muted">{{ 'notice.affectsHint' | pt }}</p>
          <div class="dd-form-actions">
            <button nz-button nzType="primary" [disabled]="amendment.trim().length < 2" [nzLoading]="busy()" (click)="amend()" data-testid="notice-amend-submit">
              {{ 'notice.publishAmendment' | pt }}
            </button>
          </div>
        </nz-card>
      </div>
    }
    @if (role() === 'bidder' && open) {
      <nz-card nzSize="small" class="dd-notice-block" [nzTitle]="'notice.askTitle' | pt">
        <textarea nz-input rows="3" maxlength="2000" [(ngModel)]="question" [placeholder]="'notice.askPlaceholder' | pt" data-testid="notice-question-body" [attr.aria-label]="'notice.askPlaceholder' | pt"></textarea>
        <div class="dd-form-actions">
          <button nz-button nzType="primary" [disabled]="question.trim().length < 2" [nzLoading]="busy()" (click)="ask()" data-testid="notice-question-submit">
            {{ 'notice.ask' | pt }}
          </button>
        </div>
      </nz-card>
    }
    <div data-testid="notices">
      @for (n of notices(); track n.id) {
        <nz-card nzSize="small" class="dd-notice-block" [attr.data-testid]="'notice-' + n.id" [attr.data-kind]="n.kind" [attr.data-status]="n.status">
          <div class="dd-notice-head">
            <nz-tag [nzColor]="n.kind === 'AMENDMENT' ? 'volcano' : 'blue'">{{ (n.kind === 'AMENDMENT' ? 'notice.amendment' : 'notice.clarification') | pt }}</nz-tag>
            @if (n.status === 'ASKED') {
              <nz-tag nzColor="orange">{{ 'notice.asked' | pt }}</nz-tag>
            }
            @if (n.mine) {
              <nz-tag>{{ 'notice.mine' | pt }}</nz-tag>
            }
            @if (n.affectsPreparation) {
              <nz-tag nzColor="red">{{ 'notice.affects' | pt }}</nz-tag>
            }
            <span class="dd-muted">{{ time(n.publishedAt ?? n.createdAt) }}</span>
          </div>
          @if (n.question) {
            <p class="dd-proc-pre"><strong>{{ 'notice.q' | pt }}</strong>{{ n.question }}</p>
          }
          @if (n.body) {
            <p class="dd-proc-pre">
              @if (n.question) {
                <strong>{{ 'notice.a' | pt }}</strong>
              }
              {{ n.body }}
            </p>
          }
          @if (n.deadlineAfter && n.deadlineAfter !== n.deadlineBefore) {
            <nz-alert
              nzType="warning"
              nzShowIcon
              [nzMessage]="'notice.deadlineMoved' | pt: { before: deadline(n.deadlineBefore), after: deadline(n.deadlineAfter) }"
              [attr.data-testid]="'notice-moved-' + n.id"
            />
          }
          @if (role() === 'officer' && n.status === 'ASKED' && open) {
            <textarea nz-input rows="2" maxlength="10000" [(ngModel)]="answers[n.id]" [placeholder]="'notice.answerPlaceholder' | pt" [attr.data-testid]="'notice-answer-' + n.id" [attr.aria-label]="'notice.answerPlaceholder' | pt"></textarea>
            <div class="dd-form-actions">
              <button
                nz-button
                nzType="primary"
                nzSize="small"
                [disabled]="!answerValid(n.id)"
                [nzLoading]="busy()"
                (click)="answer(n)"
                [attr.data-testid]="'notice-answer-submit-' + n.id"
              >
                {{ 'notice.answerPublish' | pt }}
              </button>
            </div>
          }
        </nz-card>
      } @empty {
        <nz-empty [nzNotFoundContent]="'notice.none' | pt" />
      }
    </div>
  `,
  styles: `
    .dd-notice-forms {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 16px;
      margin-bottom: 16px;
    }
    .dd-notice-block {
      display: block;
      margin-bottom: 12px;
    }
    .dd-notice-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
      margin-bottom: 8px;
    }
    .dd-proc-pre {
      white-space: pre-wrap;
      margin: 0 0 8px;
    }
  `,
})
export class NoticesPanelComponent {
  private readonly api = inject(TendersApi);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  readonly tender = input.required<Tender>();
  readonly role = input<NoticesRole>('reader');
  /** An amendment came back with the tender (its deadline may have moved). */
  readonly tenderChange = output<Tender>();

  protected readonly notices = signal<Notice[]>([]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<InlineProblem | null>(null);
  protected clarification = '';
  protected amendment = '';
  protected affects = false;
  protected question = '';
  protected answers: Record<number, string> = {};
  private loadedFor = 0;

  constructor() {
    effect(() => {
      const id = this.tender().id;
      untracked(() => {
        if (id !== this.loadedFor) this.load();
      });
    });
  }

  load(): void {
    this.loadedFor = this.tender().id;
    this.api
      .notices(this.tender().id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((notices) => this.notices.set(notices));
  }

  protected answerValid(id: number): boolean {
    const text: string | undefined = this.answers[id];
    return (text ?? '').trim().length >= 2;
  }

  protected time(value: string): string {
    return formatMinute(value, this.base.lang());
  }

  protected deadline(value: string | null): string {
    return value ? formatDeadline(value) : '';
  }

  private run<T>(call: Observable<T>, done: (result: T) => void): void {
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: (result) => {
        this.busy.set(false);
        done(result);
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }

  protected clarify(): void {
    this.run(this.api.clarify(this.tender().id, this.clarification.trim(), silentErrors()), () => {
      this.clarification = '';
      this.message.success(this.i18n.t('notice.published'));
    });
  }

  protected amend(): void {
    const before = this.tender().bidDeadline;
    this.run(this.api.amend(this.tender().id, this.amendment.trim(), this.affects, silentErrors()), (tender) => {
      this.amendment = '';
      this.affects = false;
      this.tenderChange.emit(tender);
      if (tender.bidDeadline !== before) {
        this.message.warning(
          this.i18n.t('notice.deadlineMoved', {
            before: formatDeadline(before),
            after: formatDeadline(tender.bidDeadline),
          }),
        );
      } else {
        this.message.success(this.i18n.t('notice.published'));
      }
    });
  }

  protected ask(): void {
    this.run(this.api.ask(this.tender().id, this.question.trim(), silentErrors()), () => {
      this.question = '';
      this.message.success(this.i18n.t('notice.askedOk'));
    });
  }

  protected answer(n: Notice): void {
    this.run(this.api.answer(this.tender().id, n.id, (this.answers[n.id] ?? '').trim(), silentErrors()), () => {
      delete this.answers[n.id];
      this.message.success(this.i18n.t('notice.published'));
    });
  }
}
