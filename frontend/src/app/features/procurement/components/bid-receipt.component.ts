import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';

import { TranslationService } from '../../../core/i18n/translation.service';
import { formatInstant } from '../../../shared/dates';
import { BidReceipt } from '../data/procurement.types';
import { ProcTranslatePipe } from '../i18n/procurement-i18n';

/** 投标回执: the server time a bid was sealed and the SHA-256 of the sealed content. */
@Component({
  selector: 'dd-bid-receipt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzDescriptionsModule, ProcTranslatePipe],
  template: `
    @let r = receipt();
    <nz-descriptions nzBordered nzSize="small" [nzColumn]="1" [nzTitle]="'receipt.title' | pt" data-testid="bid-receipt" [attr.data-bid-id]="r.bidId">
      <nz-descriptions-item [nzTitle]="'receipt.time' | pt">
        <span data-testid="bid-receipt-time" [attr.data-time]="r.submittedAt">{{ time(r.submittedAt) }}</span>
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'receipt.sha256' | pt">
        <code class="dd-hash" data-testid="bid-receipt-sha256">{{ r.sha256 }}</code>
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'receipt.version' | pt">
        <span data-testid="bid-receipt-version">{{ r.version }}</span>
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'receipt.bidId' | pt"><code class="dd-hash">{{ r.bidId }}</code></nz-descriptions-item>
    </nz-descriptions>
    <p class="dd-receipt-hint">{{ 'receipt.hint' | pt }}</p>
  `,
  styles: `
    .dd-hash {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: 12px;
      word-break: break-all;
    }
    .dd-receipt-hint {
      margin: 8px 0 0;
      color: var(--dd-text-secondary);
    }
  `,
})
export class BidReceiptComponent {
  private readonly base = inject(TranslationService);
  readonly receipt = input.required<BidReceipt>();

  protected time(value: string): string {
    return formatInstant(value, this.base.lang());
  }
}
