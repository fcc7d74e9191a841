import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { InboxBadgeComponent } from '../../features/notifications';
import { LargeTextSwitchComponent } from '../a11y/large-text-switch.component';
import { AuthService } from '../auth/auth.service';
import { LanguageSwitchComponent } from '../i18n/language-switch.component';
import { TranslateCodePipe, TranslatePipe } from '../i18n/translate.pipe';
import { SHELL_ICONS } from './icons';
import { MENU, visibleMenu } from './menu';

/** The signed-in frame: role-aware side menu, header with the user, language switch and sign-out. */
@Component({
  selector: 'dd-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzButtonModule,
    NzTagModule,
    TranslatePipe,
    TranslateCodePipe,
    LanguageSwitchComponent,
    InboxBadgeComponent,
    LargeTextSwitchComponent,
  ],
  providers: [provideNzIconsPatch(SHELL_ICONS)],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly me = this.auth.me;
  protected readonly menu = computed(() => visibleMenu(MENU, this.auth.permissions()));
  protected readonly hasInbox = computed(() => this.auth.permissions().includes(PERMISSIONS.INBOX_READ));
  /** Below the `md` breakpoint the sider hides completely (and closes again after a click). */
  protected readonly collapsed = signal(false);

  protected onBreakpoint(collapsed: boolean): void {
    this.collapsed.set(collapsed);
  }

  protected toggle(): void {
    this.collapsed.update((c) => !c);
  }

  protected navigated(): void {
    if (typeof window !== 'undefined' && window.matchMedia('(max-width: 767.98px)').matches) this.collapsed.set(true);
  }

  protected logout(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/login'));
  }
}
