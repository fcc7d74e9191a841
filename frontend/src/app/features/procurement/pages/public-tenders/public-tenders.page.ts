import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';

import { LanguageSwitchComponent } from '../../../../core/i18n/language-switch.component';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline, formatMinute } from '../../../../shared/dates';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { PagedList } from '../../../../shared/paged-list';
import { PublicContractNoticeComponent } from '../../../contracts/components/public-contract-notice.component';
import { PublicTender, PublicTenderKind } from '../../data/procurement.types';
import { PublicTendersApi } from '../../data/public-tenders.api';
import { ProcCodePipe, ProcTranslatePipe } from '../../i18n/procurement-i18n';

/** 采购公告 / 中标公告 on the transparency portal: for everybody, without login. */
@Component({
  selector: 'dd-public-tenders-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    PublicContractNoticeComponent,
    RouterLink,
    NzButtonModule,
    NzDescriptionsModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
    NzTableModule,
    LanguageSwitchComponent,
    MoneyPipe,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  template: `
    <main class="dd-public">
      <header class="dd-public-head">
        <a routerLink="/public" class="dd-public-brand"><span class="dd-public-mark">点</span>{{ 'public.portal' | pt }}</a>
        <span class="dd-inline">
          <dd-language-switch />
          <a nz-button nzType="link" routerLink="/login" data-testid="public-login">{{ 'public.login' | pt }}</a>
        </span>
      </header>
      <section class="dd-page">
        <header class="dd-page-head">
          <h1>{{ (kind === 'OPEN' ? 'public.openTitle' : 'public.awardTitle') | pt }}</h1>
          <nz-radio-group [(ngModel)]="kind" (ngModelChange)="list.first()" data-testid="public-kind">
            <label nz-radio-button nzValue="OPEN" data-testid="public-kind-OPEN">{{ 'public.open' | pt }}</label>
            <label nz-radio-button nzValue="AWARD_NOTICE" data-testid="public-kind-AWARD_NOTICE">{{ 'public.award' | pt }}</label>
          </nz-radio-group>
        </header>
        <form class="dd-filters" (ngSubmit)="list.first()" data-testid="public-filters">
          <input
            nz-input
            class="dd-filter-wide"
            name="q"
            maxlength="50"
            [(ngModel)]="q"
            [placeholder]="'list.callKeyword' | pt"
            [attr.aria-label]="'list.callKeyword' | pt"
            data-testid="public-filter-q"
          />
          <button nz-button nzType="primary" type="submit" data-testid="public-search">{{ 'list.search' | pt }}</button>
        </form>
        <nz-table
          #table
          data-testid="public-tenders"
          nzSize="middle"
          [nzData]="list.items()"
          [nzTotal]="list.total()"
          [nzPageIndex]="list.page()"
          [nzPageSize]="list.pageSize()"
          [nzFrontPagination]="false"
          [nzLoading]="list.loading()"
          [nzNoResult]="'public.empty' | pt"
          [nzScroll]="{ x: '900px' }"
          (nzPageIndexChange)="list.goTo($event)"
        >
          <thead>
            <tr>
              <th>{{ 'tender.title' | pt }}</th>
              <th>{{ 'public.region' | pt }}</th>
              <th>{{ 'tender.method' | pt }}</th>
              <th nzAlign="right">{{ 'tender.maxPrice' | pt }}</th>
              @if (kind === 'OPEN') {
                <th>{{ 'tender.bidDeadline' | pt }}</th>
              } @else {
                <th>{{ 'tender.winner' | pt }}</th>
                <th nzAlign="right">{{ 'public.winnerPrice' | pt }}</th>
                <th>{{ 'tender.objectionWindow' | pt }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (t of table.data; track t.id) {
              <tr [attr.data-testid]="'public-tender-' + t.id" [attr.data-title]="t.title" [attr.data-status]="t.status">
                <td><a (click)="show(t)" [attr.data-testid]="'public-tender-open-' + t.id">{{ t.title }}</a></td>
                <td>{{ t.regionName }}</td>
                <td>{{ t.method | pc: 'method.' }}</td>
                <td nzAlign="right" class="dd-nowrap">{{ t.maxPrice | money }}</td>
                @if (kind === 'OPEN') {
                  <td class="dd-nowrap">{{ deadline(t.bidDeadline) }}</td>
                } @else {
                  <td [attr.data-testid]="'public-winner-' + t.id">{{ t.winnerName }}</td>
                  <td nzAlign="right" class="dd-nowrap">{{ t.winnerPrice | money }}</td>
                  <td class="dd-nowrap">{{ t.objectionWindowEndsAt ? deadline(t.objectionWindowEndsAt) : '' }}</td>
                }
              </tr>
            }
          </tbody>
        </nz-table>
      </section>
    </main>

    <nz-modal [nzVisible]="shown() !== null" [nzTitle]="shown()?.title ?? ''" [nzFooter]="null" nzWidth="720px" (nzOnCancel)="shown.set(null)">
      <ng-container *nzModalContent>
        @if (shown(); as t) {
          <nz-descriptions nzBordered nzSize="small" [nzColumn]="1" data-testid="public-tender-detail">
            <nz-descriptions-item [nzTitle]="'public.region' | pt">{{ t.regionName }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'tender.method' | pt">{{ t.method | pc: 'method.' }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'common.status' | pt">{{ t.status | pc: 'tenderStatus.' }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'tender.maxPrice' | pt">{{ t.maxPrice | money }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'tender.publishedAt' | pt">{{ time(t.publishedAt) }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'tender.bidDeadline' | pt">{{ deadline(t.bidDeadline) }}</nz-descriptions-item>
            @if (t.winnerName) {
              <nz-descriptions-item [nzTitle]="'tender.awardNoticeAt' | pt">{{ time(t.awardNoticeAt) }}</nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'tender.winner' | pt">{{ t.winnerName }}</nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'public.winnerPrice' | pt">{{ t.winnerPrice | money }}</nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'tender.objectionWindow' | pt">{{ t.objectionWindowEndsAt ? deadline(t.objectionWindowEndsAt) : '' }}</nz-descriptions-item>
            }
            <nz-descriptions-item [nzTitle]="'tender.description' | pt"><div class="dd-pre">{{ t.description }}</div></nz-descriptions-item>
          </nz-descriptions>
          @if (t.status === 'AWARDED') {
            <dd-public-contract-notice [tenderId]="t.id" />
          }
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .dd-public {
      min-height: 100vh;
    }
    .dd-public-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 12px 24px;
      background: #001529;
    }
    .dd-public-brand {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      color: #fff;
      font-size: 18px;
      font-weight: 600;
    }
    .dd-public-mark {
      display: inline-grid;
      place-items: center;
      width: 32px;
      height: 32px;
      border-radius: 6px;
      background: var(--dd-primary);
    }
    .dd-public .dd-page {
      max-width: 1200px;
      margin: 0 auto;
      padding: 24px 16px;
    }
    .dd-public-head a[nz-button] {
      color: #fff;
    }
    .dd-pre {
      white-space: pre-wrap;
    }
  `,
})
export default class PublicTendersPage implements OnInit {
  private readonly api = inject(PublicTendersApi);
  private readonly base = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected kind: PublicTenderKind = 'OPEN';
  protected q = '';
  protected readonly list = new PagedList<PublicTender>(
    (page, pageSize) => this.api.list(this.kind, page, pageSize, this.q),
    this.destroyRef,
  );
  protected readonly shown = signal<PublicTender | null>(null);

  ngOnInit(): void {
    this.list.load();
  }

  protected show(t: PublicTender): void {
    this.shown.set(t);
    this.api.get(t.id).subscribe((detail) => this.shown.set(detail));
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }

  protected time(value: string | null): string {
    return formatMinute(value, this.base.lang());
  }
}
