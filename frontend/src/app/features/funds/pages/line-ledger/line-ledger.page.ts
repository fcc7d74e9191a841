import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
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
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, of } from 'rxjs';

import {
  BudgetAdjustment,
  BudgetLine,
  FundBalances,
  LEDGER_OPERATIONS,
  LedgerEntry,
  LedgerOperation,
  newIdempotencyKey,
} from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationKey, TranslationService } from '../../../../core/i18n/translation.service';
import { formatInstant } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { formatMoney, nonZeroSignedMoney } from '../../../../shared/money';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { BasisPointsPipe } from '../../../../shared/rates.pipe';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { reason, required } from '../../../../shared/validators';
import { CatalogueApi } from '../../../catalogue';
import { FundsApi } from '../../data/funds.api';
import {
  BUCKET_PREFIX,
  isReversible,
  OPERATION_PREFIX,
  reversedIds,
  SOURCE_PREFIX,
  sourceColor,
} from '../../data/labels';
import { categoryLabel, restrictableCategories, RestrictableCategory, toAdjustmentRequest } from '../../data/line-form';

const PAGE_SIZE = 20;

/** The balance cards, in this order. */
const BALANCES: readonly { key: keyof FundBalances; label: TranslationKey; id: string }[] = [
  { key: 'allocated', label: 'funds.balance.allocated', id: 'allocated' },
  { key: 'available', label: 'funds.balance.available', id: 'available' },
  { key: 'reserved', label: 'funds.balance.reserved', id: 'reserved' },
  { key: 'committed', label: 'funds.balance.committed', id: 'committed' },
  { key: 'outstandingCommitment', label: 'funds.balance.outstanding', id: 'outstanding' },
  { key: 'paid', label: 'funds.balance.paid', id: 'paid' },
];

/**
 * 指标台账: one budget line with its balances, its append-only ledger (filterable, exportable; finance
 * can reverse an entry with a correcting one) and its adjustments (requested by officers, decided
 * by finance).
 */
@Component({
  selector: 'dd-line-ledger-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
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
    NzSelectModule,
    NzSpinModule,
    NzStatisticModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    BasisPointsPipe,
    StatusTagComponent,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './line-ledger.page.html',
  styleUrl: './line-ledger.page.css',
})
export default class LineLedgerPage {
  private readonly api = inject(FundsApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly auth = inject(AuthService);
  private readonly downloads = inject(Downloads);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  /** From the route (`/funds/lines/:id`). */
  readonly id = input.required<string>();
  private readonly lineId = computed(() => Number(this.id()));

  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.FUNDS_MANAGE));
  protected readonly canApprove = computed(() => this.auth.permissions().includes(PERMISSIONS.FUNDS_APPROVE));
  private readonly myId = computed(() => this.auth.me()?.id ?? null);

  protected readonly balanceCards = BALANCES;
  protected readonly operations = LEDGER_OPERATIONS;
  protected readonly operationPrefix = OPERATION_PREFIX;
  protected readonly bucketPrefix = BUCKET_PREFIX;
  protected readonly sourcePrefix = SOURCE_PREFIX;
  protected readonly sourceColor = sourceColor;

  protected readonly line = signal<BudgetLine | null>(null);
  protected readonly loading = signal(true);
  private readonly categories = signal<RestrictableCategory[]>([]);
  protected readonly categoryText = computed(() =>
    categoryLabel(this.line()?.restrictedCategoryCode, this.categories()),
  );

  protected readonly entries = signal<LedgerEntry[]>([]);
  protected readonly entriesTotal = signal(0);
  protected readonly entriesPage = signal(1);
  protected readonly entriesLoading = signal(false);
  protected operation: LedgerOperation | null = null;
  private readonly reversed = computed(() => reversedIds(this.entries()));
  protected readonly exporting = signal(false);

  protected readonly adjustments = signal<BudgetAdjustment[]>([]);
  protected readonly busyAdjustment = signal<number | null>(null);

  /** The adjustment modal. */
  protected readonly adjusting = signal(false);
  protected readonly adjustError = signal<string | null>(null);
  protected readonly adjustForm = this.fb.group({
    delta: ['', [required, nonZeroSignedMoney]],
    reason: ['', [reason, Validators.maxLength(500)]],
  });

  /** The adjustment being rejected (the open modal): a rejection carries its reason. */
  protected readonly rejectingAdjustment = signal<BudgetAdjustment | null>(null);
  protected readonly rejectAdjustmentError = signal<string | null>(null);
  protected readonly rejectAdjustmentForm = this.fb.group({ reason: ['', [reason, Validators.maxLength(500)]] });

  /** The entry being reversed (the open modal), with the key of this correction. */
  protected readonly reversing = signal<{ entry: LedgerEntry; key: string } | null>(null);
  protected readonly reverseError = signal<string | null>(null);
  protected readonly reverseForm = this.fb.group({ memo: ['', [reason, Validators.maxLength(255)]] });
  protected readonly saving = signal(false);

  constructor() {
    effect(() => {
      const id = this.lineId();
      untracked(() => {
        this.operation = null;
        this.entriesPage.set(1);
        this.loadLine(id);
        this.loadEntries();
        this.loadAdjustments();
      });
    });
  }

  private loadLine(id: number): void {
    this.loading.set(true);
    this.api
      .line(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (line) => {
          this.line.set(line);
          this.loading.set(false);
          if (line.restrictedCategoryCode && this.categories().length === 0) this.loadCategories(line.year);
        },
        error: () => this.loading.set(false),
      });
  }

  private loadCategories(year: number): void {
    this.catalogueApi
      .current(year, silentErrors())
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((version) => this.categories.set(restrictableCategories(version?.categories ?? [])));
  }

  protected loadEntries(): void {
    this.entriesLoading.set(true);
    this.api
      .entries(this.lineId(), { operation: this.operation, page: this.entriesPage(), pageSize: PAGE_SIZE })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.entries.set(page.items);
          this.entriesTotal.set(page.total);
          this.entriesLoading.set(false);
        },
        error: () => this.entriesLoading.set(false),
      });
  }

  private loadAdjustments(): void {
    this.api
      .adjustments(this.lineId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) => this.adjustments.set(list));
  }

  /** After money moved: the balances, the ledger and the adjustments all change. */
  private reloadAll(): void {
    this.loadLine(this.lineId());
    this.loadEntries();
    this.loadAdjustments();
  }

  protected filterOperation(operation: LedgerOperation | null): void {
    this.operation = operation;
    this.entriesPage.set(1);
    this.loadEntries();
  }

  protected entriesPageChange(page: number): void {
    this.entriesPage.set(page);
    this.loadEntries();
  }

  protected time(value: string): string {
    return formatInstant(value, this.i18n.lang());
  }

  protected balanceValue(balances: FundBalances, key: keyof FundBalances): string {
    return formatMoney(balances[key], { symbol: false });
  }

  protected reference(entry: LedgerEntry): string {
    return entry.referenceType ? `${entry.referenceType}:${entry.referenceId ?? ''}` : '';
  }

  protected mayReverse(entry: LedgerEntry): boolean {
    return this.canApprove() && isReversible(entry, this.reversed());
  }

  protected isReversed(entry: LedgerEntry): boolean {
    return this.reversed().has(entry.id);
  }

  protected person(userId: number | null): string {
    if (userId === null) return this.i18n.t('audit.system');
    return userId === this.myId() ? this.i18n.t('funds.me') : `#${userId}`;
  }

  protected exportEntries(): void {
    this.exporting.set(true);
    void this.downloads
      .save(this.api.exportEntries(this.lineId(), { operation: this.operation }), `ledger-${this.lineId()}.xlsx`)
      .finally(() => this.exporting.set(false));
  }

  protected openAdjust(): void {
    this.adjustForm.reset({ delta: '', reason: '' });
    this.adjustError.set(null);
    this.adjusting.set(true);
  }

  protected submitAdjust(): void {
    const { delta, reason } = this.adjustForm.getRawValue();
    const body = toAdjustmentRequest(delta, reason);
    if (this.adjustForm.invalid || !body) {
      for (const control of Object.values(this.adjustForm.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    this.saving.set(true);
    this.adjustError.set(null);
    this.api.requestAdjustment(this.lineId(), body, silentErrors()).subscribe({
      next: () => {
        this.saving.set(false);
        this.adjusting.set(false);
        this.message.success(this.i18n.t('funds.adjust.requested'));
        this.loadAdjustments();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.adjustError.set(this.problemText(error));
      },
    });
  }

  protected approveAdjustment(adjustment: BudgetAdjustment): void {
    this.busyAdjustment.set(adjustment.id);
    this.api.decideAdjustment(adjustment.id, true).subscribe({
      next: () => {
        this.busyAdjustment.set(null);
        this.message.success(this.i18n.t('funds.adjust.approved'));
        this.reloadAll();
      },
      error: () => this.busyAdjustment.set(null),
    });
  }

  protected openRejectAdjustment(adjustment: BudgetAdjustment): void {
    this.rejectAdjustmentForm.reset({ reason: '' });
    this.rejectAdjustmentError.set(null);
    this.rejectingAdjustment.set(adjustment);
  }

  /** Rejects with the reason; a refusal keeps the dialog open with what was typed. */
  protected submitRejectAdjustment(): void {
    const adjustment = this.rejectingAdjustment();
    const control = this.rejectAdjustmentForm.controls.reason;
    if (!adjustment) return;
    if (this.rejectAdjustmentForm.invalid) {
      control.markAsDirty();
      control.updateValueAndValidity({ onlySelf: true });
      return;
    }
    this.saving.set(true);
    this.rejectAdjustmentError.set(null);
    this.api.decideAdjustment(adjustment.id, false, control.value.trim(), silentErrors()).subscribe({
      next: () => {
        this.saving.set(false);
        this.rejectingAdjustment.set(null);
        this.message.success(this.i18n.t('funds.adjust.rejected'));
        this.reloadAll();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.rejectAdjustmentError.set(this.problemText(error));
      },
    });
  }

  protected openReverse(entry: LedgerEntry): void {
    this.reverseForm.reset({ memo: '' });
    this.reverseError.set(null);
    this.reversing.set({ entry, key: `reverse-${entry.id}-${newIdempotencyKey()}` });
  }

  protected submitReverse(): void {
    const reversing = this.reversing();
    const memo = this.reverseForm.getRawValue().memo.trim();
    if (!reversing || this.reverseForm.invalid) {
      this.reverseForm.controls.memo.markAsDirty();
      this.reverseForm.controls.memo.updateValueAndValidity({ onlySelf: true });
      return;
    }
    this.saving.set(true);
    this.reverseError.set(null);
    this.api.reverse(reversing.entry.id, { idempotencyKey: reversing.key, memo }, silentErrors()).subscribe({
      next: () => {
        this.saving.set(false);
        this.reversing.set(null);
        this.message.success(this.i18n.t('funds.reverse.done', { id: reversing.entry.id }));
        this.reloadAll();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.reverseError.set(this.problemText(error));
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
