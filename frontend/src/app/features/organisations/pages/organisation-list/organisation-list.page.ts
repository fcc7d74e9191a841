import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  Organisation,
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
  OrganisationKind,
  OrganisationStatus,
} from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatInstant } from '../../../../shared/dates';
import { PagedList } from '../../../../shared/paged-list';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { gradeView } from '../../data/grade';
import { toOrganisationQuery } from '../../data/organisation-query';
import { OrganisationsApi } from '../../data/organisations.api';
import { OrgCodePipe, OrgTranslatePipe } from '../../i18n/organisations-i18n';

/**
 * 社会组织名录 / 注册审核: the organisations registered in my region subtree plus every ACTIVE one.
 * Procurement officers open a pending registration to review it (the list starts on the review
 * queue for them).
 */
@Component({
  selector: 'dd-organisation-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    ReactiveFormsModule,
    RouterLink,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    StatusTagComponent,
    TranslatePipe,
    TranslateCodePipe,
    OrgTranslatePipe,
    OrgCodePipe,
  ],
  templateUrl: './organisation-list.page.html',
})
export default class OrganisationListPage implements OnInit {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canReview = computed(() => this.auth.permissions().includes(PERMISSIONS.ORGANISATIONS_REVIEW));
  protected readonly statuses = ORGANISATION_STATUSES;
  protected readonly kinds = ORGANISATION_KINDS;
  protected readonly grade = gradeView;
  private readonly i18n = inject(TranslationService);
  protected readonly time = (iso: string) => formatInstant(iso, this.i18n.lang()).slice(0, 10);

  protected readonly filters = this.fb.group({
    status: this.fb.control<OrganisationStatus | null>(null),
    kind: this.fb.control<OrganisationKind | null>(null),
    q: [''],
  });

  protected readonly list = new PagedList<Organisation>(
    (page, pageSize) => this.api.page(toOrganisationQuery(this.filters.getRawValue(), page, pageSize)),
    this.destroyRef,
  );

  ngOnInit(): void {
    if (this.canReview()) this.filters.controls.status.setValue('PENDING_REVIEW');
    this.list.load();
  }

  protected reset(): void {
    this.filters.reset();
    this.list.first();
  }
}
