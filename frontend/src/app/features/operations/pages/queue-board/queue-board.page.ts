import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';

import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { QueueCounts, QueuesApi } from '../../data/queues.api';

/** Where the browser goes once the board's cookie is set (a test replaces it). */
export const navigateTo = { assign: (url: string) => window.location.assign(url) };

/**
 * 队列看板 (issue #12): job counts per queue, and the button that opens the queue board (Bull Board, served by the
 * API under /api/v1/queues/board): it asks the API for the board's short-lived cookie, then goes there.
 */
@Component({
  selector: 'dd-queue-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzButtonModule, NzIconModule, NzTableModule, TranslatePipe],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'queueBoard.title' | t }}</h1>
        <button
          nz-button
          nzType="primary"
          type="button"
          data-testid="open-queue-board"
          [nzLoading]="opening()"
          (click)="open()"
        >
          <nz-icon nzType="bar-chart" />{{ 'queueBoard.open' | t }}
        </button>
      </header>
      <p class="dd-muted">{{ 'queueBoard.intro' | t }}</p>
      @if (failed()) {
        <nz-alert nzType="error" [nzMessage]="'queueBoard.openFailed' | t" nzShowIcon role="alert" />
      }
      <nz-table
        nzSize="middle"
        data-testid="queue-counts"
        [nzData]="queues()"
        [nzLoading]="loading()"
        [nzShowPagination]="false"
        [nzFrontPagination]="false"
      >
        <thead>
          <tr>
            <th scope="col">{{ 'queueBoard.queue' | t }}</th>
            <th scope="col" nzAlign="right">{{ 'queueBoard.failed' | t }}</th>
            <th scope="col" nzAlign="right">{{ 'queueBoard.waiting' | t }}</th>
            <th scope="col" nzAlign="right">{{ 'queueBoard.delayed' | t }}</th>
            <th scope="col" nzAlign="right">{{ 'queueBoard.active' | t }}</th>
            <th scope="col" nzAlign="right">{{ 'queueBoard.completed' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (q of queues(); track q.name) {
            <tr [attr.data-testid]="'queue-' + q.name">
              <td>{{ q.name }}</td>
              <td nzAlign="right">{{ q.counts.failed }}</td>
              <td nzAlign="right">{{ q.counts.waiting }}</td>
              <td nzAlign="right">{{ q.counts.delayed }}</td>
              <td nzAlign="right">{{ q.counts.active }}</td>
              <td nzAlign="right">{{ q.counts.completed }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
})
export default class QueueBoardPage implements OnInit {
  private readonly api = inject(QueuesApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly queues = signal<QueueCounts[]>([]);
  protected readonly loading = signal(false);
  protected readonly opening = signal(false);
  protected readonly failed = signal(false);

  ngOnInit(): void {
    this.loading.set(true);
    this.api
      .counts()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (queues) => {
          this.queues.set([...queues].sort((a, b) => a.name.localeCompare(b.name)));
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected open(): void {
    this.opening.set(true);
    this.failed.set(false);
    this.api
      .openBoard()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (session) => navigateTo.assign(session.url),
        error: () => {
          this.opening.set(false);
          this.failed.set(true);
        },
      });
  }
}
