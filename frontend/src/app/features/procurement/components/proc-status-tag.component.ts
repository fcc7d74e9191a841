import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { procStatusColor, ProcStatusKind, STATUS_PREFIXES } from '../data/status';
import { ProcCodePipe } from '../i18n/procurement-i18n';

/** A project, tender, bid or objection status as a coloured tag with its Chinese (or English) label. */
@Component({
  selector: 'dd-proc-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, ProcCodePipe],
  template: `<nz-tag [nzColor]="color()" [attr.data-status]="status()">{{ status() | pc: prefix() }}</nz-tag>`,
})
export class ProcStatusTagComponent {
  readonly kind = input.required<ProcStatusKind>();
  readonly status = input.required<string | null | undefined>();

  protected readonly color = computed(() => procStatusColor(this.kind(), this.status()));
  protected readonly prefix = computed(() => STATUS_PREFIXES[this.kind()]);
}
