import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { filter, merge, timer } from 'rxjs';

import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { InboxState } from '../data/inbox-state';

/** Re-ask for the unread count this often while the app is open. */
export const INBOX_POLL_MS = 60_000;

/** The bell in the header with the number of unread messages; a tap opens the inbox. */
@Component({
  selector: 'dd-inbox-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzIconModule, TranslatePipe],
  template: `
    <a
      nz-button
      nzType="text"
      routerLink="/inbox"
      class="dd-bell"
      data-testid="inbox-link"
      [attr.aria-label]="'inbox.badge' | t: { count: shown() }"
    >
      <!-- the count is in the link's name as the badge shows it (99+ above 99: a voice user says what they see).
           A plain count, not nz-badge: its rolling digits put 0–9 for every place in the DOM, which is text
           axe and screen readers find inside the link but not in its name. -->
      <span class="dd-bell-wrap" data-testid="inbox-unread-badge" [attr.data-unread]="state.unread()">
        <nz-icon nzType="bell" class="dd-bell-icon" />
        @if (state.unread() > 0) {
          <span class="dd-bell-count" aria-hidden="true">{{ shown() }}</span>
        }
      </span>
    </a>
  `,
  styles: `
    .dd-bell-wrap {
      position: relative;
      display: inline-block;
      line-height: 1;
    }
    .dd-bell-icon {
      font-size: 20px;
    }
    .dd-bell-count {
      position: absolute;
      top: -6px;
      inset-inline-start: 12px;
      min-width: 16px;
      height: 16px;
      padding: 0 4px;
      border-radius: 8px;
      /* white on #c41d1b: contrast 6.1:1 (the default red #ff4d4f gives 3.3:1 at this size) */
      background: #c41d1b;
      color: #fff;
      font-size: 11px;
      line-height: 16px;
      text-align: center;
      white-space: nowrap;
      box-shadow: 0 0 0 1px #fff;
    }
  `,
})
export class InboxBadgeComponent implements OnInit {
  protected readonly state = inject(InboxState);
  protected readonly OVERFLOW = 99;
  /** The count as the badge draws it. */
  protected readonly shown = computed(() =>
    this.state.unread() > this.OVERFLOW ? `${this.OVERFLOW}+` : this.state.unread(),
  );
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  ngOnInit(): void {
    const navigations = this.router.events.pipe(filter((e) => e instanceof NavigationEnd));
    merge(timer(0, INBOX_POLL_MS), navigations)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.state.refresh());
  }
}
