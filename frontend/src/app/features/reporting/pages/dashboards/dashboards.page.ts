import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { BarChart, FunnelChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
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

import { CategoryNode, RegionNode } from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { reloadOnLanguageChange } from '../../../../core/i18n/language-preference';
import { formatInstant } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { CatalogueApi } from '../../../catalogue';
import { RegionsApi, toTreeNodes } from '../../../regions';
import {
  bpText,
  executionOption,
  funnelOption,
  gradesOption,
  milestonesOption,
  projectsOption,
  satisfactionOption,
} from '../../data/dashboard-charts';
import { reportYear, reportYears } from '../../data/report-year';
import { ReportingApi } from '../../data/reporting.api';
import {
  BudgetExecution,
  Chart,
  DashboardQuery,
  Grades,
  Milestones,
  NeedsFunnel,
  Organisations,
  ProjectStages,
  Satisfaction,
} from '../../data/reporting.types';
import { RepKey, ReportingI18n, RepTranslatePipe } from '../../i18n/reporting-i18n';

// Only what these charts need: this page's chunk carries these parts of echarts, nothing else does.
echarts.use([BarChart, FunnelChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type BudgetGrouping = 'region' | 'source' | 'category';
type SatisfactionGrouping = 'region' | 'category';

/**
 * 数据看板: the needs funnel, budget execution, projects by stage, milestones on time, evaluation grades,
 * satisfaction and the organisations' records of a region of mine, a year and a category — each chart with its
 * figures as a table beside it (the text alternative for screen readers, and the exact amounts) and an Excel export.
 */
@Component({
  selector: 'dd-dashboards-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    NgTemplateOutlet,
    NgxEchartsDirective,
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
    RepTranslatePipe,
  ],
  providers: [provideEchartsCore({ echarts })],
  templateUrl: './dashboards.page.html',
  styleUrl: './dashboards.page.css',
})
export default class DashboardsPage implements OnInit {
  private readonly api = inject(ReportingApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly auth = inject(AuthService);
  private readonly downloads = inject(Downloads);
  protected readonly i18n = inject(ReportingI18n);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly years = reportYears();
  protected year = reportYear();
  protected regionId: string | null = null;
  protected category: string | null = null;

  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNodes = computed(() => toTreeNodes(this.regions()));
  private readonly categories = signal<CategoryNode[]>([]);
  /** Top-level categories and their children, as `A 养老服务`, `A01 居家养老`. */
  protected readonly categoryOptions = computed(() =>
    this.categories().flatMap((c) => [
      { code: c.code, label: `${c.code} ${c.name}` },
      ...c.children.map((k) => ({ code: k.code, label: `${k.code} ${k.name}` })),
    ]),
  );

  protected readonly loading = signal(false);
  protected readonly funnel = signal<NeedsFunnel | null>(null);
  protected readonly budget = signal<BudgetExecution | null>(null);
  protected readonly projects = signal<ProjectStages | null>(null);
  protected readonly milestones = signal<Milestones | null>(null);
  protected readonly grades = signal<Grades | null>(null);
  protected readonly satisfaction = signal<Satisfaction | null>(null);
  protected readonly organisations = signal<Organisations | null>(null);
  protected readonly exporting = signal<Chart | null>(null);

  protected readonly budgetGrouping = signal<BudgetGrouping>('region');
  protected readonly satisfactionGrouping = signal<SatisfactionGrouping>('region');

  protected readonly generatedAt = computed(() => formatInstant(this.funnel()?.filters.generatedAt ?? null));

  protected readonly funnelOption = computed(() => funnelOption(this.funnel()?.stages ?? []));
  protected readonly budgetRows = computed(() => {
    const b = this.budget();
    if (!b) return [];
    const g = this.budgetGrouping();
    return g === 'region' ? b.byRegion : g === 'source' ? b.bySource : b.byCategory;
  });
  protected readonly budgetOption = computed(() =>
    executionOption(this.budgetRows(), {
      allocated: this.i18n.t('rep.budget.allocated'),
      reserved: this.i18n.t('rep.budget.reserved'),
      committed: this.i18n.t('rep.budget.committed'),
      paid: this.i18n.t('rep.budget.paid'),
    }),
  );
  protected readonly projectsOption = computed(() =>
    projectsOption(this.projects()?.stages ?? [], this.i18n.t('rep.projects.count')),
  );
  protected readonly hasProjects = computed(() => (this.projects()?.total.projects ?? 0) > 0);
  protected readonly milestonesOption = computed(() =>
    milestonesOption(this.milestones()?.byRegion ?? [], {
      onTime: this.i18n.t('rep.milestones.onTime'),
      late: this.i18n.t('rep.milestones.late'),
      overdue: this.i18n.t('rep.milestones.overdue'),
      open: this.i18n.t('rep.milestones.open'),
    }),
  );
  protected readonly gradesOption = computed(() => gradesOption(this.grades()?.grades ?? []));
  protected readonly satisfactionRows = computed(() => {
    const s = this.satisfaction();
    if (!s) return [];
    return this.satisfactionGrouping() === 'region' ? s.byRegion : s.byCategory;
  });
  protected readonly satisfactionOption = computed(() =>
    satisfactionOption(this.satisfactionRows(), this.i18n.t('rep.satisfaction.rate')),
  );

  protected readonly bp = bpText;

  constructor() {
    // the labels (stages, statuses, grades, sources) and the Excel come in the reader's language: reload on a switch
    reloadOnLanguageChange(() => this.load());
  }

  ngOnInit(): void {
    const mine = this.auth.me()?.region?.id;
    this.regionId = mine ? String(mine) : null;
    this.load();
    this.regionsApi
      .tree()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tree) => this.regions.set(tree));
    this.catalogueApi
      .current(reportYear(), silentErrors())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (v) => this.categories.set(v.categories), error: () => this.categories.set([]) });
  }

  private query(): DashboardQuery {
    return {
      year: this.year,
      regionId: this.regionId ? Number(this.regionId) : undefined,
      category: this.category ?? undefined,
    };
  }

  protected load(): void {
    const q = this.query();
    this.loading.set(true);
    forkJoin({
      funnel: this.api.needsFunnel(q),
      budget: this.api.budgetExecution(q),
      projects: this.api.projects(q),
      milestones: this.api.milestones(q),
      grades: this.api.grades(q),
      satisfaction: this.api.satisfaction(q),
      organisations: this.api.organisations(q),
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (r) => {
          this.funnel.set(r.funnel);
          this.budget.set(r.budget);
          this.projects.set(r.projects);
          this.milestones.set(r.milestones);
          this.grades.set(r.grades);
          this.satisfaction.set(r.satisfaction);
          this.organisations.set(r.organisations);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
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

  protected changeCategory(category: string | null): void {
    this.category = category;
    this.load();
  }

  protected chartName(chart: Chart): string {
    return this.i18n.t(`rep.chart.${chart}` as RepKey);
  }

  protected async export(chart: Chart): Promise<void> {
    this.exporting.set(chart);
    try {
      await this.downloads.save(this.api.export(chart, this.query()), `dashboard-${chart}.xlsx`);
    } finally {
      this.exporting.set(null);
    }
  }
}
