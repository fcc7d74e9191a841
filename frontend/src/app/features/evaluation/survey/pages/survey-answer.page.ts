import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';

import { AuthService } from '../../../../core/auth/auth.service';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline } from '../../../../shared/dates';
import { SurveyQuestionsComponent } from '../components/survey-questions.component';
import { firstUnanswered, isComplete, scaleOf } from '../data/survey-logic';
import { ResidentSurvey, SurveysApi } from '../data/surveys.api';
import { SurveyCodePipe, SurveyI18n, SurveyTranslatePipe } from '../i18n/survey-i18n';

type Problem = 'NOT_FOUND' | 'NOT_RESIDENT' | 'OTHER';

/**
 * 满意度调查, the resident's page (`/s/:token`, the share link and QR code; from the inbox and the need's timeline):
 * made for a phone — the questions as large tappable choices, the free text, submit; then "thank you" with the
 * answer and "change my answer" while the survey is open. A resident who may not answer is told why; the sign-in
 * page brings a resident who was not signed in back here (the shell's guard keeps the link as `returnUrl`).
 */
@Component({
  selector: 'dd-survey-answer-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzResultModule,
    NzSpinModule,
    SurveyQuestionsComponent,
    SurveyTranslatePipe,
    SurveyCodePipe,
  ],
  template: `
    <section class="dd-page dd-narrow dd-resident dd-survey" data-testid="survey-page">
      <nz-spin [nzSpinning]="loading()">
        @if (problem(); as p) {
          @switch (p) {
            @case ('NOT_FOUND') {
              <nz-result nzStatus="404" [nzTitle]="'survey.notFound' | sv" [nzSubTitle]="'survey.notFoundBody' | sv" data-testid="survey-not-found" />
            }
            @case ('NOT_RESIDENT') {
              <nz-result nzStatus="info" [nzTitle]="'survey.notResident' | sv" [nzSubTitle]="'survey.notResidentBody' | sv" data-testid="survey-not-resident" />
            }
            @default {
              <nz-alert nzType="error" nzShowIcon [nzMessage]="errorText() ?? ''" data-testid="survey-error" />
            }
          }
        }
        @if (survey(); as s) {
          <header class="dd-survey-head">
            <h1>{{ 'survey.title' | sv }}</h1>
            <p class="dd-survey-project" data-testid="survey-project">{{ s.projectTitle }}</p>
            <p>{{ 'survey.intro' | sv: { organisation: s.organisationName, project: s.projectTitle } }}</p>
            @if (s.status === 'OPEN') {
              <p class="dd-survey-deadline">{{ 'survey.closesAt' | sv: { deadline: deadline(s.closesAt) } }}</p>
            }
          </header>

          @if (s.status === 'CLOSED') {
            <nz-alert nzType="info" nzShowIcon [nzMessage]="'survey.closed' | sv" [nzDescription]="'survey.closedBody' | sv" data-testid="survey-closed" />
          } @else if (!s.eligible) {
            <nz-alert
              nzType="warning"
              nzShowIcon
              [nzMessage]="'survey.notEligible' | sv"
              [nzDescription]="s.reason | svc: 'survey.reason.'"
              data-testid="survey-not-eligible"
            />
          }

          @if (s.myAnswer && !editing()) {
            <section class="dd-survey-done" data-testid="survey-done">
              @if (s.status === 'OPEN') {
                <h2 class="dd-thanks">{{ 'survey.thanks' | sv }}</h2>
                <p>{{ 'survey.thanksBody' | sv: { deadline: deadline(s.closesAt) } }}</p>
              } @else {
                <h2>{{ 'survey.yourAnswer' | sv }}</h2>
              }
              @if (s.myAnswer.channel === 'PROXY') {
                <p class="dd-muted" data-testid="survey-proxied">{{ 'survey.proxied' | sv }}</p>
              }
              <dl class="dd-survey-summary">
                @for (q of s.questions; track q; let i = $index) {
                  <div>
                    <dt>{{ q | svc: 'survey.q.' }}</dt>
                    <dd [attr.data-testid]="'survey-summary-' + q">{{ s.myAnswer.answers[i] | svc: 'survey.scale.' + scale(q) + '.' }}</dd>
                  </div>
                }
                @if (s.myAnswer.comment) {
                  <div>
                    <dt>{{ 'survey.comment' | sv }}</dt>
                    <dd>{{ s.myAnswer.comment }}</dd>
                  </div>
                }
              </dl>
              @if (s.status === 'OPEN') {
                <button nz-button nzSize="large" nzBlock data-testid="survey-change" (click)="edit()">{{ 'survey.change' | sv }}</button>
              }
            </section>
          } @else if (s.status === 'OPEN' && s.eligible) {
            <form class="dd-survey-form" data-testid="survey-form" (submit)="$event.preventDefault(); submit()">
              <dd-survey-questions [questions]="s.questions" [(answers)]="answers" [(comment)]="comment" [disabled]="saving()" />
              @if (missing() > 0) {
                <p class="dd-form-error" role="alert" data-testid="survey-missing">{{ 'survey.missing' | sv: { n: missing() } }}</p>
              }
              @if (errorText() && !problem()) {
                <nz-alert class="dd-form-alert" nzType="error" nzShowIcon [nzMessage]="errorText()!" data-testid="survey-submit-error" />
              }
              <button nz-button nzType="primary" nzSize="large" nzBlock type="submit" [nzLoading]="saving()" data-testid="survey-submit">
                {{ (s.myAnswer ? 'survey.saveChange' : 'survey.submit') | sv }}
              </button>
              @if (s.myAnswer) {
                <button nz-button nzSize="large" nzBlock type="button" class="dd-survey-cancel" (click)="editing.set(false)">
                  {{ 'survey.cancelChange' | sv }}
                </button>
              }
            </form>
          }
          @if (isResident()) {
            <p class="dd-survey-more"><a routerLink="/my/surveys">{{ 'survey.mySurveys' | sv }}</a></p>
          }
        }
      </nz-spin>
    </section>
  `,
  styles: `
    .dd-survey-head h1 {
      margin: 0 0 4px;
      font-size: 22px;
    }
    .dd-survey-project {
      margin: 0 0 8px;
      font-size: max(18px, var(--dd-text-min));
      font-weight: 600;
    }
    .dd-survey-deadline {
      font-weight: 600;
    }
    .dd-survey-head,
    .dd-survey-form,
    .dd-survey-done {
      margin-bottom: 16px;
    }
    .dd-survey-done,
    .dd-survey-form {
      padding: 16px;
      background: #fff;
      border-radius: 10px;
    }
    nz-alert {
      margin-bottom: 16px;
    }
    .dd-thanks {
      color: var(--dd-success);
    }
    .dd-survey-summary {
      margin: 0 0 16px;
    }
    .dd-survey-summary div {
      padding: 8px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .dd-survey-summary dt {
      color: var(--dd-text-secondary);
    }
    .dd-survey-summary dd {
      margin: 0;
      font-size: max(17px, var(--dd-text-min));
      font-weight: 600;
    }
    .dd-survey-cancel {
      margin-top: 8px;
    }
    .dd-survey-more {
      text-align: center;
    }
  `,
})
export default class SurveyAnswerPage {
  private readonly api = inject(SurveysApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(SurveyI18n);
  private readonly base = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route (`/s/:token`). */
  readonly token = input.required<string>();

  protected readonly survey = signal<ResidentSurvey | null>(null);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly editing = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly errorText = signal<string | null>(null);
  protected readonly answers = signal<Array<number | null>>([]);
  protected readonly comment = signal('');
  /** The number (1-based) of the first question left without an answer after a submit, 0 when none. */
  protected readonly missing = signal(0);
  protected readonly isResident = computed(() => this.auth.can(PERMISSIONS.SURVEYS_ANSWER));
  protected readonly scale = scaleOf;
  protected readonly deadline = formatDeadline;

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => this.load(token));
    });
  }

  private load(token: string): void {
    this.loading.set(true);
    this.problem.set(null);
    this.errorText.set(null);
    if (!this.isResident()) {
      this.problem.set('NOT_RESIDENT');
      this.loading.set(false);
      return;
    }
    this.api
      .byToken(token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (s) => this.show(s),
        error: (e: HttpErrorResponse) => {
          this.loading.set(false);
          if (e.status === 404 || e.status === 400) this.problem.set('NOT_FOUND');
          else if (e.status === 403) this.problem.set('NOT_RESIDENT');
          else {
            this.problem.set('OTHER');
            this.errorText.set(this.describe(e));
          }
        },
      });
  }

  private show(s: ResidentSurvey): void {
    this.survey.set(s);
    this.answers.set(s.questions.map((_, i) => s.myAnswer?.answers[i] ?? null));
    this.comment.set(s.myAnswer?.comment ?? '');
    this.editing.set(false);
    this.missing.set(0);
    this.loading.set(false);
  }

  protected edit(): void {
    const s = this.survey();
    if (!s) return;
    this.answers.set(s.questions.map((_, i) => s.myAnswer?.answers[i] ?? null));
    this.comment.set(s.myAnswer?.comment ?? '');
    this.editing.set(true);
  }

  protected submit(): void {
    const s = this.survey();
    if (!s || this.saving()) return;
    const answers = this.answers();
    if (!isComplete(s.questions, answers)) {
      this.missing.set(firstUnanswered(s.questions, answers) + 1);
      return;
    }
    this.missing.set(0);
    this.errorText.set(null);
    this.saving.set(true);
    this.api
      .answer(this.token(), { answers: answers as number[], comment: this.comment().trim() || null })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (next) => {
          this.saving.set(false);
          this.show(next);
        },
        error: (e: HttpErrorResponse) => {
          this.saving.set(false);
          this.errorText.set(this.describe(e));
          // closed or no longer allowed meanwhile: show the page as it is now
          if (e.status === 409 || e.status === 403) this.reloadKeepingError();
        },
      });
  }

  private reloadKeepingError(): void {
    const text = this.errorText();
    this.api
      .byToken(this.token())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((s) => {
        this.show(s);
        this.errorText.set(text);
      });
  }

  private describe(e: HttpErrorResponse): string {
    const reason = (e.error as { reason?: string } | null)?.reason;
    if (e.status === 403 && reason) return this.i18n.code('survey.reason.', reason);
    return describeHttpError(
      e.status,
      e.error,
      (key, params) => this.base.t(key, params),
      (key) => this.base.dynamic(key, '') || null,
    ).detail;
  }
}
