import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { formatDeadline, formatMinute } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { TasksCodePipe, TasksI18n, TasksTranslatePipe } from '../../data/tasks-i18n';
import { taskStatusColor } from '../../data/tasks-view';
import { Batch, DrawVerification, EvaluationSummary, EvaluationTasksApi } from '../../data/tasks.api';
import { BatchesSummaryComponent } from './batches-summary.component';

/**
 * One sampling batch: its seed and procedure (so that anyone can re-run it), each district's candidates and the
 * contracts drawn with their tasks, the re-run check (against the record, the audit trail and the tasks, with every
 * candidate's key), and the batch's summary with its Excel export.
 */
@Component({
  selector: 'dd-batch-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BatchesSummaryComponent,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzIconModule,
    NzResultModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    TasksTranslatePipe,
    TasksCodePipe,
  ],
  template: `
    <section class="dd-page">
      @if (missing()) {
        <nz-result nzStatus="404" [nzTitle]="'batches.detail.notFound' | tk" data-testid="batch-not-found">
          <div nz-result-extra>
            <a nz-button routerLink="/evaluation/batches">{{ 'batches.detail.back' | tk }}</a>
          </div>
        </nz-result>
      } @else if (batch(); as b) {
        <header class="dd-page-head">
          <h1>{{ b.name }}</h1>
          <button nz-button [nzLoading]="verifying()" (click)="verify()" data-testid="batch-verify">
            <nz-icon nzType="safety-certificate" />{{ 'batches.detail.verify' | tk }}
          </button>
        </header>
        @if (check(); as v) {
          @if (v.matches && v.auditMatches && v.tasksMatch) {
            <nz-alert nzType="success" nzShowIcon [nzMessage]="'batches.detail.verifyOk' | tk: { seq: v.auditSeq ?? '—' }" data-testid="batch-verify-ok" />
          } @else {
            <nz-alert nzType="error" nzShowIcon [nzMessage]="'batches.detail.verifyBad' | tk: { what: mismatch(v) }" data-testid="batch-verify-bad" />
          }
        }
        <nz-descriptions nzBordered [nzColumn]="{ xxl: 2, xl: 2, lg: 2, md: 1, sm: 1, xs: 1 }" data-testid="batch-summary">
          <nz-descriptions-item [nzTitle]="'batches.col.region' | tk">{{ b.regionName }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'batches.col.rate' | tk">{{ b.samplePercent }}%</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'batches.col.drawn' | tk">{{ b.drawnCount }} / {{ b.candidateCount }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'batches.col.due' | tk">{{ deadline(b.dueAt) }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'batches.col.createdAt' | tk">{{ minute(b.createdAt) }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'batches.col.createdBy' | tk">{{ b.createdByName }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'batches.detail.seed' | tk" [nzSpan]="2">
            <code class="dd-seed" data-testid="batch-seed">{{ b.seed }}</code>
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'batches.detail.procedure' | tk" [nzSpan]="2">{{ 'batches.detail.procedureText' | tk }}</nz-descriptions-item>
        </nz-descriptions>

        <h2>{{ 'batches.detail.groups' | tk }}</h2>
        @for (g of b.groups; track g.regionId) {
          <section class="dd-batch-group" [attr.data-testid]="'batch-group-' + g.regionId">
            <h3>{{ 'batches.detail.group' | tk: { region: g.regionName, candidates: g.candidates.length, drawn: g.drawn.length } }}</h3>
            <nz-table #drawn nzSize="small" [nzData]="g.drawn" [nzShowPagination]="false">
              <thead>
                <tr>
                  <th>{{ 'tasks.detail.contract' | tk }}</th>
                  <th>{{ 'batches.detail.task' | tk }}</th>
                </tr>
              </thead>
              <tbody>
                @for (d of drawn.data; track d.code) {
                  <tr [attr.data-testid]="'batch-drawn-' + d.contractId">
                    <td>{{ d.code }}</td>
                    <td>
                      @if (d.taskId) {
                        <a [routerLink]="['/evaluation/tasks', d.taskId]">{{ d.taskCode }}</a>
                        <nz-tag [nzColor]="color(d.taskStatus ?? '')">{{ d.taskStatus | tkc: 'taskStatus.' }}</nz-tag>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </nz-table>
            <p class="dd-muted">{{ 'batches.detail.candidates' | tk }}：{{ codes(g.candidates) }}</p>
          </section>
        }

        @if (check(); as v) {
          <div data-testid="batch-keys">
            @for (g of v.groups; track g.regionId) {
              <details class="dd-batch-keys">
                <summary>{{ g.regionName }} · {{ 'batches.detail.key' | tk }}</summary>
                <nz-table #keys nzSize="small" [nzData]="g.keys" [nzShowPagination]="false">
                  <thead>
                    <tr>
                      <th>{{ 'tasks.detail.contract' | tk }}</th>
                      <th>{{ 'batches.detail.key' | tk }}</th>
                      <th>{{ 'batches.detail.drawnMark' | tk }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (k of keys.data; track k.code) {
                      <tr>
                        <td>{{ k.code }}</td>
                        <td><code class="dd-seed">{{ k.key }}</code></td>
                        <td>
                          @if (k.drawn) {
                            <nz-tag nzColor="blue">{{ 'batches.detail.drawnMark' | tk }}</nz-tag>
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </nz-table>
              </details>
            }
          </div>
        }

        @if (summary(); as s) {
          <dd-batches-summary [summary]="s" [title]="'summary.title' | tk" [exporting]="exporting()" (export)="export()" />
        }
      } @else {
        <nz-spin nzSimple />
      }
    </section>
  `,
  styles: `
    .dd-seed { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
    .dd-batch-group { margin-bottom: 16px; }
    .dd-batch-keys { margin-bottom: 12px; }
    .dd-batch-keys summary { cursor: pointer; padding: 6px 0; }
  `,
})
export default class BatchDetailPage implements OnInit {
  private readonly api = inject(EvaluationTasksApi);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly downloads = inject(Downloads);
  private readonly i18n = inject(TasksI18n);

  protected readonly batch = signal<Batch | null>(null);
  protected readonly missing = signal(false);
  protected readonly check = signal<DrawVerification | null>(null);
  protected readonly verifying = signal(false);
  protected readonly summary = signal<EvaluationSummary | null>(null);
  protected readonly exporting = signal(false);
  protected readonly id = computed(() => Number(this.route.snapshot.paramMap.get('id')));
  protected readonly color = taskStatusColor;
  protected readonly deadline = formatDeadline;
  protected readonly minute = formatMinute;

  ngOnInit(): void {
    this.api
      .batch(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (b) => {
          this.batch.set(b);
          this.api
            .batchSummary(b.id)
            .pipe(takeUntilDestroyed(this.destroyRef))
            .subscribe((s) => this.summary.set(s));
        },
        error: () => this.missing.set(true),
      });
  }

  protected codes(list: Array<{ code: string }>): string {
    return list.map((c) => c.code).join('、');
  }

  protected verify(): void {
    this.verifying.set(true);
    this.api
      .verify(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (v) => {
          this.verifying.set(false);
          this.check.set(v);
        },
        error: () => this.verifying.set(false),
      });
  }

  protected mismatch(v: DrawVerification): string {
    const what: string[] = [];
    if (!v.matches) what.push(this.i18n.t('batches.detail.mismatch.draw'));
    if (!v.auditMatches) what.push(this.i18n.t('batches.detail.mismatch.audit'));
    if (!v.tasksMatch) what.push(this.i18n.t('batches.detail.mismatch.tasks'));
    return what.join('；');
  }

  protected export(): void {
    this.exporting.set(true);
    void this.downloads
      .save(this.api.batchSummaryXlsx(this.id()), `evaluation-batch-${this.id()}.xlsx`)
      .finally(() => this.exporting.set(false));
  }
}
