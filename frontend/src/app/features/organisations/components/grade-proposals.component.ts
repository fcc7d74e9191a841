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
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable } from 'rxjs';

import { GradeProposal, OrganisationDetail, OrganisationDocument } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';
import { describeHttpError } from '../../../core/http/problem-details';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formatInstant } from '../../../shared/dates';
import { Downloads } from '../../../shared/download.service';
import { shanghaiDate } from '../data/blacklist-period';
import { checkDocument, readAsBase64 } from '../data/documents';
import { gradeLabel, GRADES, gradeView } from '../data/grade';
import {
  evidenceDocuments,
  gradeDecision,
  GradeProposalFormValue,
  gradeProposalProblems,
  proposalColour,
  toProposeGradeRequest,
} from '../data/grade-proposal';
import { OrganisationsApi } from '../data/organisations.api';
import { OrganisationsI18n, OrgCodePipe, OrgTranslatePipe } from '../i18n/organisations-i18n';

type Decision = 'APPROVE' | 'REJECT';

/**
 * 评估等级: the decided grade (who decided it, on which certificate), the proposal waiting for a decision,
 * and the history. Members (`mine`) propose a grade with its certificate — an uploaded grade certificate or
 * qualification document, or a new one uploaded here — and may withdraw a pending one; the officers of the
 * organisation's region approve it (after a summary to confirm) or reject it with a reason.
 */
@Component({
  selector: 'dd-grade-proposals',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    OrgTranslatePipe,
    OrgCodePipe,
  ],
  templateUrl: './grade-proposals.component.html',
})
export class GradeProposalsComponent implements OnInit {
  private readonly api = inject(OrganisationsApi);
  private readonly downloads = inject(Downloads);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(OrganisationsI18n);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly organisation = input.required<OrganisationDetail>();
  /** The signed-in member's own organisation (`/my/organisation`), or an organisation an officer reads. */
  readonly mine = input(false);
  /** The organisation's documents (members: to choose the certificate from). */
  readonly documents = input<OrganisationDocument[]>([]);
  /** A proposal was made, withdrawn or decided: the page reloads the organisation. */
  readonly changed = output<void>();

  protected readonly grades = GRADES;
  protected readonly label = gradeLabel;
  protected readonly colour = proposalColour;
  protected readonly history = signal<GradeProposal[]>([]);
  protected readonly current = computed(() => gradeView(this.organisation()));
  protected readonly decidedBy = computed(() => gradeDecision(this.organisation()));
  protected readonly pending = computed(() => this.organisation().pendingGradeProposal ?? null);
  protected readonly can = computed(() => new Set(this.organisation().gradeProposalActions ?? []));
  protected readonly canPropose = computed(() => this.mine() && this.organisation().canProposeGrade === true);
  protected readonly evidence = computed(() => evidenceDocuments(this.documents()));

  protected readonly form = this.fb.group({
    grade: this.fb.control<number | null>(null),
    expiresOn: [''],
    documentId: this.fb.control<number | null>(null),
    note: [''],
  });
  protected readonly formProblems = signal<string[]>([]);
  protected readonly sending = signal(false);
  protected readonly uploading = signal(false);

  protected readonly decision = signal<Decision | null>(null);
  protected readonly decisionForm = this.fb.group({ reason: [''] });
  protected readonly decisionError = signal<string | null>(null);
  protected readonly deciding = signal(false);

  ngOnInit(): void {
    this.loadHistory();
  }

  protected time(iso: string | null): string {
    return formatInstant(iso, this.i18n.lang());
  }

  protected downloadPending(): void {
    const p = this.pending();
    if (!p?.documentId) return;
    const id = this.mine() ? null : this.organisation().id;
    void this.downloads.save(this.api.documentFile(id, p.documentId, silentErrors()), p.documentName ?? 'document');
  }

  // ---- members: propose, withdraw

  protected propose(): void {
    const value: GradeProposalFormValue = this.form.getRawValue();
    const problems = gradeProposalProblems(value, shanghaiDate(new Date()));
    if (problems.length > 0) {
      this.formProblems.set(problems.map((key) => this.texts.t(key)));
      return;
    }
    this.formProblems.set([]);
    this.sending.set(true);
    this.api.proposeGrade(toProposeGradeRequest(value), silentErrors()).subscribe({
      next: (p) => {
        this.sending.set(false);
        this.form.reset();
        this.message.success(
          this.texts.t('organisations.gradeProposal.proposed', { grade: gradeLabel(p.grade) ?? '' }),
        );
        this.afterChange();
      },
      // what was typed stays: the problem is shown above the form
      error: (error: unknown) => {
        this.sending.set(false);
        this.formProblems.set(this.explain(error));
      },
    });
  }

  /** A new certificate, uploaded as a grade certificate and chosen at once. */
  protected async uploadCertificate(event: Event): Promise<void> {
    const inputEl = event.target as HTMLInputElement;
    const file = inputEl.files?.[0];
    inputEl.value = '';
    if (!file) return;
    const problem = checkDocument(file);
    if (problem) {
      this.message.error(this.texts.t(problem, { name: file.name }));
      return;
    }
    this.uploading.set(true);
    try {
      const contentBase64 = await readAsBase64(file);
      this.api
        .uploadDocument({ kind: 'GRADE_CERTIFICATE', fileName: file.name, contentBase64 }, silentErrors())
        .subscribe({
          next: (doc) => {
            this.uploading.set(false);
            this.form.controls.documentId.setValue(doc.id);
            this.message.success(this.texts.t('organisations.documents.uploaded', { name: doc.fileName }));
            this.changed.emit();
          },
          error: (error: unknown) => {
            this.uploading.set(false);
            this.message.error(this.explain(error)[0]);
          },
        });
    } catch {
      this.uploading.set(false);
      this.message.error(this.texts.t('organisations.documents.readFailed', { name: file.name }));
    }
  }

  protected withdraw(): void {
    const p = this.pending();
    if (!p) return;
    this.api.withdrawGrade(p.id).subscribe(() => {
      this.message.success(this.texts.t('organisations.gradeProposal.withdrawn'));
      this.afterChange();
    });
  }

  // ---- officers: approve, reject

  protected openDecision(decision: Decision): void {
    this.decisionForm.reset({ reason: '' });
    this.decisionError.set(null);
    this.decision.set(decision);
  }

  protected closeDecision(): void {
    if (!this.deciding()) this.decision.set(null);
  }

  protected decide(): void {
    const decision = this.decision();
    const p = this.pending();
    if (!decision || !p) return;
    const reason = this.decisionForm.getRawValue().reason.trim();
    if (decision === 'REJECT' && reason === '') {
      this.decisionError.set(this.texts.t('organisations.decision.reasonRequired'));
      return;
    }
    const id = this.organisation().id;
    const call: Observable<GradeProposal> =
      decision === 'APPROVE'
        ? this.api.approveGrade(id, p.id, reason, silentErrors())
        : this.api.rejectGrade(id, p.id, reason, silentErrors());
    this.deciding.set(true);
    this.decisionError.set(null);
    call.subscribe({
      next: (done) => {
        this.deciding.set(false);
        this.decision.set(null);
        this.message.success(
          this.texts.t(
            decision === 'APPROVE' ? 'organisations.gradeProposal.approved' : 'organisations.gradeProposal.rejected',
            { grade: gradeLabel(done.grade) ?? '' },
          ),
        );
        this.afterChange();
      },
      error: (error: unknown) => {
        this.deciding.set(false);
        this.decisionError.set(this.explain(error).join(' '));
      },
    });
  }

  private afterChange(): void {
    this.loadHistory();
    this.changed.emit();
  }

  private loadHistory(): void {
    this.api
      .gradeProposals(this.mine() ? null : this.organisation().id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (list) => this.history.set(list), error: () => this.history.set([]) });
  }

  private explain(error: unknown): string[] {
    if (!(error instanceof HttpErrorResponse)) return [this.i18n.t('error.title')];
    const view = describeHttpError(
      error.status,
      error.error,
      (key, params) => this.i18n.t(key, params),
      (key) => this.i18n.dynamic(key, '') || null,
    );
    return [view.detail, ...view.fieldErrors];
  }
}
