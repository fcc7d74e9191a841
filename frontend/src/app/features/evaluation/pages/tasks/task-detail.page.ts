import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';

import { formatDeadline, formatMinute } from '../../../../shared/dates';
import { ReviewPanelComponent } from '../../components/review-panel.component';
import { TasksCodePipe, TasksKey, TasksTranslatePipe } from '../../data/tasks-i18n';
import { gradeColor, taskStatusColor } from '../../data/tasks-view';
import { EvaluationTasksApi, TaskDetail, TaskSummary } from '../../data/tasks.api';
import { AssignableTask, AssignDialogComponent } from './assign-dialog.component';

/**
 * One evaluation task: its contract, evaluated organisation, template, due time, agency and evaluator (not shown to
 * the evaluated organisation), its result once there is one, and its progress. The officer assigns or reassigns it
 * here; the evaluator's and the organisation's own actions come from `actions` (scoring, objection: their pages).
 */
@Component({
  selector: 'dd-task-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AssignDialogComponent,
    ReviewPanelComponent,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzIconModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    NzTimelineModule,
    TasksTranslatePipe,
    TasksCodePipe,
  ],
  template: `
    <section class="dd-page">
      @if (missing()) {
        <nz-result nzStatus="404" [nzTitle]="'tasks.detail.notFound' | tk" data-testid="task-not-found">
          <div nz-result-extra>
            <a nz-button routerLink="/evaluation/tasks">{{ 'tasks.detail.back' | tk }}</a>
          </div>
        </nz-result>
      } @else if (task(); as t) {
        <header class="dd-page-head">
          <h1>{{ t.contractTitle }}</h1>
          <span class="dd-inline">
            <nz-tag [nzColor]="color(t.status)" data-testid="task-status" [attr.data-status]="t.status">{{ t.status | tkc: 'taskStatus.' }}</nz-tag>
            @if (t.actions.assign) {
              <button nz-button nzType="primary" (click)="assigning.set([asAssignable(t)])" data-testid="task-assign">
                <nz-icon nzType="team" />{{ 'tasks.action.assign' | tk }}
              </button>
            }
            @if (t.actions.reassign) {
              <button nz-button (click)="assigning.set([asAssignable(t)])" data-testid="task-reassign">
                <nz-icon nzType="team" />{{ 'tasks.action.reassign' | tk }}
              </button>
            }
            @if (t.actions.score || t.actions.start || t.actions.submit) {
              <a nz-button nzType="primary" [routerLink]="['/evaluation/tasks', t.id, 'score']" data-testid="task-score">
                <nz-icon nzType="edit" />{{ 'tasks.action.score' | tk }}
              </a>
            } @else if (t.status !== 'OPEN' && t.status !== 'CANCELLED' && t.view !== 'ORGANISATION') {
              <a nz-button [routerLink]="['/evaluation/tasks', t.id, 'score']" data-testid="task-scoresheet">
                <nz-icon nzType="file-search" />{{ 'tasks.action.scoresheet' | tk }}
              </a>
            }
          </span>
        </header>

        @if (t.overdueAt && t.status !== 'CANCELLED') {
          <nz-alert nzType="warning" nzShowIcon [nzMessage]="'tasks.detail.overdueAlert' | tk: { due: deadline(t.dueAt) }" data-testid="task-overdue-alert" />
        }
        @if (t.status === 'CANCELLED') {
          <nz-alert nzType="info" nzShowIcon [nzMessage]="'tasks.detail.cancelledAlert' | tk" />
        }

        <nz-descriptions nzBordered [nzColumn]="{ xxl: 2, xl: 2, lg: 2, md: 1, sm: 1, xs: 1 }" data-testid="task-detail-summary">
          <nz-descriptions-item [nzTitle]="'tasks.col.code' | tk">{{ t.code }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tasks.detail.kind' | tk">{{ t.kind | tkc: 'taskKind.' }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tasks.detail.contract' | tk">
            @if (t.view === 'STAFF') {
              <a [routerLink]="['/contracts', t.contractId]">{{ t.contractCode }}</a>
            } @else {
              {{ t.contractCode }}
            }
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tasks.detail.term' | tk">{{ t.contract.termStart }} ~ {{ t.contract.termEnd }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tasks.detail.project' | tk">{{ t.projectTitle }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tasks.detail.region' | tk">{{ t.regionName }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tasks.detail.organisation' | tk">{{ t.organisationName }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tasks.detail.template' | tk">
            {{ 'tasks.detail.templateVersion' | tk: { name: t.template.name, code: t.template.code, version: t.template.version } }}
          </nz-descriptions-item>
          @if (t.batchId !== null) {
            <nz-descriptions-item [nzTitle]="'tasks.detail.batch' | tk">
              @if (t.view === 'STAFF') {
                <a [routerLink]="['/evaluation/batches', t.batchId]">{{ t.batchName }}</a>
              } @else {
                {{ t.batchName }}
              }
            </nz-descriptions-item>
          }
          <nz-descriptions-item [nzTitle]="'tasks.detail.due' | tk">
            <span data-testid="task-due">{{ deadline(t.dueAt) }}</span>
            @if (t.overdueAt) {
              <nz-tag nzColor="red">{{ 'tasks.overdue' | tk }}</nz-tag>
            }
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'tasks.detail.agency' | tk">
            <span data-testid="task-agency">{{ t.agencyName ?? ('tasks.detail.unassigned' | tk) }}</span>
          </nz-descriptions-item>
          @if (t.view !== 'ORGANISATION') {
            <nz-descriptions-item [nzTitle]="'tasks.detail.evaluator' | tk">
              <span data-testid="task-evaluator">{{ t.evaluatorName ?? '—' }}</span>
              @if (t.assignedByName) {
                <div class="dd-muted">{{ 'tasks.detail.assignedBy' | tk }}：{{ t.assignedByName }}</div>
              }
            </nz-descriptions-item>
          }
        </nz-descriptions>

        @if (t.grade) {
          <h2>{{ 'tasks.detail.result' | tk }}</h2>
          <nz-descriptions nzBordered [nzColumn]="1" data-testid="task-result">
            <nz-descriptions-item [nzTitle]="'tasks.detail.score' | tk">{{ t.totalScore }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'tasks.detail.grade' | tk">
              <nz-tag [nzColor]="gradeColor(t.grade)">{{ t.grade | tkc: 'grade.' }}</nz-tag>
            </nz-descriptions-item>
            @if (t.summary) {
              <nz-descriptions-item [nzTitle]="'tasks.detail.summary' | tk">{{ t.summary }}</nz-descriptions-item>
            }
            @if (t.objectionDueAt) {
              <nz-descriptions-item [nzTitle]="'tasks.detail.objectionDue' | tk">{{ deadline(t.objectionDueAt) }}</nz-descriptions-item>
            }
          </nz-descriptions>
        }
        @if (t.actions.confirm || t.actions.return) {
          <dd-review-panel
            [taskId]="t.id"
            [status]="t.status"
            [score]="t.totalScore"
            [grade]="t.grade"
            [showIdle]="true"
            (decided)="load()"
          />
        }
        @if (t.returnComment && t.status === 'RETURNED') {
          <nz-alert nzType="warning" nzShowIcon [nzMessage]="'tasks.detail.returnComment' | tk" [nzDescription]="t.returnComment" />
        }

        <h2>{{ 'tasks.detail.progress' | tk }}</h2>
        <nz-timeline data-testid="task-progress">
          @for (step of steps(); track step.key) {
            <nz-timeline-item [nzColor]="step.key === 'tasks.time.overdue' || step.key === 'tasks.time.cancelled' ? 'red' : 'blue'">
              {{ step.key | tk }} · {{ minute(step.at) }}
            </nz-timeline-item>
          }
        </nz-timeline>

        @if (assigning().length > 0) {
          <dd-assign-dialog [tasks]="assigning()" (assigned)="assigned($event)" (closed)="assigning.set([])" />
        }
      } @else {
        <nz-spin nzSimple />
      }
    </section>
  `,
})
export default class TaskDetailPage implements OnInit {
  private readonly api = inject(EvaluationTasksApi);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly task = signal<TaskDetail | null>(null);
  protected readonly missing = signal(false);
  protected readonly assigning = signal<AssignableTask[]>([]);
  protected readonly color = taskStatusColor;
  protected readonly gradeColor = gradeColor;
  protected readonly deadline = formatDeadline;
  protected readonly minute = formatMinute;

  /** The task's instants, in order. */
  protected readonly steps = computed(() => {
    const t = this.task();
    if (t === null) return [];
    const all: Array<[TasksKey, string | null]> = [
      ['tasks.time.created', t.createdAt],
      ['tasks.time.assigned', t.assignedAt],
      ['tasks.time.reminded', t.remindedAt],
      ['tasks.time.started', t.startedAt],
      ['tasks.time.returned', t.returnedAt],
      ['tasks.time.submitted', t.submittedAt],
      ['tasks.time.confirmed', t.confirmedAt],
      ['tasks.time.published', t.publishedAt],
      ['tasks.time.overdue', t.overdueAt],
      ['tasks.time.cancelled', t.cancelledAt],
    ];
    return all
      .filter((s): s is [TasksKey, string] => s[1] !== null)
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([key, at]) => ({ key, at }));
  });

  ngOnInit(): void {
    this.load();
  }

  protected asAssignable(t: TaskDetail): AssignableTask {
    return { id: t.id, code: t.code, organisationName: t.organisationName };
  }

  protected assigned(_done: TaskSummary[]): void {
    this.assigning.set([]);
    this.load();
  }

  protected load(): void {
    const id = Number(this.route.snapshot.paramMap.get('id'));
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (t) => this.task.set(t),
        error: () => this.missing.set(true),
      });
  }
}
