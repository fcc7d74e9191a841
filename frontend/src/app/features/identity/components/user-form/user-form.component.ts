import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Role, ROLES } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { Observable, of } from 'rxjs';

import { CreateUserRequest, newIdempotencyKey, Organisation, UpdateUserRequest, User } from '../../../../api';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { EMAIL_MAX, EMAIL_PATTERN, PHONE_PATTERN, required } from '../../../../shared/validators';
import { separateDuties } from '../../data/user-actions';
import { UsersApi } from '../../data/users.api';

/** The backend's rules (backend/src/modules/identity/dto/user.dto.ts), checked here first for quick feedback. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/;
export { EMAIL_MAX, EMAIL_PATTERN, PHONE_PATTERN };
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export interface UserFormValue {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  /** The tree-select key: the region id as a string, '' when none. */
  regionId: string;
  organisationId: number | null;
  phone: string;
  email: string;
}

function regionIdOf(key: string): number | null {
  return key ? Number(key) : null;
}

/** The body of `POST /users`: empty optional fields are left out (the API rejects unknown or empty ones). */
export function toCreateRequest(v: UserFormValue): CreateUserRequest {
  return {
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    password: v.password,
    roles: v.roles,
    regionId: regionIdOf(v.regionId),
    ...(v.organisationId ? { organisationId: v.organisationId } : {}),
    ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
    ...(v.email.trim() ? { email: v.email.trim() } : {}),
  };
}

/** The body of `PATCH /users/:id`: only what changed; a cleared phone, e-mail or organisation becomes null. */
export function toUpdateRequest(v: UserFormValue, before: User): UpdateUserRequest {
  const body: UpdateUserRequest = {};
  const displayName = v.displayName.trim();
  if (displayName !== before.displayName) body.displayName = displayName;
  const phone = v.phone.trim() || null;
  if (phone !== (before.phone ?? null)) body.phone = phone;
  const email = v.email.trim() || null;
  if (email !== (before.email ?? null)) body.email = email;
  if (v.roles.length !== before.roles.length || v.roles.some((r) => !before.roles.includes(r))) body.roles = v.roles;
  const regionId = regionIdOf(v.regionId);
  if (regionId !== null && regionId !== before.regionId) body.regionId = regionId;
  const organisationId = v.organisationId || null;
  if (organisationId !== before.organisationId) body.organisationId = organisationId;
  return body;
}

/** Create or edit one user. Emits the saved user. */
@Component({
  selector: 'dd-user-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzTreeSelectModule,
    NzButtonModule,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './user-form.component.html',
})
export class UserFormComponent implements OnInit {
  private readonly api = inject(UsersApi);
  private readonly fb = inject(NonNullableFormBuilder);

  /** The user to edit; null to create one. */
  readonly user = input<User | null>(null);
  readonly regionNodes = input<NzTreeNodeOptions[]>([]);
  readonly organisations = input<Organisation[]>([]);
  /** The signed-in administrator's own account: roles, region and organisation are someone else's to change. */
  readonly self = input(false);
  readonly saved = output<User>();
  readonly cancelled = output<void>();

  protected readonly roles = ROLES;
  protected readonly submitting = signal(false);
  /** One key per opened form: a double submit or a retry after a timeout creates one user. */
  private readonly idempotencyKey = newIdempotencyKey();

  protected readonly form = this.fb.group({
    username: ['', [required, Validators.pattern(USERNAME_PATTERN)]],
    displayName: ['', [required, Validators.maxLength(64)]],
    password: ['', [required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(MAX_PASSWORD_LENGTH)]],
    roles: this.fb.control<Role[]>([], [required, separateDuties]),
    regionId: ['', required],
    organisationId: this.fb.control<number | null>(null),
    phone: ['', Validators.pattern(PHONE_PATTERN)],
    email: ['', [Validators.pattern(EMAIL_PATTERN), Validators.maxLength(EMAIL_MAX)]],
  });

  ngOnInit(): void {
    const user = this.user();
    if (!user) return;
    this.form.patchValue({
      username: user.username,
      displayName: user.displayName,
      roles: [...user.roles],
      regionId: user.regionId === null ? '' : String(user.regionId),
      organisationId: user.organisationId,
      phone: user.phone ?? '',
      email: user.email ?? '',
    });
    this.form.controls.username.disable();
    this.form.controls.password.disable();
    if (this.self()) {
      this.form.controls.roles.disable();
      this.form.controls.regionId.disable();
      this.form.controls.organisationId.disable();
    }
  }

  protected submit(): void {
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const value = this.form.getRawValue();
    const user = this.user();
    const patch = user ? toUpdateRequest(value, user) : null;
    // Nothing changed: nothing to send (the API answers an empty PATCH with 400 NOTHING_TO_CHANGE).
    const request: Observable<User> = user
      ? Object.keys(patch ?? {}).length === 0
        ? of(user)
        : this.api.update(user.id, patch ?? {})
      : this.api.create(toCreateRequest(value), this.idempotencyKey);
    this.submitting.set(true);
    request.subscribe({
      next: (saved) => {
        this.submitting.set(false);
        this.saved.emit(saved);
      },
      error: () => this.submitting.set(false),
    });
  }
}
