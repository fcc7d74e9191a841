import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { Observable, of } from 'rxjs';

import { Campaign, CatalogueVersion } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';
import { describeHttpError } from '../../../core/http/problem-details';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { toLocalDateTime } from '../../../shared/dates';
import { required } from '../../../shared/validators';
import {
  CampaignFormProblem,
  campaignFormValue,
  isRulesFrozen,
  toCampaignPatch,
  toCampaignRequest,
} from '../data/campaign-form';
import { CampaignsApi } from '../data/campaigns.api';

/** A new campaign opens now and runs four weeks unless the worker says otherwise. */
const DEFAULT_DAYS = 28;

/**
 * Create or edit a campaign. Once it has opened its rules are frozen: the form is read-only with
 * "规则已冻结", and a 409 from the API (someone opened it meanwhile) is shown in place.
 */
@Component({
  selector: 'dd-campaign-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzTreeSelectModule,
    TranslatePipe,
  ],
  templateUrl: './campaign-form.component.html',
})
export class CampaignFormComponent implements OnInit {
  private readonly api = inject(CampaignsApi);
  private readonly i18n = inject(TranslationService);
  private readonly fb = inject(NonNullableFormBuilder);

  /** The campaign to edit; null to create one. */
  readonly campaign = input<Campaign | null>(null);
  /** The worker's streets and communities (other levels not selectable). */
  readonly regionNodes = input<NzTreeNodeOptions[]>([]);
  /** Published catalogue versions. */
  readonly versions = input<CatalogueVersion[]>([]);
  readonly saved = output<Campaign>();
  readonly cancelled = output<void>();

  protected readonly frozen = computed(() => isRulesFrozen(this.campaign()));
  protected readonly submitting = signal(false);
  protected readonly problems = signal<CampaignFormProblem[]>([]);
  /** The API's refusal, shown in the form (e.g. 409 CAMPAIGN_RULES_FROZEN). */
  protected readonly error = signal<{ detail: string; lines: string[] } | null>(null);

  protected readonly form = this.fb.group({
    regionId: ['', required],
    title: ['', [required, Validators.maxLength(128)]],
    description: ['', Validators.maxLength(2000)],
    opensAt: ['', required],
    closesAt: ['', required],
    supportsPerResident: this.fb.control<number | null>(3, [required, Validators.min(1), Validators.max(50)]),
    minSupportsToShortlist: this.fb.control<number | null>(5, [required, Validators.min(0), Validators.max(100000)]),
    catalogueVersionId: this.fb.control<number | null>(null, required),
  });

  ngOnInit(): void {
    const campaign = this.campaign();
    if (campaign) {
      this.form.setValue(campaignFormValue(campaign));
      this.form.controls.regionId.disable();
      if (this.frozen()) this.form.disable();
      return;
    }
    const now = new Date();
    now.setSeconds(0, 0);
    const closes = new Date(now.getTime() + DEFAULT_DAYS * 86_400_000);
    this.form.patchValue({ opensAt: toLocalDateTime(now), closesAt: toLocalDateTime(closes) });
    const versions = this.versions();
    if (versions.length > 0) this.form.controls.catalogueVersionId.setValue(versions[0].id);
  }

  protected problem(p: CampaignFormProblem): boolean {
    return this.problems().includes(p);
  }

  protected submit(): void {
    if (this.frozen()) return;
    this.error.set(null);
    const { body, problems } = toCampaignRequest(this.form.getRawValue());
    this.problems.set(problems);
    if (this.form.invalid || !body) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const before = this.campaign();
    const patch = before ? toCampaignPatch(body, before) : null;
    // Nothing changed: nothing to send (the API answers an empty PATCH with 400 NOTHING_TO_CHANGE).
    const request: Observable<Campaign> = before
      ? Object.keys(patch ?? {}).length === 0
        ? of(before)
        : this.api.update(before.id, patch ?? {}, silentErrors())
      : this.api.create(body, silentErrors());
    this.submitting.set(true);
    request.subscribe({
      next: (saved) => {
        this.submitting.set(false);
        this.saved.emit(saved);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        if (!(error instanceof HttpErrorResponse)) throw error;
        const view = describeHttpError(
          error.status,
          error.error,
          (key, params) => this.i18n.t(key, params),
          (key) => this.i18n.dynamic(key, '') || null,
        );
        this.error.set({ detail: view.detail, lines: view.fieldErrors });
        if (error.status === 409) this.form.disable();
      },
    });
  }
}
