import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { AccessibleNamesService } from './core/a11y/accessible-names.service';
import { LargeTextService } from './core/a11y/large-text.service';

@Component({
  selector: 'dd-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class AppComponent {
  /** Applies the remembered large-text mode (适老模式) before the first page shows. */
  protected readonly largeText = inject(LargeTextService);
  /** Names the controls ng-zorro renders without one (pagination, row expanders, scroll areas). */
  protected readonly names = inject(AccessibleNamesService);
}
