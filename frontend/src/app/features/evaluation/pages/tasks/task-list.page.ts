import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline } from '../../../../shared/dates';
import { PagedList } from '../../../../shared/paged-list';
import { TasksCodePipe, TasksI18n, TasksTranslatePipe } from '../../data/tasks-i18n';
import { gradeColor, taskStatusColor } from '../../data/tasks-view';
import {
  EvaluationTasksApi,
  FinalTaskCandidate,
  TASK_KINDS,
  TASK_SORTS,
  TASK_STATUSES,
  TaskKind,
  TaskQuery,
  TaskStatus,
  TaskSummary,
} from '../../data/tasks.api';
import { AssignableTask, AssignDialogComponent } from './assign-dialog.component';

/**
 * 评估任务: the evaluation tasks of the reader's region subtree (officer, finance, auditor), filtered by status, kind,
 * overdue and keyword; the officer selects OPEN (or not yet started ASSIGNED) tasks and assigns them in one go, and
 * sees the live contracts still waiting for their final task, which he may create at once.
 */
@Component({
  selector: 'dd-task-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    AssignDialogComponent,
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    TasksTranslatePipe,
    TasksCodePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'tasks.list.title' | tk }}</h1>
        @if (manager()) {
          <button nz-button nzType="primary" [disabled]="chosen().length === 0" (click)="assigning.set(chosen())" data-testid="tasks-assign-selected">
            <nz-icon nzType="team" />{{ 'tasks.assignSelected' | tk: { count: chosen().length } }}
          </button>
        }
      </header>
      @if (message()) {
        <nz-alert nzType="success" nzShowIcon nzCloseable [nzMessage]="message()!" data-testid="tasks-message" />
      }
      @if (error()) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="error()!" data-testid="tasks-error" />
      }
      <form class="dd-filters" [formGroup]="filters" (ngSubmit)="search()" data-testid="tasks-filters">
        <nz-select class="dd-filter" nzMode="multiple" nzAllowClear formControlName="status" [nzPlaceHolder]="'tasks.filter.status' | tk" data-testid="tasks-filter-status" [ddName]="'tasks.filter.status' | tk">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="s | tkc: 'taskStatus.'" />
          }
        </nz-select>
        <nz-select class="dd-filter" nzAllowClear formControlName="kind" [nzPlaceHolder]="'tasks.filter.kind' | tk" data-testid="tasks-filter-kind" [ddName]="'tasks.filter.kind' | tk">
          @for (k of kinds; track k) {
            <nz-option [nzValue]="k" [nzLabel]="k | tkc: 'taskKind.'" />
          }
        </nz-select>
        <nz-select class="dd-filter" formControlName="sort" [nzPlaceHolder]="'tasks.filter.sort' | tk" data-testid="tasks-filter-sort" [ddName]="'tasks.filter.sort' | tk">
          @for (s of sorts; track s) {
            <nz-option [nzValue]="s" [nzLabel]="s | tkc: 'tasks.sort.'" />
          }
        </nz-select>
        <span class="dd-inline"><nz-switch formControlName="overdue" data-testid="tasks-filter-overdue" [ddName]="'tasks.filter.overdue' | tk" /> {{ 'tasks.filter.overdue' | tk }}</span>
        <input nz-input class="dd-filter-wide" formControlName="q" maxlength="50" [placeholder]="'tasks.filter.q' | tk" [attr.aria-label]="'tasks.filter.q' | tk" data-testid="tasks-filter-q" />
        <button nz-button nzType="primary" type="submit" data-testid="tasks-search"><nz-icon nzType="search" />{{ 'common.search' | t }}</button>
      </form>
      <nz-table
        #table
        data-testid="tasks-table"
        nzSize="small"
        nzShowSizeChanger
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzNoResult]="'tasks.list.empty' | tk"
        (nzPageIndexChange)="list.goTo($event)"
        (nzPageSizeChange)="list.resize($event)"
      >
        <thead>
          <tr>
            @if (manager()) {
              <th nzWidth="40px">
                <label nz-checkbox [nzChecked]="allChosen()" [nzDisabled]="assignable().length === 0" (nzCheckedChange)="chooseAll($event)" [ddName]="'tasks.selectAll' | tk"></label>
              </th>
            }
            <th>{{ 'tasks.col.code' | tk }}</th>
            <th>{{ 'tasks.col.contract' | tk }}</th>
            <th>{{ 'tasks.col.organisation' | tk }}</th>
            <th>{{ 'tasks.col.status' | tk }}</th>
            <th>{{ 'tasks.col.assignee' | tk }}</th>
            <th>{{ 'tasks.col.due' | tk }}</th>
            <th>{{ 'tasks.col.result' | tk }}</th>
          </tr>
        </thead>
        <tbody>
          @for (task of table.data; track task.id) {
            <tr [attr.data-testid]="'task-row-' + task.id">
              @if (manager()) {
                <td>
                  @if (canAssign(task)) {
                    <label nz-checkbox [nzChecked]="isChosen(task.id)" (nzCheckedChange)="choose(task, $event)" [ddName]="'tasks.select' | tk: { code: task.code }" [attr.data-testid]="'task-select-' + task.id"></label>
                  }
                </td>
              }
              <td>
                <a [routerLink]="['/evaluation/tasks', task.id]">{{ task.code }}</a>
                <div class="dd-muted">{{ task.kind | tkc: 'taskKind.' }}</div>
              </td>
              <td>{{ task.contractTitle }}<div class="dd-muted">{{ task.contractCode }} · {{ task.regionName }}</div></td>
              <td>{{ task.organisationName }}</td>
              <td>
                <nz-tag [nzColor]="color(task.status)" [attr.data-status]="task.status">{{ task.status | tkc: 'taskStatus.' }}</nz-tag>
                @if (task.overdueAt) {
                  <nz-tag nzColor="red" data-testid="task-overdue">{{ 'tasks.overdue' | tk }}</nz-tag>
                }
              </td>
              <td>
                @if (task.agencyName) {
                  {{ task.agencyName }}<div class="dd-muted">{{ task.evaluatorName }}</div>
                } @else {
                  <span class="dd-muted">{{ 'tasks.detail.unassigned' | tk }}</span>
                }
              </td>
              <td>{{ deadline(task.dueAt) }}</td>
              <td>
                @if (task.grade) {
                  {{ task.totalScore }} <nz-tag [nzColor]="gradeColor(task.grade)">{{ task.grade | tkc: 'grade.' }}</nz-tag>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>

      @if (manager()) {
        <section data-testid="tasks-candidates">
          <h2>{{ 'tasks.candidates.title' | tk }}</h2>
          <p class="dd-muted">{{ 'tasks.candidates.hint' | tk }}</p>
          <nz-table #ct nzSize="small" [nzData]="candidates()" [nzShowPagination]="false" [nzNoResult]="'tasks.candidates.empty' | tk">
            <thead>
              <tr>
                <th>{{ 'tasks.col.contract' | tk }}</th>
                <th>{{ 'tasks.col.organisation' | tk }}</th>
                <th>{{ 'tasks.candidates.termEnd' | tk }}</th>
                <th>{{ 'tasks.candidates.opensAt' | tk }}</th>
                <th>{{ 'tasks.candidates.dueAt' | tk }}</th>
                <th>{{ 'common.actions' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (c of ct.data; track c.contractId) {
                <tr [attr.data-testid]="'candidate-row-' + c.contractId">
                  <td>{{ c.contractTitle }}<div class="dd-muted">{{ c.contractCode }} · {{ c.regionName }}</div></td>
                  <td>{{ c.organisationName }}</td>
                  <td>{{ c.termEnd }}</td>
                  <td>{{ deadline(c.opensAt) }}</td>
                  <td>{{ deadline(c.dueAt) }}</td>
                  <td>
                    <button nz-button nzSize="small" [nzLoading]="creating() === c.contractId" (click)="createFinal(c)" [attr.data-testid]="'candidate-create-' + c.contractId">
                      {{ 'tasks.candidates.create' | tk }}
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </section>
      }

      @if (assigning().length > 0) {
        <dd-assign-dialog [tasks]="assigning()" (assigned)="assigned($event)" (closed)="assigning.set([])" />
      }
    </section>
  `,
})
export default class TaskListPage implements OnInit {
  private readonly api = inject(EvaluationTasksApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(TasksI18n);
  private readonly base = inject(TranslationService);
  private readonly route = inject(ActivatedRoute);

  protected readonly statuses = TASK_STATUSES;
  protected readonly kinds = TASK_KINDS;
  protected readonly sorts = TASK_SORTS;
  protected readonly filters = this.fb.group({
    status: this.fb.control<TaskStatus[]>([]),
    kind: this.fb.control<TaskKind | null>(null),
    sort: this.fb.control<string>('dueAt'),
    overdue: this.fb.control(false),
    q: this.fb.control(''),
  });
  protected readonly list = new PagedList<TaskSummary>(
    (page, pageSize) => this.api.list({ ...this.query(), page, pageSize }),
    this.destroyRef,
  );
  protected readonly manager = computed(() => this.auth.permissions().includes(PERMISSIONS.EVALUATION_MANAGE));
  protected readonly candidates = signal<FinalTaskCandidate[]>([]);
  protected readonly creating = signal<number | null>(null);
  protected readonly chosenTasks = signal<AssignableTask[]>([]);
  protected readonly chosen = computed(() => this.chosenTasks());
  protected readonly assigning = signal<AssignableTask[]>([]);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly assignable = computed(() => this.list.items().filter((t) => this.canAssign(t)));
  protected readonly allChosen = computed(
    () => this.assignable().length > 0 && this.assignable().every((t) => this.isChosen(t.id)),
  );
  protected readonly color = taskStatusColor;
  protected readonly gradeColor = gradeColor;
  protected readonly deadline = formatDeadline;

  ngOnInit(): void {
    // the desk's links open the list on what they name (`?status=OPEN`, `?overdue=true`)
    const p = this.route.snapshot.queryParamMap;
    const status = (p.get('status') ?? '')
      .split(',')
      .filter((s): s is TaskStatus => (TASK_STATUSES as readonly string[]).includes(s));
    this.filters.patchValue({ status, overdue: p.get('overdue') === 'true' });
    this.list.load();
    if (this.manager()) this.loadCandidates();
  }

  protected search(): void {
    this.chosenTasks.set([]);
    this.list.first();
  }

  protected canAssign(t: TaskSummary): boolean {
    return this.manager() && (t.status === 'OPEN' || t.status === 'ASSIGNED');
  }

  protected isChosen(id: number): boolean {
    return this.chosenTasks().some((t) => t.id === id);
  }

  protected choose(t: TaskSummary, on: boolean): void {
    const rest = this.chosenTasks().filter((x) => x.id !== t.id);
    this.chosenTasks.set(on ? [...rest, { id: t.id, code: t.code, organisationName: t.organisationName }] : rest);
  }

  protected chooseAll(on: boolean): void {
    this.chosenTasks.set(
      on ? this.assignable().map((t) => ({ id: t.id, code: t.code, organisationName: t.organisationName })) : [],
    );
  }

  protected assigned(done: TaskSummary[]): void {
    this.assigning.set([]);
    this.chosenTasks.set([]);
    this.message.set(this.i18n.t('tasks.assign.done', { count: done.length }));
    this.list.load();
  }

  protected createFinal(c: FinalTaskCandidate): void {
    this.creating.set(c.contractId);
    this.error.set(null);
    this.api
      .createFinalTask(c.contractId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (task) => {
          this.creating.set(null);
          this.message.set(this.i18n.t('tasks.candidates.created', { code: task.code }));
          this.loadCandidates();
          this.list.load();
        },
        error: (e: HttpErrorResponse) => {
          this.creating.set(null);
          this.error.set(
            describeHttpError(
              e.status,
              e.error,
              (key, params) => this.base.t(key, params),
              (key) => this.base.dynamic(key, '') || null,
            ).detail,
          );
        },
      });
  }

  private loadCandidates(): void {
    this.api
      .finalTaskCandidates()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((c) => this.candidates.set(c));
  }

  private query(): TaskQuery {
    const v = this.filters.getRawValue();
    return {
      status: v.status.length > 0 ? v.status.join(',') : null,
      kind: v.kind,
      sort: v.sort,
      overdue: v.overdue ? 'true' : null,
      q: v.q.trim() || null,
    };
  }
}
