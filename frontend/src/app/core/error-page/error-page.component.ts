import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

import { TranslatePipe } from '../i18n/translate.pipe';

/** 403 / 404: the status comes from the route's data. */
@Component({
  selector: 'dd-error-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzResultModule, NzButtonModule, RouterLink, TranslatePipe],
  template: `
    <nz-result
      [nzStatus]="status() === 403 ? '403' : '404'"
      [nzTitle]="status() === 403 ? '403' : '404'"
      [nzSubTitle]="(status() === 403 ? 'errorPage.403' : 'errorPage.404') | t"
      [attr.data-testid]="'error-' + status()"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ 'errorPage.home' | t }}</a>
      </div>
    </nz-result>
  `,
})
export class ErrorPageComponent {
  readonly status = input<403 | 404>(404);
}
