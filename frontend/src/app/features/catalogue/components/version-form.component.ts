import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';

import { CatalogueVersion } from '../../../api';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { required } from '../../../shared/validators';
import { CatalogueApi } from '../data/catalogue.api';

/** A new DRAFT version, empty or copied from `copyFrom` (`POST /catalogue/versions`). */
@Component({
  selector: 'dd-version-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzButtonModule, NzFormModule, NzInputModule, TranslatePipe],
  template: `
    <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" data-testid="version-form">
      @if (copyFrom(); as source) {
        <p class="dd-muted">{{ 'catalogue.versionForm.copyFrom' | t: { title: source.title } }}</p>
      }
      <nz-form-item>
        <nz-form-label nzRequired nzFor="version-year">{{ 'catalogue.versionForm.year' | t }}</nz-form-label>
        <nz-form-control [nzErrorTip]="'common.required' | t">
          <input nz-input id="version-year" type="number" min="2000" max="2100" formControlName="year" data-testid="version-form-year" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzRequired nzFor="version-title">{{ 'catalogue.versionForm.title' | t }}</nz-form-label>
        <nz-form-control [nzErrorTip]="'common.required' | t">
          <input nz-input id="version-title" maxlength="128" formControlName="title" data-testid="version-form-title" />
        </nz-form-control>
      </nz-form-item>
      <div class="dd-form-actions">
        <button nz-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
        <button nz-button nzType="primary" type="submit" [nzLoading]="submitting()" data-testid="version-form-submit">
          {{ 'common.save' | t }}
        </button>
      </div>
    </form>
  `,
})
export class VersionFormComponent implements OnInit {
  private readonly api = inject(CatalogueApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(TranslationService);

  readonly copyFrom = input<CatalogueVersion | null>(null);
  readonly saved = output<CatalogueVersion>();
  readonly cancelled = output<void>();

  protected readonly submitting = signal(false);
  protected readonly form = this.fb.group({
    year: this.fb.control<number | null>(new Date().getFullYear(), [
      required,
      Validators.min(2000),
      Validators.max(2100),
    ]),
    title: ['', [required, Validators.maxLength(128)]],
  });

  ngOnInit(): void {
    const source = this.copyFrom();
    const year = (source?.year ?? new Date().getFullYear()) + (source ? 1 : 0);
    this.form.setValue({ year, title: this.i18n.t('catalogue.versionForm.defaultTitle', { year }) });
  }

  protected submit(): void {
    const { year, title } = this.form.getRawValue();
    if (this.form.invalid || year === null) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const source = this.copyFrom();
    this.submitting.set(true);
    this.api
      .createVersion({ year: Number(year), title: title.trim(), ...(source ? { copyFromVersionId: source.id } : {}) })
      .subscribe({
        next: (version) => {
          this.submitting.set(false);
          this.saved.emit(version);
        },
        error: () => this.submitting.set(false),
      });
  }
}
