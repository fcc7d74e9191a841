import { inject, Injectable, signal } from '@angular/core';
import { PERMISSIONS } from '@diandan/access';

import { AuthService } from '../../../core/auth/auth.service';
import { silentErrors } from '../../../core/http/http-context';
import { InboxApi } from './inbox.api';

/** The unread count shown in the header, refreshed on navigation, on a timer and after reading. */
@Injectable({ providedIn: 'root' })
export class InboxState {
  private readonly api = inject(InboxApi);
  private readonly auth = inject(AuthService);
  private readonly count = signal(0);
  readonly unread = this.count.asReadonly();
  private inFlight = false;

  set(unread: number): void {
    this.count.set(Math.max(0, unread));
  }

  /** Asks the API (quietly: a failed poll is no reason to bother the user). */
  refresh(): void {
    if (this.inFlight || !this.auth.can(PERMISSIONS.INBOX_READ)) return;
    this.inFlight = true;
    this.api.list(1, 1, silentErrors()).subscribe({
      next: (page) => {
        this.inFlight = false;
        this.set(page.unread);
      },
      error: () => (this.inFlight = false),
    });
  }
}
