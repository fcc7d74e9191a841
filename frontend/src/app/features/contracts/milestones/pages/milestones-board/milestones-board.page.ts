import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { silentErrors } from '../../../../../core/http/http-context';
import { formatDeadline, formatMinute, todayInBeijing } from '../../../../../shared/dates';
import { Downloads } from '../../../../../shared/download.service';
import { PagedList } from '../../../../../shared/paged-list';
import { BoardItem, BoardQuery, BoardView, MilestonesApi } from '../../data/milestones.api';
import { milestoneColor } from '../../data/status';
import { MilestonesCodePipe, MilestonesTranslatePipe } from '../../i18n/milestones-i18n';

/** 里程碑看板: the milestones of my region's live contracts (a supplier: its own) by state, paged, exportable. */
@Component({
  selector: 'dd-milestones-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzTableModule,
    NzTagModule,
    MilestonesTranslatePipe,
    MilestonesCodePipe,
  ],
  template: `
    <section class="dd-page" data-testid="milestones-board">
      <header class="dd-page-head">
        <h1>{{ 'board.title' | mt }}</h1>
        <button nz-button nzType="primary" [nzLoading]="exporting()" data-testid="board-export" (click)="export()">
          <nz-icon nzType="download" />{{ 'board.export' | mt }}
        </button>
      </header>
      <form class="dd-filters" (ngSubmit)="list.first()">
        <nz-radio-group [(ngModel)]="view" name="view" (ngModelChange)="list.first()" data-testid="board-view"
          [attr.aria-label]="'board.title' | mt">
          @for (v of views; track v) {
            <label nz-radio-button [nzValue]="v" [attr.data-testid]="'board-view-' + v">{{ v | mc: 'board.view.' }}</label>
          }
        </nz-radio-group>
        <input nz-input class="dd-filter" name="q" maxlength="64" [(ngModel)]="q" [placeholder]="'board.q' | mt"
          [attr.aria-label]="'board.q' | mt" data-testid="board-q" />
        <button nz-button type="submit" data-testid="board-search"><nz-icon nzType="search" />{{ 'board.search' | mt }}</button>
      </form>
      <nz-table
        data-testid="board-table"
        nzSize="middle"
        nzShowSizeChanger
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzShowTotal]="totalTpl"
        [nzScroll]="{ x: '960px' }"
        (nzPageIndexChange)="list.goTo($event)"
        (nzPageSizeChange)="list.resize($event)"
      >
        <thead>
          <tr>
            <th scope="col">{{ 'board.col.contract' | mt }}</th>
            <th scope="col">{{ 'board.col.organisation' | mt }}</th>
            <th scope="col">{{ 'board.col.milestone' | mt }}</th>
            <th scope="col">{{ 'board.col.due' | mt }}</th>
            <th scope="col">{{ 'board.col.status' | mt }}</th>
            <th scope="col">{{ 'board.col.submittedAt' | mt }}</th>
            <th scope="col" class="dd-num">{{ 'board.col.amount' | mt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of list.items(); track r.id) {
            <tr [attr.data-testid]="'board-row-' + r.id">
              <td><a [routerLink]="['/contracts', r.contractId, 'milestones']">{{ r.contractCode }}</a> {{ r.contractTitle }}</td>
              <td>{{ r.organisationName }}</td>
              <td>{{ 'ms.seq' | mt: { seq: r.seq } }} · {{ r.title }}</td>
              <td>{{ deadline(r.dueAt) }}</td>
              <td>
                <nz-tag [nzColor]="color(r.status)">{{ r.status | mc: 'msStatus.' }}</nz-tag>
                @if (r.overdue) {
                  <nz-tag nzColor="error">{{ 'ms.overdue' | mt }}</nz-tag>
                }
              </td>
              <td>{{ r.submittedAt ? time(r.submittedAt) : '' }}</td>
              <td class="dd-num">{{ r.amount }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #totalTpl let-total>{{ 'board.total' | mt: { total } }}</ng-template>
    </section>
  `,
})
export default class MilestonesBoardPage implements OnInit {
  private readonly api = inject(MilestonesApi);
  private readonly downloads = inject(Downloads);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly views: BoardView[] = ['ALL', 'DUE_SOON', 'OVERDUE', 'WAITING'];
  protected view: BoardView = 'ALL';
  protected q = '';
  protected readonly exporting = signal(false);
  protected readonly list = new PagedList<BoardItem>(
    (page, pageSize) => this.api.board(this.query(page, pageSize)),
    this.destroyRef,
  );

  ngOnInit(): void {
    this.list.load();
  }

  private query(page: number, pageSize: number): BoardQuery {
    return { view: this.view, q: this.q, page, pageSize };
  }

  protected color(status: string): string {
    return milestoneColor(status);
  }

  protected time(value: string): string {
    return formatMinute(value);
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }

  protected async export(): Promise<void> {
    this.exporting.set(true);
    await this.downloads.save(
      this.api.exportBoard(this.query(1, 20), silentErrors()),
      `milestones-${todayInBeijing()}.xlsx`,
    );
    this.exporting.set(false);
  }
}
