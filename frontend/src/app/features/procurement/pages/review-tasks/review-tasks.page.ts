import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { map } from 'rxjs';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { silentErrors } from '../../../../core/http/http-context';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline } from '../../../../shared/dates';
import { PagedList } from '../../../../shared/paged-list';
import { ProcStatusTagComponent } from '../../components/proc-status-tag.component';
import { inlineProblem } from '../../data/errors';
import { ObjectionsApi } from '../../data/objections.api';
import { Affiliation, AffiliationKind, DeclareRelationshipRequest, Tender } from '../../data/procurement.types';
import { TendersApi } from '../../data/tenders.api';
import { InlineProblem, ProcCodePipe, ProcTranslatePipe, ProcurementI18n } from '../../i18n/procurement-i18n';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 评审任务 (experts): the tenders I sit on, and my declared affiliations (回避) that keep me off conflicting committees. */
@Component({
  selector: 'dd-review-tasks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    ProcStatusTagComponent,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'review.title' | pt }}</h1>
        <button nz-button (click)="list.load()"><nz-icon nzType="reload" />{{ 'common.refresh' | pt }}</button>
      </header>
      <nz-table
        #table
        data-testid="review-table"
        nzSize="middle"
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzNoResult]="'review.empty' | pt"
        (nzPageIndexChange)="list.goTo($event)"
      >
        <thead>
          <tr>
            <th>{{ 'tender.title' | pt }}</th>
            <th>{{ 'tender.method' | pt }}</th>
            <th>{{ 'tender.bidDeadline' | pt }}</th>
            <th>{{ 'common.status' | pt }}</th>
            <th>{{ 'common.actions' | pt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (t of table.data; track t.id) {
            <tr [attr.data-testid]="'review-row-' + t.id" [attr.data-status]="t.status" [attr.data-title]="t.title">
              <td>{{ t.title }}</td>
              <td>{{ t.method | pc: 'method.' }}</td>
              <td class="dd-nowrap">{{ deadline(t.bidDeadline) }}</td>
              <td><dd-proc-status kind="tender" [status]="t.status" /></td>
              <td>
                <a nz-button nzSize="small" [nzType]="t.status === 'EVALUATING' ? 'primary' : 'default'" [routerLink]="['/procurement/reviews', t.id]" [attr.data-testid]="'review-open-' + t.id">
                  {{ (t.status === 'EVALUATING' ? 'review.score' : 'review.view') | pt }}
                </a>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>

      <nz-card class="dd-affiliations" [nzTitle]="'affiliation.title' | pt" data-testid="affiliations">
        <p class="dd-muted">{{ 'affiliation.hint' | pt }}</p>
        <nz-table #aff nzSize="small" [nzData]="affiliations()" [nzShowPagination]="false" [nzFrontPagination]="false" [nzNoResult]="'affiliation.none' | pt">
          <thead>
            <tr>
              <th>{{ 'bid.organisation' | pt }}</th>
              <th>{{ 'affiliation.kind' | pt }}</th>
              <th>{{ 'affiliation.period' | pt }}</th>
              <th>{{ 'affiliation.note' | pt }}</th>
            </tr>
          </thead>
          <tbody>
            @for (a of aff.data; track a.id) {
              <tr [attr.data-testid]="'affiliation-' + a.id">
                <td>{{ a.organisationName }}</td>
                <td>{{ a.kind | pc: 'affiliationKind.' }}</td>
                <td>{{ a.startedOn ?? '…' }} – {{ a.endedOn ?? ('affiliation.now' | pt) }}</td>
                <td>{{ a.note }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
        <h3 class="dd-sub">{{ 'affiliation.declare' | pt }}</h3>
        @if (problem(); as p) {
          <nz-alert class="dd-form-alert" nzType="error" nzShowIcon [nzMessage]="p.detail" [nzDescription]="p.fieldErrors.join('; ')" data-testid="affiliation-error" />
        }
        <div class="dd-filters">
          <nz-select
            class="dd-filter-wide"
            nzShowSearch
            nzServerSearch
            nzAllowClear
            [nzPlaceHolder]="'affiliation.organisationId' | pt"
            [(ngModel)]="organisationId"
            (nzOnSearch)="searchOrganisations($event)"
            data-testid="affiliation-org" [ddName]="'affiliation.organisationId' | pt"
          >
            @for (o of organisationOptions(); track o.id) {
              <nz-option [nzValue]="o.id" [nzLabel]="o.name" />
            }
          </nz-select>
          <nz-select class="dd-filter" [(ngModel)]="kind" data-testid="affiliation-kind" [ddName]="'affiliation.kind' | pt">
            @for (k of kinds; track k) {
              <nz-option [nzValue]="k" [nzLabel]="k | pc: 'affiliationKind.'" />
            }
          </nz-select>
          <input nz-input class="dd-filter" type="date" [(ngModel)]="startedOn" [title]="'affiliation.startedOn' | pt" [attr.aria-label]="'affiliation.startedOn' | pt" data-testid="affiliation-started" />
          <input nz-input class="dd-filter" type="date" [(ngModel)]="endedOn" [title]="'affiliation.endedOn' | pt" [attr.aria-label]="'affiliation.endedOn' | pt" data-testid="affiliation-ended" />
          <input nz-input class="dd-filter-wide" maxlength="255" [(ngModel)]="note" [placeholder]="'affiliation.note' | pt" data-testid="affiliation-note" [attr.aria-label]="'affiliation.note' | pt" />
          <button nz-button nzType="primary" [disabled]="!valid()" [nzLoading]="busy()" (click)="declare()" data-testid="affiliation-submit">
            {{ 'affiliation.submit' | pt }}
          </button>
        </div>
      </nz-card>
    </section>
  `,
  styles: `
    .dd-affiliations {
      display: block;
      margin-top: 24px;
    }
    .dd-sub {
      margin: 16px 0 8px;
      font-size: 15px;
    }
  `,
})
export default class ReviewTasksPage implements OnInit {
  private readonly api = inject(TendersApi);
  private readonly objectionsApi = inject(ObjectionsApi);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  /**
   * Experts get only the tenders they sit on; an officer (who may sit as the purchaser's
   * representative) gets every tender of the area, each with `onCommittee`: only those count here.
   */
  protected readonly list = new PagedList<Tender>(
    (page, pageSize) =>
      this.api.list({ page, pageSize }).pipe(
        map((result) => {
          const items = result.items.filter((t) => t.onCommittee !== false);
          return { ...result, items, total: items.length === result.items.length ? result.total : items.length };
        }),
      ),
    this.destroyRef,
  );
  protected readonly affiliations = signal<Affiliation[]>([]);
  protected readonly kinds: AffiliationKind[] = ['EMPLOYMENT', 'DECLARED'];
  protected readonly busy = signal(false);
  protected readonly problem = signal<InlineProblem | null>(null);
  protected organisationId: number | null = null;
  protected readonly organisationOptions = signal<Array<{ id: number; name: string }>>([]);
  protected kind: AffiliationKind = 'DECLARED';
  protected startedOn = '';
  protected endedOn = '';
  protected note = '';

  ngOnInit(): void {
    this.list.pageSize.set(100);
    this.list.load();
    this.loadAffiliations();
  }

  private loadAffiliations(): void {
    this.objectionsApi
      .affiliations()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) => this.affiliations.set(list));
  }

  protected searchOrganisations(q: string): void {
    const text = q.trim();
    if (text.length === 0) return;
    this.objectionsApi
      .searchOrganisations(text)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) => this.organisationOptions.set(list));
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }

  protected valid(): boolean {
    const id = this.organisationId;
    return (
      id !== null &&
      Number.isInteger(id) &&
      id > 0 &&
      (!this.startedOn || DATE.test(this.startedOn)) &&
      (!this.endedOn || DATE.test(this.endedOn))
    );
  }

  protected declare(): void {
    if (!this.valid() || this.organisationId === null) return;
    const body: DeclareRelationshipRequest = { organisationId: this.organisationId, kind: this.kind };
    if (this.startedOn) body.startedOn = this.startedOn;
    if (this.endedOn) body.endedOn = this.endedOn;
    if (this.note.trim()) body.note = this.note.trim();
    this.busy.set(true);
    this.problem.set(null);
    this.objectionsApi.declare(body, silentErrors()).subscribe({
      next: () => {
        this.busy.set(false);
        this.organisationId = null;
        this.startedOn = '';
        this.endedOn = '';
        this.note = '';
        this.message.success(this.i18n.t('affiliation.saved'));
        this.loadAffiliations();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }
}
