import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';

import { InboxMessage } from '../../../../api';
import { reloadOnLanguageChange } from '../../../../core/i18n/language-preference';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { appLink } from '../../../../shared/app-link';
import { formatMinute } from '../../../../shared/dates';
import { InboxState } from '../../data/inbox-state';
import { InboxApi } from '../../data/inbox.api';

const PAGE_SIZE = 20;

/** My messages, newest first (times in Beijing time): unread ones stand out; a tap reads it and opens its need. */
@Component({
  selector: 'dd-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzEmptyModule, NzIconModule, NzSpinModule, RouterLink, TranslatePipe],
  templateUrl: './inbox.page.html',
  styleUrl: './inbox.page.css',
})
export default class InboxPage implements OnInit {
  private readonly api = inject(InboxApi);
  private readonly state = inject(InboxState);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = signal<InboxMessage[]>([]);
  protected readonly total = signal(0);
  protected readonly unread = signal(0);
  protected readonly page = signal(1);
  protected readonly loading = signal(false);
  protected readonly hasMore = computed(() => this.messages().length < this.total());

  constructor() {
    // The messages are written by the server in the reader's language: switch, and they are rewritten.
    reloadOnLanguageChange(() => this.load(1));
  }

  ngOnInit(): void {
    this.load(1);
  }

  protected load(page: number): void {
    this.loading.set(true);
    this.api
      .list(page, PAGE_SIZE)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.messages.update((list) => (page === 1 ? result.items : [...list, ...result.items]));
          this.total.set(result.total);
          this.page.set(page);
          this.setUnread(result.unread);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected more(): void {
    this.load(this.page() + 1);
  }

  protected time(message: InboxMessage): string {
    return formatMinute(message.createdAt);
  }

  /** Marks the message read (if it is not yet) and opens what it asks for (a survey), else its need. */
  protected open(message: InboxMessage): void {
    if (!message.readAt) this.markRead(message);
    const link = appLink(message.link);
    if (link !== null) void this.router.navigateByUrl(link);
    else if (message.needId !== null) void this.router.navigate(['/needs', message.needId]);
  }

  protected markRead(message: InboxMessage): void {
    if (message.readAt) return;
    const readAt = new Date().toISOString();
    this.api.markRead(message.id).subscribe(() => {
      this.messages.update((list) => list.map((m) => (m.id === message.id ? { ...m, readAt } : m)));
      this.setUnread(this.unread() - 1);
    });
  }

  protected readAll(): void {
    const readAt = new Date().toISOString();
    this.api.markAllRead().subscribe(() => {
      this.messages.update((list) => list.map((m) => (m.readAt ? m : { ...m, readAt })));
      this.setUnread(0);
    });
  }

  private setUnread(count: number): void {
    this.unread.set(Math.max(0, count));
    this.state.set(count);
  }
}
