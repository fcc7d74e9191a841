import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';

import { barWidths, POINTS_BEST_FIRST, scaleOf } from '../data/survey-logic';
import { SurveyFigures } from '../data/surveys.api';
import { SurveyCodePipe, SurveyTranslatePipe } from '../i18n/survey-i18n';

/**
 * A survey's figures as every reader sees them (the evaluated organisation included): answers of eligible residents,
 * response and satisfaction rates, each question's distribution and mean, and the anonymous comments. Nothing here
 * says who answered what.
 */
@Component({
  selector: 'dd-survey-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, SurveyTranslatePipe, SurveyCodePipe],
  template: `
    @let f = figures();
    <dl class="dd-stats" data-testid="survey-figures">
      <div class="dd-stat">
        <dt>{{ 'survey.figures.answers' | sv }}</dt>
        <dd data-testid="survey-figures-answers">{{ f.answers }}</dd>
        @if (f.proxied > 0) {
          <dd class="dd-muted dd-stat-note">{{ 'survey.figures.proxied' | sv: { n: f.proxied } }}</dd>
        }
      </div>
      <div class="dd-stat">
        <dt>{{ 'survey.figures.eligible' | sv }}</dt>
        <dd data-testid="survey-figures-eligible">{{ f.eligible }}</dd>
      </div>
      <div class="dd-stat">
        <dt>{{ 'survey.figures.responseRate' | sv }}</dt>
        <dd data-testid="survey-figures-response">{{ f.responseRate === null ? '—' : f.responseRate + '%' }}</dd>
      </div>
      <div class="dd-stat">
        <dt>{{ 'survey.figures.satisfactionRate' | sv }}</dt>
        <dd data-testid="survey-figures-satisfaction">{{ f.satisfactionRate === null ? '—' : f.satisfactionRate + '%' }}</dd>
        <dd class="dd-muted dd-stat-note">{{ 'survey.figures.satisfied' | sv: { n: f.satisfied } }}</dd>
      </div>
    </dl>
    @if (f.insufficient) {
      <nz-alert nzType="warning" nzShowIcon [nzMessage]="'survey.figures.insufficient' | sv: { minimum: f.minimum }" data-testid="survey-figures-insufficient" />
    }
    @if (f.answers === 0) {
      <p class="dd-muted">{{ 'survey.figures.none' | sv }}</p>
    } @else {
      <table class="dd-dist" data-testid="survey-distribution">
        <caption class="dd-muted">{{ 'survey.figures.anonymous' | sv }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ 'survey.figures.question' | sv }}</th>
            @for (p of points; track p) {
              <th scope="col" class="dd-num">{{ p | svc: 'survey.scale.SATISFACTION.' }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (q of f.questions; track q.key) {
            <tr [attr.data-testid]="'survey-dist-' + q.key">
              <th scope="row">
                {{ q.key | svc: 'survey.qShort.' }}
                @if (q.mean) {
                  <div class="dd-muted">{{ 'survey.figures.mean' | sv: { mean: q.mean } }}</div>
                }
              </th>
              @for (p of points; track p) {
                <td class="dd-num" [attr.title]="'survey.figures.count' | sv: { label: (p | svc: 'survey.scale.' + scale(q.key) + '.'), n: q.counts[p - 1] }">
                  {{ q.counts[p - 1] }}
                  <span class="dd-bar" aria-hidden="true"><span [style.width.%]="widths(q.counts)[p - 1]"></span></span>
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    }
    <h3 class="dd-comments-title">{{ 'survey.figures.comments' | sv }}</h3>
    @if (f.comments.length === 0) {
      <p class="dd-muted">{{ 'survey.figures.noComments' | sv }}</p>
    } @else {
      <ul class="dd-comments" data-testid="survey-comments">
        @for (c of f.comments; track $index) {
          <li>{{ c }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .dd-stats {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 12px;
      margin: 0 0 16px;
    }
    .dd-stat {
      padding: 12px;
      background: #fafafa;
      border-radius: 8px;
    }
    .dd-stat dt {
      color: var(--dd-text-secondary);
    }
    .dd-stat dd {
      margin: 0;
      font-size: 24px;
      font-weight: 600;
    }
    .dd-stat dd.dd-stat-note {
      font-size: max(13px, var(--dd-text-min));
      font-weight: normal;
    }
    nz-alert {
      margin-bottom: 16px;
    }
    .dd-dist {
      width: 100%;
      margin-bottom: 16px;
      border-collapse: collapse;
    }
    .dd-dist caption {
      caption-side: bottom;
      padding-top: 6px;
      text-align: left;
    }
    .dd-dist th,
    .dd-dist td {
      padding: 6px 8px;
      border-bottom: 1px solid #f0f0f0;
      text-align: left;
      font-weight: normal;
    }
    .dd-dist thead th {
      color: var(--dd-text-secondary);
    }
    .dd-dist .dd-num {
      text-align: right;
      white-space: nowrap;
    }
    .dd-bar {
      display: block;
      height: 4px;
      margin-top: 2px;
      background: #f0f0f0;
    }
    .dd-bar span {
      display: block;
      height: 4px;
      background: var(--dd-primary);
    }
    .dd-comments {
      padding-left: 20px;
    }
    .dd-comments li {
      margin-bottom: 6px;
      word-break: break-word;
    }
    .dd-comments-title {
      font-size: 16px;
    }
  `,
})
export class SurveyFiguresComponent {
  readonly figures = input.required<SurveyFigures>();
  protected readonly points = POINTS_BEST_FIRST;
  protected readonly scale = scaleOf;
  protected readonly widths = barWidths;
}
