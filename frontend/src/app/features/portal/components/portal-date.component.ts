import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { PortalDate } from '../data/portal.types';
import { PortalCodePipe, PortalI18n } from '../i18n/portal-i18n';
import { day, minute } from './portal-format';

/** One date of the chain with the rule that produced it, and whether the actual date kept it. */
@Component({
  selector: 'dd-portal-date',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PortalCodePipe],
  template: `
    @let d = date();
    <div class="pt-row" [attr.data-testid]="'portal-date-' + d.key">
      <span>{{ d.key | pcode: 'date.' }}</span>
      <span class="pt-money">{{ when() }}</span>
    </div>
    <div class="pt-muted pt-rule" [attr.data-rule]="d.rule">
      {{ rule() }}
      @if (d.kept === true) {
        <span class="pt-ok">✓ {{ i18n.t('rule.kept') }}</span>
      } @else if (d.kept === false) {
        <span class="pt-bad">✗ {{ i18n.t('rule.notKept') }}</span>
      }
      @if (d.basis) {
        <details>
          <summary>{{ i18n.t('rule.basis') }}</summary>
          <span lang="zh-CN">{{ d.basis }}</span>
        </details>
      }
    </div>
  `,
  styles: `
    :host { display: block; padding: 6px 0; }
    .pt-rule { font-size: max(13px, var(--dd-text-min)); }
    summary { cursor: pointer; }
  `,
})
export class PortalDateComponent {
  readonly date = input.required<PortalDate>();
  protected readonly i18n = inject(PortalI18n);

  protected readonly when = computed(() => {
    const d = this.date();
    return d.at === null ? '' : /^\d{4}-\d{2}-\d{2}$/.test(d.at) ? d.at : minute(d.at);
  });

  protected readonly rule = computed(() => {
    const d = this.date();
    return this.i18n.code('rule.', d.rule, {
      days: d.days ?? '',
      unit: d.unit ? this.i18n.code('unit.', d.unit) : '',
      from: day(d.from),
      limit: day(d.limit),
    });
  });
}
