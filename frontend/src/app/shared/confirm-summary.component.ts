import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzModalModule } from 'ng-zorro-antd/modal';

/** One line of a summary: what it is, and the value as the person will read it (formatted, translated). */
export interface SummaryRow {
  /** Stable name, for tests: `<testId>-<key>`. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/**
 * "Check before it happens": a dialog with what is about to be made public or sealed, the consequence in a
 * sentence, and the buttons to confirm or go back. Nothing is sent until `confirmed` fires.
 */
@Component({
  selector: 'dd-confirm-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzModalModule, NzDescriptionsModule, NzAlertModule, NzButtonModule],
  template: `
    <nz-modal [nzVisible]="open()" [nzTitle]="title()" [nzFooter]="footer" [nzWidth]="560" (nzOnCancel)="back()">
      <ng-container *nzModalContent>
        <div [attr.data-testid]="testId()">
          <nz-descriptions nzBordered nzSize="small" [nzColumn]="1">
            @for (row of rows(); track row.key) {
              <nz-descriptions-item [nzTitle]="row.label">
                <span [attr.data-testid]="testId() + '-' + row.key">{{ row.value }}</span>
              </nz-descriptions-item>
            }
          </nz-descriptions>
          @if (note()) {
            <nz-alert class="dd-confirm-note" nzType="warning" nzShowIcon [nzMessage]="note()" />
          }
        </div>
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" [disabled]="busy()" (click)="back()" [attr.data-testid]="testId() + '-back'">
          {{ backLabel() }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="button"
          [nzLoading]="busy()"
          (click)="confirmed.emit()"
          [attr.data-testid]="testId() + '-confirm'"
        >
          {{ confirmLabel() }}
        </button>
      </ng-template>
    </nz-modal>
  `,
  styles: `
    .dd-confirm-note {
      margin-top: 16px;
    }
  `,
})
export class ConfirmSummaryComponent {
  readonly open = input.required<boolean>();
  readonly title = input.required<string>();
  readonly rows = input.required<readonly SummaryRow[]>();
  /** What happens once confirmed, and what can no longer be changed. */
  readonly note = input('');
  readonly confirmLabel = input.required<string>();
  readonly backLabel = input.required<string>();
  readonly busy = input(false);
  readonly testId = input('confirm-summary');
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();

  protected back(): void {
    if (!this.busy()) this.cancelled.emit();
  }
}
