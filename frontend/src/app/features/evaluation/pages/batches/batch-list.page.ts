import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline, formatMinute } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { PagedList } from '../../../../shared/paged-list';
import { TasksI18n, TasksTranslatePipe } from '../../data/tasks-i18n';
import { beijingYear } from '../../data/tasks-view';
import { BatchSummary, EvaluationSummary, EvaluationTasksApi, NewBatch } from '../../data/tasks.api';
import { BatchesSummaryComponent } from './batches-summary.component';

/** The least rate the server accepts by default (EVALUATION_MID_TERM_SAMPLE_BP); it says so if a deployment set more. */
const MIN_PERCENT = 30;

/**
 * 抽查批次: the mid-term sampling batches of the reader's region subtree; the officer draws a new one (name, rate
 * ≥ 30 %, due date), confirmed first since a draw is final and audited; and the year's summary of every evaluation
 * task of the subtree (grades, statuses, late tasks) with its Excel export.
 */
@Component({
  selector: 'dd-batch-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    BatchesSummaryComponent,
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    TasksTranslatePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'batches.title' | tk }}</h1>
        @if (manager()) {
          <button nz-button nzType="primary" (click)="drawing.set(true)" data-testid="batches-new">
            <nz-icon nzType="plus" />{{ 'batches.new' | tk }}
          </button>
        }
      </header>
      <nz-table
        #table
        data-testid="batches-table"
        nzSize="small"
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzNoResult]="'batches.empty' | tk"
        (nzPageIndexChange)="list.goTo($event)"
      >
        <thead>
          <tr>
            <th>{{ 'batches.col.name' | tk }}</th>
            <th>{{ 'batches.col.region' | tk }}</th>
            <th nzAlign="right">{{ 'batches.col.rate' | tk }}</th>
            <th nzAlign="right">{{ 'batches.col.drawn' | tk }}</th>
            <th>{{ 'batches.col.due' | tk }}</th>
            <th>{{ 'batches.col.createdAt' | tk }}</th>
          </tr>
        </thead>
        <tbody>
          @for (b of table.data; track b.id) {
            <tr [attr.data-testid]="'batch-row-' + b.id">
              <td><a [routerLink]="['/evaluation/batches', b.id]">{{ b.name }}</a></td>
              <td>{{ b.regionName }}</td>
              <td nzAlign="right">{{ b.samplePercent }}%</td>
              <td nzAlign="right">{{ b.drawnCount }} / {{ b.candidateCount }}</td>
              <td>{{ deadline(b.dueAt) }}</td>
              <td>{{ minute(b.createdAt) }}<div class="dd-muted">{{ b.createdByName }}</div></td>
            </tr>
          }
        </tbody>
      </nz-table>

      <section class="dd-year" data-testid="batches-year">
        <label for="summary-year">{{ 'batches.year.label' | tk }}</label>
        <nz-select nzId="summary-year" class="dd-filter" [ngModel]="year()" (ngModelChange)="setYear($event)" data-testid="batches-year-select" [ddName]="'batches.year.label' | tk">
          @for (y of years; track y) {
            <nz-option [nzValue]="y" [nzLabel]="'' + y" />
          }
        </nz-select>
        @if (summary(); as s) {
          <dd-batches-summary [summary]="s" [title]="'batches.year.title' | tk: { year: year() }" [exporting]="exporting()" (export)="exportYear()" />
        }
      </section>

      <nz-modal
        [nzVisible]="drawing()"
        [nzTitle]="'batches.new' | tk"
        [nzOkText]="'batches.form.submit' | tk"
        [nzOkDisabled]="form.invalid"
        [nzOkLoading]="saving()"
        (nzOnOk)="draw()"
        (nzOnCancel)="drawing.set(false)"
      >
        <ng-container *nzModalContent>
          <form class="dd-form" [formGroup]="form" data-testid="batch-form">
            <p class="dd-muted">{{ 'batches.form.hint' | tk }}</p>
            @if (error()) {
              <nz-alert nzType="error" nzShowIcon [nzMessage]="error()!" [nzDescription]="fieldErrors()" data-testid="batch-form-error" />
            }
            <label for="batch-name">{{ 'batches.form.name' | tk }}</label>
            <input nz-input id="batch-name" formControlName="name" maxlength="100" [placeholder]="'batches.form.namePlaceholder' | tk" data-testid="batch-form-name" />
            <label for="batch-rate">{{ 'batches.form.rate' | tk: { min: minPercent } }}</label>
            <input nz-input id="batch-rate" type="number" [min]="minPercent" max="100" step="0.01" formControlName="percent" data-testid="batch-form-rate" />
            <label for="batch-due">{{ 'batches.form.dueDate' | tk }}</label>
            <input nz-input id="batch-due" type="date" formControlName="dueDate" data-testid="batch-form-due" />
            <p><strong>{{ 'batches.form.confirm' | tk }}</strong></p>
          </form>
        </ng-container>
      </nz-modal>
    </section>
  `,
  styles: `
    .dd-year { margin-top: 24px; }
    .dd-form { display: grid; gap: 6px; }
  `,
})
export default class BatchListPage implements OnInit {
  private readonly api = inject(EvaluationTasksApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly downloads = inject(Downloads);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(TasksI18n);

  protected readonly minPercent = MIN_PERCENT;
  protected readonly manager = computed(() => this.auth.permissions().includes(PERMISSIONS.EVALUATION_MANAGE));
  protected readonly list = new PagedList<BatchSummary>((page, size) => this.api.batches(page, size), this.destroyRef);
  protected readonly drawing = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<string>('');
  protected readonly year = signal(beijingYear());
  protected readonly years = [beijingYear() - 1, beijingYear(), beijingYear() + 1];
  protected readonly summary = signal<EvaluationSummary | null>(null);
  protected readonly exporting = signal(false);
  protected readonly form = this.fb.group({
    name: this.fb.control('', [Validators.required, Validators.minLength(2), Validators.maxLength(100)]),
    percent: this.fb.control<number>(MIN_PERCENT, [
      Validators.required,
      Validators.min(MIN_PERCENT),
      Validators.max(100),
    ]),
    dueDate: this.fb.control(''),
  });
  protected readonly deadline = formatDeadline;
  protected readonly minute = formatMinute;

  ngOnInit(): void {
    this.list.load();
    this.loadSummary();
  }

  protected setYear(year: number): void {
    this.year.set(year);
    this.loadSummary();
  }

  protected draw(): void {
    const v = this.form.getRawValue();
    const body: NewBatch = { name: v.name.trim(), samplePercent: Number(v.percent).toFixed(2) };
    if (v.dueDate) body.dueDate = v.dueDate;
    this.saving.set(true);
    this.error.set(null);
    this.api
      .drawBatch(body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (b) => {
          this.saving.set(false);
          this.drawing.set(false);
          void this.router.navigate(['/evaluation/batches', b.id]);
        },
        error: (e: HttpErrorResponse) => {
          this.saving.set(false);
          const d = describeHttpError(
            e.status,
            e.error,
            (key, params) => this.base.t(key, params),
            (key) => this.base.dynamic(key, '') || null,
          );
          this.error.set(d.detail || this.i18n.t('batches.new'));
          this.fieldErrors.set(d.fieldErrors.join('；'));
        },
      });
  }

  protected exportYear(): void {
    this.exporting.set(true);
    void this.downloads
      .save(this.api.yearSummaryXlsx(this.year()), `evaluation-summary-${this.year()}.xlsx`)
      .finally(() => this.exporting.set(false));
  }

  private loadSummary(): void {
    this.api
      .yearSummary(this.year())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (s) => this.summary.set(s), error: () => this.summary.set(null) });
  }
}
