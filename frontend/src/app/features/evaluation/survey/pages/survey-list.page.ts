import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { formatDeadline } from '../../../../shared/dates';
import { PagedList } from '../../../../shared/paged-list';
import { SurveyListStatus, SurveyMode, SurveyRow, SurveysApi } from '../data/surveys.api';
import { SurveyCodePipe, SurveyTranslatePipe } from '../i18n/survey-i18n';

/**
 * 满意度调查, the list (`/evaluation/surveys` for the officer and the readers of results, `/community/surveys` for the
 * community worker): the projects with a signed contract in my scope and their surveys — open first, then those
 * not opened yet, then closed — with answers, eligible residents and the response rate.
 */
@Component({
  selector: 'dd-survey-list-page',
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
    NzTagModule,
    TranslatePipe,
    SurveyTranslatePipe,
    SurveyCodePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'survey.list.title' | sv }}</h1>
      </header>
      <p class="dd-muted">{{ (mode() === 'worker' ? 'survey.list.hintWorker' : 'survey.list.hintStaff') | sv }}</p>
      <form class="dd-filters" [formGroup]="filters" (ngSubmit)="list.first()" data-testid="surveys-filters">
        <nz-select class="dd-filter" nzAllowClear formControlName="status" [nzPlaceHolder]="'survey.filter.status' | sv" [ddName]="'survey.filter.status' | sv" data-testid="surveys-filter-status">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="s | svc: 'survey.status.'" />
          }
        </nz-select>
        <input nz-input class="dd-filter-wide" formControlName="q" maxlength="50" [placeholder]="'survey.filter.q' | sv" [attr.aria-label]="'survey.filter.q' | sv" data-testid="surveys-filter-q" />
        <button nz-button nzType="primary" type="submit" data-testid="surveys-search"><nz-icon nzType="search" />{{ 'common.search' | t }}</button>
      </form>
      <nz-table
        #table
        data-testid="surveys-table"
        nzSize="small"
        nzShowSizeChanger
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzNoResult]="'survey.list.empty' | sv"
        (nzPageIndexChange)="list.goTo($event)"
        (nzPageSizeChange)="list.resize($event)"
      >
        <thead>
          <tr>
            <th>{{ 'survey.col.project' | sv }}</th>
            <th>{{ 'survey.col.organisation' | sv }}</th>
            <th>{{ 'survey.col.status' | sv }}</th>
            <th>{{ 'survey.col.closesAt' | sv }}</th>
            <th nzAlign="right">{{ 'survey.col.answers' | sv }}</th>
            <th nzAlign="right">{{ 'survey.col.responseRate' | sv }}</th>
            <th>{{ 'survey.col.actions' | sv }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of table.data; track r.id) {
            <tr [attr.data-testid]="'survey-row-' + r.id">
              <td>
                {{ r.projectTitle }}
                <div class="dd-muted">{{ r.regionName }} · {{ r.contractCode }}</div>
              </td>
              <td>{{ r.organisationName }}</td>
              <td>
                <nz-tag [nzColor]="color(r)" [attr.data-status]="r.survey?.status ?? 'NONE'">{{ (r.survey?.status ?? 'NONE') | svc: 'survey.status.' }}</nz-tag>
              </td>
              <td>{{ r.survey ? deadline(r.survey.closesAt) : '' }}</td>
              <td nzAlign="right">{{ r.survey ? r.survey.answers + ' / ' + r.survey.eligible : '' }}</td>
              <td nzAlign="right">{{ r.survey?.responseRate ? r.survey!.responseRate + '%' : '' }}</td>
              <td>
                <a [routerLink]="[r.id]" [attr.data-testid]="'survey-view-' + r.id">{{ (r.survey ? 'survey.action.view' : 'survey.action.start') | sv }}</a>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>
  `,
})
export default class SurveyListPage implements OnInit {
  private readonly api = inject(SurveysApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  /** From the route's data: the community worker's list; absent (undefined) on the officer's and readers' route. */
  readonly mode = input<SurveyMode, SurveyMode | undefined>('staff', { transform: (m) => m ?? 'staff' });

  protected readonly statuses: SurveyListStatus[] = ['OPEN', 'NONE', 'CLOSED'];
  protected readonly filters = this.fb.group({
    status: this.fb.control<SurveyListStatus | null>(null),
    q: this.fb.control(''),
  });
  protected readonly list = new PagedList<SurveyRow>(
    (page, pageSize) =>
      this.api.list(this.mode(), {
        page,
        pageSize,
        status: this.filters.getRawValue().status,
        q: this.filters.getRawValue().q.trim() || null,
      }),
    this.destroyRef,
  );
  protected readonly deadline = formatDeadline;

  ngOnInit(): void {
    this.list.load();
  }

  protected color(r: SurveyRow): string | undefined {
    if (r.survey === null) return undefined;
    return r.survey.status === 'OPEN' ? 'green' : 'blue';
  }
}
