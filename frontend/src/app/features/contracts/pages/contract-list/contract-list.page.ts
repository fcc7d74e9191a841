import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { formatDeadline, formatMinute, todayInBeijing } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { PagedList } from '../../../../shared/paged-list';
import { contractStatusColor } from '../../data/contract-status';
import {
  CONTRACT_STATUSES,
  ContractQuery,
  ContractsApi,
  ContractStatus,
  ContractSummary,
} from '../../data/contracts.api';
import { ContractCodePipe, ContractTranslatePipe } from '../../i18n/contract-i18n';

/**
 * 合同: the contracts of my region subtree (staff) or of my organisation (its members), by status and keyword,
 * sortable, exportable to Excel. A contract overdue for signature is flagged.
 */
@Component({
  selector: 'dd-contract-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    ReactiveFormsModule,
    RouterLink,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    TranslatePipe,
    ContractTranslatePipe,
    ContractCodePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'contract.list.title' | ct }}</h1>
        <button nz-button [nzLoading]="exporting()" data-testid="contracts-export" (click)="export()">
          <nz-icon nzType="download" />{{ 'contract.list.export' | ct }}
        </button>
      </header>
      <form class="dd-filters" [formGroup]="filters" (ngSubmit)="list.first()" data-testid="contracts-filters">
        <nz-select class="dd-filter" nzAllowClear formControlName="status" [nzPlaceHolder]="'contract.filter.status' | ct" data-testid="contracts-filter-status" [ddName]="'contract.filter.status' | ct">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="s | cc: 'contractStatus.'" />
          }
        </nz-select>
        <nz-select class="dd-filter" formControlName="sort" [nzPlaceHolder]="'contract.filter.sort' | ct" data-testid="contracts-filter-sort" [ddName]="'contract.filter.sort' | ct">
          @for (s of sorts; track s) {
            <nz-option [nzValue]="s" [nzLabel]="s | cc: 'contract.sort.'" />
          }
        </nz-select>
        <input nz-input class="dd-filter-wide" formControlName="q" maxlength="50" [placeholder]="'contract.filter.q' | ct" [attr.aria-label]="'contract.filter.q' | ct" data-testid="contracts-filter-q" />
        <button nz-button nzType="primary" type="submit" data-testid="contracts-search"><nz-icon nzType="search" />{{ 'common.search' | t }}</button>
      </form>
      <nz-table
        #table
        data-testid="contracts-table"
        nzSize="small"
        nzShowSizeChanger
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzNoResult]="'contract.list.empty' | ct"
        (nzPageIndexChange)="list.goTo($event)"
        (nzPageSizeChange)="list.resize($event)"
      >
        <thead>
          <tr>
            <th>{{ 'contract.col.code' | ct }}</th>
            <th>{{ 'contract.col.title' | ct }}</th>
            <th>{{ 'contract.col.supplier' | ct }}</th>
            <th nzAlign="right">{{ 'contract.col.amount' | ct }}</th>
            <th>{{ 'contract.col.term' | ct }}</th>
            <th>{{ 'contract.col.status' | ct }}</th>
            <th>{{ 'contract.col.signatureDue' | ct }}</th>
          </tr>
        </thead>
        <tbody>
          @for (c of table.data; track c.id) {
            <tr [attr.data-testid]="'contract-row-' + c.id">
              <td><a [routerLink]="['/contracts', c.id]">{{ c.code }}</a></td>
              <td>{{ c.title }}<div class="dd-muted">{{ c.regionName }}</div></td>
              <td>{{ c.organisationName }}</td>
              <td nzAlign="right">{{ c.amount | money }}</td>
              <td>{{ c.termStart }} ~ {{ c.termEnd }}</td>
              <td>
                <nz-tag [nzColor]="color(c.status)" [attr.data-status]="c.status">{{ c.status | cc: 'contractStatus.' }}</nz-tag>
                @if (c.signatureOverdueAt && c.status === 'DRAFT') {
                  <nz-tag nzColor="red" data-testid="contract-signature-overdue">{{ 'contract.signatureOverdue' | ct }}</nz-tag>
                }
              </td>
              <td>{{ c.signedAt ? minute(c.signedAt) : deadline(c.signatureDueAt) }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
})
export default class ContractListPage implements OnInit {
  private readonly api = inject(ContractsApi);
  private readonly downloads = inject(Downloads);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly statuses = CONTRACT_STATUSES;
  protected readonly sorts = ['-createdAt', 'createdAt', '-amount', 'amount', 'code', 'signatureDueAt'];
  protected readonly filters = this.fb.group({
    status: this.fb.control<ContractStatus | null>(null),
    sort: this.fb.control<string>('-createdAt'),
    q: this.fb.control(''),
  });
  protected readonly list = new PagedList<ContractSummary>(
    (page, pageSize) => this.api.list({ ...this.query(), page, pageSize }),
    this.destroyRef,
  );
  protected readonly exporting = signal(false);
  protected readonly color = contractStatusColor;
  protected readonly minute = formatMinute;
  protected readonly deadline = formatDeadline;

  ngOnInit(): void {
    this.list.load();
  }

  private query(): ContractQuery {
    const v = this.filters.getRawValue();
    return { status: v.status, sort: v.sort, q: v.q.trim() || null };
  }

  protected export(): void {
    this.exporting.set(true);
    void this.downloads
      .save(this.api.export(this.query()), `contracts-${todayInBeijing()}.xlsx`)
      .finally(() => this.exporting.set(false));
  }
}
