import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { Page } from '../../../api';
import { formatInstant } from '../../../shared/dates';
import { Downloads } from '../../../shared/download.service';
import { MoneyPipe } from '../../../shared/money.pipe';
import { PaymentActionsComponent } from './payment-actions.component';
import { PAY_STATUS_COLOR, PayCodePipe, PayTranslatePipe } from './payments-i18n';
import { PAYMENT_STATUSES, PaymentQuery, PaymentRequest, PaymentsApi } from './payments.api';

/**
 * 付款申请 (/payments): finance's payment queue and the officer's approvals, in my region subtree (a supplier sees
 * its own), sorted by due date with overdue flags, days late and late-payment interest; exportable to Excel.
 */
@Component({
  selector: 'dd-payments-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCheckboxModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    PayTranslatePipe,
    PayCodePipe,
    PaymentActionsComponent,
  ],
  template: `
    <h1>{{ 'pay.queue.title' | payt }}</h1>
    <p>{{ 'pay.queue.intro' | payt }}</p>
    <div class="filters">
      <label for="pay-status">{{ 'pay.filter.status' | payt }}</label>
      <nz-select
        nzId="pay-status"
        [ngModel]="status()"
        (ngModelChange)="status.set($event); load(1)"
        nzAllowClear
        [nzPlaceHolder]="'pay.filter.all' | payt"
        style="min-width: 160px"
        data-testid="pay-filter-status"
      >
        @for (s of statuses; track s) {
          <nz-option [nzValue]="s" [nzLabel]="s | payc: 'payStatus.'"></nz-option>
        }
      </nz-select>
      <label nz-checkbox [ngModel]="overdue()" (ngModelChange)="overdue.set($event); load(1)" data-testid="pay-filter-overdue">
        {{ 'pay.filter.overdue' | payt }}
      </label>
      <button nz-button (click)="load(page().page)">{{ 'pay.refresh' | payt }}</button>
      <button nz-button (click)="export()" data-testid="pay-export">{{ 'pay.export' | payt }}</button>
    </div>
    <nz-table
      #table
      [nzData]="page().items"
      [nzTotal]="page().total"
      [nzPageIndex]="page().page"
      [nzPageSize]="page().pageSize"
      [nzFrontPagination]="false"
      [nzLoading]="loading()"
      (nzPageIndexChange)="load($event)"
      [nzNoResult]="'pay.empty' | payt"
      nzSize="small"
      data-testid="pay-queue"
    >
      <thead>
        <tr>
          <th>{{ 'pay.col.contract' | payt }}</th>
          <th>{{ 'pay.col.organisation' | payt }}</th>
          <th>{{ 'pay.col.milestone' | payt }}</th>
          <th nzAlign="right">{{ 'pay.col.amount' | payt }}</th>
          <th>{{ 'pay.col.due' | payt }}</th>
          <th>{{ 'pay.col.late' | payt }}</th>
          <th nzAlign="right">{{ 'pay.col.interest' | payt }}</th>
          <th>{{ 'pay.col.status' | payt }}</th>
          <th>{{ 'pay.col.actions' | payt }}</th>
        </tr>
      </thead>
      <tbody>
        @for (r of table.data; track r.id) {
          <tr [attr.data-testid]="'pay-row-' + r.id" [attr.data-status]="r.status">
            <td>
              <a [routerLink]="['/contracts', r.contractId, 'payments']">{{ r.contractCode }}</a>
              <div>{{ r.contractTitle }}</div>
            </td>
            <td>{{ r.organisationName }}</td>
            <td>
              {{ r.milestoneSeq }}
              @if (r.isFinal) {
                <nz-tag>{{ 'pay.final' | payt }}</nz-tag>
              }
            </td>
            <td nzAlign="right">{{ r.amount | money }}</td>
            <td>{{ r.dueDate ?? '' }}</td>
            <td>
              @if (r.overdue) {
                <nz-tag nzColor="red">{{ 'pay.daysLate' | payt: { days: r.daysLate } }}</nz-tag>
              }
            </td>
            <td nzAlign="right">{{ r.lateInterest | money }}</td>
            <td>
              <nz-tag [nzColor]="color[r.status]">{{ r.status | payc: 'payStatus.' }}</nz-tag>
              @if (r.paidAt) {
                <div>{{ instant(r.paidAt) }}</div>
              }
            </td>
            <td><dd-payment-actions [request]="r" (changed)="load(page().page)" /></td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: ['.filters { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 12px; }'],
})
export default class PaymentsQueuePage implements OnInit {
  private readonly api = inject(PaymentsApi);
  private readonly downloads = inject(Downloads);

  protected readonly statuses = PAYMENT_STATUSES;
  protected readonly color = PAY_STATUS_COLOR;
  protected readonly status = signal<string | null>(null);
  protected readonly overdue = signal(false);
  protected readonly loading = signal(false);
  protected readonly page = signal<Page<PaymentRequest>>({ items: [], total: 0, page: 1, pageSize: 20 });
  protected readonly instant = formatInstant;

  ngOnInit(): void {
    this.load(1);
  }

  private query(page: number): PaymentQuery {
    return {
      status: this.status() ?? undefined,
      overdue: this.overdue() ? 'true' : undefined,
      page,
      pageSize: 20,
    };
  }

  load(page: number): void {
    this.loading.set(true);
    this.api.list(this.query(page)).subscribe({
      next: (p) => {
        this.page.set(p);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected export(): void {
    void this.downloads.save(this.api.export(this.query(1)), 'payment-requests.xlsx');
  }
}
