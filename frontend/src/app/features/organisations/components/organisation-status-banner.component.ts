import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';

import type { OrganisationStatus } from '../../../api';
import { Banner, bannerOf } from '../data/status-banner';
import { OrgTranslatePipe } from '../i18n/organisations-i18n';

/**
 * What a member is told while their organisation is not ACTIVE: under review, returned (with the
 * officer's reasons), suspended, or blacklisted until a date. Nothing for an ACTIVE organisation.
 */
@Component({
  selector: 'dd-organisation-status-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, RouterLink, OrgTranslatePipe],
  template: `
    @if (banner(); as b) {
      <nz-alert
        class="dd-org-banner"
        nzShowIcon
        [nzType]="b.type"
        [nzMessage]="b.title | ot"
        [nzDescription]="description"
        [attr.data-testid]="'org-status-banner'"
        [attr.data-status]="status()"
      />
      <ng-template #description>
        <div>{{ b.hint | ot: { until: until() ?? "" } }}</div>
        @if (reason()) {
          <div data-testid="org-status-reason">{{ 'organisations.banner.reason' | ot }}{{ reason() }}</div>
        }
        @if (link()) {
          <a routerLink="/my/organisation">{{ 'organisations.banner.open' | ot }}</a>
        }
      </ng-template>
    }
  `,
  styles: `
    .dd-org-banner {
      margin-bottom: 16px;
    }
  `,
})
export class OrganisationStatusBannerComponent {
  readonly status = input<OrganisationStatus | null | undefined>(null);
  readonly reason = input<string | null>(null);
  /** The last day of a blacklisting, `YYYY-MM-DD`. */
  readonly until = input<string | null>(null);
  /** Show a link to the 我的机构 page (in the shell, not on the page itself). */
  readonly link = input(false);

  protected readonly banner = computed<Banner | null>(() => bannerOf(this.status()));
}
