import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';

import { TranslatePipe } from '../i18n/translate.pipe';
import { LargeTextService } from './large-text.service';

/** The 适老模式 switch: a toggle button (aria-pressed), on the login page and in the side menu. */
@Component({
  selector: 'dd-large-text-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, TranslatePipe],
  template: `
    <button
      nz-button
      type="button"
      class="dd-large-switch"
      [class.dd-large-switch-dark]="dark()"
      [nzType]="large.enabled() ? 'primary' : 'default'"
      [attr.aria-pressed]="large.enabled()"
      [attr.title]="'largeText.hint' | t"
      data-testid="large-text-toggle"
      (click)="large.toggle()"
    >
      <span aria-hidden="true" class="dd-large-switch-mark">大</span>
      {{ 'largeText.label' | t }}
    </button>
  `,
  styles: `
    .dd-large-switch-mark {
      display: inline-block;
      margin-right: 6px;
      font-weight: 700;
    }
    .dd-large-switch-dark:not(.ant-btn-primary) {
      border-color: rgba(255, 255, 255, 0.65);
      background: transparent;
      color: #fff;
    }
  `,
})
export class LargeTextSwitchComponent {
  protected readonly large = inject(LargeTextService);
  /** On the dark side menu. */
  readonly dark = input(false);
}
