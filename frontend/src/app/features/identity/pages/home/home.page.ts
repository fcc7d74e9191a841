import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AuthService } from '../../../../core/auth/auth.service';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { OrganisationStatusBannerComponent } from '../../../organisations';

/**
 * Who am I: name, roles, region, organisation and permissions, straight from `/me`. A member whose
 * organisation is not ACTIVE (under review, returned, suspended, blacklisted) sees its status first.
 */
@Component({
  selector: 'dd-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NzCardModule,
    NzDescriptionsModule,
    NzTagModule,
    RouterLink,
    TranslatePipe,
    TranslateCodePipe,
    OrganisationStatusBannerComponent,
  ],
  templateUrl: './home.page.html',
  styles: `
    .dd-perm-code {
      margin-left: 4px;
      color: var(--dd-text-secondary);
      font-size: max(12px, var(--dd-text-min));
    }
    .dd-notify-link {
      margin: 12px 0 0;
    }
    .dd-permissions {
      margin-top: 16px;
    }
    .dd-tags {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 0;
    }
  `,
})
export default class HomePage {
  protected readonly me = inject(AuthService).me;
  protected readonly permissions = inject(AuthService).permissions;
}
