import { inject, Injectable, Injector } from '@angular/core';

import { TranslationService } from '../i18n/translation.service';
import type { ErrorView } from './problem-details';

/** Both ng-zorro services render their text as HTML: server texts must not be able to inject markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Toasts for code that runs before any page (the HTTP interceptors). nz-message and
 * nz-notification (with the CDK overlay and the icon machinery behind them) are imported on first
 * use, which keeps them out of the initial bundle; pages inject NzMessageService directly.
 */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly injector = inject(Injector);
  private readonly i18n = inject(TranslationService);

  /** An nz-notification listing `field: message` lines for a 400, an nz-message otherwise. */
  async showError(view: ErrorView): Promise<void> {
    const requestId = view.requestId ? this.i18n.t('error.requestId', { id: view.requestId }) : '';
    if (view.fieldErrors.length > 0) {
      const { NzNotificationService } = await import('ng-zorro-antd/notification');
      const lines = [view.detail, ...view.fieldErrors.map((line) => `• ${line}`), requestId].filter(Boolean);
      this.injector
        .get(NzNotificationService)
        .error(escapeHtml(view.title), lines.map(escapeHtml).join('<br>'), { nzDuration: 8000 });
      return;
    }
    const { NzMessageService } = await import('ng-zorro-antd/message');
    this.injector.get(NzMessageService).error(escapeHtml(view.detail), { nzDuration: 5000 });
  }

  async warning(text: string): Promise<void> {
    const { NzMessageService } = await import('ng-zorro-antd/message');
    this.injector.get(NzMessageService).warning(escapeHtml(text));
  }
}
