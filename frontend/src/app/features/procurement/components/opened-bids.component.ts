import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';

import { TranslationService } from '../../../core/i18n/translation.service';
import { formatInstant } from '../../../shared/dates';
import { Downloads } from '../../../shared/download.service';
import { MoneyPipe } from '../../../shared/money.pipe';
import { formatBytes } from '../data/files';
import { Bid, BidDocument } from '../data/procurement.types';
import { TendersApi } from '../data/tenders.api';
import { ProcTranslatePipe } from '../i18n/procurement-i18n';
import { PastGradesComponent } from './past-grades.component';
import { ProcStatusTagComponent } from './proc-status-tag.component';

/** 开标记录: the opened bids with their receipts (server time, SHA-256), documents and, once scored, scores. */
@Component({
  selector: 'dd-opened-bids',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    MoneyPipe,
    PastGradesComponent,
    ProcStatusTagComponent,
    ProcTranslatePipe,
  ],
  template: `
    <nz-table
      #table
      nzSize="small"
      [nzData]="bids()"
      [nzShowPagination]="false"
      [nzFrontPagination]="false"
      [nzScroll]="{ x: '1100px' }"
      [nzNoResult]="'opening.noBids' | pt"
      data-testid="opened-bids"
    >
      <thead>
        <tr>
          <th nzLeft nzWidth="200px">{{ 'bid.organisation' | pt }}</th>
          <th nzAlign="right">{{ 'bid.price' | pt }}</th>
          <th>{{ 'receipt.time' | pt }}</th>
          <th nzWidth="260px">{{ 'receipt.sha256' | pt }}</th>
          <th>{{ 'bid.documents' | pt }}</th>
          <th>{{ 'common.status' | pt }}</th>
          @if (showScores()) {
            <th nzAlign="right">{{ 'report.total' | pt }}</th>
            <th nzAlign="right">{{ 'report.rank' | pt }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (b of table.data; track b.id) {
          <tr [attr.data-testid]="'opened-bid-' + b.id" [attr.data-organisation]="b.organisationName" [attr.data-status]="b.status">
            <td nzLeft>
              {{ b.organisationName }} <span class="dd-muted">v{{ b.version }}</span>
              @if (b.pastGrades !== undefined) {
                <div class="dd-past"><dd-past-grades [grades]="b.pastGrades" /></div>
              }
            </td>
            <td nzAlign="right" class="dd-nowrap">{{ b.price | money }}</td>
            <td class="dd-nowrap">{{ time(b.submittedAt) }}</td>
            <td><code class="dd-hash" [attr.data-testid]="'opened-bid-sha256-' + b.id">{{ b.sha256 }}</code></td>
            <td>
              @for (d of b.documents; track d.id) {
                <button nz-button nzType="link" nzSize="small" (click)="download(b, d)" [attr.data-testid]="'bid-document-' + d.id">
                  <nz-icon nzType="paper-clip" />{{ d.fileName }}&nbsp;<span class="dd-muted">({{ size(d.size) }})</span>
                </button>
              } @empty {
                <span class="dd-muted">—</span>
              }
            </td>
            <td>
              <dd-proc-status kind="bid" [status]="b.status" />
              @if (b.qualificationReason) {
                <div class="dd-muted">{{ b.qualificationReason }}</div>
              }
            </td>
            @if (showScores()) {
              <td nzAlign="right">{{ b.totalScore ?? '—' }}</td>
              <td nzAlign="right">{{ b.rank ?? '—' }}</td>
            }
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .dd-past {
      font-size: 12px;
    }
    .dd-hash {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: 11px;
      word-break: break-all;
    }
  `,
})
export class OpenedBidsComponent {
  private readonly api = inject(TendersApi);
  private readonly downloads = inject(Downloads);
  private readonly base = inject(TranslationService);

  readonly bids = input.required<Bid[]>();
  readonly showScores = input(false);

  protected time(value: string): string {
    return formatInstant(value, this.base.lang());
  }

  protected size(bytes: number): string {
    return formatBytes(bytes);
  }

  protected download(bid: Bid, doc: BidDocument): void {
    void this.downloads.save(this.api.document(bid.tenderId, bid.id, doc.id), doc.fileName);
  }
}
