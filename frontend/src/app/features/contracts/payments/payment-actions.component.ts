import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { Observable } from 'rxjs';

import { newIdempotencyKey } from '../../../api';
import { AuthService } from '../../../core/auth/auth.service';
import { formatMoney } from '../../../shared/money';
import { PaymentsI18n, PayTranslatePipe } from './payments-i18n';
import { PaymentRequest, PaymentsApi } from './payments.api';

/**
 * The steps one user may take on a payment request: the officer approves or sends back a request; finance pays an
 * approved one (after a confirmation) or sends it back. The server refuses the same person twice (403, shown by
 * the app's error handler). Each click target keeps one Idempotency-Key, so a double click acts once.
 */
@Component({
  selector: 'dd-payment-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzInputModule, NzModalModule, NzPopconfirmModule, PayTranslatePipe],
  template: `
    @let r = request();
    @if (canApprove() && r.status === 'REQUESTED') {
      <button nz-button nzType="primary" nzSize="small" [nzLoading]="busy()" (click)="approve()" [attr.data-testid]="'pay-approve-' + r.id">
        {{ 'pay.action.approve' | payt }}
      </button>
      <button nz-button nzSize="small" nzDanger (click)="openReason('reject')" [attr.data-testid]="'pay-reject-' + r.id">
        {{ 'pay.action.reject' | payt }}
      </button>
    }
    @if (canPay() && r.status === 'APPROVED') {
      <button
        nz-button
        nzType="primary"
        nzSize="small"
        [nzLoading]="busy()"
        nz-popconfirm
        [nzPopconfirmTitle]="confirmText()"
        (nzOnConfirm)="pay()"
        [attr.data-testid]="'pay-pay-' + r.id"
      >
        {{ 'pay.action.pay' | payt }}
      </button>
    }
    @if (canPay() && (r.status === 'APPROVED' || r.status === 'REQUESTED')) {
      <button nz-button nzSize="small" nzDanger (click)="openReason('return')" [attr.data-testid]="'pay-return-' + r.id">
        {{ 'pay.action.return' | payt }}
      </button>
    }
    <nz-modal
      [nzVisible]="reasonFor() !== null"
      [nzTitle]="'pay.reason.title' | payt"
      [nzOkText]="'pay.ok' | payt"
      [nzCancelText]="'pay.cancel' | payt"
      [nzOkDisabled]="!reasonValid()"
      [nzOkLoading]="busy()"
      (nzOnCancel)="reasonFor.set(null)"
      (nzOnOk)="sendBack()"
    >
      <ng-container *nzModalContent>
        <label for="pay-reason-{{ r.id }}" class="sr-only">{{ 'pay.reason.title' | payt }}</label>
        <textarea
          nz-input
          id="pay-reason-{{ r.id }}"
          rows="3"
          maxlength="500"
          [placeholder]="'pay.reason.placeholder' | payt"
          [ngModel]="reason()"
          (ngModelChange)="reason.set($event)"
          data-testid="pay-reason"
        ></textarea>
        @if (reason().length > 0 && !reasonValid()) {
          <div class="ant-form-item-explain-error">{{ 'pay.reason.invalid' | payt }}</div>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: [
    ':host { display: inline-flex; gap: 8px; flex-wrap: wrap; } .sr-only { position: absolute; left: -9999px; }',
  ],
})
export class PaymentActionsComponent {
  private readonly api = inject(PaymentsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(PaymentsI18n);

  readonly request = input.required<PaymentRequest>();
  readonly changed = output<PaymentRequest>();

  protected readonly canApprove = computed(() => this.auth.permissions().includes(PERMISSIONS.CONTRACTS_MANAGE));
  protected readonly canPay = computed(() => this.auth.permissions().includes(PERMISSIONS.PAYMENTS_PAY));
  protected readonly busy = signal(false);
  protected readonly reasonFor = signal<'reject' | 'return' | null>(null);
  protected readonly reason = signal('');
  protected readonly reasonValid = computed(() => {
    const n = this.reason().trim().length;
    return n >= 2 && n <= 500;
  });
  protected readonly confirmText = computed(() =>
    this.i18n.t('pay.confirm.pay', { amount: formatMoney(this.request().amount, { symbol: true }) }),
  );
  private readonly keys = new Map<string, string>();

  private key(action: string): string {
    const k = `${action}-${this.request().id}`;
    if (!this.keys.has(k)) this.keys.set(k, newIdempotencyKey());
    return this.keys.get(k) as string;
  }

  protected approve(): void {
    this.run(this.api.approve(this.request().id, this.key('approve')), 'pay.done.approved');
  }

  protected pay(): void {
    this.run(this.api.pay(this.request().id, this.key('pay')), 'pay.done.paid');
  }

  protected openReason(as: 'reject' | 'return'): void {
    this.reason.set('');
    this.reasonFor.set(as);
  }

  protected sendBack(): void {
    const as = this.reasonFor();
    if (as === null || !this.reasonValid()) return;
    this.run(this.api.sendBack(this.request().id, as, this.reason().trim()), 'pay.done.returned', () =>
      this.reasonFor.set(null),
    );
  }

  private run(
    call: Observable<PaymentRequest>,
    done: 'pay.done.approved' | 'pay.done.paid' | 'pay.done.returned',
    after?: () => void,
  ): void {
    if (this.busy()) return;
    this.busy.set(true);
    call.subscribe({
      next: (r) => {
        this.busy.set(false);
        after?.();
        this.message.success(this.i18n.t(done));
        this.changed.emit(r);
      },
      error: () => this.busy.set(false),
    });
  }
}
