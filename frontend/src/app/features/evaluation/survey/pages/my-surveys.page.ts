import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { formatDeadline } from '../../../../shared/dates';
import { MySurvey, SurveysApi } from '../data/surveys.api';
import { SurveyTranslatePipe } from '../i18n/survey-i18n';

/** 满意度调查, the resident's list (`/my/surveys`): the surveys I may answer or have answered, open ones first. */
@Component({
  selector: 'dd-my-surveys-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzEmptyModule, NzSpinModule, NzTagModule, SurveyTranslatePipe],
  template: `
    <section class="dd-page dd-narrow dd-resident">
      <header class="dd-page-head">
        <h1>{{ 'survey.mine.title' | sv }}</h1>
      </header>
      <nz-spin [nzSpinning]="loading()">
        <ul class="dd-my-surveys" data-testid="my-surveys">
          @for (s of items(); track s.token) {
            <li class="dd-my-survey" [attr.data-testid]="'my-survey-' + s.token">
              <div class="dd-my-survey-title">{{ s.projectTitle }}</div>
              <div class="dd-muted">{{ s.organisationName }}</div>
              <div class="dd-my-survey-meta">
                @if (s.status === 'CLOSED') {
                  <nz-tag>{{ 'survey.mine.closed' | sv }}</nz-tag>
                } @else if (s.answered) {
                  <nz-tag nzColor="green">{{ 'survey.mine.answered' | sv }}</nz-tag>
                } @else {
                  <nz-tag nzColor="blue">{{ 'survey.mine.toAnswer' | sv }}</nz-tag>
                }
                @if (s.status === 'OPEN') {
                  <span class="dd-muted">{{ 'survey.closesAt' | sv: { deadline: deadline(s.closesAt) } }}</span>
                }
              </div>
              <a
                nz-button
                nzSize="large"
                nzBlock
                [nzType]="s.status === 'OPEN' && !s.answered ? 'primary' : 'default'"
                [routerLink]="s.link"
                [attr.data-testid]="'my-survey-open-' + s.token"
              >
                {{ (s.status === 'OPEN' && !s.answered ? 'survey.mine.open' : 'survey.mine.view') | sv }}
              </a>
            </li>
          }
        </ul>
        @if (!loading() && items().length === 0) {
          <nz-empty [nzNotFoundContent]="'survey.mine.empty' | sv" data-testid="my-surveys-empty" />
        }
      </nz-spin>
    </section>
  `,
  styles: `
    .dd-my-surveys {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .dd-my-survey {
      margin-bottom: 12px;
      padding: 16px;
      background: #fff;
      border-radius: 10px;
    }
    .dd-my-survey-title {
      font-size: max(17px, var(--dd-text-min));
      font-weight: 600;
    }
    .dd-my-survey-meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 8px 0 12px;
    }
  `,
})
export default class MySurveysPage implements OnInit {
  private readonly api = inject(SurveysApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly items = signal<MySurvey[]>([]);
  protected readonly loading = signal(true);
  protected readonly deadline = formatDeadline;

  ngOnInit(): void {
    this.api
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (items) => {
          this.items.set(items);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }
}
