import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AccessibleNameDirective } from '../../../../../core/a11y/accessible-name.directive';
import { TranslateCodePipe, TranslatePipe } from '../../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../../core/i18n/translation.service';
import { formatInstant } from '../../../../../shared/dates';
import { Downloads } from '../../../../../shared/download.service';
import { MoneyPipe } from '../../../../../shared/money.pipe';
import { CHANGE_ORDER_STATUSES, ChangeOrder, ChangeOrdersApi, ChangeOrderStatus } from '../../data/change-orders.api';

const PAGE_SIZE = 20;

/**
 * 补充合同审批 (`/contracts/changes/queue`): finance's list of change orders of contracts in the region subtree,
 * awaiting approval by default; each row opens the contract's change-order page where it is decided. Exportable.
 */
@Component({
  selector: 'dd-change-orders-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzIconModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    TranslatePipe,
    TranslateCodePipe,
  ],
  template: `
    <section class="dd-page" data-testid="change-orders-queue">
      <header class="dd-page-head">
        <h1>{{ 'changes.queue.title' | t }}</h1>
        <span class="dd-inline">
          <nz-select
            class="dd-filter"
            [ngModel]="status()"
            (ngModelChange)="filter($event)"
            [nzPlaceHolder]="'changes.col.status' | t"
            [ddName]="'changes.col.status' | t"
            data-testid="change-orders-queue-status"
          >
            @for (s of statuses; track s) {
              <nz-option [nzValue]="s" [nzLabel]="s | tr: 'changes.status.'" />
            }
          </nz-select>
          <button nz-button (click)="exportXlsx()" [nzLoading]="exporting()" data-testid="change-orders-queue-export">
            <nz-icon nzType="download" />{{ 'changes.export' | t }}
          </button>
        </span>
      </header>
      <nz-table
        data-testid="change-orders-queue-table"
        nzSize="small"
        [nzData]="items()"
        [nzTotal]="total()"
        [nzPageIndex]="page()"
        [nzPageSize]="pageSize"
        [nzFrontPagination]="false"
        [nzLoading]="loading()"
        [nzHideOnSinglePage]="true"
        [nzNoResult]="'changes.queue.empty' | t"
        [nzScroll]="{ x: '900px' }"
        (nzPageIndexChange)="goTo($event)"
      >
        <thead>
          <tr>
            <th nzWidth="60px">{{ 'changes.col.id' | t }}</th>
            <th>{{ 'changes.col.contract' | t }}</th>
            <th nzWidth="130px" nzAlign="right">{{ 'changes.col.amount' | t }}</th>
            <th>{{ 'changes.col.scope' | t }}</th>
            <th nzWidth="170px">{{ 'changes.col.proposed' | t }}</th>
            <th nzWidth="100px">{{ 'changes.col.status' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (o of items(); track o.id) {
            <tr [attr.data-testid]="'queue-change-order-' + o.id">
              <td>{{ o.id }}</td>
              <td>
                <a [routerLink]="['/contracts', o.contractId, 'changes']">{{ o.contractCode }} · {{ o.contractTitle }}</a>
              </td>
              <td nzAlign="right">{{ o.amount | money }}</td>
              <td>{{ o.scope }}</td>
              <td>{{ o.proposedByName }}<br /><span class="dd-muted">{{ time(o.proposedAt) }}</span></td>
              <td><nz-tag [attr.data-status]="o.status">{{ o.status | tr: 'changes.status.' }}</nz-tag></td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
})
export default class ChangeOrdersQueuePage {
  private readonly api = inject(ChangeOrdersApi);
  private readonly downloads = inject(Downloads);
  protected readonly i18n = inject(TranslationService);

  protected readonly statuses = CHANGE_ORDER_STATUSES;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly status = signal<ChangeOrderStatus>('PROPOSED');
  protected readonly page = signal(1);
  protected readonly items = signal<ChangeOrder[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly exporting = signal(false);
  private readonly query = computed(() => ({ status: this.status(), page: this.page(), pageSize: PAGE_SIZE }));

  constructor() {
    this.load();
  }

  private load(): void {
    this.loading.set(true);
    this.api.queue(this.query()).subscribe({
      next: (p) => {
        this.items.set(p.items);
        this.total.set(p.total);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected filter(status: ChangeOrderStatus): void {
    this.status.set(status);
    this.page.set(1);
    this.load();
  }

  protected goTo(page: number): void {
    this.page.set(page);
    this.load();
  }

  protected time(value: string): string {
    return formatInstant(value, this.i18n.lang());
  }

  protected exportXlsx(): void {
    this.exporting.set(true);
    void this.downloads
      .save(this.api.exportQueue({ status: this.status() }), 'change-orders-queue.xlsx')
      .finally(() => this.exporting.set(false));
  }
}
