import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { ACTIVE_CAMPAIGN_STATUSES, Campaign, CatalogueVersion, RegionNode } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { CatalogueApi } from '../../../catalogue';
import { RegionsApi } from '../../../regions';
import { CampaignFormComponent } from '../../components/campaign-form.component';
import { isRulesFrozen } from '../../data/campaign-form';
import { campaignRegionNodes } from '../../data/campaign-regions';
import { CampaignsApi } from '../../data/campaigns.api';

/** 需求征集: the campaigns of my area; create, edit while DRAFT, and go on to moderation and the council. */
@Component({
  selector: 'dd-campaigns-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzCheckboxModule,
    NzInputModule,
    RouterLink,
    NzButtonModule,
    NzDrawerModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    CampaignFormComponent,
    StatusTagComponent,
    TranslatePipe,
  ],
  templateUrl: './campaigns.page.html',
})
export default class CampaignsPage implements OnInit {
  private readonly api = inject(CampaignsApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canDeliberate = computed(() => this.auth.permissions().includes(PERMISSIONS.NEEDS_DELIBERATE));
  protected readonly canModerate = computed(() => this.auth.permissions().includes(PERMISSIONS.NEEDS_MODERATE));
  protected readonly campaigns = signal<Campaign[]>([]);
  protected readonly loading = signal(false);
  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNodes = computed(() => campaignRegionNodes(this.regions()));
  protected readonly versions = signal<CatalogueVersion[]>([]);

  /** The drawer: closed (undefined), creating (null) or showing/editing a campaign. */
  protected readonly editing = signal<Campaign | null | undefined>(undefined);
  protected readonly drawerWidth = typeof window === 'undefined' ? 560 : Math.min(560, window.innerWidth);
  protected readonly isRulesFrozen = isRulesFrozen;
  /** Opens on the campaigns with work left; decided ones on request. */
  protected onlyActive = true;
  protected q = '';

  ngOnInit(): void {
    this.load();
    this.regionsApi
      .tree()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tree) => this.regions.set(tree));
    this.catalogueApi
      .versions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) =>
        this.versions.set(
          list.filter((v) => v.status === 'PUBLISHED').sort((a, b) => b.year - a.year || b.version - a.version),
        ),
      );
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .list({ status: this.onlyActive ? ACTIVE_CAMPAIGN_STATUSES : null, q: this.q.trim() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.campaigns.set(page.items);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected time(value: string): string {
    return formatMinute(value, this.i18n.lang());
  }

  protected saved(campaign: Campaign, created: boolean): void {
    this.editing.set(undefined);
    this.message.success(this.i18n.t(created ? 'campaigns.created' : 'campaigns.updated', { title: campaign.title }));
    this.load();
  }
}
