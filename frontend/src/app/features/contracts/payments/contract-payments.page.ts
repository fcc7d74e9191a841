import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { newIdempotencyKey } from '../../../api';
import { AuthService } from '../../../core/auth/auth.service';
import { formatInstant } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { MoneyPipe } from '../../../shared/money.pipe';
import { PaymentActionsComponent } from './payment-actions.component';
import { PAY_STATUS_COLOR, PayCodePipe, PaymentsI18n, PayTranslatePipe } from './payments-i18n';
import { ContractPayments, PaymentMilestone, PaymentsApi } from './payments.api';

/**
 * 合同付款 (/contracts/:id/payments): each milestone's tranche with its payment request, due date (Beijing calendar
 * day), days late and late-payment interest, seen by both sides. The supplier requests payment of accepted
 * milestones; the officer approves or sends back; finance pays or sends back. Rejected requests are listed below.
 */
@Component({
  selector: 'dd-contract-payments-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    NzButtonModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    PayTranslatePipe,
    PayCodePipe,
    PaymentActionsComponent,
  ],
  template: `
    @if (data(); as d) {
      <a [routerLink]="['/contracts', d.contractId]">{{ 'pay.back' | payt }}</a>
      <h1>{{ 'pay.contract.title' | payt }} · {{ d.contractCode }} {{ d.contractTitle }}</h1>
      <p data-testid="pay-summary">{{ summary() }}</p>
      <nz-table [nzData]="d.milestones" [nzShowPagination]="false" nzSize="small" data-testid="pay-milestones" #t>
        <thead>
          <tr>
            <th>{{ 'pay.col.milestone' | payt }}</th>
            <th>{{ 'pay.col.milestoneStatus' | payt }}</th>
            <th nzAlign="right">{{ 'pay.col.amount' | payt }}</th>
            <th>{{ 'pay.col.due' | payt }}</th>
            <th>{{ 'pay.col.late' | payt }}</th>
            <th nzAlign="right">{{ 'pay.col.interest' | payt }}</th>
            <th>{{ 'pay.col.status' | payt }}</th>
            <th>{{ 'pay.col.actions' | payt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (m of t.data; track m.id) {
            <tr [attr.data-testid]="'pay-milestone-' + m.seq" [attr.data-status]="m.request?.status ?? 'NONE'">
              <td>
                {{ m.seq }}. {{ m.title }}
                @if (m.isFinal) {
                  <nz-tag>{{ 'pay.final' | payt }}</nz-tag>
                }
                @if (m.acceptedAt) {
                  <div>{{ 'pay.col.accepted' | payt }} {{ instant(m.acceptedAt) }}</div>
                }
              </td>
              <td>{{ m.status | payc: 'milestoneStatus.' }}</td>
              <td nzAlign="right">{{ (m.request?.amount ?? m.amount) | money }}</td>
              <td>{{ m.request?.dueDate ?? '' }}</td>
              <td>
                @if (m.request?.overdue) {
                  <nz-tag nzColor="red">{{ 'pay.daysLate' | payt: { days: m.request!.daysLate } }}</nz-tag>
                }
              </td>
              <td nzAlign="right">{{ m.request ? (m.request.lateInterest | money) : '' }}</td>
              <td>
                @if (m.request; as r) {
                  <nz-tag [nzColor]="color[r.status]">{{ r.status | payc: 'payStatus.' }}</nz-tag>
                  @if (r.status === 'HELD') {
                    <div>{{ 'pay.heldHint' | payt }}</div>
                  }
                  @if (r.finalOutcome === 'REDUCED') {
                    <div>{{ 'pay.finalReduced' | payt: { score: r.evaluationScore ?? '', released: money(r.released) } }}</div>
                  }
                  @if (r.finalOutcome === 'WITHHELD') {
                    <div>{{ 'pay.finalWithheld' | payt: { score: r.evaluationScore ?? '' } }}</div>
                  }
                  @if (r.paidAt) {
                    <div>{{ 'pay.col.paidAt' | payt }} {{ instant(r.paidAt) }}</div>
                  }
                }
              </td>
              <td>
                @if (canRequest() && m.requestable) {
                  <button nz-button nzType="primary" nzSize="small" [nzLoading]="busy() === m.id" (click)="requestPayment(m)" [attr.data-testid]="'pay-request-' + m.seq">
                    {{ 'pay.action.request' | payt }}
                  </button>
                }
                @if (m.request; as r) {
                  <dd-payment-actions [request]="r" (changed)="load()" />
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      @if (rejected().length > 0) {
        <h2>{{ 'payStatus.REJECTED' | payt }}</h2>
        <ul data-testid="pay-rejected">
          @for (r of rejected(); track r.id) {
            <li>
              {{ r.milestoneSeq }}. {{ r.amount | money }} · {{ instant(r.rejectedAt) }} ·
              {{ 'pay.rejectedBecause' | payt: { reason: r.rejectReason ?? '' } }}
            </li>
          }
        </ul>
      }
    }
  `,
})
export default class ContractPaymentsPage implements OnInit {
  private readonly api = inject(PaymentsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(PaymentsI18n);

  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly data = signal<ContractPayments | null>(null);
  protected readonly busy = signal<number | null>(null);
  protected readonly color = PAY_STATUS_COLOR;
  protected readonly canRequest = computed(() => this.auth.permissions().includes(PERMISSIONS.CONTRACTS_SELF));
  protected readonly rejected = computed(() => (this.data()?.requests ?? []).filter((r) => r.status === 'REJECTED'));
  protected readonly summary = computed(() => {
    const d = this.data();
    if (!d) return '';
    return this.i18n.t('pay.contract.summary', {
      amount: formatMoney(d.amount),
      days: d.paymentDays,
      rate: d.lateRatePercent,
      reduction: d.finalReductionPercent,
    });
  });
  protected readonly instant = formatInstant;
  protected readonly money = (v: string) => formatMoney(v);
  private readonly keys = new Map<number, string>();

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.api.forContract(Number(this.id())).subscribe((d) => this.data.set(d));
  }

  protected requestPayment(m: PaymentMilestone): void {
    if (this.busy() !== null) return;
    if (!this.keys.has(m.id)) this.keys.set(m.id, newIdempotencyKey());
    this.busy.set(m.id);
    this.api.request(Number(this.id()), m.id, this.keys.get(m.id) as string).subscribe({
      next: () => {
        this.busy.set(null);
        this.message.success(this.i18n.t('pay.done.requested'));
        this.load();
      },
      error: () => this.busy.set(null),
    });
  }
}
