import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';

import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { describeHttpError } from '../../../../core/http/problem-details';
import { LanguageSwitchComponent } from '../../../../core/i18n/language-switch.component';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { AccountApi } from '../../data/account.api';
import {
  mustChangePassword,
  PASSWORD_MIN,
  passwordFormProblems,
  PasswordFormValue,
  toChangePasswordRequest,
} from '../../data/password-form';

/**
 * 修改密码: from the user menu, or — after an administrator reset the password — the only page that opens
 * until a new password is chosen (the temporary one is the "current password"). What was typed stays after a
 * refused submit; on success every other session of the user ends.
 */
@Component({
  selector: 'dd-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    TranslatePipe,
    LanguageSwitchComponent,
  ],
  templateUrl: './password.page.html',
  styleUrl: '../login/login.page.css',
})
export default class PasswordPage {
  private readonly auth = inject(AuthService);
  private readonly account = inject(AccountApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(TranslationService);
  private readonly message = inject(NzMessageService);

  protected readonly forced = computed(() => mustChangePassword(this.auth.me()));
  protected readonly username = computed(() => this.auth.me()?.username ?? '');
  protected readonly min = PASSWORD_MIN;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: [''],
    newPassword: [''],
    confirmPassword: [''],
  });
  protected readonly submitting = signal(false);
  /** Problems found here, before sending (translated keys), or the server's answer. */
  protected readonly problems = signal<string[]>([]);

  protected submit(): void {
    const value: PasswordFormValue = this.form.getRawValue();
    const problems = passwordFormProblems(value, this.username());
    if (problems.length > 0) {
      this.problems.set(problems.map((key) => this.i18n.t(key, { min: PASSWORD_MIN })));
      return;
    }
    this.problems.set([]);
    this.submitting.set(true);
    this.account.changePassword(toChangePasswordRequest(value), silentErrors()).subscribe({
      next: () => {
        // /me again: the "must change" flag is gone, and the shell opens
        this.auth.loadMe().subscribe({
          next: () => {
            this.submitting.set(false);
            this.message.success(this.i18n.t('password.changed'));
            void this.router.navigateByUrl('/');
          },
          error: () => this.submitting.set(false),
        });
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.problems.set(this.explain(error));
      },
    });
  }

  protected signOut(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/login'));
  }

  private explain(error: unknown): string[] {
    if (!(error instanceof HttpErrorResponse)) return [this.i18n.t('error.title')];
    const view = describeHttpError(
      error.status,
      error.error,
      (key, params) => this.i18n.t(key, params),
      (key) => this.i18n.dynamic(key, '') || null,
    );
    return [view.detail, ...view.fieldErrors];
  }
}
