import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable } from 'rxjs';

import { OrganisationDetail, OrganisationDocument } from '../../../../api';
import { silentErrors } from '../../../../core/http/http-context';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatInstant } from '../../../../shared/dates';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { isReason } from '../../../../shared/validators';
import { LatestGradeAssessmentComponent } from '../../../evaluation/pages/grading-latest/latest-assessment.component';
import { OrganisationDocumentsComponent } from '../../components/documents-table.component';
import { GradeProposalsComponent } from '../../components/grade-proposals.component';
import { OrganisationRecordComponent } from '../../components/record-table.component';
import { blacklistWindow, lastBlacklistedDay, shanghaiDate } from '../../data/blacklist-period';
import { DECISIONS, DecisionSpec, isOfficerAction, OFFICER_ACTIONS, OfficerAction } from '../../data/decision';
import { gradeView } from '../../data/grade';
import { OrganisationsApi } from '../../data/organisations.api';
import { OrganisationsI18n, OrgCodePipe, OrgKey, OrgTranslatePipe } from '../../i18n/organisations-i18n';

/**
 * One organisation for staff: registration data, documents and performance record; for the
 * procurement officer of its region, the decisions its status allows (approve, return with reasons,
 * suspend, reinstate, blacklist until a date 1–3 years ahead), each confirmed in a dialog.
 */
@Component({
  selector: 'dd-organisation-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzTabsModule,
    NzTagModule,
    StatusTagComponent,
    OrganisationDocumentsComponent,
    GradeProposalsComponent,
    OrganisationRecordComponent,
    LatestGradeAssessmentComponent,
    TranslatePipe,
    OrgTranslatePipe,
    OrgCodePipe,
  ],
  templateUrl: './organisation-detail.page.html',
})
export default class OrganisationDetailPage implements OnInit {
  private readonly api = inject(OrganisationsApi);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(OrganisationsI18n);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  /** `:id` (router input binding). */
  readonly id = input.required<string>();
  protected readonly orgId = computed(() => Number(this.id()));

  protected readonly org = signal<OrganisationDetail | null>(null);
  protected readonly documents = signal<OrganisationDocument[]>([]);
  protected readonly notFound = signal(false);
  protected readonly actions = computed(() => OFFICER_ACTIONS.filter((a) => this.org()?.actions.includes(a)));
  protected readonly specs = DECISIONS;
  protected readonly grade = computed(() => (this.org() ? gradeView(this.org() as OrganisationDetail) : null));
  protected readonly blacklistedTill = computed(() => {
    const until = this.org()?.blacklistedUntil;
    return until ? lastBlacklistedDay(until) : null;
  });

  /** The decision being taken in the dialog. */
  protected readonly decision = signal<OfficerAction | null>(null);
  protected readonly decisionTitle = computed<OrgKey>(() => {
    const action = this.decision();
    return action ? this.specs[action].label : 'organisations.action.APPROVE';
  });
  protected readonly deciding = signal(false);
  protected readonly decisionError = signal<string | null>(null);
  protected readonly window = signal(blacklistWindow(shanghaiDate(new Date())));
  protected readonly decisionForm = this.fb.group({
    reason: ['', Validators.maxLength(500)],
    until: [''],
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.api
      .get(this.orgId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (org) => this.org.set(org),
        error: () => this.notFound.set(true),
      });
    this.api
      .documents(this.orgId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (docs) => this.documents.set(docs), error: () => this.documents.set([]) });
  }

  protected spec(action: OfficerAction): DecisionSpec {
    return this.specs[action];
  }

  protected time(iso: string | null): string {
    return formatInstant(iso, this.i18n.lang());
  }

  protected open(action: string): void {
    if (!isOfficerAction(action as OfficerAction)) return;
    const window = blacklistWindow(shanghaiDate(new Date()));
    this.window.set(window);
    this.decisionForm.reset({ reason: '', until: action === 'BLACKLIST' ? window.earliest : '' });
    this.decisionError.set(null);
    this.decision.set(action as OfficerAction);
  }

  protected close(): void {
    if (!this.deciding()) this.decision.set(null);
  }

  /** Sends the decision; a refusal (e.g. 409 after someone else decided, 422 on the date) stays in the dialog. */
  protected submit(): void {
    const action = this.decision();
    const org = this.org();
    if (!action || !org) return;
    const { reason, until } = this.decisionForm.getRawValue();
    const spec = this.specs[action];
    if (spec.reason === 'required' && !isReason(reason)) {
      this.decisionError.set(this.texts.t('organisations.decision.reasonRequired'));
      return;
    }
    if (spec.until && (until < this.window().earliest || until > this.window().latest)) {
      this.decisionError.set(this.texts.t('organisations.decision.untilRange', this.window()));
      return;
    }
    this.deciding.set(true);
    this.decisionError.set(null);
    this.request(action, org.id, reason.trim(), until).subscribe({
      next: (updated) => {
        this.deciding.set(false);
        this.decision.set(null);
        this.org.set(updated);
        this.message.success(this.texts.t(spec.done, { name: updated.name }));
      },
      error: (error: unknown) => {
        this.deciding.set(false);
        if (!(error instanceof HttpErrorResponse)) throw error;
        const view = describeHttpError(
          error.status,
          error.error,
          (key, params) => this.i18n.t(key, params),
          (key) => this.i18n.dynamic(key, '') || null,
        );
        this.decisionError.set([view.detail, ...view.fieldErrors].join(' '));
      },
    });
  }

  private request(action: OfficerAction, id: number, reason: string, until: string): Observable<OrganisationDetail> {
    const context = silentErrors();
    switch (action) {
      case 'APPROVE':
        return this.api.approve(id, reason, context);
      case 'RETURN':
        return this.api.returnForChanges(id, reason, context);
      case 'SUSPEND':
        return this.api.suspend(id, reason, context);
      case 'REINSTATE':
        return this.api.reinstate(id, reason, context);
      case 'BLACKLIST':
        return this.api.blacklist(id, reason, until, context);
    }
  }
}
