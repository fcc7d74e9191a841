import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { catchError, of, startWith, switchMap } from 'rxjs';

import { BudgetLine, FUND_SOURCES, FundSource, newIdempotencyKey } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';
import { describeHttpError } from '../../../core/http/problem-details';
import { TranslateCodePipe, TranslatePipe } from '../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { positiveMoney } from '../../../shared/money';
import { required } from '../../../shared/validators';
import { CatalogueApi } from '../../catalogue';
import { budgetYear } from '../data/budget-year';
import { FundsApi } from '../data/funds.api';
import { SOURCE_PREFIX } from '../data/labels';
import {
  LINE_TITLE_MAX,
  LineFormProblem,
  restrictableCategories,
  RestrictableCategory,
  toLineRequest,
} from '../data/line-form';

/**
 * 新建预算指标: year, region, source, optional restriction to a catalogue category (定向), title and
 * amount. The line is created PENDING_APPROVAL; the API's refusal is shown in place.
 */
@Component({
  selector: 'dd-line-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NzCheckboxModule,
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzTreeSelectModule,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './line-form.component.html',
  styles: `
    .dd-indent {
      padding-left: 16px;
    }
  `,
})
export class LineFormComponent implements OnInit {
  private readonly api = inject(FundsApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  /** The regions the officer may budget for (their subtree). */
  readonly regionNodes = input<NzTreeNodeOptions[]>([]);
  readonly years = input<readonly number[]>([]);
  /** Preselected region (the officer's own), if any. */
  readonly defaultRegionId = input<number | null>(null);
  readonly saved = output<BudgetLine>();
  readonly cancelled = output<void>();

  protected readonly sources = FUND_SOURCES;
  protected readonly sourcePrefix = SOURCE_PREFIX;
  protected readonly titleMax = LINE_TITLE_MAX;
  protected readonly categories = signal<RestrictableCategory[]>([]);
  protected readonly submitting = signal(false);
  protected readonly problems = signal<LineFormProblem[]>([]);
  protected readonly error = signal<{ detail: string; lines: string[] } | null>(null);
  /** One key per opened form: a double click creates one line. */
  private readonly idempotencyKey = newIdempotencyKey();

  protected readonly form = this.fb.group({
    year: this.fb.control<number | null>(budgetYear(), required),
    regionId: this.fb.control<string | null>(null, required),
    source: this.fb.control<FundSource | null>(null, required),
    restrictedCategoryCode: this.fb.control<string | null>(null),
    multiYear: this.fb.control<boolean>(false),
    title: ['', [required, Validators.maxLength(LINE_TITLE_MAX)]],
    amount: ['', [required, positiveMoney]],
  });

  ngOnInit(): void {
    const region = this.defaultRegionId();
    if (region !== null) this.form.controls.regionId.setValue(String(region));
    // The categories offered follow the year: its published catalogue (none yet is normal for next year).
    const year = this.form.controls.year;
    year.valueChanges
      .pipe(
        startWith(year.value),
        switchMap((value) => {
          this.categories.set([]);
          return this.catalogueApi.current(value ?? budgetYear(), silentErrors()).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((version) => this.categories.set(restrictableCategories(version?.categories ?? [])));
  }

  protected problem(p: LineFormProblem): boolean {
    return this.problems().includes(p);
  }

  protected submit(): void {
    this.error.set(null);
    const { body, problems } = toLineRequest(this.form.getRawValue());
    this.problems.set(problems);
    if (this.form.invalid || !body) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    this.submitting.set(true);
    this.api.createLine(body, this.idempotencyKey, silentErrors()).subscribe({
      next: (line) => {
        this.submitting.set(false);
        this.saved.emit(line);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        if (!(error instanceof HttpErrorResponse)) throw error;
        const view = describeHttpError(
          error.status,
          error.error,
          (key, params) => this.i18n.t(key, params),
          (key) => this.i18n.dynamic(key, '') || null,
        );
        this.error.set({ detail: view.detail, lines: view.fieldErrors });
      },
    });
  }
}
