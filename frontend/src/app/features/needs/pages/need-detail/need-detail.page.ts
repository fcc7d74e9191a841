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
import { Router, RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';

import { AttributeDef, Campaign, CatalogueVersionDetail, NeedAttachment, NeedDetail, NeedEvent } from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { reloadOnLanguageChange } from '../../../../core/i18n/language-preference';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { filenameFromDisposition, saveBlob } from '../../../../shared/download';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { CatalogueApi, categoryPath, describeAttributes, indexCategories } from '../../../catalogue';
import { AttachmentUploadComponent } from '../../components/attachment-upload.component';
import { NeedTimelineComponent } from '../../components/need-timeline.component';
import { fileSize } from '../../data/attachments';
import { CampaignsApi } from '../../data/campaigns.api';
import { NeedsApi } from '../../data/needs.api';
import { canSupport, canWithdraw } from '../../data/supports';

/** A need in full (every role): fields, typed attributes, attachments, lineage and timeline. */
@Component({
  selector: 'dd-need-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzSelectModule,
    NzSpinModule,
    AttachmentUploadComponent,
    NeedTimelineComponent,
    StatusTagComponent,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './need-detail.page.html',
  styleUrl: './need-detail.page.css',
})
export default class NeedDetailPage {
  private readonly needsApi = inject(NeedsApi);
  private readonly campaignsApi = inject(CampaignsApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route (`/needs/:id`). */
  readonly id = input.required<string>();

  protected readonly need = signal<NeedDetail | null>(null);
  protected readonly events = signal<NeedEvent[]>([]);
  protected readonly campaign = signal<Campaign | null>(null);
  private readonly catalogue = signal<CatalogueVersionDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);

  private readonly categoryIndex = computed(() => indexCategories(this.catalogue()?.categories ?? []));
  protected readonly categoryName = computed(() => {
    const need = this.need();
    if (!need) return '';
    return categoryPath(this.categoryIndex(), need.categoryId) || need.categoryName || '';
  });
  protected readonly attributes = computed(() => {
    const need = this.need();
    if (!need) return [];
    const defs: AttributeDef[] = this.categoryIndex().get(need.categoryId)?.attributes ?? [];
    return describeAttributes(defs, need.attributes);
  });
  protected readonly canSupportIt = computed(() => {
    const need = this.need();
    return (
      need !== null &&
      this.auth.can(PERMISSIONS.NEEDS_SUPPORT) &&
      canSupport(need, this.campaign() ?? undefined, need.supportedByMe)
    );
  });
  protected readonly canWithdrawIt = computed(() => {
    const need = this.need();
    return (
      need !== null &&
      this.auth.can(PERMISSIONS.NEEDS_SUPPORT) &&
      canWithdraw(need, this.campaign() ?? undefined, need.supportedByMe)
    );
  });
  protected readonly canUpload = computed(() => {
    const need = this.need();
    if (!need || !this.auth.can(PERMISSIONS.NEEDS_SUBMIT)) return false;
    const mayAdd = need.submittedByMe || this.auth.can(PERMISSIONS.NEEDS_MODERATE);
    return mayAdd && (need.status === 'SUBMITTED' || need.status === 'ACCEPTED');
  });
  protected readonly isStaff = computed(
    () => this.auth.can(PERMISSIONS.NEEDS_MODERATE) || this.auth.can(PERMISSIONS.NEEDS_EXPORT),
  );

  /** Resubmission of a rejected need of mine into another open campaign. */
  protected readonly canResubmit = computed(() => {
    const need = this.need();
    return need !== null && need.status === 'REJECTED' && need.submittedByMe && this.auth.can(PERMISSIONS.NEEDS_SUBMIT);
  });
  protected readonly openCampaigns = signal<Campaign[]>([]);
  protected resubmitCampaignId: number | null = null;

  constructor() {
    // A lineage link leads to another need on the same page: load whenever the id changes.
    effect(() => {
      const id = Number(this.id());
      untracked(() => this.load(id));
    });
    // The timeline is written by the server in the reader's language: switch, and it is rewritten.
    reloadOnLanguageChange(() => this.refreshTimeline(Number(this.id())));
  }

  private load(id: number): void {
    this.loading.set(true);
    this.need.set(null);
    this.events.set([]);
    this.needsApi
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (need) => {
          this.need.set(need);
          this.loading.set(false);
          this.loadContext(need);
        },
        error: () => this.loading.set(false),
      });
    this.needsApi
      .timeline(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((events) => this.events.set(events));
  }

  private loadContext(need: NeedDetail): void {
    if (this.campaign()?.id === need.campaignId) return;
    this.campaignsApi
      .get(need.campaignId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((campaign) => {
        this.campaign.set(campaign);
        this.catalogueApi
          .version(campaign.catalogueVersionId)
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe((version) => this.catalogue.set(version));
      });
    if (need.status === 'REJECTED' && need.submittedByMe) {
      this.campaignsApi
        .list({ status: 'OPEN' })
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe((page) => this.openCampaigns.set(page.items.filter((c) => c.id !== need.campaignId)));
    }
  }

  protected time(value: string | null | undefined): string {
    return formatMinute(value, this.i18n.lang());
  }

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  protected support(on: boolean): void {
    const need = this.need();
    if (!need) return;
    this.busy.set(true);
    (on ? this.needsApi.support(need.id) : this.needsApi.withdraw(need.id)).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.need.set({
          ...need,
          supportCount: result.supportCount,
          supportedByMe: on,
          myRemainingSupports: result.myRemainingSupports,
        });
        this.message.success(this.i18n.t(on ? 'community.supportDone' : 'community.withdrawDone'));
        this.refreshTimeline(need.id);
      },
      error: () => this.busy.set(false),
    });
  }

  protected attachmentAdded(attachment: NeedAttachment): void {
    const need = this.need();
    if (need) this.need.set({ ...need, attachments: [...need.attachments, attachment] });
  }

  protected download(attachment: NeedAttachment): void {
    const need = this.need();
    if (!need) return;
    this.needsApi.attachment(need.id, attachment.id).subscribe((response) => {
      if (!response.body) return;
      saveBlob(
        response.body,
        filenameFromDisposition(response.headers.get('Content-Disposition'), attachment.filename),
      );
    });
  }

  protected resubmit(): void {
    const need = this.need();
    if (!need || this.resubmitCampaignId === null) return;
    this.busy.set(true);
    this.needsApi.resubmit(need.id, this.resubmitCampaignId).subscribe({
      next: (created) => {
        this.busy.set(false);
        this.message.success(this.i18n.t('needDetail.resubmitted'));
        void this.router.navigate(['/needs', created.id]);
      },
      error: () => this.busy.set(false),
    });
  }

  private refreshTimeline(id: number): void {
    this.needsApi.timeline(id).subscribe((events) => this.events.set(events));
  }
}
