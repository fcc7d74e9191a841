import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { formatDeadline, formatMinute } from '../../../../shared/dates';
import { TasksCodePipe, TasksTranslatePipe } from '../../data/tasks-i18n';
import { gradeColor, gradeShares } from '../../data/tasks-view';
import { EvaluationSummary, GRADES, TASK_STATUSES } from '../../data/tasks.api';

/**
 * The officer's summary of a batch or of a year (issue #11 item 7): per district the tasks by status, the grade
 * distribution of the confirmed and published results, the late tasks; with the Excel export.
 */
@Component({
  selector: 'dd-batches-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzIconModule, NzTableModule, NzTagModule, TasksTranslatePipe, TasksCodePipe],
  template: `
    <section class="dd-summary" data-testid="evaluation-summary">
      <header class="dd-page-head">
        <h2>{{ title() }}</h2>
        <button nz-button [nzLoading]="exporting()" (click)="export.emit()" data-testid="summary-export">
          <nz-icon nzType="download" />{{ 'summary.export' | tk }}
        </button>
      </header>
      <h3>{{ 'summary.grades' | tk }}</h3>
      <ul class="dd-summary-grades" data-testid="summary-grades">
        @for (g of shares(); track g.grade) {
          <li [attr.data-grade]="g.grade">
            <nz-tag [nzColor]="gradeColor(g.grade)">{{ g.grade | tkc: 'grade.' }}</nz-tag>
            {{ 'summary.gradeShare' | tk: { count: g.count, percent: g.percent } }}
          </li>
        }
      </ul>
      <div class="dd-table-scroll">
        <nz-table #rows nzSize="small" [nzData]="summary().rows" [nzShowPagination]="false" data-testid="summary-rows">
          <thead>
            <tr>
              <th>{{ 'summary.col.region' | tk }}</th>
              <th nzAlign="right">{{ 'summary.col.tasks' | tk }}</th>
              @for (s of statuses; track s) {
                <th nzAlign="right">{{ s | tkc: 'taskStatus.' }}</th>
              }
              @for (g of grades; track g) {
                <th nzAlign="right">{{ g | tkc: 'grade.' }}</th>
              }
              <th nzAlign="right">{{ 'summary.col.late' | tk }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rows.data; track r.regionId) {
              <tr [attr.data-testid]="'summary-row-' + r.regionId">
                <td>{{ r.regionName }}</td>
                <td nzAlign="right">{{ r.tasks }}</td>
                @for (s of statuses; track s) {
                  <td nzAlign="right">{{ r.byStatus[s] }}</td>
                }
                @for (g of grades; track g) {
                  <td nzAlign="right">{{ r.byGrade[g] }}</td>
                }
                <td nzAlign="right">{{ r.late }}</td>
              </tr>
            }
            <tr class="dd-summary-total">
              <td>{{ 'summary.total' | tk }}</td>
              <td nzAlign="right">{{ summary().total.tasks }}</td>
              @for (s of statuses; track s) {
                <td nzAlign="right">{{ summary().total.byStatus[s] }}</td>
              }
              @for (g of grades; track g) {
                <td nzAlign="right">{{ summary().total.byGrade[g] }}</td>
              }
              <td nzAlign="right" data-testid="summary-total-late">{{ summary().total.late }}</td>
            </tr>
          </tbody>
        </nz-table>
      </div>
      <h3>{{ 'summary.late' | tk }}</h3>
      <nz-table #late nzSize="small" [nzData]="summary().lateTasks" [nzShowPagination]="false" [nzNoResult]="'summary.lateEmpty' | tk" data-testid="summary-late">
        <thead>
          <tr>
            <th>{{ 'tasks.col.code' | tk }}</th>
            <th>{{ 'tasks.col.contract' | tk }}</th>
            <th>{{ 'tasks.col.assignee' | tk }}</th>
            <th>{{ 'tasks.col.status' | tk }}</th>
            <th>{{ 'tasks.col.due' | tk }}</th>
          </tr>
        </thead>
        <tbody>
          @for (t of late.data; track t.id) {
            <tr [attr.data-testid]="'summary-late-' + t.id">
              <td><a [routerLink]="['/evaluation/tasks', t.id]">{{ t.code }}</a></td>
              <td>{{ t.contractTitle }}<div class="dd-muted">{{ t.organisationName }} · {{ t.regionName }}</div></td>
              <td>{{ t.agencyName ?? '—' }}<div class="dd-muted">{{ t.evaluatorName }}</div></td>
              <td>{{ t.status | tkc: 'taskStatus.' }}</td>
              <td>{{ deadline(t.dueAt) }}<div class="dd-muted">{{ 'tasks.overdue' | tk }} {{ minute(t.overdueAt) }}</div></td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
  styles: `
    .dd-summary-grades { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 16px; }
    .dd-table-scroll { overflow-x: auto; }
    .dd-summary-total td { font-weight: 600; }
  `,
})
export class BatchesSummaryComponent {
  readonly summary = input.required<EvaluationSummary>();
  readonly title = input.required<string>();
  readonly exporting = input(false);
  readonly export = output<void>();

  protected readonly statuses = TASK_STATUSES;
  protected readonly grades = GRADES;
  protected readonly shares = computed(() => gradeShares(this.summary().total));
  protected readonly gradeColor = gradeColor;
  protected readonly deadline = formatDeadline;
  protected readonly minute = formatMinute;
}
