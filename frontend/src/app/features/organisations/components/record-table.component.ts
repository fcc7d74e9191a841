import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit } from '@angular/core';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { OrganisationRecord } from '../../../api';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formatInstant } from '../../../shared/dates';
import { MoneyPipe } from '../../../shared/money.pipe';
import { PagedList } from '../../../shared/paged-list';
import { OrganisationsApi } from '../data/organisations.api';
import { recordColor } from '../data/record';
import { OrgCodePipe, OrgTranslatePipe } from '../i18n/organisations-i18n';

/** 业绩档案: the organisation's append-only performance record, newest first (null id = my organisation). */
@Component({
  selector: 'dd-organisation-record',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTableModule, NzTagModule, MoneyPipe, OrgTranslatePipe, OrgCodePipe],
  template: `
    <nz-table
      #table
      data-testid="org-record-table"
      nzSize="small"
      [nzData]="list.items()"
      [nzTotal]="list.total()"
      [nzPageIndex]="list.page()"
      [nzPageSize]="list.pageSize()"
      [nzFrontPagination]="false"
      [nzLoading]="list.loading()"
      [nzNoResult]="'organisations.record.empty' | ot"
      (nzPageIndexChange)="list.goTo($event)"
      (nzPageSizeChange)="list.resize($event)"
    >
      <thead>
        <tr>
          <th nzWidth="170px">{{ 'organisations.record.at' | ot }}</th>
          <th nzWidth="110px">{{ 'organisations.record.kind' | ot }}</th>
          <th>{{ 'organisations.record.summary' | ot }}</th>
          <th nzWidth="90px">{{ 'organisations.record.grade' | ot }}</th>
          <th nzAlign="right" nzWidth="130px">{{ 'organisations.record.amount' | ot }}</th>
        </tr>
      </thead>
      <tbody>
        @for (r of table.data; track r.id) {
          <tr [attr.data-testid]="'org-record-' + r.id" [attr.data-kind]="r.kind">
            <td class="dd-nowrap">{{ time(r.createdAt) }}</td>
            <td><nz-tag [nzColor]="color(r.kind)">{{ r.kind | oc: 'recordKind.' }}</nz-tag></td>
            <td>{{ r.summary }}</td>
            <td>{{ r.gradeLabel }}</td>
            <td class="dd-nowrap" nzAlign="right">{{ r.amount | money }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class OrganisationRecordComponent implements OnInit {
  private readonly api = inject(OrganisationsApi);
  private readonly i18n = inject(TranslationService);

  /** The organisation, or null for the signed-in member's own. */
  readonly organisationId = input<number | null>(null);

  protected readonly color = recordColor;
  protected readonly list = new PagedList<OrganisationRecord>(
    (page, pageSize) => this.api.record(this.organisationId(), page, pageSize),
    inject(DestroyRef),
  );

  ngOnInit(): void {
    this.list.load();
  }

  protected time(iso: string): string {
    return formatInstant(iso, this.i18n.lang());
  }
}
