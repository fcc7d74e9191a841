import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { Campaign, NeedSort, NeedSummary, SupportResult } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { CampaignsApi } from '../../data/campaigns.api';
import { NeedsApi } from '../../data/needs.api';
import { canSupport, canWithdraw, ownOpenNeedIds, supportedNeedIds } from '../../data/supports';

const PAGE_SIZE = 20;

/** 社区需求: my community's needs as cards, with 支持 / 撤回支持 and my supports left. */
@Component({
  selector: 'dd-community-needs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzEmptyModule,
    NzIconModule,
    NzRadioModule,
    NzSpinModule,
    NzTagModule,
    StatusTagComponent,
    TranslatePipe,
  ],
  templateUrl: './community-needs.page.html',
  styleUrl: './community-needs.page.css',
})
export default class CommunityNeedsPage implements OnInit {
  private readonly needsApi = inject(NeedsApi);
  private readonly campaignsApi = inject(CampaignsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canSubmit = computed(() => this.auth.permissions().includes(PERMISSIONS.NEEDS_SUBMIT));
  protected readonly sort = signal<NeedSort>('-createdAt');
  protected readonly needs = signal<NeedSummary[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly loading = signal(false);
  protected readonly hasMore = computed(() => this.needs().length < this.total());
  /** Needs I support (from `/my/needs`, then kept up to date by my own taps). */
  protected readonly supported = signal<ReadonlySet<number>>(new Set());
  protected readonly busy = signal<number | null>(null);

  protected readonly campaigns = signal<Campaign[]>([]);
  private readonly campaignIndex = computed(() => new Map(this.campaigns().map((c) => [c.id, c])));
  protected readonly openCampaigns = computed(() => this.campaigns().filter((c) => c.status === 'OPEN'));

  ngOnInit(): void {
    this.campaignsApi
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((page) => this.campaigns.set(page.items));
    this.needsApi
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((mine) => {
        this.supported.set(supportedNeedIds(mine));
        // `/my/needs` lists a need I submitted as SUBMITTED even when I support it too: ask those few.
        for (const id of ownOpenNeedIds(mine)) {
          this.needsApi
            .get(id)
            .pipe(takeUntilDestroyed(this.destroyRef))
            .subscribe((need) => {
              if (need.supportedByMe) this.supported.update((set) => new Set([...set, need.id]));
            });
        }
      });
    this.load(1);
  }

  protected load(page: number): void {
    this.loading.set(true);
    this.needsApi
      .list({ sort: this.sort(), page, pageSize: PAGE_SIZE })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.needs.update((list) => (page === 1 ? result.items : [...list, ...result.items]));
          this.total.set(result.total);
          this.page.set(page);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected setSort(sort: NeedSort): void {
    this.sort.set(sort);
    this.load(1);
  }

  protected more(): void {
    this.load(this.page() + 1);
  }

  protected closes(campaign: Campaign): string {
    return formatMinute(campaign.closesAt, this.i18n.lang());
  }

  protected campaignOf(need: NeedSummary): Campaign | undefined {
    return this.campaignIndex().get(need.campaignId);
  }

  protected canSupport(need: NeedSummary): boolean {
    return canSupport(need, this.campaignOf(need), this.supported().has(need.id));
  }

  protected canWithdraw(need: NeedSummary): boolean {
    return canWithdraw(need, this.campaignOf(need), this.supported().has(need.id));
  }

  protected support(need: NeedSummary, on: boolean): void {
    this.busy.set(need.id);
    (on ? this.needsApi.support(need.id) : this.needsApi.withdraw(need.id)).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.applied(need, result, on);
        this.message.success(this.i18n.t(on ? 'community.supportDone' : 'community.withdrawDone'));
      },
      error: () => this.busy.set(null),
    });
  }

  private applied(need: NeedSummary, result: SupportResult, on: boolean): void {
    this.needs.update((list) => list.map((n) => (n.id === need.id ? { ...n, supportCount: result.supportCount } : n)));
    this.supported.update((set) => {
      const next = new Set(set);
      if (on) next.add(need.id);
      else next.delete(need.id);
      return next;
    });
    this.campaigns.update((list) =>
      list.map((c) => (c.id === need.campaignId ? { ...c, myRemainingSupports: result.myRemainingSupports } : c)),
    );
  }
}
