import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { day, yuan } from '../components/portal-format';
import { portalLoad } from '../data/portal-load';
import { PortalApi } from '../data/portal.api';
import { PortalCodePipe, PortalTranslatePipe } from '../i18n/portal-i18n';

/** An organisation's public record: grade and validity, contracts won, evaluation grades, exclusions. */
@Component({
  selector: 'dd-portal-organisation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PortalTranslatePipe, PortalCodePipe],
  template: `
    @if (organisation.value(); as o) {
      <article data-testid="portal-organisation-page" [attr.data-organisation]="o.id" [attr.data-status]="o.status">
        <h1>{{ o.name }}</h1>
        <p class="pt-muted">
          {{ o.kind | pcode: 'kind.' }} · {{ o.region.name }} ·
          <span [class]="o.status === 'ACTIVE' ? 'pt-ok' : 'pt-bad'">{{ o.status | pcode: 'status.' }}</span>
        </p>
        <div class="pt-card" data-testid="portal-organisation-grade">
          <h2>{{ 'org.grade' | ptl }}</h2>
          @if (o.grade; as g) {
            <p>
              <strong>{{ g.level }}A</strong>
              <span [class]="g.valid ? 'pt-ok' : 'pt-bad'">
                {{ (g.valid ? 'org.gradeValid' : 'org.gradeExpired') | ptl: { date: g.expiresOn } }}
              </span>
            </p>
          } @else {
            <p class="pt-muted">{{ 'org.noGrade' | ptl }}</p>
          }
        </div>
        <section class="pt-card">
          <h2>{{ 'org.contracts' | ptl }}</h2>
          <p class="pt-muted">{{ 'org.contractsTotal' | ptl: { amount: money(o.contractsTotal) } }}</p>
          <ul class="pt-list">
            @for (c of o.contracts; track c.code) {
              <li>
                <div class="pt-row"><a [routerLink]="['/public/projects', c.projectId]">{{ c.title }}</a><span class="pt-money">{{ money(c.amount) }}</span></div>
                <div class="pt-muted">{{ c.code }} · {{ day(c.signedAt) }}</div>
              </li>
            } @empty {
              <li class="pt-muted">{{ 'home.none' | ptl }}</li>
            }
          </ul>
        </section>
        <section class="pt-card">
          <h2>{{ 'org.evaluations' | ptl }}</h2>
          <ul class="pt-list" data-testid="portal-organisation-evaluations">
            @for (e of o.evaluations; track e.code) {
              <li class="pt-row">
                <span>{{ e.title }} <span class="pt-muted">{{ e.code }} · {{ e.year }}</span></span>
                <span><strong>{{ e.grade | pcode: 'grade.' }}</strong> {{ e.score }}</span>
              </li>
            } @empty {
              <li class="pt-muted">{{ 'home.none' | ptl }}</li>
            }
          </ul>
        </section>
        <section class="pt-card">
          <h2>{{ 'org.exclusions' | ptl }}</h2>
          <ul class="pt-list" data-testid="portal-organisation-exclusions">
            @for (x of o.exclusions; track $index) {
              <li [attr.data-kind]="x.kind">
                <div class="pt-row">
                  <span>{{ x.kind | pcode: 'exclusion.' }}</span>
                  @if (x.inForce) {
                    <span class="pt-bad">{{ 'org.inForce' | ptl }}</span>
                  }
                </div>
                <div class="pt-muted">
                  {{ x.from }} {{ x.until ? ('org.until' | ptl: { date: x.until }) : ('org.untilReinstated' | ptl) }}
                  @if (x.kind === 'BAR') {
                    · {{ 'org.bar' | ptl: { region: x.regionName ?? '', code: x.evaluationCode ?? '', score: x.score ?? '' } }}
                  }
                </div>
              </li>
            } @empty {
              <li class="pt-muted">{{ 'org.noExclusions' | ptl }}</li>
            }
          </ul>
        </section>
      </article>
    } @else if (organisation.error()) {
      <p class="pt-card" data-testid="portal-not-found">{{ 'notFound' | ptl }}</p>
    } @else {
      <p class="pt-muted">{{ 'loading' | ptl }}</p>
    }
  `,
})
export default class PortalOrganisationPage {
  private readonly api = inject(PortalApi);
  readonly id = input.required<string>();
  protected readonly money = yuan;
  protected readonly day = day;
  protected readonly organisation = portalLoad(
    () => Number(this.id()),
    (params) => this.api.organisation(params),
  );
}
