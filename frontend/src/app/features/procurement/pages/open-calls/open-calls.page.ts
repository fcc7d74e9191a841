import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { formatDeadline } from '../../../../shared/dates';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { PagedList } from '../../../../shared/paged-list';
import { ProcStatusTagComponent } from '../../components/proc-status-tag.component';
import { Tender } from '../../data/procurement.types';
import { TendersApi } from '../../data/tenders.api';
import { ProcCodePipe, ProcTranslatePipe, ProcurementI18n } from '../../i18n/procurement-i18n';

/** 可投标项目 (organisation members): the published calls, whether my organisation may bid and why not, interest. */
@Component({
  selector: 'dd-open-calls-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    NzButtonModule,
    FormsModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    MoneyPipe,
    ProcStatusTagComponent,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'calls.title' | pt }}</h1>
        <button nz-button (click)="list.load()"><nz-icon nzType="reload" />{{ 'common.refresh' | pt }}</button>
      </header>
      <form class="dd-filters" (ngSubmit)="list.first()" data-testid="calls-filters">
        <nz-radio-group name="open" [(ngModel)]="onlyOpen" (ngModelChange)="list.first()" data-testid="calls-filter-open">
          <label nz-radio-button [nzValue]="true">{{ 'calls.onlyOpen' | pt }}</label>
          <label nz-radio-button [nzValue]="false">{{ 'calls.all' | pt }}</label>
        </nz-radio-group>
        <input
          nz-input
          class="dd-filter-wide"
          name="q"
          maxlength="50"
          [(ngModel)]="q"
          [placeholder]="'list.callKeyword' | pt"
          [attr.aria-label]="'list.callKeyword' | pt"
          data-testid="calls-filter-q"
        />
        <button nz-button nzType="primary" type="submit" data-testid="calls-search"><nz-icon nzType="search" />{{ 'list.search' | pt }}</button>
      </form>
      <nz-table
        #table
        data-testid="calls-table"
        nzSize="middle"
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzNoResult]="'calls.empty' | pt"
        [nzScroll]="{ x: '1000px' }"
        (nzPageIndexChange)="list.goTo($event)"
      >
        <thead>
          <tr>
            <th nzLeft nzWidth="260px">{{ 'tender.title' | pt }}</th>
            <th>{{ 'tender.method' | pt }}</th>
            <th nzAlign="right">{{ 'tender.maxPrice' | pt }}</th>
            <th>{{ 'tender.bidDeadline' | pt }}</th>
            <th>{{ 'calls.eligibility' | pt }}</th>
            <th nzRight nzWidth="200px">{{ 'common.actions' | pt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (t of table.data; track t.id) {
            @let reasons = t.ineligibleReasons ?? [];
            <tr [attr.data-testid]="'call-row-' + t.id" [attr.data-title]="t.title" [attr.data-eligible]="reasons.length === 0">
              <td nzLeft>
                <a [routerLink]="['/procurement/calls', t.id]" [attr.data-testid]="'call-open-' + t.id">{{ t.title }}</a>
                @if (t.status !== 'PUBLISHED') {
                  <dd-proc-status kind="tender" [status]="t.status" />
                }
              </td>
              <td>{{ t.method | pc: 'method.' }}</td>
              <td nzAlign="right" class="dd-nowrap">{{ t.maxPrice | money }}</td>
              <td class="dd-nowrap">{{ deadline(t.bidDeadline) }}</td>
              <td [attr.data-testid]="'call-eligibility-' + t.id">
                @if (reasons.length === 0) {
                  <nz-tag nzColor="green">{{ 'calls.eligible' | pt }}</nz-tag>
                } @else {
                  <nz-tag nzColor="red">{{ 'calls.ineligible' | pt }}</nz-tag>
                  <ul class="dd-reasons">
                    @for (r of reasons; track r) {
                      <li>{{ r }}</li>
                    }
                  </ul>
                }
              </td>
              <td nzRight class="dd-actions">
                @if (t.interested) {
                  <nz-tag nzColor="blue" [attr.data-testid]="'call-interested-' + t.id">{{ 'calls.interested' | pt }}</nz-tag>
                } @else if (t.status === 'PUBLISHED') {
                  <button nz-button nzSize="small" [nzLoading]="busy() === t.id" (click)="interest(t)" [attr.data-testid]="'call-interest-' + t.id">
                    {{ 'calls.registerInterest' | pt }}
                  </button>
                }
                <a nz-button nzSize="small" nzType="primary" [routerLink]="['/procurement/calls', t.id]" [attr.data-testid]="'call-bid-' + t.id">
                  {{ (reasons.length === 0 && t.status === 'PUBLISHED' ? 'calls.bid' : 'calls.view') | pt }}
                </a>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
  styles: `
    .dd-reasons {
      margin: 4px 0 0;
      padding-left: 18px;
      color: #cf1322;
      font-size: 12px;
    }
  `,
})
export default class OpenCallsPage implements OnInit {
  private readonly api = inject(TendersApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly list = new PagedList<Tender>(
    (page, pageSize) => this.api.list({ status: this.onlyOpen ? 'PUBLISHED' : null, q: this.q.trim(), page, pageSize }),
    this.destroyRef,
  );
  protected readonly busy = signal<number | null>(null);
  /** Opens on the calls still taking bids; past ones on request. */
  protected onlyOpen = true;
  protected q = '';

  ngOnInit(): void {
    this.list.load();
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }

  protected interest(t: Tender): void {
    this.busy.set(t.id);
    this.api.registerInterest(t.id).subscribe({
      next: () => {
        this.busy.set(null);
        this.message.success(this.i18n.t('calls.interestOk'));
        this.list.items.update((items) => items.map((i) => (i.id === t.id ? { ...i, interested: true } : i)));
      },
      error: () => this.busy.set(null),
    });
  }
}
