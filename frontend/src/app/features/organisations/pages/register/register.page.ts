import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ArrowLeftOutline } from '@ant-design/icons-angular/icons';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';

import { ORG_TYPES, OrganisationKind, OrgType, RegionNode, RegistrationResult } from '../../../../api';
import { silentErrors } from '../../../../core/http/http-context';
import { describeHttpError } from '../../../../core/http/problem-details';
import { LanguageSwitchComponent } from '../../../../core/i18n/language-switch.component';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { required } from '../../../../shared/validators';
import { toTreeNodes } from '../../../regions';
import { OrganisationsApi } from '../../data/organisations.api';
import {
  creditCodeValidator,
  PASSWORD_MIN,
  passwordsMatch,
  PHONE_PATTERN,
  registrableRegionNodes,
  toRegisterRequest,
  USERNAME_PATTERN,
} from '../../data/registration-form';
import { OrganisationsI18n, OrgCodePipe, OrgTranslatePipe } from '../../i18n/organisations-i18n';

/**
 * 社会组织注册 (public, reached from the login page): the organisation's registration data and its
 * first member account. The credit code is checked here with the GB 32100 checksum and again by
 * the API; the organisation waits for an officer's review, and the member can sign in at once.
 */
@Component({
  selector: 'dd-register-organisation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzResultModule,
    NzSelectModule,
    NzTreeSelectModule,
    TranslatePipe,
    OrgTranslatePipe,
    OrgCodePipe,
    LanguageSwitchComponent,
  ],
  providers: [provideNzIconsPatch([ArrowLeftOutline])],
  templateUrl: './register.page.html',
  styleUrl: './register.page.css',
})
export default class RegisterOrganisationPage implements OnInit {
  private readonly api = inject(OrganisationsApi);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(OrganisationsI18n);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly orgTypes = ORG_TYPES;
  protected readonly passwordMin = PASSWORD_MIN;
  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNodes = computed(() => registrableRegionNodes(this.regions()));
  protected readonly areaNodes = computed(() => toTreeNodes(this.regions(), false));

  protected readonly form = this.fb.group(
    {
      kind: this.fb.control<OrganisationKind>('SOCIAL_ORGANISATION'),
      orgType: this.fb.control<OrgType | null>(null, required),
      name: ['', [required, Validators.minLength(2), Validators.maxLength(128)]],
      creditCode: ['', [required, creditCodeValidator]],
      regionId: this.fb.control<string | null>(null, required),
      legalRepresentative: ['', [required, Validators.maxLength(64)]],
      contactPhone: ['', [required, Validators.pattern(PHONE_PATTERN)]],
      serviceRegionIds: this.fb.control<string[]>([]),
      username: ['', [required, Validators.pattern(USERNAME_PATTERN)]],
      displayName: ['', [required, Validators.maxLength(64)]],
      password: ['', [required, Validators.minLength(PASSWORD_MIN), Validators.maxLength(128)]],
      confirmPassword: ['', required],
    },
    { validators: passwordsMatch },
  );

  protected readonly submitting = signal(false);
  protected readonly error = signal<{ detail: string; lines: string[] } | null>(null);
  protected readonly result = signal<RegistrationResult | null>(null);

  ngOnInit(): void {
    this.api
      .registrationRegions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tree) => this.regions.set(tree));
  }

  /** The text under the credit-code field: which check failed. */
  protected creditCodeTip(): string {
    const errors = this.form.controls.creditCode.errors;
    if (errors?.['required']) return this.i18n.t('common.required');
    const problem = errors?.['creditCode'] as string | undefined;
    return problem ? this.texts.code('organisations.register.creditCode.', problem) : '';
  }

  protected submit(): void {
    this.error.set(null);
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    this.submitting.set(true);
    this.api.register(toRegisterRequest(this.form.getRawValue()), silentErrors()).subscribe({
      next: (result) => {
        this.submitting.set(false);
        this.result.set(result);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        if (!(error instanceof HttpErrorResponse)) throw error;
        const view = describeHttpError(
          error.status,
          error.error,
          (key, params) => this.i18n.t(key, params),
          (key) => this.i18n.dynamic(key, '') || null,
        );
        this.error.set({ detail: view.detail, lines: view.fieldErrors });
      },
    });
  }
}
