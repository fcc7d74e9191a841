import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { barWidth, yuan } from '../components/portal-format';
import { portalLoad } from '../data/portal-load';
import { PortalApi } from '../data/portal.api';
import { PortalCodePipe, PortalTranslatePipe } from '../i18n/portal-i18n';
import { currentYear, YEARS } from './portal-years';

/** 公开门户 home: the year's figures for the city or a district, and the way into the projects. */
@Component({
  selector: 'dd-portal-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, PortalTranslatePipe, PortalCodePipe],
  template: `
    <h1>{{ 'home.title' | ptl }}</h1>
    <p class="pt-muted">{{ 'home.lead' | ptl }}</p>

    <form class="pt-card pt-form" role="search" (ngSubmit)="search()" data-testid="portal-search">
      <label class="pt-grow">
        {{ 'home.search' | ptl }}
        <input name="q" maxlength="50" [(ngModel)]="q" [placeholder]="'home.searchPlaceholder' | ptl" data-testid="portal-search-q" />
      </label>
      <button class="pt-btn" type="submit" data-testid="portal-search-submit">{{ 'home.searchButton' | ptl }}</button>
    </form>

    <div class="pt-card pt-form">
      <label>
        {{ 'home.year' | ptl }}
        <select [ngModel]="shownYear()" (ngModelChange)="go({ year: $event })" data-testid="portal-year">
          @for (y of years; track y) {
            <option [ngValue]="y">{{ y }}</option>
          }
        </select>
      </label>
      <label>
        {{ 'home.region' | ptl }}
        <select [ngModel]="regionNumber() ?? 0" (ngModelChange)="go({ regionId: $event || null })" data-testid="portal-region">
          <option [ngValue]="0">{{ 'level.CITY' | ptl }}</option>
          @for (r of districts(); track r.id) {
            <option [ngValue]="r.id">{{ r.name }}</option>
          }
        </select>
      </label>
    </div>

    @if (figures.value(); as f) {
      <section class="pt-grid" data-testid="portal-figures" [attr.data-year]="f.year" [attr.data-region]="f.region.id">
        <div class="pt-card">
          <h2>{{ 'home.needs' | ptl }}</h2>
          <div class="pt-row"><span>{{ 'home.needsRaised' | ptl }}</span><span class="pt-big" data-testid="portal-needs-raised">{{ f.needsRaised }}</span></div>
          <div class="pt-row"><span>{{ 'home.needsFunded' | ptl }}</span><span class="pt-big" data-testid="portal-needs-funded">{{ f.needsFunded }}</span></div>
        </div>
        <div class="pt-card">
          <h2>{{ 'home.money' | ptl }}</h2>
          @for (m of money(); track m.key) {
            <div class="pt-row"><span>{{ m.key | ptl }}</span><span class="pt-money" [attr.data-testid]="'portal-money-' + m.code">{{ m.text }}</span></div>
            <div class="pt-bar" aria-hidden="true"><span [style.width.%]="m.width"></span></div>
          }
        </div>
        <div class="pt-card">
          <h2>{{ 'home.stages' | ptl }}</h2>
          @for (s of f.projectsByStage; track s.code) {
            <div class="pt-row"><a [routerLink]="['/public/projects']" [queryParams]="{ stage: s.code, year: f.year }">{{ s.code | pcode: 'stage.' }}</a><span>{{ s.count }}</span></div>
          } @empty {
            <p class="pt-muted">{{ 'home.none' | ptl }}</p>
          }
        </div>
        <div class="pt-card">
          <h2>{{ 'home.evaluation' | ptl }}</h2>
          <div class="pt-row"><span>{{ 'home.averageScore' | ptl }}</span><span class="pt-big" data-testid="portal-average">{{ f.evaluation.averageScore ?? '—' }}</span></div>
          <p class="pt-muted">{{ 'home.published' | ptl: { n: f.evaluation.published } }}</p>
          @for (g of f.evaluation.grades; track g.code) {
            <div class="pt-row"><span>{{ g.code | pcode: 'grade.' }}</span><span>{{ g.count }}</span></div>
          }
        </div>
        <div class="pt-card">
          <h2>{{ 'home.satisfaction' | ptl }}</h2>
          <div class="pt-big" data-testid="portal-satisfaction">{{ f.satisfaction.rate === null ? '—' : f.satisfaction.rate + '%' }}</div>
          <p class="pt-muted">{{ 'home.answers' | ptl: { n: f.satisfaction.answers } }}</p>
        </div>
      </section>
    } @else if (figures.isLoading()) {
      <p class="pt-muted">{{ 'loading' | ptl }}</p>
    }

    <section class="pt-card">
      <h2>{{ 'home.latest' | ptl }}</h2>
      <ul class="pt-list" data-testid="portal-latest">
        @for (p of latest.value()?.items ?? []; track p.id) {
          <li class="pt-row" [attr.data-testid]="'portal-latest-' + p.id">
            <a [routerLink]="['/public/projects', p.id]">{{ p.title }}</a>
            <span class="pt-tag">{{ p.stage | pcode: 'stage.' }}</span>
          </li>
        } @empty {
          <li class="pt-muted">{{ 'home.none' | ptl }}</li>
        }
      </ul>
      <p><a routerLink="/public/projects" data-testid="portal-all-projects">{{ 'home.allProjects' | ptl }}</a></p>
    </section>
  `,
  styles: `
    .pt-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 0 12px; }
    .pt-big { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .pt-bar { height: 6px; background: #f0f0f0; border-radius: 3px; margin: 2px 0 8px; }
    .pt-bar span { display: block; height: 100%; background: var(--dd-primary); border-radius: 3px; }
    .pt-grow { flex: 1 1 200px; }
  `,
})
export default class PortalHomePage {
  private readonly api = inject(PortalApi);
  private readonly router = inject(Router);
  /** Query parameters (linkable): `?year=2026&regionId=4`. */
  readonly year = input<string>();
  readonly regionId = input<string>();
  protected q = '';
  protected readonly years = YEARS;

  protected readonly shownYear = computed(() => Number(this.year()) || currentYear());
  protected readonly regionNumber = computed(() => Number(this.regionId()) || undefined);
  private readonly regions = portalLoad(
    () => null,
    () => this.api.regions(),
  );
  protected readonly districts = computed(() => (this.regions.value() ?? []).filter((r) => r.level === 'DISTRICT'));
  protected readonly figures = portalLoad(
    () => ({ year: this.shownYear(), regionId: this.regionNumber() }),
    (params) => this.api.figures(params.year, params.regionId),
  );
  protected readonly latest = portalLoad(
    () => ({ regionId: this.regionNumber() }),
    (params) => this.api.projects({ regionId: params.regionId, page: 1, pageSize: 8 }),
  );
  protected readonly money = computed(() => {
    const f = this.figures.value();
    if (!f) return [];
    const max = f.money.allocated;
    return (['allocated', 'committed', 'paid'] as const).map((code) => ({
      code,
      key: `home.${code}` as const,
      text: yuan(f.money[code]),
      width: barWidth(f.money[code], max),
    }));
  });

  protected go(change: { year?: number; regionId?: number | null }): void {
    void this.router.navigate([], { queryParams: change, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected search(): void {
    void this.router.navigate(['/public/projects'], { queryParams: { q: this.q.trim() || null } });
  }
}
