import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MinusSquareOutline, PlusSquareOutline } from '@ant-design/icons-angular/icons';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import type { NzFormatEmitEvent } from 'ng-zorro-antd/core/tree';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTreeModule } from 'ng-zorro-antd/tree';

import { RegionNode } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { required } from '../../../../shared/validators';
import { childLevel, indexRegions, toTreeNodes } from '../../data/region-tree';
import { RegionsApi } from '../../data/regions.api';

/** 12-digit statistical division codes (统计用区划代码), as the API requires. */
export const REGION_CODE_PATTERN = /^\d{12}$/;

/** The caller's region subtree; rename and add sub-regions with `regions.manage`. */
@Component({
  selector: 'dd-region-tree-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    NzTreeModule,
    NzCardModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzFormModule,
    NzInputModule,
    NzButtonModule,
    NzSpinModule,
    TranslatePipe,
    TranslateCodePipe,
  ],
  // The switcher icons of nz-tree's nzShowLine, which ng-zorro does not register itself.
  providers: [provideNzIconsPatch([MinusSquareOutline, PlusSquareOutline])],
  templateUrl: './region-tree.page.html',
  styleUrl: './region-tree.page.css',
})
export default class RegionTreePage implements OnInit {
  private readonly api = inject(RegionsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.REGIONS_MANAGE));
  protected readonly loading = signal(false);
  private readonly tree = signal<RegionNode[]>([]);
  protected readonly nodes = computed(() => toTreeNodes(this.tree()));
  private readonly index = computed(() => indexRegions(this.tree()));
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selectedKeys = computed(() => {
    const id = this.selectedId();
    return id === null ? [] : [id];
  });
  protected readonly selected = computed(() => {
    const id = this.selectedId();
    return id === null ? null : (this.index().get(id) ?? null);
  });
  protected readonly newChildLevel = computed(() => {
    const region = this.selected();
    return region ? childLevel(region.level) : null;
  });
  protected readonly saving = signal(false);

  protected readonly renameForm = this.fb.group({
    name: ['', [required, Validators.maxLength(64)]],
    code: ['', [required, Validators.pattern(REGION_CODE_PATTERN)]],
  });
  protected readonly childForm = this.fb.group({
    code: ['', [required, Validators.pattern(REGION_CODE_PATTERN)]],
    name: ['', [required, Validators.maxLength(64)]],
  });

  ngOnInit(): void {
    this.reload();
  }

  protected reload(): void {
    this.loading.set(true);
    this.api
      .tree()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tree) => {
          this.tree.set(tree);
          this.loading.set(false);
          this.select(this.selectedId() ?? (tree.length > 0 ? String(tree[0].id) : null));
        },
        error: () => this.loading.set(false),
      });
  }

  protected onClick(event: NzFormatEmitEvent): void {
    const key = event.node?.key;
    if (key) this.select(key);
  }

  private select(id: string | null): void {
    this.selectedId.set(id);
    const region = this.selected();
    this.renameForm.reset({ name: region?.name ?? '', code: region?.code ?? '' });
    this.childForm.reset();
  }

  protected rename(): void {
    const region = this.selected();
    if (!region || !this.valid(this.renameForm)) return;
    const { name, code } = this.renameForm.getRawValue();
    const body = {
      ...(name.trim() !== region.name ? { name: name.trim() } : {}),
      ...(code.trim() !== region.code ? { code: code.trim() } : {}),
    };
    if (Object.keys(body).length === 0) return;
    this.saving.set(true);
    this.api.update(region.id, body).subscribe({
      next: (saved) => this.done(this.i18n.t('regions.updated', { name: saved.name ?? name })),
      error: () => this.saving.set(false),
    });
  }

  protected addChild(): void {
    const parent = this.selected();
    if (!parent || !this.valid(this.childForm)) return;
    const { code, name } = this.childForm.getRawValue();
    this.saving.set(true);
    this.api.create({ parentId: parent.id, code: code.trim(), name: name.trim() }).subscribe({
      next: (created) => this.done(this.i18n.t('regions.created', { name: created.name ?? name })),
      error: () => this.saving.set(false),
    });
  }

  private valid(form: typeof this.renameForm | typeof this.childForm): boolean {
    if (form.valid) return true;
    for (const control of Object.values(form.controls)) {
      control.markAsDirty();
      control.updateValueAndValidity({ onlySelf: true });
    }
    return false;
  }

  private done(text: string): void {
    this.saving.set(false);
    this.message.success(text);
    this.reload();
  }
}
