import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
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
  Signatory,
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
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzSwitchModule,
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

      @if (signatories().length > 0) {
        <section data-testid="contract-signatories">
          <h2>{{ 'contract.signatories.title' | ct }}</h2>
          <p class="dd-muted">{{ 'contract.signatories.hint' | ct }}</p>
          @if (signatoryError()) {
            <nz-alert nzType="error" nzShowIcon [nzMessage]="signatoryError()!" />
          }
          <nz-table #st nzSize="small" [nzData]="signatories()" [nzShowPagination]="false">
            <thead>
              <tr>
                <th>{{ 'contract.signatories.member' | ct }}</th>
                <th>{{ 'contract.signatories.rights' | ct }}</th>
              </tr>
            </thead>
            <tbody>
              @for (m of st.data; track m.userId) {
                <tr [attr.data-testid]="'signatory-row-' + m.userId">
                  <td>{{ m.displayName }}</td>
                  <td>
                    <nz-switch
                      [ngModel]="m.signatory"
                      (ngModelChange)="grant(m.userId, $event)"
                      [ddName]="('contract.signatories.rights' | ct) + ' ' + m.displayName"
                    />
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </section>
      }
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
  protected readonly signatories = signal<Signatory[]>([]);
  protected readonly signatoryError = signal<string | null>(null);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(TranslationService);
  protected readonly color = contractStatusColor;
  protected readonly minute = formatMinute;
  protected readonly deadline = formatDeadline;

  ngOnInit(): void {
    this.list.load();
    if (this.auth.permissions().includes(PERMISSIONS.CONTRACTS_SELF))
      this.api
        .signatories()
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe((s) => this.signatories.set(s));
  }

  protected grant(userId: number, granted: boolean): void {
    this.signatoryError.set(null);
    this.api
      .setSignatory(userId, granted)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (s) => this.signatories.set(s),
        error: (e: HttpErrorResponse) => {
          this.signatoryError.set(
            describeHttpError(
              e.status,
              e.error,
              (key, params) => this.i18n.t(key, params),
              (key) => this.i18n.dynamic(key, '') || null,
            ).detail,
          );
          this.signatories.set([...this.signatories()]);
        },
      });
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
