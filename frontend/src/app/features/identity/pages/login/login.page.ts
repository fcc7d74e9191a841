import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { LockOutline, UserOutline } from '@ant-design/icons-angular/icons';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';

import { LargeTextSwitchComponent } from '../../../../core/a11y/large-text-switch.component';
import { AuthService } from '../../../../core/auth/auth.service';
import { describeHttpError } from '../../../../core/http/problem-details';
import { LanguageSwitchComponent } from '../../../../core/i18n/language-switch.component';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { required } from '../../../../shared/validators';

/** Only same-app paths are followed after sign-in (no open redirect). */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/';
}

@Component({
  selector: 'dd-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzFormModule,
    NzInputModule,
    NzButtonModule,
    NzAlertModule,
    NzIconModule,
    TranslatePipe,
    LanguageSwitchComponent,
    LargeTextSwitchComponent,
  ],
  providers: [provideNzIconsPatch([UserOutline, LockOutline])],
  templateUrl: './login.page.html',
  styleUrl: './login.page.css',
})
export default class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly i18n = inject(TranslationService);

  /** From `?returnUrl=` (router input binding). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', required],
    password: ['', required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      for (const control of Object.values(this.form.controls)) control.updateValueAndValidity();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: () => {
        this.submitting.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(this.explain(error));
      },
    });
  }

  /**
   * 401: wrong credentials, an unknown or a locked account — the server answers all three alike (no
   * account discovery), so the text names both possibilities. 429: too many attempts, with how long to wait.
   * Anything else as the problem reads.
   */
  private explain(error: unknown): string {
    const i18n = this.i18n;
    if (!(error instanceof HttpErrorResponse)) return i18n.t('error.title');
    if (error.status === 401) return i18n.t('login.invalidCredentials');
    if (error.status === 429) {
      const seconds = Number(error.headers?.get('Retry-After'));
      return Number.isFinite(seconds) && seconds > 0
        ? i18n.t('login.tooManyAttempts', { minutes: Math.max(1, Math.ceil(seconds / 60)) })
        : i18n.t('error.status.429');
    }
    return describeHttpError(
      error.status,
      error.error,
      (key, params) => i18n.t(key, params),
      (key) => i18n.dynamic(key, '') || null,
    ).detail;
  }
}
