import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { KeyOutline, UnlockOutline } from '@ant-design/icons-angular/icons';
import { PERMISSIONS, Role, ROLES } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable } from 'rxjs';

import { Organisation, RegionNode, User, USER_STATUSES, UserStatus } from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { PagedList } from '../../../../shared/paged-list';
import { OrganisationsApi } from '../../../organisations';
import { indexRegions, RegionsApi, toTreeNodes } from '../../../regions';
import { UserFormComponent } from '../../components/user-form/user-form.component';
import { isLockedNow, userActions } from '../../data/user-actions';
import { UsersApi } from '../../data/users.api';

/** Users in the caller's region subtree; create, edit, disable and enable with `users.manage`. */
@Component({
  selector: 'dd-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    ReactiveFormsModule,
    NzTableModule,
    NzButtonModule,
    NzDrawerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTagModule,
    TranslatePipe,
    TranslateCodePipe,
    UserFormComponent,
  ],
  providers: [provideNzIconsPatch([KeyOutline, UnlockOutline])],
  templateUrl: './users.page.html',
  styles: ['.dd-temporary-password code { font-size: 20px; letter-spacing: 1px; margin-right: 12px; }'],
})
export default class UsersPage implements OnInit {
  private readonly api = inject(UsersApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly organisationsApi = inject(OrganisationsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly roles = ROLES;
  protected readonly statuses = USER_STATUSES;
  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.USERS_MANAGE));
  protected readonly myId = computed(() => this.auth.me()?.id ?? null);
  /** A temporary password just issued: shown once, until the dialog is closed, never kept. */
  protected readonly temporary = signal<{ displayName: string; username: string; password: string } | null>(null);

  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [''],
    role: [null as Role | null],
    status: [null as UserStatus | null],
  });

  protected readonly list = new PagedList<User>((page, pageSize) => {
    const { q, role, status } = this.filters.getRawValue();
    return this.api.list({ page, pageSize, q: q.trim(), role, status });
  }, this.destroyRef);

  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNodes = computed(() => toTreeNodes(this.regions()));
  private readonly regionIndex = computed(() => indexRegions(this.regions()));
  protected readonly organisations = signal<Organisation[]>([]);
  private readonly organisationIndex = computed(() => new Map(this.organisations().map((o) => [o.id, o])));

  /** The drawer: closed (undefined), creating (null) or editing a user. */
  protected readonly editing = signal<User | null | undefined>(undefined);
  protected readonly drawerWidth = typeof window === 'undefined' ? 520 : Math.min(520, window.innerWidth);

  ngOnInit(): void {
    this.list.load();
    if (this.auth.can(PERMISSIONS.REGIONS_READ)) {
      this.regionsApi
        .tree()
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe((tree) => this.regions.set(tree));
    }
    if (this.auth.can(PERMISSIONS.ORGANISATIONS_READ)) {
      this.organisationsApi
        .list()
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe((list) => this.organisations.set(list));
    }
  }

  protected reset(): void {
    this.filters.reset();
    this.list.first();
  }

  protected regionName(user: User): string {
    if (user.regionName) return user.regionName;
    return user.regionId === null ? '' : (this.regionIndex().get(String(user.regionId))?.name ?? String(user.regionId));
  }

  protected organisationName(user: User): string {
    const id = user.organisationId;
    return id === null ? '' : (this.organisationIndex().get(id)?.name ?? String(id));
  }

  protected isLocked(user: User): boolean {
    return isLockedNow(user);
  }

  protected actionsFor(user: User): { unlock: boolean; resetPassword: boolean } {
    return userActions(user, this.myId());
  }

  protected unlock(user: User): void {
    this.api.unlock(user.id).subscribe(() => {
      this.message.success(this.i18n.t('users.unlocked', { name: user.displayName }));
      this.list.load();
    });
  }

  protected resetPassword(user: User): void {
    this.api.resetPassword(user.id).subscribe(({ temporaryPassword }) => {
      this.temporary.set({ displayName: user.displayName, username: user.username, password: temporaryPassword });
      this.list.load();
    });
  }

  protected copyTemporary(): void {
    const issued = this.temporary();
    if (!issued || typeof navigator === 'undefined' || !navigator.clipboard) return;
    void navigator.clipboard
      .writeText(issued.password)
      .then(() => this.message.success(this.i18n.t('users.temporaryCopied')))
      .catch(() => undefined);
  }

  protected closeTemporary(): void {
    this.temporary.set(null);
  }

  protected openCreate(): void {
    this.editing.set(null);
  }

  protected openEdit(user: User): void {
    this.editing.set(user);
  }

  protected closeDrawer(): void {
    this.editing.set(undefined);
  }

  protected saved(user: User, created: boolean): void {
    this.closeDrawer();
    this.message.success(this.i18n.t(created ? 'users.created' : 'users.updated', { name: user.displayName }));
    if (created) {
      // The list is sorted by username and paged: a new account would often land on a later page. Show it.
      this.filters.reset({ q: user.username, role: null, status: null });
      this.list.first();
    } else {
      this.list.load();
    }
  }

  protected setEnabled(user: User, enabled: boolean): void {
    const call: Observable<User> = enabled ? this.api.enable(user.id) : this.api.disable(user.id);
    call.subscribe(() => {
      this.message.success(this.i18n.t(enabled ? 'users.enabled' : 'users.disabled', { name: user.displayName }));
      this.list.load();
    });
  }
}
