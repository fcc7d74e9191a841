import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable } from 'rxjs';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline, formatMinute } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { contractStatusColor, sharesTotalBp } from '../../data/contract-status';
import { Contract, ContractEdit, ContractsApi } from '../../data/contracts.api';
import { ContractCodePipe, ContractI18n, ContractTranslatePipe } from '../../i18n/contract-i18n';

/**
 * 合同详情: the content, parties, milestones, both signatures and the content hash, the PDF, publication, and links to
 * the milestones, payments and changes of the contract. The officer edits a draft here (within the rules the server
 * checks again), signs for the purchaser and publishes; a signatory of the supplier signs for it.
 */
@Component({
  selector: 'dd-contract-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    TranslatePipe,
    ContractTranslatePipe,
    ContractCodePipe,
  ],
  templateUrl: './contract-detail.page.html',
})
export default class ContractDetailPage implements OnInit {
  /** The route's `:id`. */
  readonly id = input.required<string>();

  private readonly api = inject(ContractsApi);
  private readonly downloads = inject(Downloads);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(ContractI18n);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly contract = signal<Contract | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly editing = signal(false);
  protected readonly color = contractStatusColor;
  protected readonly minute = formatMinute;
  protected readonly deadline = formatDeadline;

  protected readonly form = this.fb.group({
    termStart: ['', Validators.required],
    termEnd: ['', Validators.required],
    paymentDays: [30, [Validators.required, Validators.min(1), Validators.max(60)]],
    bondPercent: ['5.00', [Validators.required, Validators.pattern(/^\d{1,2}(\.\d{1,2})?$/)]],
    purchaserName: ['', [Validators.required, Validators.maxLength(128)]],
    purchaserAddress: ['', Validators.maxLength(200)],
    purchaserRepresentative: ['', Validators.maxLength(64)],
    scope: ['', [Validators.required, Validators.maxLength(4000)]],
    serviceStandard: ['', Validators.maxLength(4000)],
    acceptanceMethod: ['', [Validators.required, Validators.maxLength(2000)]],
    bondTerms: ['', Validators.maxLength(2000)],
    otherTerms: ['', Validators.maxLength(4000)],
    milestones: this.fb.array<ReturnType<ContractDetailPage['milestoneGroup']>>([]),
  });

  protected get milestones(): FormArray<ReturnType<ContractDetailPage['milestoneGroup']>> {
    return this.form.controls.milestones;
  }

  protected readonly sharesTotal = signal<string>('100.00');
  protected readonly sharesOk = computed(() => this.sharesTotal() === '100.00');

  ngOnInit(): void {
    this.load();
    this.milestones.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.recount());
  }

  private load(): void {
    this.api
      .get(Number(this.id()))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (c) => this.contract.set(c), error: () => this.contract.set(null) });
  }

  private milestoneGroup(m?: { title: string; deliverables: string; dueDate: string; share: string }) {
    return this.fb.group({
      title: [m?.title ?? '', [Validators.required, Validators.maxLength(128)]],
      deliverables: [m?.deliverables ?? '', [Validators.required, Validators.maxLength(2000)]],
      dueDate: [m?.dueDate ?? '', Validators.required],
      share: [m?.share ?? '', [Validators.required, Validators.pattern(/^\d{1,3}(\.\d{1,2})?$/)]],
    });
  }

  private recount(): void {
    const bp = sharesTotalBp(this.milestones.getRawValue().map((m) => m.share));
    this.sharesTotal.set(bp === null ? '—' : `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`);
  }

  protected startEdit(): void {
    const c = this.contract();
    if (!c) return;
    this.form.patchValue({
      termStart: c.termStart,
      termEnd: c.termEnd,
      paymentDays: c.paymentDays,
      bondPercent: c.bondPercent,
      purchaserName: c.content.purchaser.name,
      purchaserAddress: c.content.purchaser.address,
      purchaserRepresentative: c.content.purchaser.representative,
      scope: c.content.scope,
      serviceStandard: c.content.serviceStandard,
      acceptanceMethod: c.content.acceptanceMethod,
      bondTerms: c.content.bondTerms,
      otherTerms: c.content.otherTerms,
    });
    this.milestones.clear();
    for (const m of c.milestones) this.milestones.push(this.milestoneGroup(m));
    this.recount();
    this.error.set(null);
    this.fieldErrors.set([]);
    this.editing.set(true);
  }

  protected addMilestone(): void {
    this.milestones.push(this.milestoneGroup());
  }

  protected removeMilestone(i: number): void {
    if (this.milestones.length > 1) this.milestones.removeAt(i);
  }

  protected save(): void {
    const c = this.contract();
    if (!c || this.form.invalid || !this.sharesOk()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: ContractEdit = {
      content: {
        purchaser: {
          name: v.purchaserName,
          region: c.content.purchaser.region,
          address: v.purchaserAddress,
          representative: v.purchaserRepresentative,
        },
        supplier: c.content.supplier,
        scope: v.scope,
        serviceStandard: v.serviceStandard,
        acceptanceMethod: v.acceptanceMethod,
        bondTerms: v.bondTerms,
        otherTerms: v.otherTerms,
      },
      termStart: v.termStart,
      termEnd: v.termEnd,
      paymentDays: Number(v.paymentDays),
      bondPercent: v.bondPercent,
      milestones: v.milestones,
    };
    this.run(this.api.update(c.id, body), () => this.editing.set(false));
  }

  protected sign(side: 'purchaser' | 'supplier'): void {
    const c = this.contract();
    if (c) this.run(this.api.sign(c.id, side), () => this.message.success(this.texts.t('contract.signedOk')));
  }

  protected publish(): void {
    const c = this.contract();
    if (c) this.run(this.api.publish(c.id), () => this.message.success(this.texts.t('contract.publishedOk')));
  }

  protected downloadPdf(): void {
    const c = this.contract();
    if (c) void this.downloads.save(this.api.pdf(c.id), `${c.code}.pdf`);
  }

  private run(request: Observable<Contract>, done: () => void): void {
    this.busy.set(true);
    this.error.set(null);
    this.fieldErrors.set([]);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (c) => {
        this.contract.set(c);
        this.busy.set(false);
        done();
      },
      error: (e: HttpErrorResponse) => {
        const view = describeHttpError(
          e.status,
          e.error,
          (key, params) => this.i18n.t(key, params),
          (key) => this.i18n.dynamic(key, '') || null,
        );
        this.error.set(view.detail);
        this.fieldErrors.set(view.fieldErrors);
        this.busy.set(false);
      },
    });
  }
}
