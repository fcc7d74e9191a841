import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { catchError, of } from 'rxjs';

import {
  BUDGET_LINE_STATUSES,
  BudgetLine,
  BudgetLineQuery,
  BudgetLineStatus,
  FUND_SOURCES,
  FundSource,
  newIdempotencyKey,
  RegionNode,
} from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { todayInBeijing } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { formatMoney } from '../../../../shared/money';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { PagedList } from '../../../../shared/paged-list';
import { BasisPointsPipe } from '../../../../shared/rates.pipe';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { reason } from '../../../../shared/validators';
import { CatalogueApi } from '../../../catalogue';
import { RegionsApi, toTreeNodes } from '../../../regions';
import { LineFormComponent } from '../../components/line-form.component';
import { budgetYear, budgetYears } from '../../data/budget-year';
import { FundsApi } from '../../data/funds.api';
import { SOURCE_PREFIX, sourceColor } from '../../data/labels';
import { categoryLabel, restrictableCategories, RestrictableCategory } from '../../data/line-form';
import { LineFilters, toLineQuery } from '../../data/line-query';

/** A decision being taken in the modal. */
interface Decision {
  line: BudgetLine;
  approve: boolean;
  /** One per opened decision: submitting twice replays the first approval. */
  key: string;
}

/**
 * 预算指标: the budget lines of my area by year, region, source and status, with their balances and
 * paid rate. Procurement officers create lines; finance officers approve or reject the pending
 * ones (never their own: 403 FUNDS_SEPARATION_OF_DUTIES, shown in the modal). Exportable to Excel.
 */
@Component({
  selector: 'dd-budget-lines-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    NzTreeSelectModule,
    LineFormComponent,
    MoneyPipe,
    BasisPointsPipe,
    StatusTagComponent,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './budget-lines.page.html',
  styleUrl: './budget-lines.page.css',
})
export default class BudgetLinesPage implements OnInit {
  private readonly api = inject(FundsApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly auth = inject(AuthService);
  private readonly downloads = inject(Downloads);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.FUNDS_MANAGE));
  protected readonly canApprove = computed(() => this.auth.permissions().includes(PERMISSIONS.FUNDS_APPROVE));
  protected readonly myRegionId = computed(() => this.auth.me()?.region?.id ?? null);

  protected readonly years = budgetYears();
  protected readonly sources = FUND_SOURCES;
  protected readonly statuses = BUDGET_LINE_STATUSES;
  protected readonly sourcePrefix = SOURCE_PREFIX;
  protected readonly sourceColor = sourceColor;

  protected readonly filters = this.fb.group({
    year: this.fb.control<number | null>(budgetYear()),
    regionId: this.fb.control<string | null>(null),
    source: this.fb.control<FundSource | null>(null),
    status: this.fb.control<BudgetLineStatus | null>(null),
    q: this.fb.control(''),
  });

  protected readonly list = new PagedList<BudgetLine>(() => this.api.lines(this.query()), this.destroyRef);
  protected readonly exporting = signal(false);

  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNodes = computed(() => toTreeNodes(this.regions()));
  /** Categories of this year's catalogue, to name the restriction codes (定向). */
  private readonly categories = signal<RestrictableCategory[]>([]);

  /** The drawer with the new-line form is open. */
  protected readonly creating = signal(false);
  protected readonly drawerWidth = typeof window === 'undefined' ? 560 : Math.min(560, window.innerWidth);

  protected readonly decision = signal<Decision | null>(null);
  protected readonly deciding = signal(false);
  protected readonly decisionError = signal<string | null>(null);
  protected readonly decisionForm = this.fb.group({ note: ['', Validators.maxLength(500)] });

  ngOnInit(): void {
    this.list.load();
    this.regionsApi
      .tree()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tree) => this.regions.set(tree));
    this.catalogueApi
      .current(budgetYear(), silentErrors())
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((version) => this.categories.set(restrictableCategories(version?.categories ?? [])));
  }

  private query(): BudgetLineQuery {
    const filters: LineFilters = this.filters.getRawValue();
    return toLineQuery(filters, this.list.page(), this.list.pageSize());
  }

  protected reset(): void {
    this.filters.reset();
    this.list.first();
  }

  protected category(code: string | null): string {
    return categoryLabel(code, this.categories());
  }

  protected created(line: BudgetLine): void {
    this.creating.set(false);
    this.message.success(this.i18n.t('funds.form.created', { title: line.title }));
    this.list.first();
  }

  protected openDecision(line: BudgetLine, approve: boolean): void {
    // rejecting needs a reason the requester reads; approving takes an optional note
    this.decisionForm.controls.note.setValidators(
      approve ? [Validators.maxLength(500)] : [reason, Validators.maxLength(500)],
    );
    this.decisionForm.reset({ note: '' });
    this.decisionError.set(null);
    this.decision.set({ line, approve, key: newIdempotencyKey() });
  }

  protected closeDecision(): void {
    if (!this.deciding()) this.decision.set(null);
  }

  protected decisionAmount(): string {
    return formatMoney(this.decision()?.line.requested ?? null);
  }

  /** Approve or reject; a refusal (e.g. 403 separation of duties) stays in the modal. */
  protected submitDecision(): void {
    const decision = this.decision();
    if (!decision) return;
    if (this.decisionForm.invalid) {
      this.decisionForm.controls.note.markAsDirty();
      this.decisionForm.controls.note.updateValueAndValidity({ onlySelf: true });
      return;
    }
    const note = this.decisionForm.getRawValue().note.trim();
    this.deciding.set(true);
    this.decisionError.set(null);
    this.api.decideLine(decision.line.id, decision.approve, note, decision.key, silentErrors()).subscribe({
      next: (line) => {
        this.deciding.set(false);
        this.decision.set(null);
        this.message.success(
          this.i18n.t(decision.approve ? 'funds.decision.approved' : 'funds.decision.rejected', { title: line.title }),
        );
        this.list.load();
      },
      error: (error: unknown) => {
        this.deciding.set(false);
        if (!(error instanceof HttpErrorResponse)) throw error;
        const view = describeHttpError(
          error.status,
          error.error,
          (key, params) => this.i18n.t(key, params),
          (key) => this.i18n.dynamic(key, '') || null,
        );
        this.decisionError.set(view.detail);
      },
    });
  }

  /** The same filters as an Excel file (fetched with the auth header). */
  protected export(): void {
    this.exporting.set(true);
    void this.downloads
      .save(this.api.exportLines(this.query()), `budget-lines-${todayInBeijing()}.xlsx`)
      .finally(() => this.exporting.set(false));
  }
}
