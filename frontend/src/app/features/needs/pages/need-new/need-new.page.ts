import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormRecord, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';

import {
  AttributeDef,
  Campaign,
  CatalogueVersionDetail,
  NeedDetail,
  newIdempotencyKey,
  RegionNode,
  SimilarNeed,
} from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { applyFieldErrors, FormProblem, formProblem } from '../../../../shared/form-problem';
import { FormProblemComponent } from '../../../../shared/form-problem.component';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { required } from '../../../../shared/validators';
import {
  AttributeControl,
  attributeControls,
  attributeInput,
  CatalogueApi,
  categoryTreeNodes,
  indexCategories,
} from '../../../catalogue';
import { indexRegions, RegionsApi } from '../../../regions';
import { AttachmentUploadComponent } from '../../components/attachment-upload.component';
import { CampaignsApi } from '../../data/campaigns.api';
import {
  NEED_DESCRIPTION_MAX,
  NEED_LOCATION_MAX,
  NEED_TITLE_MAX,
  NEED_TITLE_MIN,
  OFFLINE_NAME_MAX,
  OFFLINE_PHONE_PATTERN,
  toNeedRequest,
} from '../../data/need-request';
import { NeedsApi } from '../../data/needs.api';

/** Wait this long after the last keystroke before looking for similar needs. */
export const SIMILAR_DEBOUNCE_MS = 400;

/**
 * 提交需求: the open campaign, a category of its catalogue, the category's typed attributes (built
 * from its schema), title, description and place; similar needs are suggested while the title is
 * typed. A community worker enters needs for offline residents (代录). Photos or PDFs can be added
 * once the need exists.
 */
@Component({
  selector: 'dd-need-new-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormProblemComponent,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzResultModule,
    NzSelectModule,
    NzTreeSelectModule,
    AttachmentUploadComponent,
    StatusTagComponent,
    TranslatePipe,
  ],
  templateUrl: './need-new.page.html',
  styleUrl: './need-new.page.css',
})
export default class NeedNewPage implements OnInit {
  private readonly needsApi = inject(NeedsApi);
  private readonly campaignsApi = inject(CampaignsApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly limits = { titleMax: NEED_TITLE_MAX, descriptionMax: NEED_DESCRIPTION_MAX };
  /** A community worker enters needs on behalf of offline residents. */
  protected readonly proxy = computed(() => this.auth.me()?.roles.includes('COMMUNITY_WORKER') ?? false);

  protected readonly form = this.fb.group({
    campaignId: this.fb.control<number | null>(null, required),
    categoryId: ['', required],
    communityId: [''],
    title: ['', [required, Validators.minLength(NEED_TITLE_MIN), Validators.maxLength(NEED_TITLE_MAX)]],
    description: ['', [required, Validators.maxLength(NEED_DESCRIPTION_MAX)]],
    location: ['', [required, Validators.maxLength(NEED_LOCATION_MAX)]],
    offlineName: ['', Validators.maxLength(OFFLINE_NAME_MAX)],
    offlinePhone: ['', Validators.pattern(OFFLINE_PHONE_PATTERN)],
  });
  /** The typed attributes of the chosen category, rebuilt from its schema when the category changes. */
  protected readonly attributes = signal(new FormRecord<AttributeControl>({}));

  protected readonly campaigns = signal<Campaign[]>([]);
  protected readonly loadingCampaigns = signal(true);
  private readonly catalogue = signal<CatalogueVersionDetail | null>(null);
  private readonly regions = signal<RegionNode[]>([]);
  protected readonly submitting = signal(false);
  /** Why the last submit was refused (400/409/422…), shown above the form. */
  protected readonly problem = signal<FormProblem | null>(null);
  /**
   * nz-tree-select marks itself touched on focus changes elsewhere on the page: the category shows
   * its error only once the resident has tried to submit.
   */
  protected readonly triedSubmit = signal(false);
  protected readonly created = signal<NeedDetail | null>(null);
  private idempotencyKey = newIdempotencyKey();

  private readonly campaignId = toSignal(this.form.controls.campaignId.valueChanges, { initialValue: null });
  protected readonly categoryKey = toSignal(this.form.controls.categoryId.valueChanges, { initialValue: '' });
  protected readonly campaign = computed(() => this.campaigns().find((c) => c.id === this.campaignId()) ?? null);
  protected readonly categoryNodes = computed(() => categoryTreeNodes(this.catalogue()?.categories ?? [], true));
  private readonly categoryIndex = computed(() => indexCategories(this.catalogue()?.categories ?? []));
  protected readonly attributeDefs = computed<AttributeDef[]>(() => {
    const key = this.categoryKey();
    return key ? (this.categoryIndex().get(Number(key))?.attributes ?? []) : [];
  });
  /** Proxy entry into a street-wide campaign: the communities of that street. */
  protected readonly communities = computed<RegionNode[]>(() => {
    const campaign = this.campaign();
    if (!this.proxy() || !campaign) return [];
    const region = indexRegions(this.regions()).get(String(campaign.regionId));
    return region?.level === 'STREET' ? region.children : [];
  });

  protected readonly similar = signal<SimilarNeed[]>([]);
  protected readonly attributeInput = attributeInput;

  ngOnInit(): void {
    this.campaignsApi
      .list({ status: 'OPEN' })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.campaigns.set(page.items);
          this.loadingCampaigns.set(false);
          if (page.items.length === 1) this.form.controls.campaignId.setValue(page.items[0].id);
        },
        error: () => this.loadingCampaigns.set(false),
      });
    if (this.proxy()) {
      this.form.controls.offlineName.addValidators(required);
      this.form.controls.offlinePhone.addValidators(required);
      if (this.auth.can(PERMISSIONS.REGIONS_READ)) {
        this.regionsApi
          .tree()
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe((tree) => this.regions.set(tree));
      }
    }
    this.form.controls.campaignId.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((id) => {
      this.form.controls.categoryId.setValue('');
      this.form.controls.communityId.setValue('');
      this.catalogue.set(null);
      const campaign = this.campaigns().find((c) => c.id === id);
      if (campaign) this.loadCatalogue(campaign.catalogueVersionId);
    });
    this.form.controls.categoryId.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((key) => {
      const defs = key ? (this.categoryIndex().get(Number(key))?.attributes ?? []) : [];
      const before = this.attributes().getRawValue();
      this.attributes.set(new FormRecord<AttributeControl>(attributeControls(defs, before)));
    });
    this.watchSimilar();
  }

  private loadCatalogue(versionId: number): void {
    this.catalogueApi
      .version(versionId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((version) => this.catalogue.set(version));
  }

  /** Debounced `GET /needs/similar` while the title is typed or the campaign changes (quietly: only a hint). */
  private watchSimilar(): void {
    const { title, campaignId, communityId } = this.form.controls;
    combineLatest([
      title.valueChanges.pipe(
        startWith(title.value),
        debounceTime(SIMILAR_DEBOUNCE_MS),
        map((t) => t.trim()),
      ),
      campaignId.valueChanges.pipe(startWith(campaignId.value)),
      communityId.valueChanges.pipe(startWith(communityId.value)),
    ])
      .pipe(
        distinctUntilChanged((a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2]),
        switchMap(([text, campaign, community]) => {
          if (text.length < NEED_TITLE_MIN || campaign === null) return of([] as SimilarNeed[]);
          return this.needsApi
            .similar(campaign, text, community ? Number(community) : null)
            .pipe(catchError(() => of([] as SimilarNeed[])));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((list) => this.similar.set(list));
  }

  protected attributeError(def: AttributeDef, errors: Record<string, unknown> | null): string {
    if (!errors) return '';
    if (errors['required']) return this.i18n.t(def.type === 'enum' ? 'needForm.choose' : 'common.required');
    if (errors['timeWindow'] || errors['maxlength']) return this.i18n.t('needForm.timeWindowHint');
    if (errors['integer'] || errors['min'] || errors['max']) return this.intHint(def);
    return this.i18n.t('common.required');
  }

  protected intHint(def: AttributeDef): string {
    const hasMin = def.min !== undefined && def.min !== null;
    const hasMax = def.max !== undefined && def.max !== null;
    if (hasMin && hasMax) return this.i18n.t('needForm.intRange', { min: def.min ?? '', max: def.max ?? '' });
    if (hasMin) return this.i18n.t('needForm.intMin', { min: def.min ?? '' });
    if (hasMax) return this.i18n.t('needForm.intMax', { max: def.max ?? '' });
    return this.i18n.t('needForm.integer');
  }

  protected submit(): void {
    this.triedSubmit.set(true);
    const communityControl = this.form.controls.communityId;
    if (this.communities().length > 0) communityControl.addValidators(required);
    else communityControl.removeValidators(required);
    communityControl.updateValueAndValidity({ emitEvent: false });
    const attributes = this.attributes();
    if (this.form.invalid || attributes.invalid) {
      for (const control of [...Object.values(this.form.controls), ...Object.values(attributes.controls)]) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const body = toNeedRequest(this.form.getRawValue(), this.attributeDefs(), attributes.getRawValue(), this.proxy());
    this.submitting.set(true);
    this.problem.set(null);
    this.needsApi.create(body, this.idempotencyKey, silentErrors()).subscribe({
      next: (need) => {
        this.submitting.set(false);
        this.created.set(need);
        if (typeof window !== 'undefined') window.scrollTo({ top: 0 });
      },
      // refused: everything typed stays, the problem above the form and the fields in red
      error: (error: unknown) => {
        this.submitting.set(false);
        this.problem.set(formProblem(error, this.i18n, this.form));
        applyFieldErrors(attributes, error instanceof HttpErrorResponse ? error.error : null, 'attributes.');
      },
    });
  }

  /** Another need: the same campaign, everything else empty. */
  protected another(): void {
    const campaignId = this.form.controls.campaignId.value;
    this.form.reset({ campaignId }, { emitEvent: false });
    this.form.controls.categoryId.setValue('');
    this.similar.set([]);
    this.triedSubmit.set(false);
    this.problem.set(null);
    this.created.set(null);
    this.idempotencyKey = newIdempotencyKey();
  }
}
