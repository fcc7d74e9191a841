import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AuthService } from '../../../../core/auth/auth.service';
import { fromCents, gradeLabel, toCents } from '../../data/grading';
import { GradingCodePipe, GradingTranslatePipe } from '../../data/grading-i18n';
import { AssessmentSummary, GradingApi } from '../../data/grading.api';

/**
 * Beside an organisation's grade (the registry's detail page): its last decided grade assessment — points, grade,
 * valid until, a link — and the one in progress, if any. Shown to those who read assessments (officers, finance,
 * auditors of the region); nothing for anyone else, or when there is none.
 */
@Component({
  selector: 'dd-latest-grade-assessment',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzTagModule, GradingTranslatePipe, GradingCodePipe],
  template: `
    @if (decided(); as a) {
      <div class="dd-latest" data-testid="org-latest-assessment">
        <span class="dd-muted">{{ 'grading.latest.title' | gt }}</span>
        {{
          a.grade
            ? ('grading.latest.decided' | gt: { code: a.code, total: points(a.totalPoints), grade: label(a.grade)!, date: a.gradeExpiresOn ?? '' })
            : ('grading.latest.noGrade' | gt: { code: a.code, total: points(a.totalPoints) })
        }}
        <a [routerLink]="['/evaluation/grading', a.id]">{{ 'grading.latest.link' | gt }}</a>
      </div>
    }
    @if (open(); as a) {
      <div class="dd-latest" data-testid="org-open-assessment">
        <span class="dd-muted">{{ 'grading.latest.title' | gt }}</span>
        {{ 'grading.latest.open' | gt: { code: a.code, status: (a.status | gc: 'gradingStatus.') } }}
        <a [routerLink]="['/evaluation/grading', a.id]">{{ 'grading.latest.link' | gt }}</a>
      </div>
    }
  `,
  styles: `
    .dd-latest {
      margin-top: 4px;
    }
  `,
})
export class LatestGradeAssessmentComponent implements OnInit {
  readonly organisationId = input.required<number>();

  private readonly api = inject(GradingApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly allowed = inject(AuthService).permissions().includes(PERMISSIONS.EVALUATION_READ);

  protected readonly decided = signal<AssessmentSummary | null>(null);
  protected readonly open = signal<AssessmentSummary | null>(null);
  protected readonly label = gradeLabel;

  ngOnInit(): void {
    if (!this.allowed) return;
    const id = this.organisationId();
    this.api
      .list({ organisationId: id, status: 'DECIDED', pageSize: 1 }, true)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (p) => this.decided.set(p.items[0] ?? null), error: () => this.decided.set(null) });
    this.api
      .list({ organisationId: id, pageSize: 1 }, true)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (p) => {
          const a = p.items[0];
          this.open.set(a && ['IN_PROGRESS', 'SUBMITTED', 'RETURNED'].includes(a.status) ? a : null);
        },
        error: () => this.open.set(null),
      });
  }

  protected points(total: string | null): string {
    const cents = total === null ? null : toCents(total);
    return cents === null ? '' : fromCents(cents, true);
  }
}
