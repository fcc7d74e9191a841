import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { PERMISSIONS } from '@diandan/access';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { forkJoin } from 'rxjs';

import { FundsConsistency, FundsReportRow, RegionNode } from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { BasisPointsPipe } from '../../../../shared/rates.pipe';
import { RegionsApi, toTreeNodes } from '../../../regions';
import { budgetYear, budgetYears } from '../../data/budget-year';
import { FundsApi } from '../../data/funds.api';
import { SOURCE_PREFIX } from '../../data/labels';
import { ChartLabels, reportChartOption, reportTotal } from '../../data/report-chart';

// Only what the bar charts need: this page's chunk carries these parts of echarts, nothing else does.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Grouping = 'region' | 'source';

/**
 * 预算执行: allocated, committed and paid money of a year in a region's subtree, by sub-region and by
 * source, as bar charts and a table with the paid and committed rates. Finance officers and
 * auditors can recompute every balance from the ledger (一致性校验).
 */
@Component({
  selector: 'dd-funds-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    NgxEchartsDirective,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzIconModule,
    NzRadioModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTreeSelectModule,
    MoneyPipe,
    BasisPointsPipe,
    TranslatePipe,
  ],
  providers: [provideEchartsCore({ echarts })],
  templateUrl: './funds-dashboard.page.html',
  styleUrl: './funds-dashboard.page.css',
})
export default class FundsDashboardPage implements OnInit {
  private readonly api = inject(FundsApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canAudit = computed(() => this.auth.permissions().includes(PERMISSIONS.FUNDS_AUDIT));
  protected readonly years = budgetYears();
  protected year = budgetYear();
  /** Tree-select key of the region; defaults to my own. */
  protected regionId: string | null = null;

  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNodes = computed(() => toTreeNodes(this.regions()));

  protected readonly byRegion = signal<FundsReportRow[]>([]);
  protected readonly bySource = signal<FundsReportRow[]>([]);
  protected readonly loading = signal(false);
  protected readonly grouping = signal<Grouping>('region');

  private readonly chartLabels = computed<ChartLabels>(() => ({
    allocated: this.i18n.t('funds.report.allocated'),
    committed: this.i18n.t('funds.report.committed'),
    paid: this.i18n.t('funds.report.paid'),
  }));
  private readonly rateLabels = computed(() => ({
    paid: this.i18n.t('funds.report.paidRate'),
    committed: this.i18n.t('funds.report.committedRate'),
  }));
  /** Source groups come labelled in Chinese from the API: name them in the user's language. */
  private readonly sourceRows = computed(() =>
    this.bySource().map((row) => ({ ...row, label: this.i18n.dynamic(SOURCE_PREFIX + row.key, row.label) })),
  );
  protected readonly regionOption = computed(() =>
    reportChartOption(this.byRegion(), this.chartLabels(), this.rateLabels()),
  );
  protected readonly sourceOption = computed(() =>
    reportChartOption(this.sourceRows(), this.chartLabels(), this.rateLabels()),
  );

  protected readonly tableRows = computed(() => (this.grouping() === 'region' ? this.byRegion() : this.sourceRows()));
  protected readonly tableTotal = computed(() => reportTotal(this.tableRows(), this.i18n.t('funds.report.total')));

  protected readonly checking = signal(false);
  protected readonly consistency = signal<FundsConsistency | null>(null);

  ngOnInit(): void {
    const mine = this.auth.me()?.region?.id;
    this.regionId = mine ? String(mine) : null;
    this.load();
    this.regionsApi
      .tree()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tree) => this.regions.set(tree));
  }

  protected load(): void {
    const regionId = this.regionId ? Number(this.regionId) : null;
    this.loading.set(true);
    forkJoin({
      region: this.api.report(this.year, 'region', regionId),
      source: this.api.report(this.year, 'source', regionId),
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ region, source }) => {
          this.byRegion.set(region);
          this.bySource.set(source);
          this.loading.set(false);
        },
        error: () => {
          this.byRegion.set([]);
          this.bySource.set([]);
          this.loading.set(false);
        },
      });
  }

  protected changeYear(year: number): void {
    this.year = year;
    this.load();
  }

  protected changeRegion(regionId: string | null): void {
    this.regionId = regionId;
    this.load();
  }

  protected checkConsistency(): void {
    this.checking.set(true);
    this.api.consistency().subscribe({
      next: (result) => {
        this.checking.set(false);
        this.consistency.set(result);
      },
      error: () => this.checking.set(false),
    });
  }
}
