import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { catchError, of } from 'rxjs';

import { BudgetLine, newIdempotencyKey } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { FundsApi } from '../../../funds';
import { ProcStatusTagComponent } from '../../components/proc-status-tag.component';
import { inlineProblem } from '../../data/errors';
import { Project } from '../../data/procurement.types';
import { ProjectsApi } from '../../data/projects.api';
import { InlineProblem, ProcKey, ProcTranslatePipe, ProcurementI18n } from '../../i18n/procurement-i18n';

type DecisionKind = 'approve' | 'return' | 'cancel';

/**
 * 项目详情: the project with its implementation plan. The officer edits and submits a draft or
 * cancels; the finance officer approves a submitted project (reserving the estimate on the budget
 * line) or returns it with a reason.
 */
@Component({
  selector: 'dd-project-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSpinModule,
    NzTableModule,
    MoneyPipe,
    ProcStatusTagComponent,
    ProcTranslatePipe,
  ],
  templateUrl: './project-detail.page.html',
  styleUrl: '../procurement.css',
})
export default class ProjectDetailPage {
  private readonly api = inject(ProjectsApi);
  private readonly fundsApi = inject(FundsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  readonly id = input.required<string>();

  protected readonly project = signal<Project | null>(null);
  protected readonly line = signal<BudgetLine | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);

  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.PROJECTS_MANAGE));
  protected readonly canApprove = computed(() => this.auth.permissions().includes(PERMISSIONS.PROJECTS_APPROVE));
  protected readonly canTender = computed(() => this.auth.permissions().includes(PERMISSIONS.TENDERS_MANAGE));
  protected readonly canReadTenders = computed(() => this.auth.permissions().includes(PERMISSIONS.TENDERS_READ));
  protected readonly canReadNeeds = computed(() => this.auth.permissions().includes(PERMISSIONS.NEEDS_READ));
  protected readonly cancellable = computed(() => {
    const status = this.project()?.status;
    return status === 'DRAFT' || status === 'SUBMITTED' || (status === 'APPROVED' && !this.project()?.tenderId);
  });

  protected readonly decision = signal<DecisionKind | null>(null);
  private decisionKey = '';
  protected text = '';
  protected readonly decisionProblem = signal<InlineProblem | null>(null);

  constructor() {
    effect(() => {
      const id = Number(this.id());
      untracked(() => this.load(id));
    });
  }

  private load(id: number): void {
    this.loading.set(true);
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (project) => {
          this.project.set(project);
          this.loading.set(false);
          if (this.line()?.id !== project.budgetLineId) this.loadLine(project.budgetLineId);
        },
        error: () => this.loading.set(false),
      });
  }

  private loadLine(id: number): void {
    if (!this.auth.permissions().includes(PERMISSIONS.FUNDS_READ)) return;
    this.fundsApi
      .line(id)
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((line) => this.line.set(line));
  }

  protected time(value: string | null): string {
    return formatMinute(value, this.base.lang());
  }

  protected submit(): void {
    const project = this.project();
    if (!project) return;
    this.busy.set(true);
    this.api.submit(project.id).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.project.set(updated);
        this.message.success(this.i18n.t('project.submitted'));
      },
      error: () => this.busy.set(false),
    });
  }

  protected open(kind: DecisionKind): void {
    this.text = '';
    this.decisionKey = newIdempotencyKey();
    this.decisionProblem.set(null);
    this.decision.set(kind);
  }

  protected decisionTitle(): ProcKey {
    return `project.decision.${this.decision() ?? 'approve'}`;
  }

  protected close(): void {
    if (!this.busy()) this.decision.set(null);
  }

  protected textValid(): boolean {
    const kind = this.decision();
    const text = this.text.trim();
    return kind === 'approve' ? text.length <= 500 : text.length >= 2 && text.length <= 500;
  }

  protected decide(): void {
    const project = this.project();
    const kind = this.decision();
    if (!project || !kind || !this.textValid()) return;
    const text = this.text.trim();
    const call =
      kind === 'approve'
        ? this.api.approve(project.id, text, this.decisionKey, silentErrors())
        : kind === 'return'
          ? this.api.return(project.id, text, silentErrors())
          : this.api.cancel(project.id, text, this.decisionKey, silentErrors());
    this.busy.set(true);
    this.decisionProblem.set(null);
    call.subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.decision.set(null);
        this.project.set(updated);
        this.message.success(this.i18n.t(`project.done.${kind}`));
        this.loadLine(updated.budgetLineId);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.decisionProblem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }
}
