import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { forkJoin } from 'rxjs';

import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { TasksI18n, TasksTranslatePipe } from '../../data/tasks-i18n';
import { conflictText, mergeAssignees } from '../../data/tasks-view';
import { AssigneeAgency, Conflict, EvaluationTasksApi, TaskSummary } from '../../data/tasks.api';

/** The tasks the dialog assigns (one, or several chosen in the list). */
export type AssignableTask = Pick<TaskSummary, 'id' | 'code' | 'organisationName'>;

/**
 * 分派评估任务: the eligible agencies with their eligible evaluators (and each one's open tasks) to choose from,
 * and, apart, every agency and evaluator excluded for a conflict of interest with the reason. For several tasks
 * an evaluator is offered only when eligible for all of them (the server assigns all or none).
 */
@Component({
  selector: 'dd-assign-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzModalModule, NzRadioModule, NzSpinModule, NzTagModule, TasksTranslatePipe],
  template: `
    <nz-modal
      [nzVisible]="true"
      [nzTitle]="'tasks.assign.title' | tk"
      [nzOkText]="'tasks.assign.submit' | tk"
      [nzOkDisabled]="selected() === null"
      [nzOkLoading]="saving()"
      nzWidth="640px"
      (nzOnOk)="submit()"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        <div data-testid="assign-dialog">
          <p data-testid="assign-tasks">{{ 'tasks.assign.tasks' | tk: { count: tasks().length, codes: codes() } }}</p>
          @if (organisations(); as names) {
            <p>{{ 'tasks.assign.organisation' | tk: { name: names } }}</p>
          }
          <p class="dd-muted">{{ 'tasks.assign.rule' | tk }}</p>
          @if (error()) {
            <nz-alert nzType="error" nzShowIcon [nzMessage]="error()!" data-testid="assign-error" />
          }
          @if (loading()) {
            <p><nz-spin nzSimple nzSize="small" /> {{ 'tasks.assign.loading' | tk }}</p>
          } @else {
            <nz-radio-group role="radiogroup" class="dd-assign-choices" [ngModel]="selected()" (ngModelChange)="selected.set($event)" [attr.aria-label]="'tasks.assign.evaluator' | tk">
              @for (a of eligible(); track a.id) {
                <fieldset class="dd-assign-agency" [attr.data-testid]="'assign-agency-' + a.id">
                  <legend>{{ a.name }}</legend>
                  @for (e of a.evaluators; track e.id) {
                    @if (e.eligible) {
                      <label nz-radio [nzValue]="a.id + ':' + e.id" [attr.data-testid]="'assign-evaluator-' + e.id">
                        {{ e.displayName }} <span class="dd-muted">{{ 'tasks.assign.load' | tk: { count: e.openTasks } }}</span>
                      </label>
                    }
                  }
                </fieldset>
              }
            </nz-radio-group>
            <h3>{{ 'tasks.assign.excludedTitle' | tk }}</h3>
            @if (excluded().length === 0) {
              <p class="dd-muted" data-testid="assign-none-excluded">{{ 'tasks.assign.noneExcluded' | tk }}</p>
            } @else {
              <ul class="dd-assign-excluded" data-testid="assign-excluded">
                @for (x of excluded(); track x.key) {
                  <li [attr.data-testid]="x.key">
                    <nz-tag nzColor="red">{{ 'tasks.assign.excluded' | tk }}</nz-tag>
                    <strong>{{ x.who }}</strong>：{{ x.why }}
                  </li>
                }
              </ul>
            }
          }
        </div>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .dd-assign-choices { display: block; }
    .dd-assign-agency { border: 1px solid #d9d9d9; border-radius: 4px; padding: 4px 12px 8px; margin-bottom: 8px; }
    .dd-assign-agency legend { width: auto; margin: 0; padding: 0 4px; font-size: 14px; border: 0; }
    .dd-assign-agency label { display: block; margin: 4px 0; }
    .dd-assign-excluded { padding-left: 0; list-style: none; }
    .dd-assign-excluded li { margin: 4px 0; }
  `,
})
export class AssignDialogComponent implements OnInit {
  private readonly api = inject(EvaluationTasksApi);
  private readonly i18n = inject(TasksI18n);
  private readonly base = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  readonly tasks = input.required<AssignableTask[]>();
  readonly assigned = output<TaskSummary[]>();
  readonly closed = output<void>();

  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly agencies = signal<AssigneeAgency[]>([]);
  /** `agencyId:evaluatorId` */
  protected readonly selected = signal<string | null>(null);

  protected readonly codes = computed(() =>
    this.tasks()
      .map((t) => t.code)
      .join('、'),
  );
  protected readonly organisations = computed(() =>
    [...new Set(this.tasks().map((t) => t.organisationName))].join('、'),
  );
  protected readonly eligible = computed(() => this.agencies().filter((a) => a.eligible));
  protected readonly excluded = computed(() => {
    const out: Array<{ key: string; who: string; why: string }> = [];
    for (const a of this.agencies()) {
      if (a.conflict) out.push({ key: `assign-excluded-agency-${a.id}`, who: a.name, why: this.reason(a.conflict) });
      for (const e of a.evaluators)
        if (!e.eligible && e.conflict && !a.conflict)
          out.push({
            key: `assign-excluded-evaluator-${e.id}`,
            who: `${e.displayName} · ${a.name}`,
            why: this.reason(e.conflict),
          });
      if (!a.conflict && !a.evaluators.some((e) => e.eligible) && a.evaluators.every((e) => !e.conflict))
        out.push({ key: `assign-excluded-agency-${a.id}`, who: a.name, why: this.i18n.t('tasks.assign.noEligible') });
    }
    return out;
  });

  ngOnInit(): void {
    forkJoin(this.tasks().map((t) => this.api.assignees(t.id)))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answers) => {
          this.agencies.set(mergeAssignees(answers));
          this.loading.set(false);
        },
        error: (e: HttpErrorResponse) => {
          this.error.set(this.describe(e));
          this.loading.set(false);
        },
      });
  }

  protected submit(): void {
    const choice = this.selected();
    if (choice === null) return;
    const [agencyId, evaluatorId] = choice.split(':').map(Number);
    this.saving.set(true);
    this.error.set(null);
    this.api
      .assign(
        this.tasks().map((t) => t.id),
        agencyId,
        evaluatorId,
      )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (done) => {
          this.saving.set(false);
          this.assigned.emit(done);
        },
        error: (e: HttpErrorResponse) => {
          this.saving.set(false);
          this.error.set(this.describe(e));
        },
      });
  }

  private reason(c: Conflict): string {
    const { key, params } = conflictText(c);
    return this.i18n.code('', key, params);
  }

  private describe(e: HttpErrorResponse): string {
    return describeHttpError(
      e.status,
      e.error,
      (key, params) => this.base.t(key, params),
      (key) => this.base.dynamic(key, '') || null,
    ).detail;
  }
}
