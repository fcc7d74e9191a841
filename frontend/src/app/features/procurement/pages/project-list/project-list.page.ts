import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { PagedList } from '../../../../shared/paged-list';
import { ProcStatusTagComponent } from '../../components/proc-status-tag.component';
import { ACTIVE_PROJECT_STATUSES, Project, PROJECT_STATUSES, ProjectStatus } from '../../data/procurement.types';
import { ProjectsApi } from '../../data/projects.api';
import { ProcCodePipe, ProcTranslatePipe } from '../../i18n/procurement-i18n';

/**
 * 项目 (officers, finance, auditors): the projects of my area by status. Officers create them;
 * `approvals` (route data) is the finance officer's queue of submitted projects (待审批).
 */
@Component({
  selector: 'dd-project-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    MoneyPipe,
    ProcStatusTagComponent,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  templateUrl: './project-list.page.html',
})
export default class ProjectListPage implements OnInit {
  private readonly api = inject(ProjectsApi);
  private readonly auth = inject(AuthService);
  private readonly base = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  /** Route data: the finance officer's approval queue. */
  readonly approvals = input(false);

  protected readonly statuses = PROJECT_STATUSES;
  /** Opens on the projects still being worked on; cleared, it shows all. */
  protected status: ProjectStatus[] = [...ACTIVE_PROJECT_STATUSES];
  protected q = '';
  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.PROJECTS_MANAGE));
  protected readonly canTender = computed(() => this.auth.permissions().includes(PERMISSIONS.TENDERS_MANAGE));
  protected readonly canReadTenders = computed(() => this.auth.permissions().includes(PERMISSIONS.TENDERS_READ));

  protected readonly list = new PagedList<Project>(
    (page, pageSize) =>
      this.api.list(
        this.approvals()
          ? { status: 'SUBMITTED', page, pageSize }
          : { status: this.status, q: this.q.trim(), page, pageSize },
      ),
    this.destroyRef,
  );

  ngOnInit(): void {
    this.list.load();
  }

  /** Back to what is still being worked on, without a keyword. */
  protected active(): void {
    this.status = [...ACTIVE_PROJECT_STATUSES];
    this.q = '';
    this.list.first();
  }

  protected time(value: string): string {
    return formatMinute(value, this.base.lang());
  }
}
