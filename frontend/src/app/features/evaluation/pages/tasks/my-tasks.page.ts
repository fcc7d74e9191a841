import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { debounceTime, distinctUntilChanged, of, Subject, switchMap } from 'rxjs';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline } from '../../../../shared/dates';
import { PagedList } from '../../../../shared/paged-list';
import { TasksCodePipe, TasksI18n, TasksTranslatePipe } from '../../data/tasks-i18n';
import { gradeColor, taskStatusColor } from '../../data/tasks-view';
import { EvaluationTasksApi, EvaluatorAffiliation, NewAffiliation, TaskSummary } from '../../data/tasks.api';

type Tab = 'todo' | 'done' | 'all';
const TAB_STATUSES: Record<Tab, string | null> = {
  todo: 'ASSIGNED,IN_PROGRESS,RETURNED',
  done: 'SUBMITTED,CONFIRMED,PUBLISHED',
  all: null,
};

/**
 * 我的评估任务: the evaluator's tasks as cards (a tablet on a site visit), what is still to do first, each with its
 * due time; and their declared employments and relationships, which keep them off those organisations' tasks.
 */
@Component({
  selector: 'dd-my-tasks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzInputModule,
    NzPaginationModule,
    NzRadioModule,
    NzSelectModule,
    NzSpinModule,
    NzTagModule,
    TasksTranslatePipe,
    TasksCodePipe,
  ],
  template: `
    <section class="dd-page dd-my-tasks">
      <header class="dd-page-head">
        <h1>{{ 'tasks.mine.title' | tk }}</h1>
      </header>
      <nz-radio-group role="radiogroup" [ngModel]="tab()" (ngModelChange)="setTab($event)" nzButtonStyle="solid" data-testid="my-tasks-tabs" [attr.aria-label]="'tasks.filter.status' | tk">
        <label nz-radio-button nzValue="todo">{{ 'tasks.mine.todo' | tk }}</label>
        <label nz-radio-button nzValue="done">{{ 'tasks.mine.done' | tk }}</label>
        <label nz-radio-button nzValue="all">{{ 'tasks.mine.all' | tk }}</label>
      </nz-radio-group>

      @if (list.loading() && list.items().length === 0) {
        <p><nz-spin nzSimple /></p>
      } @else if (list.items().length === 0) {
        <nz-empty [nzNotFoundContent]="'tasks.mine.empty' | tk" data-testid="my-tasks-empty" />
      } @else {
        <ul class="dd-my-task-cards" data-testid="my-tasks">
          @for (task of list.items(); track task.id) {
            <li>
              <nz-card [attr.data-testid]="'my-task-' + task.id">
                <div class="dd-my-task-head">
                  <a class="dd-my-task-title" [routerLink]="['/evaluation/tasks', task.id]">{{ task.contractTitle }}</a>
                  <nz-tag [nzColor]="color(task.status)">{{ task.status | tkc: 'taskStatus.' }}</nz-tag>
                  @if (task.overdueAt) {
                    <nz-tag nzColor="red">{{ 'tasks.overdue' | tk }}</nz-tag>
                  }
                </div>
                <div class="dd-muted">{{ task.code }} · {{ task.kind | tkc: 'taskKind.' }} · {{ task.regionName }}</div>
                <div>{{ 'tasks.col.organisation' | tk }}：{{ task.organisationName }}</div>
                <div>{{ 'tasks.col.due' | tk }}：<strong>{{ deadline(task.dueAt) }}</strong></div>
                @if (task.grade) {
                  <div>{{ task.totalScore }} <nz-tag [nzColor]="gradeColor(task.grade)">{{ task.grade | tkc: 'grade.' }}</nz-tag></div>
                }
                <a nz-button nzType="primary" nzBlock class="dd-my-task-open" [routerLink]="['/evaluation/tasks', task.id]" [attr.data-testid]="'my-task-open-' + task.id">{{ 'tasks.mine.open' | tk }}</a>
              </nz-card>
            </li>
          }
        </ul>
        @if (list.total() > list.pageSize()) {
          <nz-pagination [nzPageIndex]="list.page()" [nzPageSize]="list.pageSize()" [nzTotal]="list.total()" (nzPageIndexChange)="list.goTo($event)" />
        }
      }

      <section class="dd-my-declarations" data-testid="my-declarations">
        <h2>{{ 'tasks.decl.title' | tk }}</h2>
        <p class="dd-muted">{{ 'tasks.decl.hint' | tk }}</p>
        @if (declarations().length === 0) {
          <p class="dd-muted" data-testid="my-declarations-empty">{{ 'tasks.decl.empty' | tk }}</p>
        } @else {
          <ul>
            @for (d of declarations(); track d.id) {
              <li [attr.data-testid]="'my-declaration-' + d.id">
                <strong>{{ d.organisationName }}</strong> · {{ d.kind | tkc: 'tasks.decl.kind.' }}
                @if (d.startedOn || d.endedOn) {
                  · {{ 'tasks.decl.period' | tk: { from: d.startedOn ?? '—', to: d.endedOn ?? ('tasks.decl.now' | tk) } }}
                }
                @if (d.note) {
                  <span class="dd-muted"> · {{ d.note }}</span>
                }
              </li>
            }
          </ul>
        }
        @if (declError()) {
          <nz-alert nzType="error" nzShowIcon [nzMessage]="declError()!" data-testid="my-declaration-error" />
        }
        <form class="dd-form" [formGroup]="form" (ngSubmit)="declare()" data-testid="my-declaration-form">
          <label for="decl-org">{{ 'tasks.decl.organisation' | tk }}</label>
          <nz-select
            nzId="decl-org"
            nzShowSearch
            nzServerSearch
            nzAllowClear
            formControlName="organisationId"
            [nzPlaceHolder]="'tasks.decl.search' | tk"
            (nzOnSearch)="searches.next($event)"
            data-testid="my-declaration-organisation"
            [ddName]="'tasks.decl.organisation' | tk"
          >
            @for (o of options(); track o.id) {
              <nz-option [nzValue]="o.id" [nzLabel]="o.name" />
            }
          </nz-select>
          <span id="decl-kind">{{ 'tasks.decl.kind' | tk }}</span>
          <nz-radio-group role="radiogroup" formControlName="kind" aria-labelledby="decl-kind" data-testid="my-declaration-kind">
            <label nz-radio nzValue="EMPLOYMENT">{{ 'tasks.decl.kind.EMPLOYMENT' | tk }}</label>
            <label nz-radio nzValue="DECLARED">{{ 'tasks.decl.kind.DECLARED' | tk }}</label>
          </nz-radio-group>
          <label for="decl-from">{{ 'tasks.decl.startedOn' | tk }}</label>
          <input nz-input id="decl-from" type="date" formControlName="startedOn" data-testid="my-declaration-from" />
          <label for="decl-to">{{ 'tasks.decl.endedOn' | tk }}</label>
          <input nz-input id="decl-to" type="date" formControlName="endedOn" data-testid="my-declaration-to" />
          <label for="decl-note">{{ 'tasks.decl.note' | tk }}</label>
          <input nz-input id="decl-note" formControlName="note" maxlength="255" data-testid="my-declaration-note" />
          <button nz-button nzType="primary" type="submit" [disabled]="form.invalid" [nzLoading]="declaring()" data-testid="my-declaration-submit">
            {{ 'tasks.decl.submit' | tk }}
          </button>
        </form>
      </section>
    </section>
  `,
  styles: `
    .dd-my-task-cards { list-style: none; padding: 0; margin: 12px 0; display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); }
    .dd-my-task-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 4px; }
    .dd-my-task-title { font-size: 16px; font-weight: 600; margin-right: auto; }
    .dd-my-task-open { margin-top: 8px; min-height: 40px; }
    .dd-my-declarations { margin-top: 24px; }
    .dd-form { display: grid; gap: 6px; max-width: 480px; }
  `,
})
export default class MyTasksPage implements OnInit {
  private readonly api = inject(EvaluationTasksApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(TasksI18n);

  protected readonly tab = signal<Tab>('todo');
  protected readonly list = new PagedList<TaskSummary>(
    (page, pageSize) => this.api.list({ status: TAB_STATUSES[this.tab()], sort: 'dueAt', page, pageSize }),
    this.destroyRef,
  );
  protected readonly declarations = signal<EvaluatorAffiliation[]>([]);
  protected readonly options = signal<Array<{ id: number; name: string }>>([]);
  protected readonly declaring = signal(false);
  protected readonly declError = signal<string | null>(null);
  protected readonly searches = new Subject<string>();
  protected readonly form = this.fb.group({
    organisationId: this.fb.control<number | null>(null, Validators.required),
    kind: this.fb.control<'EMPLOYMENT' | 'DECLARED'>('EMPLOYMENT'),
    startedOn: this.fb.control(''),
    endedOn: this.fb.control(''),
    note: this.fb.control(''),
  });
  protected readonly color = taskStatusColor;
  protected readonly gradeColor = gradeColor;
  protected readonly deadline = formatDeadline;

  ngOnInit(): void {
    this.list.load();
    this.api
      .myAffiliations()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((d) => this.declarations.set(d));
    this.searches
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => (q.trim() ? this.api.searchOrganisations(q.trim()) : of([]))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((o) => this.options.set(o));
  }

  protected setTab(tab: Tab): void {
    this.tab.set(tab);
    this.list.first();
  }

  protected declare(): void {
    const v = this.form.getRawValue();
    if (v.organisationId === null) return;
    const body: NewAffiliation = { organisationId: v.organisationId, kind: v.kind };
    if (v.startedOn) body.startedOn = v.startedOn;
    if (v.endedOn) body.endedOn = v.endedOn;
    if (v.note.trim()) body.note = v.note.trim();
    this.declaring.set(true);
    this.declError.set(null);
    this.api
      .declare(body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (d) => {
          this.declaring.set(false);
          this.declarations.set(d);
          this.form.reset({ organisationId: null, kind: 'EMPLOYMENT', startedOn: '', endedOn: '', note: '' });
        },
        error: (e: HttpErrorResponse) => {
          this.declaring.set(false);
          this.declError.set(
            describeHttpError(
              e.status,
              e.error,
              (key, params) => this.base.t(key, params),
              (key) => this.base.dynamic(key, '') || null,
            ).detail || this.i18n.t('tasks.decl.title'),
          );
        },
      });
  }
}
