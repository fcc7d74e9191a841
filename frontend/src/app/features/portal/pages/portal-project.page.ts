import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { PortalDateComponent } from '../components/portal-date.component';
import { day, yuan } from '../components/portal-format';
import { portalLoad } from '../data/portal-load';
import { PortalApi } from '../data/portal.api';
import { PortalCodePipe, PortalTranslatePipe } from '../i18n/portal-i18n';

/**
 * A project's page along the whole chain — needs → procurement → award → contract → milestones → payments →
 * evaluation — with the money beside each step and each date's rule.
 */
@Component({
  selector: 'dd-portal-project-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PortalDateComponent, PortalTranslatePipe, PortalCodePipe],
  template: `
    @if (project.value(); as p) {
      <article data-testid="portal-project-page" [attr.data-project]="p.id" [attr.data-stage]="p.stage">
        <h1>{{ p.title }}</h1>
        <p class="pt-muted">
          <span class="pt-tag">{{ p.stage | pcode: 'stage.' }}</span>
          {{ p.region.name }} · {{ p.year }} · {{ 'project.item' | ptl }} {{ p.itemName }} × {{ p.quantity }}
        </p>
        <div class="pt-card">
          <div class="pt-row"><span>{{ 'project.estimated' | ptl }}</span><span class="pt-money">{{ money(p.money.estimated) }}</span></div>
          <div class="pt-row"><span>{{ 'project.budgetLine' | ptl }}</span><span>{{ p.budgetSource | pcode: 'source.' }} · {{ p.budgetLine }}</span></div>
          <div class="pt-row"><span>{{ 'project.paidTotal' | ptl }}</span><span class="pt-money" data-testid="portal-project-paid">{{ money(p.money.paid) }}</span></div>
        </div>
        <h2>{{ 'project.chain' | ptl }}</h2>
        <ol class="pt-chain">
          <li class="pt-card" data-testid="portal-step-needs">
            <h3>① {{ 'project.step.needs' | ptl }}</h3>
            <ul class="pt-list">
              @for (n of p.needs; track n.id) {
                <li [attr.data-testid]="'portal-need-' + n.id">
                  <div class="pt-row"><strong>{{ n.title }}</strong><span class="pt-tag">{{ n.status | pcode: 'needStatus.' }}</span></div>
                  <div class="pt-muted">
                    <a [routerLink]="['/public/communities', n.community.id]" [attr.data-testid]="'portal-need-community-' + n.id">{{ n.community.name }}</a>
                    · {{ 'project.supports' | ptl: { n: n.supportCount } }} ·
                    {{ n.raisedBy ? ('project.raisedBy' | ptl: { name: n.raisedBy }) : ('project.anonymous' | ptl) }} · {{ day(n.raisedAt) }}
                  </div>
                </li>
              }
            </ul>
          </li>

          <li class="pt-card" data-testid="portal-step-tender">
            <h3>② {{ 'project.step.tender' | ptl }}</h3>
            @for (t of p.tenders; track t.id) {
              <div [attr.data-testid]="'portal-tender-' + t.id" [attr.data-status]="t.status">
                <div class="pt-row"><strong>{{ t.title }}</strong><span class="pt-tag">{{ t.status | pcode: 'tenderStatus.' }}</span></div>
                <div class="pt-row"><span>{{ t.method | pcode: 'method.' }}<span class="pt-muted" lang="zh-CN"> {{ t.methodName }}</span></span></div>
                <div class="pt-row"><span>{{ 'project.maxPrice' | ptl }}</span><span class="pt-money">{{ money(t.maxPrice) }}</span></div>
                @for (d of t.dates; track d.key) {
                  <dd-portal-date [date]="d" />
                }
                @if (!t.award && (t.status === 'PUBLISHED' || t.status === 'CLOSED')) {
                  <p class="pt-muted">{{ 'project.sealed' | ptl }}</p>
                }
              </div>
            } @empty {
              <p class="pt-muted">{{ 'project.notYet' | ptl }}</p>
            }
          </li>

          <li class="pt-card" data-testid="portal-step-award">
            <h3>③ {{ 'project.step.award' | ptl }}</h3>
            @if (award(); as a) {
              <div class="pt-row">
                <span>{{ 'project.winner' | ptl }} <a [routerLink]="['/public/organisations', a.organisationId]" data-testid="portal-award-organisation">{{ a.organisationName }}</a></span>
                <span class="pt-money" data-testid="portal-award-value">{{ money(a.value) }}</span>
              </div>
              <div class="pt-muted">{{ day(a.noticeAt) }}</div>
            } @else {
              <p class="pt-muted">{{ 'project.notYet' | ptl }}</p>
            }
          </li>

          <li class="pt-card" data-testid="portal-step-contract">
            <h3>④ {{ 'project.step.contract' | ptl }}</h3>
            @if (p.contract; as c) {
              <div class="pt-row"><strong>{{ c.code }}</strong><span class="pt-tag">{{ c.organisationName }}</span></div>
              <div class="pt-row"><span>{{ 'project.contractAmount' | ptl }}</span><span class="pt-money" data-testid="portal-contract-amount">{{ money(c.amount) }}</span></div>
              @if (c.changes !== '0.00') {
                <div class="pt-row"><span>{{ 'project.changes' | ptl }}</span><span class="pt-money">{{ money(c.changes) }}</span></div>
              }
              <div class="pt-row"><span>{{ 'project.term' | ptl }}</span><span>{{ c.termStart }} – {{ c.termEnd }}</span></div>
              @for (d of c.dates; track d.key) {
                <dd-portal-date [date]="d" />
              }
            } @else {
              <p class="pt-muted">{{ 'project.notYet' | ptl }}</p>
            }
          </li>

          <li class="pt-card" data-testid="portal-step-milestones">
            <h3>⑤ {{ 'project.step.milestones' | ptl }}</h3>
            <ul class="pt-list">
              @for (m of p.milestones; track m.seq) {
                <li [attr.data-testid]="'portal-milestone-' + m.seq" [attr.data-status]="m.status">
                  <div class="pt-row"><span>{{ m.seq }}. {{ m.title }}</span><span class="pt-money">{{ money(m.tranche) }}</span></div>
                  <div class="pt-muted">
                    {{ 'project.due' | ptl: { date: m.dueDate } }} · {{ m.status | pcode: 'milestone.' }}
                    @if (m.acceptedAt) {
                      · {{ 'project.acceptedAt' | ptl: { date: day(m.acceptedAt) } }}
                      <span [class]="m.onTime ? 'pt-ok' : 'pt-bad'">{{ (m.onTime ? 'project.onTime' : 'project.late') | ptl }}</span>
                    }
                  </div>
                </li>
              } @empty {
                <li class="pt-muted">{{ 'project.notYet' | ptl }}</li>
              }
            </ul>
          </li>

          <li class="pt-card" data-testid="portal-step-payments">
            <h3>⑥ {{ 'project.step.payments' | ptl }}</h3>
            <ul class="pt-list">
              @for (x of p.payments; track $index) {
                <li [attr.data-testid]="'portal-payment-' + x.seq" [attr.data-status]="x.status">
                  <div class="pt-row"><span>{{ x.seq }}. {{ x.milestoneTitle }}</span><span class="pt-money">{{ money(x.amount) }}</span></div>
                  <div class="pt-muted">
                    {{ x.status | pcode: 'payment.' }}
                    @if (x.finalOutcome) {
                      · {{ x.finalOutcome | pcode: 'outcome.' }}
                    }
                    @if (x.paidAt) {
                      · {{ 'project.paidAt' | ptl: { date: day(x.paidAt) } }}
                    }
                    @if (x.released !== '0.00') {
                      · {{ 'project.released' | ptl }} {{ money(x.released) }}
                    }
                  </div>
                  <dd-portal-date [date]="x.date" />
                </li>
              } @empty {
                <li class="pt-muted">{{ 'project.notYet' | ptl }}</li>
              }
            </ul>
          </li>

          <li class="pt-card" data-testid="portal-step-evaluation">
            <h3>⑦ {{ 'project.step.evaluation' | ptl }}</h3>
            @for (e of p.evaluations; track e.code) {
              <div class="pt-row" [attr.data-testid]="'portal-evaluation-' + e.kind" [attr.data-grade]="e.grade">
                <span>{{ e.kind | pcode: 'evalKind.' }} {{ e.code }} · {{ day(e.publishedAt) }}</span>
                <span><strong>{{ e.grade | pcode: 'grade.' }}</strong> {{ 'project.score' | ptl: { score: e.score } }}</span>
              </div>
            } @empty {
              <p class="pt-muted">{{ 'project.notYet' | ptl }}</p>
            }
            @if (p.satisfaction; as s) {
              <p data-testid="portal-satisfaction-rate">{{ 'project.satisfaction' | ptl: { rate: s.rate ?? '—', n: s.answers } }}</p>
            }
          </li>
        </ol>
      </article>
    } @else if (project.error()) {
      <p class="pt-card" data-testid="portal-not-found">{{ 'notFound' | ptl }}</p>
    } @else {
      <p class="pt-muted">{{ 'loading' | ptl }}</p>
    }
  `,
  styles: `
    .pt-chain { list-style: none; margin: 0; padding: 0; }
    h3 { font-size: 16px; margin: 0 0 6px; }
  `,
})
export default class PortalProjectPage {
  private readonly api = inject(PortalApi);
  readonly id = input.required<string>();
  protected readonly money = yuan;
  protected readonly day = day;
  protected readonly project = portalLoad(
    () => Number(this.id()),
    (params) => this.api.project(params),
  );
  protected readonly award = computed(
    () => [...(this.project.value()?.tenders ?? [])].reverse().find((t) => t.award !== null)?.award ?? null,
  );
}
