import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';

import { OrganisationDocument } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formatInstant } from '../../../shared/dates';
import { Downloads } from '../../../shared/download.service';
import { fileSize } from '../data/documents';
import { OrganisationsApi } from '../data/organisations.api';
import { OrgCodePipe, OrgTranslatePipe } from '../i18n/organisations-i18n';

/** 资质文件: the organisation's documents with a download button (null id = my organisation). */
@Component({
  selector: 'dd-organisation-documents',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzIconModule, NzTableModule, TranslatePipe, OrgTranslatePipe, OrgCodePipe],
  template: `
    <nz-table #table nzSize="small" [nzData]="documents()" [nzShowPagination]="false" [nzNoResult]="'organisations.documents.empty' | ot" data-testid="org-documents-table">
      <thead>
        <tr>
          <th>{{ 'organisations.documents.kind' | ot }}</th>
          <th>{{ 'organisations.documents.fileName' | ot }}</th>
          <th nzAlign="right">{{ 'organisations.documents.size' | ot }}</th>
          <th>{{ 'organisations.documents.uploadedAt' | ot }}</th>
          <th nzWidth="110px">{{ 'common.actions' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (d of table.data; track d.id) {
          <tr [attr.data-testid]="'org-document-' + d.id">
            <td>{{ d.kind | oc: 'documentKind.' }}</td>
            <td>{{ d.fileName }}</td>
            <td nzAlign="right" class="dd-nowrap">{{ size(d.size) }}</td>
            <td class="dd-nowrap">{{ time(d.createdAt) }}</td>
            <td>
              <button nz-button nzSize="small" [nzLoading]="downloading() === d.id" [attr.data-testid]="'org-document-download-' + d.id" (click)="download(d)">
                <nz-icon nzType="download" />{{ 'organisations.documents.download' | ot }}
              </button>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class OrganisationDocumentsComponent {
  private readonly api = inject(OrganisationsApi);
  private readonly downloads = inject(Downloads);
  private readonly i18n = inject(TranslationService);

  readonly documents = input<OrganisationDocument[]>([]);
  /** The organisation, or null for the signed-in member's own. */
  readonly organisationId = input<number | null>(null);

  protected readonly downloading = signal<number | null>(null);
  protected readonly size = fileSize;

  protected time(iso: string): string {
    return formatInstant(iso, this.i18n.lang());
  }

  protected download(d: OrganisationDocument): void {
    this.downloading.set(d.id);
    void this.downloads
      .save(this.api.documentFile(this.organisationId(), d.id, silentErrors()), d.fileName)
      .finally(() => this.downloading.set(null));
  }
}
