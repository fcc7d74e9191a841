import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { Campaign, NeedSummary, REJECT_REASONS, RejectReason } from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { reason, required } from '../../../../shared/validators';
import { CampaignsApi } from '../../data/campaigns.api';
import { NeedsApi } from '../../data/needs.api';

const DEFAULT_PAGE_SIZE = 20;

/** 需求审核: submitted needs of my area; accept, reject with a structured reason, or merge into another. */
@Component({
  selector: 'dd-moderation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './moderation.page.html',
})
export default class ModerationPage implements OnInit {
  private readonly needsApi = inject(NeedsApi);
  private readonly campaignsApi = inject(CampaignsApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly reasons = REJECT_REASONS;
  protected readonly campaigns = signal<Campaign[]>([]);
  private readonly campaignIndex = computed(() => new Map(this.campaigns().map((c) => [c.id, c])));
  protected campaignFilter: number | null = null;

  protected readonly needs = signal<NeedSummary[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly loading = signal(false);
  protected readonly busy = signal<number | null>(null);

  /** The need being rejected or merged (the open modal), or null. */
  protected readonly rejecting = signal<NeedSummary | null>(null);
  protected readonly merging = signal<NeedSummary | null>(null);
  protected readonly mergeTargets = signal<NeedSummary[]>([]);
  protected readonly saving = signal(false);

  protected readonly rejectForm = this.fb.group({
    reason: this.fb.control<RejectReason | null>(null, required),
    note: ['', [reason, Validators.maxLength(500)]],
  });
  protected readonly mergeForm = this.fb.group({
    targetNeedId: this.fb.control<number | null>(null, required),
  });

  ngOnInit(): void {
    this.campaignsApi
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((page) => this.campaigns.set(page.items));
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.needsApi
      .list({
        status: 'SUBMITTED',
        campaignId: this.campaignFilter,
        sort: 'createdAt',
        page: this.page(),
        pageSize: this.pageSize(),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.needs.set(result.items);
          this.total.set(result.total);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected filterCampaign(id: number | null): void {
    this.campaignFilter = id;
    this.page.set(1);
    this.load();
  }

  protected pageChange(page: number): void {
    this.page.set(page);
    this.load();
  }

  protected campaignTitle(need: NeedSummary): string {
    return this.campaignIndex().get(need.campaignId)?.title ?? '';
  }

  protected time(value: string): string {
    return formatMinute(value, this.i18n.lang());
  }

  protected accept(need: NeedSummary): void {
    this.busy.set(need.id);
    this.needsApi.accept(need.id).subscribe({
      next: () => {
        this.busy.set(null);
        this.message.success(this.i18n.t('moderation.accepted', { title: need.title }));
        this.load();
      },
      error: () => this.busy.set(null),
    });
  }

  protected openReject(need: NeedSummary): void {
    this.rejectForm.reset({ reason: null, note: '' });
    this.rejecting.set(need);
  }

  protected submitReject(): void {
    const need = this.rejecting();
    const { reason, note } = this.rejectForm.getRawValue();
    if (!need || this.rejectForm.invalid || reason === null) {
      for (const control of Object.values(this.rejectForm.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    this.saving.set(true);
    this.needsApi.reject(need.id, reason, note.trim()).subscribe({
      next: () => {
        this.saving.set(false);
        this.rejecting.set(null);
        this.message.success(this.i18n.t('moderation.rejected', { title: need.title }));
        this.load();
      },
      error: () => this.saving.set(false),
    });
  }

  protected openMerge(need: NeedSummary): void {
    this.mergeForm.reset({ targetNeedId: null });
    this.mergeTargets.set([]);
    this.merging.set(need);
    this.needsApi
      .list({ status: 'ACCEPTED', campaignId: need.campaignId, sort: '-supportCount', pageSize: 100 })
      .subscribe((page) => this.mergeTargets.set(page.items.filter((n) => n.id !== need.id)));
  }

  protected submitMerge(): void {
    const need = this.merging();
    const { targetNeedId } = this.mergeForm.getRawValue();
    if (!need || targetNeedId === null) {
      this.mergeForm.controls.targetNeedId.markAsDirty();
      this.mergeForm.controls.targetNeedId.updateValueAndValidity({ onlySelf: true });
      return;
    }
    this.saving.set(true);
    this.needsApi.merge(need.id, targetNeedId).subscribe({
      next: () => {
        this.saving.set(false);
        this.merging.set(null);
        this.message.success(this.i18n.t('moderation.merged', { title: need.title }));
        this.load();
      },
      error: () => this.saving.set(false),
    });
  }
}
