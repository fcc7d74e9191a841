import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { Observable } from 'rxjs';

import { ATTRIBUTE_TYPES, AttributeDef, AttributeType, CategoryNode } from '../../../api';
import { AccessibleNameDirective } from '../../../core/a11y/accessible-name.directive';
import { TranslateCodePipe, TranslatePipe } from '../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { required } from '../../../shared/validators';
import { AttributeRow, emptyAttributeRow, MAX_ATTRIBUTES, rowsToSchema, schemaToRows } from '../data/attribute-schema';
import { CatalogueApi } from '../data/catalogue.api';
import { CATALOGUE_CODE_PATTERN } from '../data/items';

type RowGroup = FormGroup<{ [K in keyof AttributeRow]: FormControl<AttributeRow[K]> }>;

/**
 * Add or edit a category of a DRAFT version, with the attribute schema its needs carry: rows of
 * key / label / type / options / min / max / required. The ancestors' attributes are inherited.
 */
@Component({
  selector: 'dd-category-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    ReactiveFormsModule,
    NzButtonModule,
    NzCheckboxModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './category-form.component.html',
  styleUrl: './category-form.component.css',
})
export class CategoryFormComponent implements OnInit {
  private readonly api = inject(CatalogueApi);
  private readonly i18n = inject(TranslationService);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly versionId = input.required<number>();
  /** The category to edit; null to add one under `parent`. */
  readonly category = input<CategoryNode | null>(null);
  /** The parent of a new category (null: a top-level one). */
  readonly parent = input<CategoryNode | null>(null);
  readonly saved = output<void>();
  readonly cancelled = output<void>();

  protected readonly types = ATTRIBUTE_TYPES;
  protected readonly maxAttributes = MAX_ATTRIBUTES;
  protected readonly submitting = signal(false);
  protected readonly errors = signal<string[]>([]);

  /** The attributes this category inherits from its ancestors. */
  protected readonly inherited = computed<AttributeDef[]>(() => {
    const category = this.category();
    if (category) {
      const own = new Set((category.attributeSchema ?? []).map((d) => d.key));
      return category.attributes.filter((d) => !own.has(d.key));
    }
    return this.parent()?.attributes ?? [];
  });
  protected readonly inheritedLabels = computed(() =>
    this.inherited()
      .map((d) => d.label)
      .join('、'),
  );

  protected readonly form = this.fb.group({
    code: ['', [required, Validators.pattern(CATALOGUE_CODE_PATTERN)]],
    name: ['', [required, Validators.maxLength(64)]],
    rows: this.fb.array<RowGroup>([]),
  });

  ngOnInit(): void {
    const category = this.category();
    if (!category) return;
    this.form.patchValue({ code: category.code, name: category.name });
    this.form.controls.code.disable();
    for (const row of schemaToRows(category.attributeSchema)) this.addRow(row);
  }

  protected get rows(): FormArray<RowGroup> {
    return this.form.controls.rows;
  }

  protected addRow(row: AttributeRow = emptyAttributeRow()): void {
    this.rows.push(
      this.fb.group({
        key: [row.key],
        label: [row.label],
        type: this.fb.control<AttributeType>(row.type),
        options: [row.options],
        min: this.fb.control<number | null>(row.min),
        max: this.fb.control<number | null>(row.max),
        required: [row.required],
      }),
    );
  }

  protected removeRow(index: number): void {
    this.rows.removeAt(index);
  }

  protected submit(): void {
    const { code, name } = this.form.getRawValue();
    const { schema, errors } = rowsToSchema(
      this.rows.getRawValue(),
      this.inherited().map((d) => d.key),
    );
    this.errors.set(errors.map((e) => this.i18n.t(`catalogue.schema.error.${e.problem}`, { row: e.row })));
    if (this.form.invalid || errors.length > 0) {
      for (const control of [this.form.controls.code, this.form.controls.name]) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const category = this.category();
    const request: Observable<unknown> = category
      ? this.api.updateCategory(category.id, { name: name.trim(), attributeSchema: schema })
      : this.api.createCategory(this.versionId(), {
          parentId: this.parent()?.id ?? null,
          code: code.trim(),
          name: name.trim(),
          attributeSchema: schema,
        });
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
