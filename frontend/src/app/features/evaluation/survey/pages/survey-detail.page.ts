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
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AuthService } from '../../../../core/auth/auth.service';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline, formatMinute, todayInBeijing } from '../../../../shared/dates';
import { SurveyFiguresComponent } from '../components/survey-figures.component';
import { SurveyQuestionsComponent } from '../components/survey-questions.component';
import { SurveyShareComponent } from '../components/survey-share.component';
import { firstUnanswered, isComplete, normaliseResident, QUESTION_KEYS } from '../data/survey-logic';
import { SurveyDetail, SurveyMode, SurveyResident, SurveysApi } from '../data/surveys.api';
import { SurveyCodePipe, SurveyI18n, SurveyTranslatePipe } from '../i18n/survey-i18n';

/**
 * 满意度调查 of one project (`/evaluation/surveys/:projectId` for the officer and the readers of results,
 * `/community/surveys/:projectId` for the community worker): open it (with a closing date), share its link and QR
 * code, see its figures, close it early (the officer); the eligible residents and the beneficiaries recorded by
 * username or phone (the officer and the workers: whether each has answered, never what); the worker's proxy answer
 * for a resident without a phone.
 */
@Component({
  selector: 'dd-survey-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    SurveyFiguresComponent,
    SurveyQuestionsComponent,
    SurveyShareComponent,
    SurveyTranslatePipe,
    SurveyCodePipe,
  ],
  template: `
    <section class="dd-page dd-survey-detail">
      <p><a [routerLink]="listLink()"><span aria-hidden="true">← </span>{{ 'survey.detail.back' | sv }}</a></p>
      <nz-spin [nzSpinning]="loading()">
        @if (loadError()) {
          <nz-alert nzType="error" nzShowIcon [nzMessage]="loadError()!" data-testid="survey-detail-error" />
        }
        @if (detail(); as d) {
          <header class="dd-page-head">
            <div>
              <h1 data-testid="survey-detail-title">{{ d.projectTitle }}</h1>
              <div class="dd-muted">
                {{ d.regionName }}
                @if (d.contractCode) {
                  · {{ 'survey.detail.contract' | sv: { code: d.contractCode } }}
                }
                @if (d.organisationName) {
                  · {{ d.organisationName }}
                }
              </div>
            </div>
            @if (d.survey; as s) {
              <nz-tag [nzColor]="s.status === 'OPEN' ? 'green' : 'blue'" data-testid="survey-detail-status" [attr.data-status]="s.status">
                {{ s.status | svc: 'survey.status.' }}
              </nz-tag>
            } @else {
              <nz-tag data-testid="survey-detail-status" data-status="NONE">{{ 'survey.status.NONE' | sv }}</nz-tag>
            }
          </header>

          @if (d.survey; as s) {
            <p class="dd-muted" data-testid="survey-detail-period">
              {{ 'survey.detail.period' | sv: { opened: minute(s.openedAt), deadline: deadline(s.closesAt) } }}
              @if (s.closedAt) {
                · {{ 'survey.detail.closedAt' | sv: { time: minute(s.closedAt) } }}
              }
            </p>
            @if (s.status === 'OPEN' && canClose()) {
              <button
                nz-button
                nzDanger
                nz-popconfirm
                [nzPopconfirmTitle]="'survey.detail.closeConfirm' | sv"
                (nzOnConfirm)="close()"
                [nzLoading]="busy()"
                data-testid="survey-close"
              >
                {{ 'survey.detail.close' | sv }}
              </button>
            }
            @if (s.link && s.status === 'OPEN') {
              <nz-card class="dd-card" [nzTitle]="'survey.share.title' | sv">
                <dd-survey-share [link]="s.link" [project]="d.projectTitle" [closesAt]="s.closesAt" />
              </nz-card>
            }
          } @else {
            <nz-card class="dd-card" data-testid="survey-not-opened">
              @if (d.contractId === null) {
                <p>{{ 'survey.detail.noContract' | sv }}</p>
              } @else if (d.canOpen) {
                <p>{{ 'survey.detail.none' | sv }}</p>
                <form class="dd-open" (submit)="$event.preventDefault(); open()" data-testid="survey-open-form">
                  <label for="dd-survey-closes-on">{{ 'survey.detail.closesOn' | sv }}</label>
                  <input
                    nz-input
                    id="dd-survey-closes-on"
                    type="date"
                    name="closesOn"
                    [min]="today"
                    [(ngModel)]="closesOn"
                    aria-describedby="dd-survey-closes-on-hint"
                    data-testid="survey-closes-on"
                  />
                  <button nz-button nzType="primary" type="submit" [nzLoading]="busy()" data-testid="survey-open">
                    {{ 'survey.detail.open' | sv }}
                  </button>
                  <div id="dd-survey-closes-on-hint" class="dd-muted dd-open-hint">{{ 'survey.detail.closesOnHint' | sv }}</div>
                </form>
                @if (openError()) {
                  <nz-alert nzType="error" nzShowIcon [nzMessage]="openError()!" data-testid="survey-open-error" />
                }
              } @else {
                <p>{{ 'survey.detail.none' | sv }} {{ 'survey.detail.cannotOpen' | sv }}</p>
              }
            </nz-card>
          }

          @if (d.figures) {
            <nz-card class="dd-card" [nzTitle]="'survey.figures.title' | sv">
              <dd-survey-figures [figures]="d.figures" />
            </nz-card>
          }

          @if (seesResidents()) {
            <nz-card class="dd-card" [nzTitle]="'survey.residents.title' | sv" data-testid="survey-residents">
              <p class="dd-muted">{{ (mode() === 'worker' ? 'survey.residents.hintWorker' : 'survey.residents.hint') | sv }}</p>
              <form class="dd-add" (submit)="$event.preventDefault(); addBeneficiary()" data-testid="survey-add-form">
                <label for="dd-survey-add">{{ 'survey.residents.addLabel' | sv }}</label>
                <div class="dd-add-row">
                  <input
                    nz-input
                    id="dd-survey-add"
                    name="resident"
                    maxlength="64"
                    autocomplete="off"
                    [(ngModel)]="newResident"
                    aria-describedby="dd-survey-add-hint"
                    data-testid="survey-add-resident"
                  />
                  <button nz-button type="submit" [nzLoading]="adding()" [disabled]="newResident.trim().length < 2" data-testid="survey-add">
                    <nz-icon nzType="plus" />{{ 'survey.residents.add' | sv }}
                  </button>
                </div>
                <div id="dd-survey-add-hint" class="dd-muted">{{ 'survey.residents.addHint' | sv }}</div>
              </form>
              @if (addError()) {
                <nz-alert nzType="error" nzShowIcon [nzMessage]="addError()!" data-testid="survey-add-error" />
              }
              <nz-table #rt nzSize="small" [nzData]="residents()" [nzShowPagination]="residents().length > 20" [nzPageSize]="20" [nzNoResult]="'survey.residents.empty' | sv" data-testid="survey-residents-table">
                <thead>
                  <tr>
                    <th>{{ 'survey.residents.name' | sv }}</th>
                    <th>{{ 'survey.residents.phone' | sv }}</th>
                    <th>{{ 'survey.residents.sources' | sv }}</th>
                    <th>{{ 'survey.residents.answered' | sv }}</th>
                    <th><span class="dd-sr-only">{{ 'survey.col.actions' | sv }}</span></th>
                  </tr>
                </thead>
                <tbody>
                  @for (r of rt.data; track r.userId) {
                    <tr [attr.data-testid]="'survey-resident-' + r.userId">
                      <td>
                        {{ r.displayName }}
                        @if (!r.verified) {
                          <nz-tag nzColor="orange">{{ 'survey.residents.unverified' | sv }}</nz-tag>
                        }
                      </td>
                      <td>{{ r.phone }}</td>
                      <td>
                        @for (src of r.sources; track src) {
                          <nz-tag>{{ src | svc: 'survey.residents.source.' }}</nz-tag>
                        }
                      </td>
                      <td [attr.data-testid]="'survey-resident-answered-' + r.userId">
                        {{ (r.answered ?? 'none') | svc: 'survey.residents.answered.' }}
                      </td>
                      <td>
                        @if (r.sources.includes('BENEFICIARY') && r.answered === null) {
                          <button
                            nz-button
                            nzType="link"
                            nzDanger
                            nz-popconfirm
                            [nzPopconfirmTitle]="'survey.residents.removeConfirm' | sv: { name: r.displayName }"
                            (nzOnConfirm)="removeBeneficiary(r)"
                            [attr.data-testid]="'survey-remove-' + r.userId"
                          >
                            {{ 'survey.residents.remove' | sv }}
                          </button>
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </nz-table>
            </nz-card>
          }

          @if (mode() === 'worker' && d.survey?.status === 'OPEN') {
            <nz-card class="dd-card" [nzTitle]="'survey.proxy.title' | sv" data-testid="survey-proxy">
              <p class="dd-muted">{{ 'survey.proxy.hint' | sv }}</p>
              @if (proxyCandidates().length === 0) {
                <p>{{ 'survey.proxy.none' | sv }}</p>
              } @else {
                <form (submit)="$event.preventDefault(); proxy()" data-testid="survey-proxy-form">
                  <label class="dd-proxy-label" for="dd-survey-proxy-resident">{{ 'survey.proxy.resident' | sv }}</label>
                  <nz-select
                    class="dd-proxy-select"
                    nzId="dd-survey-proxy-resident"
                    name="proxyResident"
                    nzShowSearch
                    [nzPlaceHolder]="'survey.proxy.choose' | sv"
                    [(ngModel)]="proxyResident"
                    data-testid="survey-proxy-resident"
                  >
                    @for (r of proxyCandidates(); track r.userId) {
                      <nz-option [nzValue]="r.userId" [nzLabel]="r.displayName + (r.phone ? ' ' + r.phone : '')" />
                    }
                  </nz-select>
                  <dd-survey-questions [questions]="d.survey!.questions" [(answers)]="proxyAnswers" [(comment)]="proxyComment" [disabled]="busy()" />
                  @if (proxyMissing() > 0) {
                    <p class="dd-form-error" role="alert">{{ 'survey.missing' | sv: { n: proxyMissing() } }}</p>
                  }
                  @if (proxyError()) {
                    <nz-alert class="dd-form-alert" nzType="error" nzShowIcon [nzMessage]="proxyError()!" data-testid="survey-proxy-error" />
                  }
                  <button nz-button nzType="primary" type="submit" [nzLoading]="busy()" [disabled]="proxyResident === null" data-testid="survey-proxy-submit">
                    {{ 'survey.proxy.submit' | sv }}
                  </button>
                </form>
              }
            </nz-card>
          }
        }
      </nz-spin>
    </section>
  `,
  styles: `
    .dd-card {
      margin: 16px 0;
    }
    .dd-open {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .dd-open input {
      width: 180px;
    }
    .dd-open-hint {
      flex-basis: 100%;
    }
    .dd-add {
      margin-bottom: 12px;
    }
    .dd-add-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 4px 0;
    }
    .dd-add-row input {
      width: 240px;
      max-width: 100%;
    }
    .dd-proxy-label {
      display: block;
      margin-bottom: 4px;
    }
    .dd-proxy-select {
      width: 100%;
      max-width: 360px;
      margin-bottom: 16px;
    }
    .dd-sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    nz-alert {
      margin: 8px 0;
    }
  `,
})
export default class SurveyDetailPage {
  private readonly api = inject(SurveysApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(SurveyI18n);
  private readonly base = inject(TranslationService);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route (`…/surveys/:projectId`) and its data (`mode`: absent on the staff routes, which the router binds as undefined). */
  readonly projectId = input.required<string>();
  readonly mode = input<SurveyMode, SurveyMode | undefined>('staff', { transform: (m) => m ?? 'staff' });

  protected readonly detail = signal<SurveyDetail | null>(null);
  protected readonly residents = signal<SurveyResident[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly adding = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly openError = signal<string | null>(null);
  protected readonly addError = signal<string | null>(null);
  protected readonly proxyError = signal<string | null>(null);
  protected readonly proxyMissing = signal(0);
  protected readonly proxyAnswers = signal<Array<number | null>>([]);
  protected readonly proxyComment = signal('');
  protected proxyResident: number | null = null;
  protected newResident = '';
  protected closesOn = '';
  protected readonly today = todayInBeijing();
  protected readonly minute = formatMinute;
  protected readonly deadline = formatDeadline;

  protected readonly listLink = computed(() =>
    this.mode() === 'worker' ? '/community/surveys' : '/evaluation/surveys',
  );
  private readonly manages = computed(() => this.mode() !== 'worker' && this.auth.can(PERMISSIONS.EVALUATION_MANAGE));
  protected readonly canClose = this.manages;
  protected readonly seesResidents = computed(() => this.mode() === 'worker' || this.manages());
  /** Verified residents of my community who have not answered themselves. */
  protected readonly proxyCandidates = computed(() =>
    this.residents().filter((r) => r.verified && r.answered !== 'SELF'),
  );

  constructor() {
    effect(() => {
      const id = Number(this.projectId());
      untracked(() => this.load(id));
    });
  }

  private id(): number {
    return Number(this.projectId());
  }

  private load(id: number): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api
      .get(this.mode(), id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (d) => {
          this.detail.set(d);
          this.resetProxy(d);
          this.loading.set(false);
        },
        error: (e: HttpErrorResponse) => {
          this.loading.set(false);
          this.loadError.set(this.describe(e));
        },
      });
    if (this.seesResidents()) this.loadResidents(id);
  }

  private loadResidents(id: number): void {
    this.api
      .residents(this.mode(), id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) => this.residents.set(list));
  }

  private resetProxy(d: SurveyDetail): void {
    const questions = d.survey?.questions ?? [...QUESTION_KEYS];
    this.proxyAnswers.set(questions.map(() => null));
    this.proxyComment.set('');
    this.proxyResident = null;
    this.proxyMissing.set(0);
  }

  protected open(): void {
    this.busy.set(true);
    this.openError.set(null);
    this.api
      .open(this.mode(), this.id(), this.closesOn || null)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (d) => {
          this.busy.set(false);
          this.detail.set(d);
          this.resetProxy(d);
          this.message.success(this.i18n.t('survey.detail.opened'));
        },
        error: (e: HttpErrorResponse) => {
          this.busy.set(false);
          this.openError.set(
            this.hasFieldError(e, 'closesOn') ? this.i18n.t('survey.detail.badDate') : this.describe(e),
          );
        },
      });
  }

  protected close(): void {
    this.busy.set(true);
    this.api
      .close(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (d) => {
          this.busy.set(false);
          this.detail.set(d);
          this.message.success(this.i18n.t('survey.detail.closedDone'));
        },
        error: () => this.busy.set(false),
      });
  }

  protected addBeneficiary(): void {
    const who = normaliseResident(this.newResident);
    if (who.length < 2) return;
    this.adding.set(true);
    this.addError.set(null);
    this.api
      .addBeneficiary(this.mode(), this.id(), who)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) => {
          this.adding.set(false);
          this.residents.set(list);
          this.newResident = '';
          this.message.success(this.i18n.t('survey.residents.added'));
          this.refreshFigures();
        },
        error: (e: HttpErrorResponse) => {
          this.adding.set(false);
          this.addError.set(
            this.hasFieldError(e, 'resident') ? this.i18n.t('survey.residents.notFound') : this.describe(e),
          );
        },
      });
  }

  protected removeBeneficiary(r: SurveyResident): void {
    this.api
      .removeBeneficiary(this.mode(), this.id(), r.userId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) => {
        this.residents.set(list);
        this.refreshFigures();
      });
  }

  protected proxy(): void {
    const d = this.detail();
    const residentId = this.proxyResident;
    if (!d?.survey || residentId === null) return;
    const answers = this.proxyAnswers();
    if (!isComplete(d.survey.questions, answers)) {
      this.proxyMissing.set(firstUnanswered(d.survey.questions, answers) + 1);
      return;
    }
    const name = this.residents().find((r) => r.userId === residentId)?.displayName ?? '';
    this.proxyMissing.set(0);
    this.proxyError.set(null);
    this.busy.set(true);
    this.api
      .proxyAnswer(this.id(), residentId, { answers: answers as number[], comment: this.proxyComment().trim() || null })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) => {
          this.busy.set(false);
          this.residents.set(list);
          this.resetProxy(d);
          this.message.success(this.i18n.t('survey.proxy.done', { name }));
          this.refreshFigures();
        },
        error: (e: HttpErrorResponse) => {
          this.busy.set(false);
          this.proxyError.set(this.describe(e));
        },
      });
  }

  private refreshFigures(): void {
    this.api
      .get(this.mode(), this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((d) => this.detail.set(d));
  }

  private hasFieldError(e: HttpErrorResponse, field: string): boolean {
    const errors = (e.error as { errors?: Array<{ field?: string }> } | null)?.errors ?? [];
    return e.status === 422 && errors.some((x) => x.field === field);
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
