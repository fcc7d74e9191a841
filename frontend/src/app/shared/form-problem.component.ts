import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';

import type { FormProblem } from './form-problem';

/**
 * Why a submit was refused, above the form that keeps what was typed: the problem, then each field's
 * message. Announced to screen readers when it appears (role="alert").
 */
@Component({
  selector: 'dd-form-problem',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule],
  template: `
    @if (problem(); as p) {
      <div role="alert" class="dd-form-alert" data-testid="form-problem" [attr.data-status]="p.status">
        <nz-alert nzType="error" nzShowIcon [nzMessage]="p.detail" [nzDescription]="p.lines.length > 0 ? lines : null" />
        <ng-template #lines>
          @for (line of p.lines; track $index) {
            <div data-testid="form-problem-line">{{ line }}</div>
          }
        </ng-template>
      </div>
    }
  `,
})
export class FormProblemComponent {
  readonly problem = input<FormProblem | null>(null);
}
