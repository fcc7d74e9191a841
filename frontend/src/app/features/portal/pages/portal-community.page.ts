import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { day, yuan } from '../components/portal-format';
import { portalLoad } from '../data/portal-load';
import { PortalApi } from '../data/portal.api';
import { PortalCodePipe, PortalTranslatePipe } from '../i18n/portal-i18n';

/** A community: the needs raised there, what was funded, and the money spent there (equal parts per need). */
@Component({
  selector: 'dd-portal-community-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PortalTranslatePipe, PortalCodePipe],
  template: `
    @if (community.value(); as c) {
      <article data-testid="portal-community-page" [attr.data-community]="c.id">
        <h1>{{ c.name }}</h1>
        <p class="pt-muted">{{ parents(c.parents) }}</p>
        <div class="pt-card">
          <div class="pt-row"><span>{{ 'home.needsRaised' | ptl }}</span><strong data-testid="portal-community-raised">{{ c.needsRaised }}</strong></div>
          <div class="pt-row"><span>{{ 'home.needsFunded' | ptl }}</span><strong data-testid="portal-community-funded">{{ c.needsFunded }}</strong></div>
          <div class="pt-row"><span>{{ 'community.spent' | ptl }}</span><span class="pt-money" data-testid="portal-community-spent">{{ money(c.spent) }}</span></div>
          <p class="pt-muted">{{ 'community.spentNote' | ptl }}</p>
        </div>
        <section class="pt-card">
          <h2>{{ 'community.projects' | ptl }}</h2>
          <ul class="pt-list">
            @for (p of c.projects; track p.id) {
              <li [attr.data-testid]="'portal-community-project-' + p.id">
                <div class="pt-row"><a [routerLink]="['/public/projects', p.id]">{{ p.title }}</a><span class="pt-money">{{ money(p.spentHere) }}</span></div>
                <div class="pt-muted">{{ p.stage | pcode: 'stage.' }} · {{ 'community.share' | ptl: { here: p.needsHere, total: p.needsTotal } }} · {{ 'projects.paid' | ptl }} {{ money(p.paid) }}</div>
              </li>
            } @empty {
              <li class="pt-muted">{{ 'home.none' | ptl }}</li>
            }
          </ul>
        </section>
        <section class="pt-card">
          <h2>{{ 'community.needs' | ptl }}</h2>
          <ul class="pt-list">
            @for (n of c.needs; track n.id) {
              <li [attr.data-testid]="'portal-community-need-' + n.id">
                <div class="pt-row"><span>{{ n.title }}</span><span class="pt-tag">{{ n.status | pcode: 'needStatus.' }}</span></div>
                <div class="pt-muted">
                  {{ 'project.supports' | ptl: { n: n.supportCount } }} · {{ day(n.raisedAt) }}
                  @if (n.projectId) {
                    · <a [routerLink]="['/public/projects', n.projectId]">{{ 'community.project' | ptl }}</a>
                  }
                </div>
              </li>
            } @empty {
              <li class="pt-muted">{{ 'home.none' | ptl }}</li>
            }
          </ul>
        </section>
      </article>
    } @else if (community.error()) {
      <p class="pt-card" data-testid="portal-not-found">{{ 'notFound' | ptl }}</p>
    } @else {
      <p class="pt-muted">{{ 'loading' | ptl }}</p>
    }
  `,
})
export default class PortalCommunityPage {
  private readonly api = inject(PortalApi);
  readonly id = input.required<string>();
  protected readonly money = yuan;
  protected readonly day = day;
  protected readonly community = portalLoad(
    () => Number(this.id()),
    (params) => this.api.community(params),
  );

  protected parents(list: Array<{ name: string }>): string {
    return list.map((r) => r.name).join(' › ');
  }
}
