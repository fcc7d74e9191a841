import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  Delivery,
  DELIVERY_STATUSES,
  DeliveryStatus,
  NOTIFICATION_CHANNELS,
  NotificationChannel,
} from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { reloadOnLanguageChange } from '../../../../core/i18n/language-preference';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { DeliveriesApi } from '../../data/notification-settings.api';

const PAGE_SIZE = 20;

/**
 * 投递失败 (administrators): the e-mails and SMS that could not be delivered to the users of my subtree after every
 * attempt, with what the server answered; retry one, or all of them, once the cause is fixed (each retry audited).
 */
@Component({
  selector: 'dd-deliveries-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzButtonModule,
    NzIconModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    TranslateCodePipe,
    AccessibleNameDirective,
  ],
  templateUrl: './deliveries.page.html',
  styles: `
    .dd-filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .dd-filters nz-select {
      min-width: 140px;
    }
    .dd-error {
      max-width: 320px;
      word-break: break-word;
      color: var(--dd-text-secondary);
    }
  `,
})
export default class DeliveriesPage implements OnInit {
  private readonly api = inject(DeliveriesApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly i18n = inject(TranslationService);

  protected readonly statuses = DELIVERY_STATUSES;
  protected readonly channels = NOTIFICATION_CHANNELS;
  protected readonly status = signal<DeliveryStatus>('FAILED');
  protected readonly channel = signal<NotificationChannel | null>(null);
  protected readonly items = signal<Delivery[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly loading = signal(false);
  protected readonly retrying = signal<string | null>(null);

  constructor() {
    // the messages' titles are written by the server in the reader's language
    reloadOnLanguageChange(() => this.load());
  }

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .list({ status: this.status(), channel: this.channel(), page: this.page(), pageSize: PAGE_SIZE })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.items.set(result.items);
          this.total.set(result.total);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected setStatus(status: DeliveryStatus): void {
    this.status.set(status);
    this.page.set(1);
    this.load();
  }

  protected setChannel(channel: NotificationChannel | null): void {
    this.channel.set(channel);
    this.page.set(1);
    this.load();
  }

  protected pageChange(page: number): void {
    this.page.set(page);
    this.load();
  }

  protected time(value: string | null): string {
    return formatMinute(value, this.i18n.lang());
  }

  protected retry(d: Delivery): void {
    this.retrying.set(d.id);
    this.api.retry(d.id).subscribe({
      next: () => {
        this.retrying.set(null);
        this.message.success(this.i18n.t('deliveries.retried', { count: 1 }));
        this.load();
      },
      error: () => this.retrying.set(null),
    });
  }

  protected retryAll(): void {
    this.retrying.set('all');
    this.api.retryFailed(this.channel()).subscribe({
      next: (r) => {
        this.retrying.set(null);
        this.message.success(this.i18n.t('deliveries.retried', { count: r.retried }));
        this.load();
      },
      error: () => this.retrying.set(null),
    });
  }
}
