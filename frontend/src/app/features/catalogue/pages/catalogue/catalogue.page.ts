import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { CatalogueItem, CatalogueVersion, CatalogueVersionDetail, CategoryNode } from '../../../../api';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationKey, TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { CategoryFormComponent } from '../../components/category-form.component';
import { ItemFormComponent } from '../../components/item-form.component';
import { VersionFormComponent } from '../../components/version-form.component';
import { CatalogueApi } from '../../data/catalogue.api';
import { categoryTreeNodes } from '../../data/category-tree';
import { formatSchedule, gradeLabel } from '../../data/items';

/** What the drawer is editing. */
type Editing =
  | { kind: 'category'; category: CategoryNode | null; parent: CategoryNode | null }
  | { kind: 'item'; item: CatalogueItem | null; categoryId: number | null };

/**
 * 服务目录: the catalogue versions; a version's category tree with its items (最高限价, minimum grade,
 * payment schedule); a DRAFT can be edited and published, and any version copied into a new draft.
 */
@Component({
  selector: 'dd-catalogue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzDrawerModule,
    NzEmptyModule,
    NzIconModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    CategoryFormComponent,
    ItemFormComponent,
    VersionFormComponent,
    MoneyPipe,
    StatusTagComponent,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './catalogue.page.html',
  styleUrl: './catalogue.page.css',
})
export default class CataloguePage implements OnInit {
  private readonly api = inject(CatalogueApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly versions = signal<CatalogueVersion[]>([]);
  protected readonly loading = signal(false);
  protected readonly selected = signal<CatalogueVersionDetail | null>(null);
  protected readonly loadingTree = signal(false);
  protected readonly isDraft = computed(() => this.selected()?.status === 'DRAFT');
  protected readonly leafNodes = computed(() => categoryTreeNodes(this.selected()?.categories ?? [], true));

  protected readonly editing = signal<Editing | null>(null);
  protected readonly drawerTitle = computed<TranslationKey>(() => {
    const e = this.editing();
    if (e?.kind === 'item') return e.item ? 'catalogue.editItem' : 'catalogue.addItem';
    if (e?.category) return 'catalogue.editCategory';
    return e?.parent ? 'catalogue.addSubCategory' : 'catalogue.addRootCategory';
  });
  /** The version modal: closed (undefined), a new empty version (null) or a copy of a version. */
  protected readonly versionSource = signal<CatalogueVersion | null | undefined>(undefined);
  protected readonly publishing = signal(false);
  protected readonly drawerWidth = typeof window === 'undefined' ? 640 : Math.min(640, window.innerWidth);
  protected readonly gradeLabel = gradeLabel;
  protected readonly formatSchedule = formatSchedule;

  ngOnInit(): void {
    this.loadVersions();
  }

  private loadVersions(selectId?: number): void {
    this.loading.set(true);
    this.api
      .versions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) => {
          const sorted = [...list].sort((a, b) => b.year - a.year || b.version - a.version);
          this.versions.set(sorted);
          this.loading.set(false);
          const id = selectId ?? this.selected()?.id ?? sorted[0]?.id;
          if (id !== undefined) this.select(id);
        },
        error: () => this.loading.set(false),
      });
  }

  protected select(id: number): void {
    this.loadingTree.set(true);
    this.api
      .version(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (version) => {
          this.selected.set(version);
          this.loadingTree.set(false);
        },
        error: () => this.loadingTree.set(false),
      });
  }

  protected published(version: CatalogueVersion): string {
    return formatMinute(version.publishedAt, this.i18n.lang());
  }

  protected publish(): void {
    const version = this.selected();
    if (!version) return;
    this.publishing.set(true);
    this.api.publish(version.id).subscribe({
      next: () => {
        this.publishing.set(false);
        this.message.success(this.i18n.t('catalogue.published', { title: version.title }));
        this.loadVersions(version.id);
      },
      error: () => this.publishing.set(false),
    });
  }

  protected versionCreated(version: CatalogueVersion): void {
    this.versionSource.set(undefined);
    this.message.success(this.i18n.t('catalogue.versionCreated', { title: version.title }));
    this.loadVersions(version.id);
  }

  protected addCategory(parent: CategoryNode | null): void {
    this.editing.set({ kind: 'category', category: null, parent });
  }

  protected editCategory(category: CategoryNode): void {
    this.editing.set({ kind: 'category', category, parent: null });
  }

  protected addItem(category: CategoryNode): void {
    this.editing.set({ kind: 'item', item: null, categoryId: category.id });
  }

  protected editItem(item: CatalogueItem): void {
    this.editing.set({ kind: 'item', item, categoryId: item.categoryId });
  }

  protected saved(): void {
    this.editing.set(null);
    this.message.success(this.i18n.t('common.saved'));
    const version = this.selected();
    if (version) this.select(version.id);
  }

  protected ownKeys(category: CategoryNode): Set<string> {
    return new Set((category.attributeSchema ?? []).map((d) => d.key));
  }
}
