import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { LockOutline } from '@ant-design/icons-angular/icons';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { FormProblem, formProblem } from '../../../../shared/form-problem';
import { FormProblemComponent } from '../../../../shared/form-problem.component';
import { PagedList } from '../../../../shared/paged-list';
import { required } from '../../../../shared/validators';
import { starterTree } from '../../data/templates-tree';
import {
  TEMPLATE_PURPOSES,
  TEMPLATE_STATUSES,
  TemplatePurpose,
  TemplatesApi,
  TemplateStatus,
  TemplateSummary,
} from '../../data/templates.api';
import { TemplatesCodePipe, TemplatesI18n, TemplatesTranslatePipe } from '../../data/templates.i18n';

/** The template family's code rule (backend TEMPLATE_CODE). */
const CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

/** Status colours of a template version. */
export function templateStatusColor(status: TemplateStatus): string {
  return status === 'ACTIVE' ? 'green' : status === 'DRAFT' ? 'blue' : 'default';
}

/**
 * 指标体系: every version of every indicator template, by purpose and status, with the frozen ones marked. The officer
 * starts a new template here (a draft, empty or on the 决策 / 过程 / 产出 / 效益 frame) and edits it on its page.
 */
@Component({
  selector: 'dd-templates-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNzIconsPatch([LockOutline])],
  imports: [
    AccessibleNameDirective,
    ReactiveFormsModule,
    RouterLink,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    FormProblemComponent,
    TranslatePipe,
    TemplatesTranslatePipe,
    TemplatesCodePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'tpl.list.title' | tmt }}</h1>
        @if (canManage()) {
          <button nz-button nzType="primary" data-testid="templates-new" (click)="openCreate()">
            <nz-icon nzType="plus" />{{ 'tpl.list.new' | tmt }}
          </button>
        }
      </header>
      <p class="dd-muted">{{ 'tpl.list.hint' | tmt }}</p>
      <form class="dd-filters" [formGroup]="filters" (ngSubmit)="list.first()" data-testid="templates-filters">
        <nz-select class="dd-filter" nzAllowClear formControlName="purpose" [nzPlaceHolder]="'tpl.filter.purpose' | tmt" [ddName]="'tpl.filter.purpose' | tmt" data-testid="templates-filter-purpose">
          @for (p of purposes; track p) {
            <nz-option [nzValue]="p" [nzLabel]="p | tmc: 'tplPurpose.'" />
          }
        </nz-select>
        <nz-select class="dd-filter" nzAllowClear formControlName="status" [nzPlaceHolder]="'tpl.filter.status' | tmt" [ddName]="'tpl.filter.status' | tmt" data-testid="templates-filter-status">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="s | tmc: 'tplStatus.'" />
          }
        </nz-select>
        <input nz-input class="dd-filter-wide" formControlName="q" maxlength="50" [placeholder]="'tpl.filter.q' | tmt" [attr.aria-label]="'tpl.filter.q' | tmt" data-testid="templates-filter-q" />
        <button nz-button nzType="primary" type="submit" data-testid="templates-search"><nz-icon nzType="search" />{{ 'common.search' | t }}</button>
      </form>
      <nz-table
        #table
        data-testid="templates-table"
        nzSize="small"
        nzShowSizeChanger
        [nzData]="list.items()"
        [nzTotal]="list.total()"
        [nzPageIndex]="list.page()"
        [nzPageSize]="list.pageSize()"
        [nzFrontPagination]="false"
        [nzLoading]="list.loading()"
        [nzNoResult]="'tpl.list.empty' | tmt"
        (nzPageIndexChange)="list.goTo($event)"
        (nzPageSizeChange)="list.resize($event)"
      >
        <thead>
          <tr>
            <th>{{ 'tpl.col.code' | tmt }}</th>
            <th>{{ 'tpl.col.name' | tmt }}</th>
            <th>{{ 'tpl.col.purpose' | tmt }}</th>
            <th>{{ 'tpl.col.status' | tmt }}</th>
            <th>{{ 'tpl.col.leaves' | tmt }}</th>
            <th>{{ 'tpl.col.updated' | tmt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of table.data; track row.id) {
            <tr [attr.data-testid]="'template-row-' + row.id">
              <td class="dd-nowrap">
                {{ row.code }}
                <div class="dd-muted">{{ 'tpl.version' | tmt: { n: row.version } }}</div>
              </td>
              <td>
                <a [routerLink]="['/evaluation/templates', row.id]" [attr.data-testid]="'template-link-' + row.id">{{ row.name }}</a>
                @if (row.description) {
                  <div class="dd-muted">{{ row.description }}</div>
                }
              </td>
              <td>{{ row.purpose | tmc: 'tplPurpose.' }} · {{ row.totalPoints }}</td>
              <td>
                <nz-tag [nzColor]="color(row.status)" [attr.data-status]="row.status">{{ row.status | tmc: 'tplStatus.' }}</nz-tag>
                @if (row.frozenAt) {
                  <nz-tag nzColor="purple" [nz-tooltip]="'tpl.frozenHint' | tmt" data-testid="template-frozen">
                    <nz-icon nzType="lock" />{{ 'tpl.frozen' | tmt }}
                  </nz-tag>
                }
              </td>
              <td>{{ 'tpl.leaves' | tmt: { n: row.leafCount, c: row.computedLeafCount } }}</td>
              <td>{{ minute(row.updatedAt) }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>

    <nz-modal [nzVisible]="creating()" [nzTitle]="'tpl.create.title' | tmt" [nzFooter]="null" (nzOnCancel)="creating.set(false)">
      <ng-container *nzModalContent>
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="create()" data-testid="template-create-form">
          <dd-form-problem [problem]="problem()" />
          <nz-form-item>
            <nz-form-label nzRequired nzFor="template-create-code">{{ 'tpl.create.code' | tmt }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'tpl.create.codeHint' | tmt" [nzExtra]="'tpl.create.codeHint' | tmt">
              <input nz-input id="template-create-code" formControlName="code" maxlength="32" data-testid="template-create-code" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="template-create-name">{{ 'tpl.create.name' | tmt }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'common.required' | t">
              <input nz-input id="template-create-name" formControlName="name" maxlength="100" data-testid="template-create-name" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="template-create-purpose">{{ 'tpl.create.purpose' | tmt }}</nz-form-label>
            <nz-form-control>
              <nz-select formControlName="purpose" nzId="template-create-purpose" data-testid="template-create-purpose">
                @for (p of purposes; track p) {
                  <nz-option [nzValue]="p" [nzLabel]="p | tmc: 'tplPurpose.'" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="template-create-description">{{ 'tpl.create.description' | tmt }}</nz-form-label>
            <nz-form-control>
              <textarea nz-input id="template-create-description" rows="2" maxlength="500" formControlName="description"></textarea>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'tpl.create.frame' | tmt }}</nz-form-label>
            <nz-form-control>
              <nz-radio-group formControlName="frame" [attr.aria-label]="'tpl.create.frame' | tmt">
                <label nz-radio [nzValue]="true">{{ 'tpl.create.frameYes' | tmt }}</label>
                <label nz-radio [nzValue]="false">{{ 'tpl.create.frameNo' | tmt }}</label>
              </nz-radio-group>
            </nz-form-control>
          </nz-form-item>
          <div class="dd-form-actions">
            <button nz-button type="button" (click)="creating.set(false)">{{ 'common.cancel' | t }}</button>
            <button nz-button nzType="primary" type="submit" [nzLoading]="submitting()" data-testid="template-create-submit">
              {{ 'tpl.create.submit' | tmt }}
            </button>
          </div>
        </form>
      </ng-container>
    </nz-modal>
  `,
})
export default class TemplatesListPage implements OnInit {
  private readonly api = inject(TemplatesApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(TemplatesI18n);

  protected readonly purposes = TEMPLATE_PURPOSES;
  protected readonly statuses = TEMPLATE_STATUSES;
  protected readonly color = templateStatusColor;
  protected readonly minute = formatMinute;
  protected readonly canManage = computed(() =>
    this.auth.permissions().includes(PERMISSIONS.EVALUATION_TEMPLATES_MANAGE),
  );
  protected readonly filters = this.fb.group({
    purpose: this.fb.control<TemplatePurpose | null>(null),
    status: this.fb.control<TemplateStatus | null>(null),
    q: this.fb.control(''),
  });
  protected readonly list = new PagedList<TemplateSummary>((page, pageSize) => {
    const v = this.filters.getRawValue();
    return this.api.list({ page, pageSize, purpose: v.purpose, status: v.status, q: v.q.trim() || null });
  }, this.destroyRef);

  protected readonly creating = signal(false);
  protected readonly submitting = signal(false);
  protected readonly problem = signal<FormProblem | null>(null);
  protected readonly form = this.fb.group({
    code: ['', [required, Validators.pattern(CODE)]],
    name: ['', [required, Validators.maxLength(100)]],
    purpose: this.fb.control<TemplatePurpose>('PROJECT', required),
    description: [''],
    frame: [true],
  });

  ngOnInit(): void {
    this.list.load();
  }

  protected openCreate(): void {
    this.form.reset();
    this.problem.set(null);
    this.creating.set(true);
  }

  protected create(): void {
    const code = this.form.controls.code;
    code.setValue(code.value.trim().toUpperCase());
    if (this.form.invalid) {
      for (const c of Object.values(this.form.controls)) {
        c.markAsDirty();
        c.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const v = this.form.getRawValue();
    const t = (k: Parameters<TemplatesI18n['t']>[0]) => this.texts.t(k);
    const frame = v.frame
      ? [
          { name: t('tpl.frame.decision'), share: 15 },
          { name: t('tpl.frame.process'), share: 25 },
          { name: t('tpl.frame.output'), share: 35 },
          { name: t('tpl.frame.benefit'), share: 25 },
        ]
      : null;
    this.submitting.set(true);
    this.problem.set(null);
    this.api
      .create({
        code: v.code,
        name: v.name.trim(),
        purpose: v.purpose,
        description: v.description.trim() || null,
        tree: starterTree(v.purpose, frame, t('tpl.create.leafName')),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (created) => {
          this.submitting.set(false);
          this.creating.set(false);
          void this.router.navigate(['/evaluation/templates', created.id]);
        },
        error: (e: unknown) => {
          this.submitting.set(false);
          this.problem.set(formProblem(e, this.i18n, this.form));
        },
      });
  }
}
