import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { formatDeadline } from '../../../../shared/dates';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { PagedList } from '../../../../shared/paged-list';
import { ProcStatusTagComponent } from '../../components/proc-status-tag.component';
import {
  ACTIVE_TENDER_STATUSES,
  SEALED_TENDER_STATUSES,
  Tender,
  TENDER_STATUSES,
  TenderStatus,
} from '../../data/procurement.types';
import { TendersApi } from '../../data/tenders.api';
import { ProcCodePipe, ProcTranslatePipe } from '../../i18n/procurement-i18n';

/** 采购公告 (officers, auditors): the tenders of my area by status; new ones start from an approved project. */
@Component({
  selector: 'dd-tender-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    MoneyPipe,
    ProcStatusTagComponent,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'tender.listTitle' | pt }}</h1>
        @if (canManage()) {
          <a nz-button nzType="primary" routerLink="/procurement/tenders/new" data-testid="tender-create"><nz-icon nzType="plus" />{{ 'tender.create' | pt }}</a>
        }
      </header>
      <form class="dd-filters" (ngSubmit)="list.first()" data-testid="tender-filters">
        <nz-select
          class="dd-filter-wide"
          nzMode="multiple"
          nzAllowClear
          [nzMaxTagCount]="2"
          name="status"
          [(ngModel)]="status"
          (ngModelChange)="list.first()"
          [nzPlaceHolder]="'list.allStatuses' | pt"
          [ddName]="'common.status' | pt"
          data-testid="tender-filter-status"
        >
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="s | pc: 'tenderStatus.'" />
          }
        </nz-select>
        <input
          nz-input
          class="dd-filter-wide"
          name="q"
          maxlength="50"
          [(ngModel)]="q"
          [placeholder]="'list.tenderKeyword' | pt"
          [attr.aria-label]="'list.tenderKeyword' | pt"
          data-testid="tender-filter-q"
        />
        <button nz-button nzType="primary" type="submit" data-testid="tender-search"><nz-icon nzType="search" />{{ 'list.search' | pt }}</button>
        <button nz-button type="button" (click)="active()" data-testid="tender-filter-active">{{ 'list.active' | pt }}</button>
        <button nz-button type="button" (click)="list.load()"><nz-icon nzType="reload" />{{ 'common.refresh' | pt }}</button>
      </form>
      <nz-table
        #table
        data-testid="tender-table"
        nzSize="middle"
        nzShowSizeChanger
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzNoResult]="'tender.empty' | pt"
        [nzScroll]="{ x: '1000px' }"
        (nzPageIndexChange)="list.goTo($event)"
        (nzPageSizeChange)="list.resize($event)"
      >
        <thead>
          <tr>
            <th nzLeft nzWidth="280px">{{ 'tender.title' | pt }}</th>
            <th>{{ 'tender.method' | pt }}</th>
            <th nzAlign="right">{{ 'tender.maxPrice' | pt }}</th>
            <th>{{ 'tender.bidDeadline' | pt }}</th>
            <th>{{ 'tender.bidCount' | pt }}</th>
            <th>{{ 'common.status' | pt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (t of table.data; track t.id) {
            <tr [attr.data-testid]="'tender-row-' + t.id" [attr.data-title]="t.title" [attr.data-status]="t.status">
              <td nzLeft><a [routerLink]="['/procurement/tenders', t.id]" [attr.data-testid]="'tender-open-' + t.id">{{ t.title }}</a></td>
              <td>{{ t.method | pc: 'method.' }}</td>
              <td nzAlign="right" class="dd-nowrap">{{ t.maxPrice | money }}</td>
              <td class="dd-nowrap">{{ deadline(t.bidDeadline) }}</td>
              <td>{{ sealed(t) ? ('tender.sealedShort' | pt) : t.bidCount }}</td>
              <td>
                <span [attr.data-testid]="'tender-status-' + t.id"><dd-proc-status kind="tender" [status]="t.status" /></span>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
})
export default class TenderListPage implements OnInit {
  private readonly api = inject(TendersApi);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly statuses = TENDER_STATUSES;
  /** Opens on the tenders still under way; cleared, it shows all. */
  protected status: TenderStatus[] = [...ACTIVE_TENDER_STATUSES];
  protected q = '';
  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.TENDERS_MANAGE));
  protected readonly list = new PagedList<Tender>(
    (page, pageSize) => this.api.list({ status: this.status, q: this.q.trim(), page, pageSize }),
    this.destroyRef,
  );

  ngOnInit(): void {
    this.list.load();
  }

  /** Back to what is still under way, without a keyword. */
  protected active(): void {
    this.status = [...ACTIVE_TENDER_STATUSES];
    this.q = '';
    this.list.first();
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }

  protected sealed(t: Tender): boolean {
    return SEALED_TENDER_STATUSES.includes(t.status) || t.bidCount === null;
  }
}
