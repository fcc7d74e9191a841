import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { yuan } from '../components/portal-format';
import { portalLoad } from '../data/portal-load';
import { PortalApi } from '../data/portal.api';
import { PortalCodePipe, PortalTranslatePipe } from '../i18n/portal-i18n';
import { YEARS } from './portal-years';

const STAGES = [
  'APPROVED',
  'TENDERING',
  'AWARDED',
  'CONTRACTED',
  'IN_PROGRESS',
  'COMPLETED',
  'EVALUATED',
  'CLOSED',
  'CANCELLED',
];
const PAGE_SIZE = 10;

/** The public projects: search, region, year, stage, paged — every filter in the URL. */
@Component({
  selector: 'dd-portal-projects-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, PortalTranslatePipe, PortalCodePipe],
  template: `
    <h1>{{ 'projects.title' | ptl }}</h1>
    <form class="pt-card pt-form" role="search" (ngSubmit)="go({ q: text.trim() || null, page: null })" data-testid="portal-projects-filters">
      <label>
        {{ 'home.search' | ptl }}
        <input name="q" maxlength="50" [(ngModel)]="text" [placeholder]="'home.searchPlaceholder' | ptl" data-testid="portal-projects-q" />
      </label>
      <label>
        {{ 'home.region' | ptl }}
        <select name="region" [ngModel]="num(regionId()) ?? 0" (ngModelChange)="go({ regionId: $event || null, page: null })" data-testid="portal-projects-region">
          <option [ngValue]="0">{{ 'level.CITY' | ptl }}</option>
          @for (r of districts(); track r.id) {
            <option [ngValue]="r.id">{{ r.name }}</option>
          }
        </select>
      </label>
      <label>
        {{ 'home.year' | ptl }}
        <select name="year" [ngModel]="num(year()) ?? 0" (ngModelChange)="go({ year: $event || null, page: null })" data-testid="portal-projects-year">
          <option [ngValue]="0">{{ 'projects.allYears' | ptl }}</option>
          @for (y of years; track y) {
            <option [ngValue]="y">{{ y }}</option>
          }
        </select>
      </label>
      <label>
        {{ 'projects.stage' | ptl }}
        <select name="stage" [ngModel]="stage() ?? ''" (ngModelChange)="go({ stage: $event || null, page: null })" data-testid="portal-projects-stage">
          <option value="">{{ 'projects.allStages' | ptl }}</option>
          @for (s of stages; track s) {
            <option [value]="s">{{ s | pcode: 'stage.' }}</option>
          }
        </select>
      </label>
      <button class="pt-btn" type="submit" data-testid="portal-projects-search">{{ 'home.searchButton' | ptl }}</button>
    </form>

    @if (list.value(); as page) {
      <p class="pt-muted" data-testid="portal-projects-total" [attr.data-total]="page.total">{{ 'projects.total' | ptl: { n: page.total } }}</p>
      <ul class="pt-list" data-testid="portal-projects">
        @for (p of page.items; track p.id) {
          <li class="pt-card" [attr.data-testid]="'portal-project-' + p.id" [attr.data-title]="p.title">
            <div class="pt-row">
              <a [routerLink]="['/public/projects', p.id]" [attr.data-testid]="'portal-project-open-' + p.id">{{ p.title }}</a>
              <span class="pt-tag">{{ p.stage | pcode: 'stage.' }}</span>
            </div>
            <div class="pt-muted">{{ p.region.name }} · {{ p.year }}@if (p.organisationName) { · {{ p.organisationName }}}@if (p.grade) { · {{ p.grade | pcode: 'grade.' }} {{ p.score }}}</div>
            <div class="pt-row">
              <span>{{ 'projects.estimated' | ptl }} <span class="pt-money">{{ money(p.estimated) }}</span></span>
              @if (p.contractAmount) {
                <span>{{ 'projects.contract' | ptl }} <span class="pt-money">{{ money(p.contractAmount) }}</span></span>
              }
              <span>{{ 'projects.paid' | ptl }} <span class="pt-money">{{ money(p.paid) }}</span></span>
            </div>
          </li>
        } @empty {
          <li class="pt-card pt-muted" data-testid="portal-projects-empty">{{ 'projects.empty' | ptl }}</li>
        }
      </ul>
      @if (pages() > 1) {
        <nav class="pt-row" [attr.aria-label]="'projects.page' | ptl: { page: current(), pages: pages() }">
          <button class="pt-btn" type="button" [disabled]="current() <= 1" (click)="go({ page: current() - 1 })" data-testid="portal-projects-prev">{{ 'projects.prev' | ptl }}</button>
          <span>{{ 'projects.page' | ptl: { page: current(), pages: pages() } }}</span>
          <button class="pt-btn" type="button" [disabled]="current() >= pages()" (click)="go({ page: current() + 1 })" data-testid="portal-projects-next">{{ 'projects.next' | ptl }}</button>
        </nav>
      }
    } @else if (list.isLoading()) {
      <p class="pt-muted">{{ 'loading' | ptl }}</p>
    }
  `,
  styles: `
    .pt-list > li.pt-card { border-top: 0; padding: 12px 14px; }
    .pt-row { flex-wrap: wrap; }
  `,
})
export default class PortalProjectsPage {
  private readonly api = inject(PortalApi);
  private readonly router = inject(Router);
  readonly q = input<string>();
  readonly regionId = input<string>();
  readonly year = input<string>();
  readonly stage = input<string>();
  readonly page = input<string>();
  protected text = '';
  protected readonly years = YEARS;
  protected readonly stages = STAGES;
  protected readonly money = yuan;

  protected readonly current = computed(() => this.num(this.page()) ?? 1);
  private readonly regions = portalLoad(
    () => null,
    () => this.api.regions(),
  );
  protected readonly districts = computed(() => (this.regions.value() ?? []).filter((r) => r.level === 'DISTRICT'));
  protected readonly list = portalLoad(
    () => ({
      q: this.q() ?? '',
      regionId: this.num(this.regionId()),
      year: this.num(this.year()),
      stage: STAGES.includes(this.stage() ?? '') ? this.stage() : undefined,
      page: this.current(),
      pageSize: PAGE_SIZE,
    }),
    (params) => this.api.projects(params),
  );
  protected readonly pages = computed(() => Math.max(1, Math.ceil((this.list.value()?.total ?? 0) / PAGE_SIZE)));

  constructor() {
    effect(() => (this.text = this.q() ?? ''));
  }

  protected num(value: string | undefined): number | undefined {
    return value && /^\d+$/.test(value) ? Number(value) : undefined;
  }

  protected go(change: Record<string, string | number | null>): void {
    void this.router.navigate([], { queryParams: change, queryParamsHandling: 'merge' });
  }
}
