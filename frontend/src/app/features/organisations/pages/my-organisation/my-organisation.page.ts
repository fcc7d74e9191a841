import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';

import {
  DOCUMENT_KINDS,
  DocumentKind,
  ORG_TYPES,
  OrganisationDetail,
  OrganisationDocument,
  OrganisationMember,
  OrgType,
  RegionNode,
} from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatInstant } from '../../../../shared/dates';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { required } from '../../../../shared/validators';
import { toTreeNodes } from '../../../regions';
import { OrganisationDocumentsComponent } from '../../components/documents-table.component';
import { GradeProposalsComponent } from '../../components/grade-proposals.component';
import { OrganisationStatusBannerComponent } from '../../components/organisation-status-banner.component';
import { OrganisationRecordComponent } from '../../components/record-table.component';
import { lastBlacklistedDay } from '../../data/blacklist-period';
import { checkDocument, readAsBase64 } from '../../data/documents';
import { gradeView } from '../../data/grade';
import { OrganisationsApi } from '../../data/organisations.api';
import { ProfileFormValue, registrationEditable, toProfileFormValue, toProfilePatch } from '../../data/profile-form';
import { PASSWORD_MIN, PHONE_PATTERN, registrableRegionNodes, USERNAME_PATTERN } from '../../data/registration-form';
import { OrganisationsI18n, OrgCodePipe, OrgTranslatePipe } from '../../i18n/organisations-i18n';

type ErrorView = { detail: string; lines: string[] };

/**
 * 我的机构 (organisation members): the status banner while the organisation is not ACTIVE, the
 * profile (contact, service areas, bank account; registration data only while under review), the
 * evaluation grade (proposed with its certificate, decided by an officer), qualification documents,
 * member accounts, and the performance record.
 */
@Component({
  selector: 'dd-my-organisation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzTreeSelectModule,
    StatusTagComponent,
    OrganisationDocumentsComponent,
    GradeProposalsComponent,
    OrganisationRecordComponent,
    OrganisationStatusBannerComponent,
    TranslatePipe,
    TranslateCodePipe,
    OrgTranslatePipe,
    OrgCodePipe,
  ],
  templateUrl: './my-organisation.page.html',
})
export default class MyOrganisationPage implements OnInit {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(OrganisationsI18n);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly org = signal<OrganisationDetail | null>(null);
  protected readonly documents = signal<OrganisationDocument[]>([]);
  protected readonly members = signal<OrganisationMember[]>([]);
  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNodes = computed(() => registrableRegionNodes(this.regions()));
  protected readonly areaNodes = computed(() => toTreeNodes(this.regions(), false));
  protected readonly grade = computed(() => (this.org() ? gradeView(this.org() as OrganisationDetail) : null));
  protected readonly blacklistedTill = computed(() => {
    const until = this.org()?.blacklistedUntil;
    return until ? lastBlacklistedDay(until) : null;
  });
  protected readonly canResubmit = computed(() => this.org()?.actions.includes('RESUBMIT') ?? false);
  protected readonly registrationEditable = computed(() => {
    const org = this.org();
    return org ? registrationEditable(org.status) : false;
  });

  protected readonly orgTypes = ORG_TYPES;
  protected readonly documentKinds = DOCUMENT_KINDS;

  // ---- profile
  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly profileError = signal<ErrorView | null>(null);
  protected readonly profile = this.fb.group({
    name: ['', [required, Validators.maxLength(128)]],
    orgType: this.fb.control<OrgType | null>(null),
    regionId: this.fb.control<string | null>(null),
    legalRepresentative: ['', Validators.maxLength(64)],
    contactPhone: ['', Validators.pattern(PHONE_PATTERN)],
    serviceRegionIds: this.fb.control<string[]>([]),
    bankName: ['', Validators.maxLength(128)],
    bankAccountName: ['', Validators.maxLength(128)],
    bankAccountNo: ['', Validators.pattern(/^[0-9]{8,32}$/)],
  });

  // ---- documents
  protected readonly documentKind = this.fb.control<DocumentKind>('REGISTRATION_CERTIFICATE');
  protected readonly uploading = signal(false);

  // ---- members
  protected readonly addingMember = signal(false);
  protected readonly savingMember = signal(false);
  protected readonly memberError = signal<ErrorView | null>(null);
  protected readonly passwordMin = PASSWORD_MIN;
  protected readonly memberForm = this.fb.group({
    username: ['', [required, Validators.pattern(USERNAME_PATTERN)]],
    displayName: ['', [required, Validators.maxLength(64)]],
    password: ['', [required, Validators.minLength(PASSWORD_MIN)]],
    phone: ['', Validators.pattern(/^\+?[0-9]{6,19}$/)],
  });

  ngOnInit(): void {
    this.reload();
    this.api
      .registrationRegions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tree) => this.regions.set(tree));
  }

  protected reload(): void {
    this.api
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((org) => this.org.set(org));
    this.loadDocuments();
    this.api
      .members()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((members) => this.members.set(members));
  }

  protected time(iso: string | null): string {
    return formatInstant(iso, this.i18n.lang());
  }

  // ---- profile

  protected edit(): void {
    const org = this.org();
    if (!org) return;
    this.profile.reset(toProfileFormValue(org));
    // registration data (name, type, region) is fixed once approved
    for (const control of [this.profile.controls.name, this.profile.controls.orgType, this.profile.controls.regionId]) {
      if (registrationEditable(org.status)) control.enable();
      else control.disable();
    }
    this.profileError.set(null);
    this.editing.set(true);
  }

  protected save(): void {
    const org = this.org();
    if (!org) return;
    if (this.profile.invalid) {
      for (const control of Object.values(this.profile.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const patch = toProfilePatch(this.profile.getRawValue() as ProfileFormValue, org);
    if (Object.keys(patch).length === 0) {
      this.editing.set(false);
      return;
    }
    this.saving.set(true);
    this.profileError.set(null);
    this.api.updateMine(patch, silentErrors()).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.editing.set(false);
        this.org.set(updated);
        this.message.success(this.i18n.t('common.saved'));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.profileError.set(this.describe(error));
      },
    });
  }

  protected resubmit(): void {
    this.api.resubmit().subscribe((updated) => {
      this.org.set(updated);
      this.message.success(this.texts.t('organisations.done.RESUBMIT'));
      // the header's /me carries the status too
      this.auth.loadMe().subscribe();
    });
  }

  // ---- documents

  private loadDocuments(): void {
    this.api
      .documents(null)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((docs) => this.documents.set(docs));
  }

  protected async chosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const problem = checkDocument(file);
    if (problem) {
      this.message.error(this.texts.t(problem, { name: file.name }));
      return;
    }
    this.uploading.set(true);
    try {
      const contentBase64 = await readAsBase64(file);
      this.api
        .uploadDocument({ kind: this.documentKind.value, fileName: file.name, contentBase64 }, silentErrors())
        .subscribe({
          next: (doc) => {
            this.uploading.set(false);
            this.message.success(this.texts.t('organisations.documents.uploaded', { name: doc.fileName }));
            this.loadDocuments();
          },
          error: (error: unknown) => {
            this.uploading.set(false);
            this.message.error(this.describe(error).detail);
          },
        });
    } catch {
      this.uploading.set(false);
      this.message.error(this.texts.t('organisations.documents.readFailed', { name: file.name }));
    }
  }

  // ---- members

  protected openMember(): void {
    this.memberForm.reset();
    this.memberError.set(null);
    this.addingMember.set(true);
  }

  protected closeMember(): void {
    if (!this.savingMember()) this.addingMember.set(false);
  }

  protected addMember(): void {
    if (this.memberForm.invalid) {
      for (const control of Object.values(this.memberForm.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const v = this.memberForm.getRawValue();
    this.savingMember.set(true);
    this.memberError.set(null);
    this.api
      .addMember(
        {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
        },
        silentErrors(),
      )
      .subscribe({
        next: (member) => {
          this.savingMember.set(false);
          this.addingMember.set(false);
          this.members.update((list) => [...list, member].sort((a, b) => a.username.localeCompare(b.username)));
          this.message.success(this.texts.t('organisations.members.added', { username: member.username }));
        },
        error: (error: unknown) => {
          this.savingMember.set(false);
          this.memberError.set(this.describe(error));
        },
      });
  }

  private describe(error: unknown): ErrorView {
    if (!(error instanceof HttpErrorResponse)) throw error;
    const view = describeHttpError(
      error.status,
      error.error,
      (key, params) => this.i18n.t(key, params),
      (key) => this.i18n.dynamic(key, '') || null,
    );
    return { detail: view.detail, lines: view.fieldErrors };
  }
}
