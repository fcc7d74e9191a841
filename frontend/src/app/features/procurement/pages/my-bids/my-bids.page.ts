import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AuthService } from '../../../../core/auth/auth.service';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline, formatMinute } from '../../../../shared/dates';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { ObjectionsPanelComponent } from '../../components/objections-panel.component';
import { ProcStatusTagComponent } from '../../components/proc-status-tag.component';
import { MyBid } from '../../data/procurement.types';
import { TendersApi } from '../../data/tenders.api';
import { ProcTranslatePipe } from '../../i18n/procurement-i18n';

/** 我的投标 (organisation members): every bid of my organisation with its receipt and outcome, and my objections. */
@Component({
  selector: 'dd-my-bids-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    ObjectionsPanelComponent,
    ProcStatusTagComponent,
    ProcTranslatePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'myBids.title' | pt }}</h1>
        <button nz-button (click)="load()"><nz-icon nzType="reload" />{{ 'common.refresh' | pt }}</button>
      </header>
      <nz-table
        #table
        data-testid="my-bids-table"
        nzSize="middle"
        [nzData]="bids()"
        [nzLoading]="loading()"
        [nzFrontPagination]="true"
        [nzNoResult]="'myBids.empty' | pt"
        [nzScroll]="{ x: '1100px' }"
      >
        <thead>
          <tr>
            <th nzLeft nzWidth="240px">{{ 'tender.title' | pt }}</th>
            <th>{{ 'myBids.tenderStatus' | pt }}</th>
            <th>{{ 'myBids.bidStatus' | pt }}</th>
            <th nzAlign="right">{{ 'bid.price' | pt }}</th>
            <th>{{ 'receipt.time' | pt }}</th>
            <th nzWidth="200px">{{ 'receipt.sha256' | pt }}</th>
            <th>{{ 'tender.bidDeadline' | pt }}</th>
            <th nzAlign="right">{{ 'report.total' | pt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (b of table.data; track b.id) {
            <tr [attr.data-testid]="'my-bid-' + b.tenderId" [attr.data-status]="b.status" [attr.data-tender-status]="b.tenderStatus">
              <td nzLeft>
                <a [routerLink]="['/procurement/calls', b.tenderId]" [attr.data-testid]="'my-bid-open-' + b.tenderId">{{ b.tenderTitle }}</a>
                @if (b.needsReconfirm) {
                  <nz-tag nzColor="red" [attr.data-testid]="'my-bid-reconfirm-' + b.tenderId">{{ 'bid.reconfirmTitle' | pt }}</nz-tag>
                }
              </td>
              <td><dd-proc-status kind="tender" [status]="b.tenderStatus" /></td>
              <td><dd-proc-status kind="bid" [status]="b.status" /></td>
              <td nzAlign="right" class="dd-nowrap">{{ b.price | money }}</td>
              <td class="dd-nowrap">{{ time(b.submittedAt) }}</td>
              <td><code class="dd-hash">{{ b.sha256 }}</code></td>
              <td class="dd-nowrap">{{ deadline(b.bidDeadline) }}</td>
              <td nzAlign="right">{{ b.totalScore ?? '—' }}{{ b.rank ? ' (#' + b.rank + ')' : '' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      @if (canObject()) {
        <h2 class="dd-section">{{ 'myBids.objections' | pt }}</h2>
        <dd-objections-panel />
      }
    </section>
  `,
  styles: `
    .dd-hash {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: 11px;
      word-break: break-all;
    }
    .dd-section {
      margin: 24px 0 12px;
      font-size: 17px;
    }
  `,
})
export default class MyBidsPage implements OnInit {
  private readonly api = inject(TendersApi);
  private readonly auth = inject(AuthService);
  private readonly base = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly bids = signal<MyBid[]>([]);
  protected readonly loading = signal(false);
  protected readonly canObject = computed(() => this.auth.permissions().includes(PERMISSIONS.OBJECTIONS_FILE));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .myBids()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (bids) => {
          this.bids.set(bids);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected time(value: string): string {
    return formatMinute(value, this.base.lang());
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }
}
