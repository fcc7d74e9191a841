import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';

import { TranslationService } from '../../../core/i18n/translation.service';
import { formatDeadline, formatMinute } from '../../../shared/dates';
import { MoneyPipe } from '../../../shared/money.pipe';
import { SEALED_TENDER_STATUSES, Tender } from '../data/procurement.types';
import { ProcCodePipe, ProcTranslatePipe } from '../i18n/procurement-i18n';
import { ProcStatusTagComponent } from './proc-status-tag.component';

/** 公告信息: what a tender asks for and when, as every role sees it. */
@Component({
  selector: 'dd-tender-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NzDescriptionsModule,
    NzIconModule,
    NzTableModule,
    MoneyPipe,
    ProcStatusTagComponent,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  template: `
    @let t = tender();
    <nz-descriptions nzBordered nzSize="small" [nzColumn]="{ xxl: 3, xl: 3, lg: 2, md: 2, sm: 1, xs: 1 }" data-testid="tender-summary">
      <nz-descriptions-item [nzTitle]="'common.status' | pt">
        <span data-testid="tender-status" [attr.data-status]="t.status"><dd-proc-status kind="tender" [status]="t.status" /></span>
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'tender.method' | pt">{{ t.method | pc: 'method.' }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'tender.maxPrice' | pt">{{ t.maxPrice | money }}</nz-descriptions-item>
      @if (t.bidDeposit) {
        <nz-descriptions-item [nzTitle]="'tender.bidDeposit' | pt"><span data-testid="tender-bid-deposit">{{ t.bidDeposit | money }}</span></nz-descriptions-item>
      }
      <nz-descriptions-item [nzTitle]="'tender.publishedAt' | pt">{{ t.publishedAt ? time(t.publishedAt) : '—' }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'tender.bidDeadline' | pt">
        <strong data-testid="tender-deadline" [attr.data-deadline]="t.bidDeadline">{{ deadline(t.bidDeadline) }}</strong>
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'tender.bidCount' | pt">
        @if (sealed() || t.bidCount === null) {
          <span class="dd-muted" data-testid="tender-bid-count" data-sealed="true"><nz-icon nzType="lock" /> {{ 'tender.sealed' | pt }}</span>
        } @else {
          <span data-testid="tender-bid-count" [attr.data-count]="t.bidCount">{{ t.bidCount }}</span>
        }
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'tender.minGrade' | pt">{{ t.minGrade ? t.minGrade + 'A' : ('tender.noMinGrade' | pt) }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'tender.scoring' | pt">
        {{ t.scoringMethod | pc: 'scoring.' }}
        @if (t.scoringMethod === 'COMPREHENSIVE') {
          （{{ 'tender.priceWeight' | pt }} {{ t.priceWeight }}%）
        }
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'tender.committeeSize' | pt">{{ t.committeeSize }}</nz-descriptions-item>
      @if (t.openedAt) {
        <nz-descriptions-item [nzTitle]="'tender.openedAt' | pt">{{ time(t.openedAt) }}</nz-descriptions-item>
      }
      @if (t.awardNoticeAt) {
        <nz-descriptions-item [nzTitle]="'tender.awardNoticeAt' | pt">{{ time(t.awardNoticeAt) }}</nz-descriptions-item>
      }
      @if (t.objectionWindowEndsAt) {
        <nz-descriptions-item [nzTitle]="'tender.objectionWindow' | pt">{{ deadline(t.objectionWindowEndsAt) }}</nz-descriptions-item>
      }
      @if (t.winnerName) {
        <nz-descriptions-item [nzTitle]="'tender.winner' | pt">
          <strong data-testid="tender-winner">{{ t.winnerName }}</strong> {{ t.winnerPrice | money }}
        </nz-descriptions-item>
      }
      @if (t.outcomeNote) {
        <nz-descriptions-item [nzTitle]="'tender.outcomeNote' | pt">{{ t.outcomeNote }}</nz-descriptions-item>
      }
      <nz-descriptions-item [nzTitle]="'tender.description' | pt" [nzSpan]="3">
        <div class="dd-proc-pre">{{ t.description }}</div>
      </nz-descriptions-item>
    </nz-descriptions>
    @if (t.scoringMethod === 'COMPREHENSIVE' && t.criteria.length > 0) {
      <nz-table #crit class="dd-proc-criteria" nzSize="small" [nzData]="t.criteria" [nzShowPagination]="false" [nzFrontPagination]="false" data-testid="tender-criteria">
        <thead>
          <tr>
            <th nzWidth="140px">{{ 'wizard.code' | pt }}</th>
            <th>{{ 'wizard.criterionName' | pt }}</th>
            <th nzAlign="right">{{ 'tender.maxScore' | pt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of crit.data; track c.code) {
            <tr>
              <td>{{ c.code }}</td>
              <td>{{ c.name }}</td>
              <td nzAlign="right">{{ c.maxScore }}</td>
            </tr>
          }
          <tr>
            <td></td>
            <td>{{ 'tender.priceScore' | pt }}</td>
            <td nzAlign="right">{{ t.priceWeight }}</td>
          </tr>
        </tbody>
      </nz-table>
    }
  `,
  styles: `
    .dd-proc-pre {
      white-space: pre-wrap;
    }
    .dd-proc-criteria {
      display: block;
      margin-top: 16px;
    }
  `,
})
export class TenderSummaryComponent {
  private readonly base = inject(TranslationService);

  readonly tender = input.required<Tender>();
  protected readonly sealed = computed(() => SEALED_TENDER_STATUSES.includes(this.tender().status));

  protected time(value: string): string {
    return formatMinute(value, this.base.lang());
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }
}
