import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { TranslateCodePipe } from '../core/i18n/translate.pipe';
import { statusColor, StatusKind, statusPrefix } from './status';

/** A need, campaign, catalogue version, budget line or adjustment status as a coloured tag in the user's language. */
@Component({
  selector: 'dd-status-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, TranslateCodePipe],
  template: `<nz-tag [nzColor]="color()" [attr.data-status]="status()">{{ status() | tr: prefix() }}</nz-tag>`,
})
export class StatusTagComponent {
  readonly kind = input.required<StatusKind>();
  readonly status = input.required<string | null | undefined>();

  protected readonly color = computed(() => statusColor(this.kind(), this.status()));
  protected readonly prefix = computed(() => statusPrefix(this.kind()));
}
