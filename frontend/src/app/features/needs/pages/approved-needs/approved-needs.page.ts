import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';

import {
  Campaign,
  CatalogueVersion,
  CatalogueVersionDetail,
  NEED_STATUSES,
  NeedQuery,
  NeedSort,
  NeedStatus,
  NeedSummary,
  RegionNode,
} from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { Notifier } from '../../../../core/http/notifier';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute, todayInBeijing } from '../../../../shared/dates';
import { blobText, filenameFromDisposition, saveBlob } from '../../../../shared/download';
import { PagedList } from '../../../../shared/paged-list';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { CatalogueApi, categoryTreeNodes } from '../../../catalogue';
import { RegionsApi, toTreeNodes } from '../../../regions';
import { CampaignsApi } from '../../data/campaigns.api';
import { NeedFilters, toNeedQuery, toNeedSort } from '../../data/need-query';
import { NeedsApi } from '../../data/needs.api';

/** 已通过需求: needs of my area by region, status, category, campaign and text, sortable, exportable to Excel. */
@Component({
  selector: 'dd-approved-needs-page',
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
    NzTreeSelectModule,
    StatusTagComponent,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './approved-needs.page.html',
})
export default class ApprovedNeedsPage implements OnInit {
  private readonly needsApi = inject(NeedsApi);
  private readonly campaignsApi = inject(CampaignsApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly statuses = NEED_STATUSES;
  protected readonly filters = this.fb.group({
    regionId: this.fb.control<string | null>(null),
    statuses: this.fb.control<NeedStatus[]>(['APPROVED']),
    categoryId: this.fb.control<string | null>(null),
    campaignId: this.fb.control<number | null>(null),
    q: [''],
  });

  protected readonly list = new PagedList<NeedSummary>(() => this.needsApi.list(this.query()), this.destroyRef);
  protected readonly sort = signal<NeedSort | null>(null);
  protected readonly exporting = signal(false);

  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNodes = computed(() => toTreeNodes(this.regions()));
  protected readonly campaigns = signal<Campaign[]>([]);
  private readonly versions = signal<CatalogueVersion[]>([]);
  private readonly catalogue = signal<CatalogueVersionDetail | null>(null);
  protected readonly categoryNodes = computed(() => categoryTreeNodes(this.catalogue()?.categories ?? []));
  private readonly campaignId = toSignal(this.filters.controls.campaignId.valueChanges, { initialValue: null });
  /** The catalogue whose categories are offered: the chosen campaign's, else the latest published one. */
  private readonly catalogueVersionId = computed(() => {
    const campaign = this.campaigns().find((c) => c.id === this.campaignId());
    if (campaign) return campaign.catalogueVersionId;
    const published = this.versions()
      .filter((v) => v.status === 'PUBLISHED')
      .sort((a, b) => b.year - a.year || b.version - a.version);
    return published[0]?.id ?? null;
  });
  protected readonly catalogueTitle = computed(() => this.catalogue()?.title ?? '');

  ngOnInit(): void {
    this.list.load();
    this.regionsApi
      .tree()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tree) => this.regions.set(tree));
    this.campaignsApi
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((page) => this.campaigns.set(page.items));
    this.catalogueApi
      .versions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) => {
        this.versions.set(list);
        this.loadCatalogue();
      });
    this.filters.controls.campaignId.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      this.filters.controls.categoryId.setValue(null);
      this.loadCatalogue();
    });
  }

  private loadCatalogue(): void {
    const id = this.catalogueVersionId();
    if (id === null || this.catalogue()?.id === id) return;
    this.catalogueApi
      .version(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((version) => this.catalogue.set(version));
  }

  private query(): NeedQuery {
    const filters: NeedFilters = this.filters.getRawValue();
    return toNeedQuery(filters, this.list.page(), this.list.pageSize(), this.sort());
  }

  protected reset(): void {
    this.filters.reset();
    this.list.first();
  }

  protected sortChange(key: string, order: NzTableSortOrder): void {
    this.sort.set(toNeedSort(key, order));
    this.list.first();
  }

  protected sortOrder(key: string): NzTableSortOrder {
    const sort = this.sort();
    if (key === 'createdAt') return sort === 'createdAt' ? 'ascend' : sort === '-createdAt' ? 'descend' : null;
    return sort === '-supportCount' ? 'descend' : null;
  }

  protected time(value: string): string {
    return formatMinute(value, this.i18n.lang());
  }

  /** The same filters as an Excel file, fetched with the auth header and saved through an `<a download>`. */
  protected export(): void {
    this.exporting.set(true);
    this.needsApi.export(this.query()).subscribe({
      next: (response) => {
        this.exporting.set(false);
        if (!response.body) return;
        const fallback = `needs-${todayInBeijing()}.xlsx`;
        saveBlob(response.body, filenameFromDisposition(response.headers.get('Content-Disposition'), fallback));
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        if (error instanceof HttpErrorResponse) void this.showExportError(error);
      },
    });
  }

  /** A failed download's problem arrives as a Blob: read it, then show it like any other error. */
  private async showExportError(error: HttpErrorResponse): Promise<void> {
    const body = await blobText(error.error);
    await this.notifier.showError(
      describeHttpError(
        error.status,
        body,
        (key, params) => this.i18n.t(key, params),
        (key) => this.i18n.dynamic(key, '') || null,
      ),
    );
  }
}
