import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { Observable, of } from 'rxjs';

import { CatalogueItem, CatalogueItemRequest, ORG_GRADES, OrgGrade } from '../../../api';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { positiveMoney } from '../../../shared/money';
import { required } from '../../../shared/validators';
import { TemplatesApi } from '../../evaluation/data/templates.api';
import { CatalogueApi } from '../data/catalogue.api';
import {
  CATALOGUE_CODE_PATTERN,
  gradeLabel,
  isScheduleValid,
  MAX_INSTALMENTS,
  scheduleTotal,
  toItemPatch,
  toItemRequest,
} from '../data/items';

type InstalmentGroup = FormGroup<{ label: FormControl<string>; percent: FormControl<number | null> }>;

/** Add or edit a service item of a DRAFT version: price cap in yuan, minimum grade, payment schedule. */
@Component({
  selector: 'dd-item-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTreeSelectModule,
    TranslatePipe,
  ],
  templateUrl: './item-form.component.html',
})
export class ItemFormComponent implements OnInit {
  private readonly api = inject(CatalogueApi);
  private readonly templatesApi = inject(TemplatesApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(TranslationService);

  readonly versionId = input.required<number>();
  /** The item to edit; null to add one. */
  readonly item = input<CatalogueItem | null>(null);
  /** The category a new item goes into (preselected). */
  readonly categoryId = input<number | null>(null);
  /** The version's leaf categories. */
  readonly categoryNodes = input<NzTreeNodeOptions[]>([]);
  readonly saved = output<void>();
  readonly cancelled = output<void>();

  protected readonly grades = ORG_GRADES;
  protected readonly gradeLabel = gradeLabel;
  protected readonly maxInstalments = MAX_INSTALMENTS;
  protected readonly submitting = signal(false);
  protected readonly checked = signal(false);
  /** The active project templates an item may name (and the item's own, should it have been retired since). */
  protected readonly templates = signal<{ id: number; label: string }[]>([]);

  protected readonly form = this.fb.group({
    categoryId: ['', required],
    code: ['', [required, Validators.pattern(CATALOGUE_CODE_PATTERN)]],
    name: ['', [required, Validators.maxLength(128)]],
    serviceStandard: ['', [required, Validators.maxLength(2000)]],
    unit: ['', [required, Validators.maxLength(16)]],
    priceCap: ['', [required, positiveMoney]],
    minOrgGrade: this.fb.control<OrgGrade>(3, required),
    paymentSchedule: this.fb.array<InstalmentGroup>([]),
    defaultTemplateId: this.fb.control<number | null>(null),
  });
  private readonly schedule = toSignal(this.form.controls.paymentSchedule.valueChanges, { initialValue: [] });
  protected readonly total = computed(() =>
    scheduleTotal(this.schedule().map((i) => ({ percent: i.percent ?? null }))),
  );
  protected readonly scheduleOk = computed(() =>
    isScheduleValid(this.schedule().map((i) => ({ label: i.label ?? '', percent: i.percent ?? null }))),
  );

  ngOnInit(): void {
    this.loadTemplates();
    const item = this.item();
    if (item) {
      this.form.patchValue({
        categoryId: String(item.categoryId),
        code: item.code,
        name: item.name,
        serviceStandard: item.serviceStandard,
        unit: item.unit,
        priceCap: item.priceCap,
        minOrgGrade: item.minOrgGrade,
        defaultTemplateId: item.defaultTemplateId,
      });
      for (const i of item.paymentSchedule) this.addInstalment(i.label, i.percent);
      this.form.controls.categoryId.disable();
      this.form.controls.code.disable();
      return;
    }
    const categoryId = this.categoryId();
    if (categoryId !== null) this.form.controls.categoryId.setValue(String(categoryId));
    this.addInstalment(this.i18n.t('catalogue.item.defaultAdvance'), 30);
    this.addInstalment(this.i18n.t('catalogue.item.defaultFinal'), 70);
  }

  private loadTemplates(): void {
    const own = this.item()?.defaultTemplate ?? null;
    this.templatesApi.list({ purpose: 'PROJECT', status: 'ACTIVE', pageSize: 100 }).subscribe((page) => {
      const options = page.items.map((t) => ({ id: t.id, label: `${t.name}（${t.code} v${t.version}）` }));
      if (own && !options.some((o) => o.id === own.id))
        options.push({
          id: own.id,
          label: `${own.name}（${own.code} v${own.version}，${this.i18n.t('catalogue.item.templateRetired')}）`,
        });
      this.templates.set(options);
    });
  }

  protected get instalments(): FormArray<InstalmentGroup> {
    return this.form.controls.paymentSchedule;
  }

  protected addInstalment(label = '', percent: number | null = null): void {
    this.instalments.push(
      this.fb.group({
        label: [label, [required, Validators.maxLength(32)]],
        percent: this.fb.control<number | null>(percent, [required, Validators.min(1), Validators.max(100)]),
      }),
    );
  }

  protected removeInstalment(index: number): void {
    this.instalments.removeAt(index);
  }

  protected submit(): void {
    this.checked.set(true);
    const value = this.form.getRawValue();
    const item = this.item();
    const patch = item ? toItemPatch(value, item) : null;
    const create = item ? null : toItemRequest(value);
    if (this.form.invalid || !this.scheduleOk() || (patch === null && create === null)) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      for (const group of this.instalments.controls) group.markAllAsDirty();
      return;
    }
    // Nothing changed: nothing to send (the API answers an empty PATCH with 400 NOTHING_TO_CHANGE).
    const request: Observable<unknown> =
      item && patch
        ? Object.keys(patch).length === 0
          ? of(item)
          : this.api.updateItem(item.id, patch)
        : this.api.createItem(this.versionId(), create as CatalogueItemRequest);
    this.submitting.set(true);
    request.subscribe({
      next: () => {
        this.submitting.set(false);
        this.saved.emit();
      },
      error: () => this.submitting.set(false),
    });
  }
}
