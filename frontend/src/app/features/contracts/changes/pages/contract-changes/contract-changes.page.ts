import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { newIdempotencyKey } from '../../../../../api';
import { AuthService } from '../../../../../core/auth/auth.service';
import { silentErrors } from '../../../../../core/http/http-context';
import { describeHttpError } from '../../../../../core/http/problem-details';
import { TranslateCodePipe, TranslatePipe } from '../../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../../core/i18n/translation.service';
import { formatInstant, todayInBeijing } from '../../../../../shared/dates';
import { Downloads } from '../../../../../shared/download.service';
import { parseMoney, positiveMoney } from '../../../../../shared/money';
import { MoneyPipe } from '../../../../../shared/money.pipe';
import { reason, required } from '../../../../../shared/validators';
import { fitsCap, withCumulative } from '../../data/change-orders';
import {
  ChangeOrder,
  ChangeOrdersApi,
  ContractChanges,
  TERMINATION_KINDS,
  TerminationKind,
  TerminationResult,
} from '../../data/change-orders.api';

const STATUS_COLOR: Record<string, string> = { PROPOSED: 'gold', APPROVED: 'green', REJECTED: 'default' };

/**
 * 补充合同与终止 (`/contracts/:id/changes`): the contract's change orders with their amounts and the running share of
 * the original amount; the officer proposes (and withdraws), finance approves or refuses; the officer terminates the
 * contract (by agreement, for breach, or a draft never signed) and, after a breach, is offered the blacklisting of the
 * organisation.
 */
@Component({
  selector: 'dd-contract-changes-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './contract-changes.page.html',
})
export default class ContractChangesPage {
  private readonly api = inject(ChangeOrdersApi);
  private readonly auth = inject(AuthService);
  private readonly downloads = inject(Downloads);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly fb = inject(NonNullableFormBuilder);

  /** From the route (`/contracts/:id/changes`). */
  readonly id = input.required<string>();
  private readonly contractId = computed(() => Number(this.id()));

  protected readonly canPropose = computed(() => this.auth.permissions().includes(PERMISSIONS.CONTRACTS_MANAGE));
  protected readonly canDecide = computed(() => this.auth.permissions().includes(PERMISSIONS.PAYMENTS_PAY));
  protected readonly canBlacklist = computed(() => this.auth.permissions().includes(PERMISSIONS.ORGANISATIONS_REVIEW));
  private readonly myId = computed(() => this.auth.me()?.id ?? null);

  protected readonly data = signal<ContractChanges | null>(null);
  protected readonly loading = signal(true);
  protected readonly rows = computed(() => {
    const d = this.data();
    return d ? withCumulative(d.items, d.contract.amount) : [];
  });
  protected readonly live = computed(() => ['SIGNED', 'ACTIVE'].includes(this.data()?.contract.status ?? ''));
  protected readonly terminable = computed(() =>
    ['DRAFT', 'SIGNED', 'ACTIVE'].includes(this.data()?.contract.status ?? ''),
  );
  protected readonly statusColor = STATUS_COLOR;
  protected readonly kinds = TERMINATION_KINDS;
  protected readonly busy = signal<number | null>(null);
  protected readonly exporting = signal(false);
  protected readonly saving = signal(false);

  protected readonly proposing = signal<string | null>(null); // the idempotency key of the open form
  protected readonly proposeError = signal<string | null>(null);
  protected readonly proposeForm = this.fb.group({
    scope: ['', [required, Validators.maxLength(2000)]],
    amount: ['', [required, positiveMoney]],
    reason: ['', [reason, Validators.maxLength(500)]],
    milestoneTitle: ['', [required, Validators.maxLength(128)]],
    milestoneDueDate: ['', [required]],
  });

  protected readonly rejecting = signal<{ order: ChangeOrder; how: 'reject' | 'withdraw' } | null>(null);
  protected readonly rejectError = signal<string | null>(null);
  protected readonly rejectForm = this.fb.group({ reason: ['', [reason, Validators.maxLength(500)]] });

  protected readonly terminating = signal<string | null>(null);
  protected readonly terminateError = signal<string | null>(null);
  protected readonly terminateForm = this.fb.group({
    kind: ['AGREEMENT' as TerminationKind, [required]],
    reason: ['', [reason, Validators.maxLength(500)]],
  });
  protected readonly terminated = signal<TerminationResult | null>(null);

  constructor() {
    effect(() => {
      const id = this.contractId();
      untracked(() => this.load(id));
    });
  }

  private load(id: number): void {
    this.loading.set(true);
    this.api.forContract(id).subscribe({
      next: (d) => {
        this.data.set(d);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected time(value: string | null): string {
    return formatInstant(value, this.i18n.lang());
  }

  protected mine(order: ChangeOrder): boolean {
    return order.proposedBy === this.myId();
  }

  protected exportXlsx(): void {
    this.exporting.set(true);
    void this.downloads
      .save(this.api.exportForContract(this.contractId()), `change-orders-${this.contractId()}.xlsx`)
      .finally(() => this.exporting.set(false));
  }

  // ---- propose

  protected openPropose(): void {
    this.proposeForm.reset({ scope: '', amount: '', reason: '', milestoneTitle: '', milestoneDueDate: '' });
    this.proposeError.set(null);
    this.proposing.set(newIdempotencyKey());
  }

  protected today(): string {
    return todayInBeijing();
  }

  /** The typed amount would take approved change orders above 10 % (the server decides; this warns early). */
  protected amountOverCap(): boolean {
    const d = this.data();
    const amount = parseMoney(this.proposeForm.controls.amount.value);
    return !!d && amount !== null && !fitsCap(amount, d.contract.changes, d.contract.amount);
  }

  protected submitPropose(): void {
    const key = this.proposing();
    if (!key) return;
    if (this.proposeForm.invalid) {
      for (const c of Object.values(this.proposeForm.controls)) {
        c.markAsDirty();
        c.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const v = this.proposeForm.getRawValue();
    this.saving.set(true);
    this.proposeError.set(null);
    this.api
      .propose(
        this.contractId(),
        {
          scope: v.scope.trim(),
          amount: parseMoney(v.amount) ?? v.amount,
          reason: v.reason.trim(),
          milestoneTitle: v.milestoneTitle.trim(),
          milestoneDueDate: v.milestoneDueDate,
        },
        key,
        silentErrors(),
      )
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.proposing.set(null);
          this.message.success(this.i18n.t('changes.proposed'));
          this.load(this.contractId());
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.proposeError.set(this.problemText(e));
        },
      });
  }

  // ---- decide

  protected approve(order: ChangeOrder): void {
    this.busy.set(order.id);
    this.api.approve(order.id, `change-order-approve-${order.id}-${newIdempotencyKey()}`).subscribe({
      next: () => {
        this.busy.set(null);
        this.message.success(this.i18n.t('changes.approved'));
        this.load(this.contractId());
      },
      error: () => {
        this.busy.set(null);
        this.load(this.contractId());
      },
    });
  }

  protected openReject(order: ChangeOrder, how: 'reject' | 'withdraw'): void {
    this.rejectForm.reset({ reason: '' });
    this.rejectError.set(null);
    this.rejecting.set({ order, how });
  }

  protected submitReject(): void {
    const r = this.rejecting();
    const control = this.rejectForm.controls.reason;
    if (!r) return;
    if (this.rejectForm.invalid) {
      control.markAsDirty();
      control.updateValueAndValidity({ onlySelf: true });
      return;
    }
    this.saving.set(true);
    this.api.reject(r.order.id, r.how, control.value.trim(), silentErrors()).subscribe({
      next: () => {
        this.saving.set(false);
        this.rejecting.set(null);
        this.message.success(this.i18n.t(r.how === 'reject' ? 'changes.rejected' : 'changes.withdrawn'));
        this.load(this.contractId());
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.rejectError.set(this.problemText(e));
      },
    });
  }

  // ---- terminate

  protected openTerminate(): void {
    const draft = this.data()?.contract.status === 'DRAFT';
    this.terminateForm.reset({ kind: draft ? 'NOT_SIGNED' : 'AGREEMENT', reason: '' });
    this.terminateError.set(null);
    this.terminating.set(newIdempotencyKey());
  }

  /** A draft can only end as never signed; a signed contract by agreement or for breach. */
  protected kindAllowed(kind: TerminationKind): boolean {
    const draft = this.data()?.contract.status === 'DRAFT';
    return draft ? kind === 'NOT_SIGNED' : kind !== 'NOT_SIGNED';
  }

  protected submitTerminate(): void {
    const key = this.terminating();
    if (!key) return;
    if (this.terminateForm.invalid) {
      for (const c of Object.values(this.terminateForm.controls)) {
        c.markAsDirty();
        c.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const v = this.terminateForm.getRawValue();
    this.saving.set(true);
    this.api.terminate(this.contractId(), { kind: v.kind, reason: v.reason.trim() }, key, silentErrors()).subscribe({
      next: (result) => {
        this.saving.set(false);
        this.terminating.set(null);
        this.terminated.set(result);
        this.message.success(this.i18n.t('changes.terminate.done', { released: result.released }));
        this.load(this.contractId());
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.terminateError.set(this.problemText(e));
      },
    });
  }

  private problemText(error: unknown): string {
    if (!(error instanceof HttpErrorResponse)) throw error;
    const view = describeHttpError(
      error.status,
      error.error,
      (key, params) => this.i18n.t(key, params),
      (key) => this.i18n.dynamic(key, '') || null,
    );
    return [view.detail, ...view.fieldErrors].join('; ');
  }
}
