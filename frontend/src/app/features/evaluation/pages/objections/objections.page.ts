import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { Page } from '../../../../api';
import { formatDeadline, formatMinute } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { ReviewPanelComponent } from '../../components/review-panel.component';
import { GRADE_COLOR, OBJECTION_STATUS_COLOR, textValid } from '../../data/results';
import { ResCodePipe, ResTranslatePipe, ResultsI18n } from '../../data/results-i18n';
import {
  EvaluationObjection,
  EvaluationResult,
  OBJECTION_STATUSES,
  ObjectionFile,
  ResultsApi,
} from '../../data/results.api';

const EMPTY = { items: [], total: 0, page: 1, pageSize: 20 };

/**
 * 评估结果确认与异议 (/evaluation/objections), for the procurement officer of the region: the results agencies
 * submitted, to confirm or return (the review panel), and the objections of evaluated organisations, open ones
 * first, to uphold (the evaluation goes back to the evaluator) or dismiss — each with an answer the organisation
 * reads. The server decides scope (the officer's region subtree) and the window (its clock).
 */
@Component({
  selector: 'dd-evaluation-objections-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzButtonModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    ReviewPanelComponent,
    ResTranslatePipe,
    ResCodePipe,
  ],
  template: `
    <h1>{{ 'res.officer.title' | rest }}</h1>
    <p>{{ 'res.officer.intro' | rest }}</p>
    <section aria-labelledby="officer-results-title">
      <h2 id="officer-results-title">{{ 'res.officer.tabResults' | rest }}</h2>
        <nz-table
          #results
          [nzData]="submitted().items"
          [nzTotal]="submitted().total"
          [nzPageIndex]="submitted().page"
          [nzPageSize]="submitted().pageSize"
          [nzFrontPagination]="false"
          [nzLoading]="loadingResults()"
          (nzPageIndexChange)="loadResults($event)"
          [nzNoResult]="'res.officer.noResults' | rest"
          nzSize="small"
          [attr.data-testid]="resultsLoaded() ? 'officer-results' : null"
        >
          <thead>
            <tr>
              <th>{{ 'res.col.project' | rest }}</th>
              <th>{{ 'res.col.organisation' | rest }}</th>
              <th>{{ 'res.col.score' | rest }}</th>
              <th>{{ 'res.col.submittedAt' | rest }}</th>
              <th>{{ 'res.col.actions' | rest }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of results.data; track r.id) {
              <tr [attr.data-testid]="'officer-result-' + r.id">
                <td>
                  <div>{{ r.projectTitle }}</div>
                  <div class="meta">{{ r.code }} · {{ r.kind | resc: 'res.kind.' }} · {{ r.agencyName ?? '' }}</div>
                </td>
                <td>{{ r.organisationName }}</td>
                <td>
                  {{ 'res.score' | rest: { score: r.totalScore ?? '' } }}
                  @if (r.grade) {
                    <nz-tag [nzColor]="gradeColor[r.grade]">{{ r.grade | resc: 'res.grade.' }}</nz-tag>
                  }
                </td>
                <td>{{ minute(r.submittedAt) }}</td>
                <td>
                  <dd-review-panel
                    [taskId]="r.id"
                    [status]="r.status"
                    [score]="r.totalScore"
                    [grade]="r.grade"
                    (decided)="loadResults(submitted().page)"
                  />
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
    </section>
    <section aria-labelledby="officer-objections-title">
      <h2 id="officer-objections-title">{{ 'res.officer.tabObjections' | rest }}</h2>
        <div class="filters">
          <label for="objection-status">{{ 'res.filter.status' | rest }}</label>
          <nz-select
            nzId="objection-status"
            [ngModel]="status()"
            (ngModelChange)="status.set($event); loadObjections(1)"
            nzAllowClear
            [nzPlaceHolder]="'res.filter.all' | rest"
            style="min-width: 140px"
            data-testid="objection-filter-status"
          >
            @for (s of statuses; track s) {
              <nz-option [nzValue]="s" [nzLabel]="s | resc: 'res.objStatus.'"></nz-option>
            }
          </nz-select>
          <button nz-button (click)="loadObjections(objections().page)">{{ 'res.refresh' | rest }}</button>
        </div>
        <nz-table
          #table
          [nzData]="objections().items"
          [nzTotal]="objections().total"
          [nzPageIndex]="objections().page"
          [nzPageSize]="objections().pageSize"
          [nzFrontPagination]="false"
          [nzLoading]="loadingObjections()"
          (nzPageIndexChange)="loadObjections($event)"
          [nzNoResult]="'res.officer.noObjections' | rest"
          nzSize="small"
          [attr.data-testid]="objectionsLoaded() ? 'officer-objections' : null"
        >
          <thead>
            <tr>
              <th>{{ 'res.col.project' | rest }}</th>
              <th>{{ 'res.col.organisation' | rest }}</th>
              <th>{{ 'res.col.reasons' | rest }}</th>
              <th>{{ 'res.col.filed' | rest }}</th>
              <th>{{ 'res.col.status' | rest }}</th>
              <th>{{ 'res.col.actions' | rest }}</th>
            </tr>
          </thead>
          <tbody>
            @for (o of table.data; track o.id) {
              <tr [attr.data-testid]="'objection-row-' + o.id" [attr.data-status]="o.status">
                <td>
                  <div>{{ o.projectTitle }}</div>
                  <div class="meta">
                    {{ o.taskCode }}
                    @if (o.score !== null && o.grade !== null) {
                      · {{ 'res.score' | rest: { score: o.score } }}
                      <nz-tag [nzColor]="gradeColor[o.grade]">{{ o.grade | resc: 'res.grade.' }}</nz-tag>
                    }
                  </div>
                </td>
                <td>{{ o.organisationName }}</td>
                <td>
                  <p class="text">{{ o.reasons }}</p>
                  @for (f of o.files; track f.id) {
                    <button nz-button nzType="link" nzSize="small" (click)="download(o, f)">
                      {{ 'res.file.download' | rest: { name: f.fileName } }}
                    </button>
                  }
                  @if (o.answer) {
                    <p class="text answer">
                      {{ 'res.objection.answer' | rest: { name: o.decidedByName ?? '', at: minute(o.decidedAt), answer: o.answer } }}
                    </p>
                  }
                </td>
                <td>
                  <div>{{ o.filedByName }}</div>
                  <div class="meta">{{ minute(o.filedAt) }}</div>
                  <div class="meta">{{ 'res.window.open' | rest: { deadline: deadline(o.windowDueAt) } }}</div>
                </td>
                <td>
                  <nz-tag [nzColor]="objectionColor[o.status]">{{ o.status | resc: 'res.objStatus.' }}</nz-tag>
                </td>
                <td class="actions">
                  @if (o.actions.includes('UPHOLD')) {
                    <button nz-button nzSize="small" (click)="open(o, 'uphold')" [attr.data-testid]="'objection-uphold-' + o.id">
                      {{ 'res.decide.uphold' | rest }}
                    </button>
                  }
                  @if (o.actions.includes('DISMISS')) {
                    <button
                      nz-button
                      nzSize="small"
                      nzDanger
                      (click)="open(o, 'dismiss')"
                      [attr.data-testid]="'objection-dismiss-' + o.id"
                    >
                      {{ 'res.decide.dismiss' | rest }}
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
    </section>
    <nz-modal
      [nzVisible]="deciding() !== null"
      [nzTitle]="(deciding()?.decision === 'uphold' ? 'res.decide.titleUphold' : 'res.decide.titleDismiss') | rest"
      [nzOkText]="'res.ok' | rest"
      [nzCancelText]="'res.cancel' | rest"
      [nzOkDisabled]="!answerValid()"
      [nzOkLoading]="busy()"
      (nzOnCancel)="deciding.set(null)"
      (nzOnOk)="decide()"
    >
      <ng-container *nzModalContent>
        <label for="objection-answer">{{ 'res.decide.answer' | rest }}</label>
        <textarea
          nz-input
          id="objection-answer"
          rows="5"
          maxlength="2000"
          [placeholder]="'res.decide.placeholder' | rest"
          [ngModel]="answer()"
          (ngModelChange)="answer.set($event)"
          data-testid="objection-answer"
        ></textarea>
        @if (answer().length > 0 && !answerValid()) {
          <div class="ant-form-item-explain-error">{{ 'res.decide.invalid' | rest }}</div>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: [
    `
      .filters { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 12px; }
      .meta { color: rgba(0, 0, 0, 0.65); font-size: 12px; }
      .text { white-space: pre-wrap; margin: 0 0 4px; max-width: 420px; }
      .answer { background: #fafafa; padding: 4px 8px; }
      .actions { white-space: nowrap; }
      .actions button + button { margin-left: 8px; }
      label { display: block; margin-bottom: 4px; }
      .filters label { display: inline; margin: 0; }
      section { margin-bottom: 24px; }
      h2 { font-size: 16px; }
    `,
  ],
})
export default class EvaluationObjectionsPage implements OnInit {
  private readonly api = inject(ResultsApi);
  private readonly downloads = inject(Downloads);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(ResultsI18n);

  protected readonly statuses = OBJECTION_STATUSES;
  protected readonly gradeColor = GRADE_COLOR;
  protected readonly objectionColor = OBJECTION_STATUS_COLOR;
  protected readonly submitted = signal<Page<EvaluationResult>>(EMPTY);
  protected readonly objections = signal<Page<EvaluationObjection>>(EMPTY);
  protected readonly status = signal<string | null>('FILED');
  protected readonly loadingResults = signal(false);
  protected readonly loadingObjections = signal(false);
  protected readonly resultsLoaded = signal(false);
  protected readonly objectionsLoaded = signal(false);
  protected readonly deciding = signal<{ objection: EvaluationObjection; decision: 'uphold' | 'dismiss' } | null>(null);
  protected readonly answer = signal('');
  protected readonly answerValid = computed(() => textValid(this.answer(), 2000));
  protected readonly busy = signal(false);

  ngOnInit(): void {
    this.loadResults(1);
    this.loadObjections(1);
  }

  loadResults(page: number): void {
    this.loadingResults.set(true);
    this.api.list({ status: 'SUBMITTED', page, pageSize: 20 }).subscribe({
      next: (p) => {
        this.submitted.set(p);
        this.loadingResults.set(false);
        this.resultsLoaded.set(true);
      },
      error: () => this.loadingResults.set(false),
    });
  }

  loadObjections(page: number): void {
    this.loadingObjections.set(true);
    this.api.objections({ status: this.status() ?? undefined, page, pageSize: 20 }).subscribe({
      next: (p) => {
        this.objections.set(p);
        this.loadingObjections.set(false);
        this.objectionsLoaded.set(true);
      },
      error: () => this.loadingObjections.set(false),
    });
  }

  protected minute(value: string | null): string {
    return formatMinute(value);
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }

  protected download(o: EvaluationObjection, f: ObjectionFile): void {
    void this.downloads.save(this.api.file(o.id, f.id), f.fileName);
  }

  protected open(objection: EvaluationObjection, decision: 'uphold' | 'dismiss'): void {
    this.answer.set('');
    this.deciding.set({ objection, decision });
  }

  protected decide(): void {
    const d = this.deciding();
    if (d === null || !this.answerValid()) return;
    this.busy.set(true);
    this.api.decide(d.objection.id, d.decision, this.answer().trim()).subscribe({
      next: () => {
        this.busy.set(false);
        this.deciding.set(null);
        this.message.success(this.i18n.t(d.decision === 'uphold' ? 'res.decide.upheld' : 'res.decide.dismissed'));
        this.loadObjections(this.objections().page);
        this.loadResults(this.submitted().page);
      },
      error: () => this.busy.set(false),
    });
  }
}
