import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Subject, switchMap } from 'rxjs';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { PagedList } from '../../../../shared/paged-list';
import { fromCents, gradeLabel, statusColor, toCents } from '../../data/grading';
import { GradingCodePipe, GradingI18n, GradingTranslatePipe } from '../../data/grading-i18n';
import {
  ASSESSMENT_STATUSES,
  AssessmentStatus,
  AssessmentSummary,
  Candidate,
  GradingApi,
} from '../../data/grading.api';

/**
 * 等级评估: the grade assessments of my region subtree (an organisation's member: its decided ones), open first; the
 * officer opens a new one for an active social organisation of the region (its current grade shown, one open
 * assessment at a time).
 */
@Component({
  selector: 'dd-grading-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
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
    NzTagModule,
    TranslatePipe,
    GradingTranslatePipe,
    GradingCodePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'grading.list.title' | gt }}</h1>
        @if (canManage) {
          <span class="dd-inline">
            <a nz-button routerLink="/evaluation/grade-cutoffs" data-testid="grading-link-cutoffs">
              <nz-icon nzType="bar-chart" />{{ 'grading.list.cutoffs' | gt }}
            </a>
            <button nz-button nzType="primary" (click)="startOpen()" data-testid="grading-open">
              <nz-icon nzType="plus" />{{ 'grading.list.open' | gt }}
            </button>
          </span>
        }
      </header>
      <p class="dd-muted">{{ 'grading.list.hint' | gt }}</p>
      <form class="dd-filters" [formGroup]="filters" (ngSubmit)="list.first()" data-testid="grading-filters">
        <nz-select
          class="dd-filter"
          nzAllowClear
          formControlName="status"
          [nzPlaceHolder]="'grading.filter.status' | gt"
          [ddName]="'grading.filter.status' | gt"
          data-testid="grading-filter-status"
        >
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="s | gc: 'gradingStatus.'" />
          }
        </nz-select>
        <input
          nz-input
          class="dd-filter-wide"
          formControlName="q"
          maxlength="50"
          [placeholder]="'grading.filter.q' | gt"
          [attr.aria-label]="'grading.filter.q' | gt"
          data-testid="grading-filter-q"
        />
        <button nz-button nzType="primary" type="submit" data-testid="grading-search">
          <nz-icon nzType="search" />{{ 'common.search' | t }}
        </button>
      </form>
      <nz-table
        #table
        data-testid="grading-table"
        nzSize="small"
        nzShowSizeChanger
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzNoResult]="'grading.list.empty' | gt"
        (nzPageIndexChange)="list.goTo($event)"
        (nzPageSizeChange)="list.resize($event)"
      >
        <thead>
          <tr>
            <th>{{ 'grading.col.code' | gt }}</th>
            <th>{{ 'grading.col.organisation' | gt }}</th>
            <th>{{ 'grading.col.status' | gt }}</th>
            <th nzAlign="right">{{ 'grading.col.total' | gt }}</th>
            <th>{{ 'grading.col.grade' | gt }}</th>
            <th>{{ 'grading.col.opened' | gt }}</th>
            <th>{{ 'grading.col.validTill' | gt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (a of table.data; track a.id) {
            <tr [attr.data-testid]="'grading-row-' + a.id">
              <td><a [routerLink]="['/evaluation/grading', a.id]">{{ a.code }}</a></td>
              <td>{{ a.organisationName }}<div class="dd-muted">{{ a.regionName }}</div></td>
              <td>
                <nz-tag [nzColor]="color(a.status)" [attr.data-status]="a.status">{{ a.status | gc: 'gradingStatus.' }}</nz-tag>
              </td>
              <td nzAlign="right">{{ points(a.totalPoints) }}</td>
              <td>
                @if (a.status === 'DECIDED') {
                  @if (a.grade) {
                    <nz-tag nzColor="gold">{{ label(a.grade) }}</nz-tag>
                  } @else {
                    <span class="dd-muted">{{ 'grading.noGrade' | gt }}</span>
                  }
                } @else if (a.totalPoints !== null) {
                  <span class="dd-muted">{{ a.proposedGrade ? ('grading.proposed' | gt: { grade: label(a.proposedGrade)! }) : ('grading.noGrade' | gt) }}</span>
                }
              </td>
              <td>{{ minute(a.openedAt) }}<div class="dd-muted">{{ a.openedByName }}</div></td>
              <td>{{ a.gradeExpiresOn ?? '' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>

    <nz-modal [nzVisible]="opening()" [nzTitle]="'grading.open.title' | gt" [nzFooter]="null" (nzOnCancel)="opening.set(false)">
      <ng-container *nzModalContent>
        <div data-testid="grading-open-form">
          @if (openError(); as problem) {
            <nz-alert class="dd-form-alert" nzType="error" nzShowIcon [nzMessage]="problem" data-testid="grading-open-error" />
          }
          <label class="dd-field-label" for="grading-open-organisation">{{ 'grading.open.organisation' | gt }}</label>
          <nz-select
            class="dd-full"
            nzId="grading-open-organisation"
            nzShowSearch
            nzServerSearch
            [nzPlaceHolder]="'grading.open.search' | gt"
            [(ngModel)]="picked"
            (nzOnSearch)="search$.next($event)"
            [ddName]="'grading.open.organisation' | gt"
            data-testid="grading-open-organisation"
          >
            @for (c of candidates(); track c.id) {
              <nz-option [nzValue]="c.id" [nzLabel]="c.name + ' · ' + c.regionName" [nzDisabled]="c.openAssessmentId !== null" />
            }
          </nz-select>
          @if (pickedCandidate(); as c) {
            <p class="dd-muted" data-testid="grading-open-current">
              @if (c.openAssessmentId !== null) {
                {{ 'grading.open.inProgress' | gt }}
              } @else if (c.grade) {
                {{ c.gradeExpiresOn ? ('grading.open.current' | gt: { grade: label(c.grade)!, date: c.gradeExpiresOn }) : ('grading.open.currentNoExpiry' | gt: { grade: label(c.grade)! }) }}
              } @else {
                {{ 'grading.open.noGrade' | gt }}
              }
            </p>
          }
          <p class="dd-muted">{{ 'grading.open.template' | gt }}</p>
          <div class="dd-form-actions">
            <button nz-button type="button" (click)="opening.set(false)">{{ 'common.cancel' | t }}</button>
            <button nz-button nzType="primary" [disabled]="picked === null" [nzLoading]="busy()" (click)="open()" data-testid="grading-open-submit">
              {{ 'grading.open.confirm' | gt }}
            </button>
          </div>
        </div>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .dd-field-label {
      display: block;
      margin-bottom: 6px;
    }
    .dd-full {
      width: 100%;
    }
  `,
})
export default class GradingListPage implements OnInit {
  private readonly api = inject(GradingApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(GradingI18n);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canManage = inject(AuthService).permissions().includes(PERMISSIONS.EVALUATION_MANAGE);
  protected readonly statuses = ASSESSMENT_STATUSES;
  protected readonly filters = this.fb.group({
    status: this.fb.control<AssessmentStatus | null>(null),
    q: this.fb.control(''),
  });
  protected readonly list = new PagedList<AssessmentSummary>((page, pageSize) => {
    const v = this.filters.getRawValue();
    return this.api.list({ page, pageSize, status: v.status, q: v.q.trim() || null });
  }, this.destroyRef);
  protected readonly color = statusColor;
  protected readonly minute = formatMinute;
  protected readonly label = gradeLabel;

  protected readonly opening = signal(false);
  protected readonly busy = signal(false);
  protected readonly openError = signal<string | null>(null);
  protected readonly candidates = signal<Candidate[]>([]);
  protected picked: number | null = null;
  protected readonly search$ = new Subject<string>();

  ngOnInit(): void {
    this.list.load();
    this.search$
      .pipe(
        switchMap((q) => this.api.candidates(q)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((c) => this.candidates.set(c));
  }

  protected points(total: string | null): string {
    const cents = total === null ? null : toCents(total);
    return cents === null ? '' : fromCents(cents, true);
  }

  protected pickedCandidate(): Candidate | null {
    return this.candidates().find((c) => c.id === this.picked) ?? null;
  }

  protected startOpen(): void {
    this.picked = null;
    this.openError.set(null);
    this.opening.set(true);
    this.search$.next('');
  }

  protected open(): void {
    if (this.picked === null) {
      this.openError.set(this.texts.t('grading.open.pick'));
      return;
    }
    this.busy.set(true);
    this.api
      .open(this.picked)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (a) => {
          this.busy.set(false);
          this.opening.set(false);
          void this.router.navigate(['/evaluation/grading', a.id]);
        },
        error: (e: HttpErrorResponse) => {
          this.busy.set(false);
          this.openError.set(
            describeHttpError(
              e.status,
              e.error,
              (key, params) => this.i18n.t(key, params),
              (key) => this.i18n.dynamic(key, '') || null,
            ).detail,
          );
        },
      });
  }
}
