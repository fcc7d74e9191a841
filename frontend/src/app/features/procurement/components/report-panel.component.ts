import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
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
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { newIdempotencyKey } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';
import { TranslationService } from '../../../core/i18n/translation.service';
import { ConfirmSummaryComponent, SummaryRow } from '../../../shared/confirm-summary.component';
import { formatDeadline, formatMinute } from '../../../shared/dates';
import { MoneyPipe } from '../../../shared/money.pipe';
import { awardSummary } from '../data/confirm-summary';
import { inlineProblem } from '../data/errors';
import { CommitteeReport, Tender } from '../data/procurement.types';
import { TendersApi } from '../data/tenders.api';
import { InlineProblem, ProcCodePipe, ProcTranslatePipe, ProcurementI18n } from '../i18n/procurement-i18n';

/**
 * 评标报告: the committee's ranking (price score, technical score, total; ties broken by lower
 * price, then higher technical score), the disqualified bids, the recommended bid(s); the officer
 * confirms the winner, which publishes the award notice (中标公告).
 */
@Component({
  selector: 'dd-report-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConfirmSummaryComponent,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzEmptyModule,
    NzIconModule,
    NzRadioModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  template: `
    @if (problem(); as p) {
      <nz-alert class="dd-form-alert" nzType="error" nzShowIcon nzCloseable [nzMessage]="p.detail" [nzDescription]="p.fieldErrors.join('; ')" data-testid="report-error" />
    }
    @if (report(); as r) {
      <p class="dd-muted" data-testid="report-meta">
        {{ 'report.meta' | pt: { round: r.round, time: time(r.generatedAt), scoring: (r.scoringMethod | pc: 'scoring.'), weight: r.priceWeight } }}
      </p>
      @if (tender().confirmationDueAt && tender().status === 'RECOMMENDED') {
        <nz-alert class="dd-form-alert" nzType="warning" nzShowIcon [nzMessage]="'report.confirmDue' | pt: { due: deadline(tender().confirmationDueAt) }" />
      }
      <nz-table #ranking nzSize="small" [nzData]="r.ranking" [nzShowPagination]="false" [nzFrontPagination]="false" [nzScroll]="{ x: '800px' }" data-testid="report-ranking">
        <thead>
          <tr>
            @if (choosing()) {
              <th nzWidth="60px"></th>
            }
            <th nzWidth="70px">{{ 'report.rank' | pt }}</th>
            <th>{{ 'bid.organisation' | pt }}</th>
            <th nzAlign="right">{{ 'bid.price' | pt }}</th>
            <th nzAlign="right">{{ 'tender.priceScore' | pt }}</th>
            <th nzAlign="right">{{ 'report.technical' | pt }}</th>
            <th nzAlign="right">{{ 'report.total' | pt }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (row of ranking.data; track row.bidId) {
            <tr [attr.data-testid]="'report-row-' + row.bidId" [attr.data-rank]="row.rank" [attr.data-organisation]="row.organisationName">
              @if (choosing()) {
                <td>
                  @if (r.recommended.includes(row.bidId)) {
                    <label nz-radio [ngModel]="winner() === row.bidId" (ngModelChange)="winner.set(row.bidId)" [attr.data-testid]="'award-choose-' + row.bidId"></label>
                  }
                </td>
              }
              <td>{{ row.rank }}</td>
              <td>{{ row.organisationName }}</td>
              <td nzAlign="right" class="dd-nowrap">{{ row.price | money }}</td>
              <td nzAlign="right">{{ row.priceScore ?? '—' }}</td>
              <td nzAlign="right">{{ row.technicalScore ?? '—' }}</td>
              <td nzAlign="right"><strong>{{ row.totalScore ?? '—' }}</strong></td>
              <td>
                @if (r.recommended.includes(row.bidId)) {
                  <nz-tag nzColor="gold" [attr.data-testid]="'report-recommended-' + row.bidId">{{ 'report.recommended' | pt }}</nz-tag>
                }
                @if (tender().winnerBidId === row.bidId) {
                  <nz-tag nzColor="green">{{ 'report.winner' | pt }}</nz-tag>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      @if (r.disqualified.length > 0) {
        <h3 class="dd-proc-sub">{{ 'report.disqualified' | pt }}</h3>
        <ul>
          @for (d of r.disqualified; track d.bidId) {
            <li>{{ d.organisationName }}：{{ d.reason }}</li>
          }
        </ul>
      }
      <p class="dd-muted">{{ 'report.committee' | pt }}：{{ committeeNames() }}</p>
      @if (manage() && tender().status === 'RECOMMENDED') {
        <div class="dd-form-actions">
          <button
            nz-button
            nzType="primary"
            (click)="askAward()"
            [disabled]="choosing() && !winner()"
            [nzLoading]="busy()"
            data-testid="award-confirm"
          >
            <nz-icon nzType="check-circle" />{{ 'report.confirm' | pt }}
          </button>
        </div>
      }
    } @else {
      <nz-empty [nzNotFoundContent]="'report.none' | pt" />
    }
    <dd-confirm-summary
      testId="award-summary"
      [open]="awarding() !== null"
      [title]="'confirm.awardTitle' | pt"
      [rows]="awarding() ?? []"
      [note]="'confirm.awardNote' | pt"
      [confirmLabel]="'report.confirm' | pt"
      [backLabel]="'confirm.back' | pt"
      [busy]="busy()"
      (confirmed)="award()"
      (cancelled)="awarding.set(null)"
    />
  `,
  styles: `
    .dd-proc-sub {
      margin: 16px 0 8px;
      font-size: 15px;
      font-weight: 600;
    }
  `,
})
export class ReportPanelComponent {
  private readonly api = inject(TendersApi);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  readonly tender = input.required<Tender>();
  readonly manage = input(false);
  readonly changed = output<Tender>();

  protected readonly report = signal<CommitteeReport | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<InlineProblem | null>(null);
  protected readonly winner = signal<string | null>(null);
  /** One per page: a repeated confirmation replays the first. */
  private readonly awardKey = newIdempotencyKey();
  /** Several bids share the first rank: the purchaser chooses. */
  protected readonly choosing = computed(
    () => this.manage() && this.tender().status === 'RECOMMENDED' && (this.report()?.recommended.length ?? 0) > 1,
  );

  constructor() {
    effect(() => {
      const t = this.tender();
      untracked(() => {
        if (['RECOMMENDED', 'AWARD_NOTICE', 'AWARDED'].includes(t.status)) this.load();
      });
    });
  }

  load(): void {
    this.api
      .report(this.tender().id, silentErrors())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (r) => this.report.set(r),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && (error.status === 404 || error.status === 409))
            this.report.set(null);
          else this.problem.set(inlineProblem(error, this.base, this.i18n));
        },
      });
  }

  protected readonly committeeNames = computed(() =>
    (this.report()?.committee ?? []).map((m) => m.displayName).join('、'),
  );

  protected time(value: string): string {
    return formatMinute(value, this.base.lang());
  }

  protected deadline(value: string | null): string {
    return value ? formatDeadline(value) : '';
  }

  /** The summary shown before the award notice is published (null: the dialog is closed). */
  protected readonly awarding = signal<SummaryRow[] | null>(null);

  /** The winner: the one chosen among tied first ranks, else the single recommended bid. */
  protected askAward(): void {
    const report = this.report();
    const id = this.choosing() ? this.winner() : (report?.recommended[0] ?? null);
    const row = report?.ranking.find((r) => r.bidId === id);
    if (!row) return;
    this.awarding.set(
      awardSummary(row, {
        t: (key, params) => this.i18n.t(key, params),
        code: (prefix, c) => this.i18n.code(prefix, c),
      }),
    );
  }

  protected award(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api.award(this.tender().id, this.choosing() ? this.winner() : null, this.awardKey, silentErrors()).subscribe({
      next: (tender) => {
        this.busy.set(false);
        this.awarding.set(null);
        this.message.success(this.i18n.t('report.awarded'));
        this.changed.emit(tender);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.awarding.set(null);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }
}
