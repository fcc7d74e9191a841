import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { concat, EMPTY, last, Observable } from 'rxjs';

import {
  MutedPair,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TOPICS,
  NotificationChannel,
  NotificationPreferences,
  NotificationTopic,
} from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { FormProblem, formProblem } from '../../../../shared/form-problem';
import { FormProblemComponent } from '../../../../shared/form-problem.component';
import {
  NotificationSettingsValue,
  settingsFormValue,
  settingsProblems,
  settingsWarnings,
  toContactRequest,
  toPreferencesRequest,
} from '../../data/notification-settings';
import { NotificationSettingsApi } from '../../data/notification-settings.api';

/**
 * 通知设置 (from the user menu): my e-mail address and phone, and which channels beside the inbox tell me what
 * happens — e-mail and SMS on or off, and per topic. The inbox always receives everything.
 */
@Component({
  selector: 'dd-notification-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzFormModule,
    NzInputModule,
    NzSpinModule,
    NzSwitchModule,
    NzTagModule,
    TranslatePipe,
    TranslateCodePipe,
    FormProblemComponent,
  ],
  templateUrl: './notification-settings.page.html',
  styles: `
    .dd-settings {
      display: grid;
      gap: 16px;
      max-width: 760px;
    }
    .dd-topics {
      width: 100%;
      border-collapse: collapse;
    }
    .dd-topics th,
    .dd-topics td {
      padding: 8px;
      border-bottom: 1px solid var(--dd-border, #f0f0f0);
      text-align: left;
    }
    .dd-visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .dd-switch-row {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
    }
  `,
})
export default class NotificationSettingsPage implements OnInit {
  private readonly api = inject(NotificationSettingsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly i18n = inject(TranslationService);

  protected readonly channels = NOTIFICATION_CHANNELS;
  protected readonly topics = NOTIFICATION_TOPICS;
  protected readonly loaded = signal<NotificationPreferences | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<FormProblem | null>(null);
  protected readonly warnings = signal<string[]>([]);

  protected readonly form = this.fb.group({
    email: [''],
    phone: [''],
    emailEnabled: [true],
    smsEnabled: [false],
    topics: this.fb.group(
      Object.fromEntries(
        NOTIFICATION_CHANNELS.flatMap((c) => NOTIFICATION_TOPICS.map((t) => [`${c}:${t}`, this.fb.control(true)])),
      ) as Record<MutedPair, ReturnType<NonNullableFormBuilder['control']>>,
    ),
  });

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.refreshWarnings());
  }

  ngOnInit(): void {
    this.api
      .get()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((p) => {
        this.loaded.set(p);
        this.form.setValue(settingsFormValue(p) as never);
        this.refreshWarnings();
      });
  }

  protected controlName(channel: NotificationChannel, topic: NotificationTopic): MutedPair {
    return `${channel}:${topic}`;
  }

  protected save(): void {
    const before = this.loaded();
    if (before === null) return;
    const value = this.form.getRawValue() as unknown as NotificationSettingsValue;
    const problems = settingsProblems(value);
    if (problems.length > 0) {
      this.problem.set({
        status: 400,
        detail: this.i18n.t('notifySettings.problem.title'),
        lines: problems.map((k) => this.i18n.t(k)),
      });
      return;
    }
    this.problem.set(null);
    this.saving.set(true);
    const contact = toContactRequest(value, before);
    const steps: Array<Observable<unknown>> = [
      contact ? this.api.saveContact(contact, silentErrors()) : EMPTY,
      this.api.save(toPreferencesRequest(value), silentErrors()),
    ];
    concat(...steps)
      .pipe(last())
      .subscribe({
        next: (saved) => {
          const p = saved as NotificationPreferences;
          this.loaded.set(p);
          this.form.setValue(settingsFormValue(p) as never);
          this.saving.set(false);
          this.message.success(this.i18n.t('notifySettings.saved'));
          if (contact) this.auth.loadMe().subscribe();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.problem.set(formProblem(error, this.i18n, this.form));
        },
      });
  }

  private refreshWarnings(): void {
    const value = this.form.getRawValue() as unknown as NotificationSettingsValue;
    this.warnings.set(settingsWarnings(value).map((k) => this.i18n.t(k)));
  }
}
