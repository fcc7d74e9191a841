import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ArrowDownOutline,
  ArrowUpOutline,
  DownOutline,
  LockOutline,
  MinusCircleOutline,
  RightOutline,
  SaveOutline,
} from '@ant-design/icons-angular/icons';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { asProblemDetails } from '../../../../core/http/problem-details';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { FormProblem, formProblem } from '../../../../shared/form-problem';
import { FormProblemComponent } from '../../../../shared/form-problem.component';
import {
  addChild,
  checkTree,
  defaultGuide,
  formatCents,
  isLeaf,
  LocalProblem,
  MAX_DEPTH,
  moveNode,
  NodePath,
  NodeTotal,
  pathKey,
  PlacedProblem,
  placeProblems,
  removeNode,
  setKind,
  toCents,
  treeForRequest,
  updateNode,
} from '../../data/templates-tree';
import {
  COMPUTED_INDICATORS,
  ComputedIndicator,
  GuideLevel,
  IndicatorNode,
  IndicatorTree,
  LeafKind,
  TemplateDetail,
  TemplatesApi,
} from '../../data/templates.api';
import { TemplatesCodePipe, TemplatesI18n, TemplatesKey, TemplatesTranslatePipe } from '../../data/templates.i18n';
import { templateStatusColor } from '../templates-list/templates-list.page';

/** One line of the tree as the page draws it (the tree flattened, collapsed branches left out). */
interface Row {
  id: string;
  path: NodePath;
  depth: number;
  node: IndicatorNode;
  leaf: boolean;
  /** Inner nodes: their children's live total. */
  total: NodeTotal | null;
  open: boolean;
  problems: LocalProblem[];
  server: PlacedProblem[];
}

/**
 * One version of an indicator template. A DRAFT is edited as a tree — names, points, leaves manual or computed, guides
 * — with live point totals at every level: a node whose children do not add up is red with the difference. A draft
 * with problems can be saved; activation needs it saved and without problems. The server's `errors[]` show beside the
 * nodes they name. Active, retired and frozen versions are read-only, with "copy into a new version".
 */
@Component({
  selector: 'dd-templates-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    provideNzIconsPatch([
      ArrowDownOutline,
      ArrowUpOutline,
      DownOutline,
      LockOutline,
      MinusCircleOutline,
      RightOutline,
      SaveOutline,
    ]),
  ],
  imports: [
    AccessibleNameDirective,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTagModule,
    NzTooltipModule,
    FormProblemComponent,
    TranslatePipe,
    TemplatesTranslatePipe,
    TemplatesCodePipe,
  ],
  templateUrl: './templates-editor.page.html',
  styleUrl: './templates-editor.page.css',
})
export default class TemplatesEditorPage implements OnInit {
  private readonly api = inject(TemplatesApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(TemplatesI18n);

  protected readonly computedIndicators = COMPUTED_INDICATORS;
  protected readonly maxDepth = MAX_DEPTH;
  protected readonly color = templateStatusColor;
  protected readonly minute = formatMinute;

  protected readonly detail = signal<TemplateDetail | null>(null);
  protected readonly notFound = signal(false);
  protected readonly tree = signal<IndicatorTree>({ total: '100', nodes: [] });
  protected readonly name = signal('');
  protected readonly description = signal('');
  /** What was last loaded or saved, to tell unsaved changes. */
  private readonly saved = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<FormProblem | null>(null);
  /** The server's problems of the saved draft, or of the last refused save, by node. */
  protected readonly server = signal<Record<string, PlacedProblem[]>>({});
  /** Inner nodes folded, leaves unfolded (their guide shown), by path key. */
  private readonly folded = signal<ReadonlySet<string>>(new Set());
  private readonly unfolded = signal<ReadonlySet<string>>(new Set());

  protected readonly canManage = computed(() =>
    this.auth.permissions().includes(PERMISSIONS.EVALUATION_TEMPLATES_MANAGE),
  );
  protected readonly editable = computed(() => {
    const d = this.detail();
    return d !== null && d.status === 'DRAFT' && d.frozenAt === null && this.canManage();
  });
  protected readonly dirty = computed(() => this.editable() && this.snapshot() !== this.saved());
  protected readonly check = computed(() => checkTree(this.tree(), this.detail()?.purpose ?? 'PROJECT'));
  protected readonly canActivate = computed(
    () =>
      this.editable() &&
      !this.dirty() &&
      this.check().problems.length === 0 &&
      this.name().trim() !== '' &&
      this.detail()?.activatable === true,
  );
  /** Problems of the tree as a whole (its total, no indicator at all). */
  protected readonly treeProblems = computed(() =>
    this.check().problems.filter((p) => p.node === 'total' || p.node === 'nodes'),
  );
  protected readonly treeServerProblems = computed(() => [
    ...(this.server()['total'] ?? []),
    ...(this.server()['nodes'] ?? []),
  ]);
  /** Older versions of the family still active (after this one is activated). */
  protected readonly olderActive = computed(() => {
    const d = this.detail();
    if (!d || d.status !== 'ACTIVE') return [];
    return d.versions.filter((v) => v.status === 'ACTIVE' && v.version < d.version).map((v) => v.version);
  });
  protected readonly rows = computed<Row[]>(() => {
    const out: Row[] = [];
    const check = this.check();
    const server = this.server();
    const folded = this.folded();
    const unfolded = this.unfolded();
    const walk = (nodes: readonly IndicatorNode[], parent: NodePath) =>
      nodes.forEach((node, i) => {
        const path = [...parent, i];
        const id = pathKey(path);
        const leaf = isLeaf(node);
        const open = leaf ? unfolded.has(id) : !folded.has(id);
        out.push({
          id,
          path,
          depth: path.length,
          node,
          leaf,
          total: check.nodes[id] ?? null,
          open,
          problems: check.problems.filter((p) => p.node === id),
          server: server[id] ?? [],
        });
        if (!leaf && open) walk(node.children ?? [], path);
      });
    walk(this.tree().nodes, []);
    return out;
  });

  ngOnInit(): void {
    this.route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      this.load(Number(params.get('id')));
    });
  }

  private snapshot(): string {
    return JSON.stringify([this.name().trim(), this.description().trim(), treeForRequest(this.tree())]);
  }

  private load(id: number): void {
    this.notFound.set(false);
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (d) => this.show(d),
        error: (e: HttpErrorResponse) => this.notFound.set(e.status === 404),
      });
  }

  private show(d: TemplateDetail): void {
    this.detail.set(d);
    this.tree.set(d.tree);
    this.name.set(d.name);
    this.description.set(d.description ?? '');
    this.saved.set(this.snapshot());
    // the saved draft's own problems are the live check's: only a refused save or activation shows the server's
    this.server.set({});
    this.problem.set(null);
    // a read-only version shows every scoring guide; a draft opens the leaves that still have a problem
    const leaves = new Set<string>();
    const visit = (nodes: readonly IndicatorNode[], parent: NodePath) =>
      nodes.forEach((n, i) => {
        const path = [...parent, i];
        if (isLeaf(n)) leaves.add(pathKey(path));
        else visit(n.children ?? [], path);
      });
    if (d.status !== 'DRAFT') visit(d.tree.nodes, []);
    this.unfolded.set(leaves);
    this.folded.set(new Set());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Texts

  protected t(key: TemplatesKey, params?: Record<string, string | number>): string {
    return this.texts.t(key, params);
  }

  protected points(cents: number): string {
    return formatCents(cents);
  }

  /** "差 2 分" / "多 1.5 分" for a difference in cents (children − own, or sum − total). */
  protected differenceText(difference: number | null | undefined): string {
    if (!difference) return '';
    return this.t(difference > 0 ? 'tpl.diff.more' : 'tpl.diff.less', { n: formatCents(Math.abs(difference)) });
  }

  protected problemText(p: LocalProblem): string {
    if (p.code === 'GUIDE_INVALID' && p.member.startsWith('guide['))
      return this.t('tplProblem.GUIDE_LEVEL_INVALID', { n: Number(/\d+/.exec(p.member)?.[0] ?? 0) + 1 });
    const text = this.texts.code('tplProblem.', p.code);
    return p.code === 'POINTS_DO_NOT_ADD_UP' && p.difference ? `${text}（${this.differenceText(p.difference)}）` : text;
  }

  /** A problem the server answered, in the reader's language when its code is known. */
  protected serverText(p: PlacedProblem): string {
    return this.problemText({ node: p.node, member: p.member, code: p.code as LocalProblem['code'] }).replace(
      /（）$/,
      '',
    );
  }

  protected label(row: Row): string {
    return row.node.name.trim() || this.t('tpl.node.unnamed');
  }

  protected levelKey(depth: number): TemplatesKey {
    return `tpl.level.${Math.min(depth, 3)}` as TemplatesKey;
  }

  protected hasProblem(row: Row, member: string): boolean {
    return (
      row.problems.some((p) => p.member === member) ||
      row.server.some((p) => p.member === member || p.member.startsWith(`${member}[`))
    );
  }

  protected guideLevelBad(row: Row, j: number): boolean {
    return this.hasProblem(row, `guide[${j}]`);
  }

  protected computedOf(row: Row): ComputedIndicator | null {
    return row.node.computed ?? null;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Edits

  protected toggle(row: Row): void {
    const flip = (set: ReadonlySet<string>) => {
      const next = new Set(set);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      return next;
    };
    if (row.leaf) this.unfolded.update(flip);
    else this.folded.update(flip);
  }

  protected setField(row: Row, field: 'key' | 'name' | 'points' | 'evidenceHint', value: string): void {
    this.tree.update((tree) => updateNode(tree, row.path, (n) => ({ ...n, [field]: value })));
  }

  protected setKind(row: Row, kind: LeafKind): void {
    this.tree.update((tree) => updateNode(tree, row.path, (n) => setKind(n, kind)));
    if (kind === 'COMPUTED') this.unfolded.update((s) => new Set(s).add(row.id));
  }

  protected setComputed(row: Row, computed: ComputedIndicator): void {
    this.tree.update((tree) => updateNode(tree, row.path, (n) => ({ ...n, computed })));
  }

  protected add(parent: NodePath): void {
    const added = addChild(this.tree(), parent);
    if (!added) return;
    this.tree.set(added.tree);
    if (parent.length > 0) this.folded.update((s) => new Set([...s].filter((id) => id !== pathKey(parent))));
    this.unfolded.update((s) => new Set(s).add(pathKey(added.path)));
  }

  protected remove(row: Row): void {
    this.tree.update((tree) => removeNode(tree, row.path));
    this.server.set({});
  }

  protected move(row: Row, delta: -1 | 1): void {
    this.tree.update((tree) => moveNode(tree, row.path, delta));
    this.server.set({});
  }

  protected siblingsOf(row: Row): number {
    const parent = row.path.slice(0, -1);
    let nodes = this.tree().nodes;
    for (const i of parent) nodes = nodes[i]?.children ?? [];
    return nodes.length;
  }

  protected setGuide(row: Row, j: number, field: keyof GuideLevel, value: string): void {
    this.tree.update((tree) =>
      updateNode(tree, row.path, (n) => ({
        ...n,
        guide: (n.guide ?? []).map((g, k) => (k === j ? { ...g, [field]: value } : g)),
      })),
    );
  }

  protected addGuideLevel(row: Row): void {
    this.tree.update((tree) =>
      updateNode(tree, row.path, (n) => ({
        ...n,
        guide: [...(n.guide ?? []), { label: '', from: '0', to: n.points, description: '' }],
      })),
    );
  }

  protected removeGuideLevel(row: Row, j: number): void {
    this.tree.update((tree) =>
      updateNode(tree, row.path, (n) => ({ ...n, guide: (n.guide ?? []).filter((_, k) => k !== j) })),
    );
  }

  protected writeDefaultGuide(row: Row): void {
    const labels = this.t('tpl.guide.labels').split(',');
    this.tree.update((tree) => updateNode(tree, row.path, (n) => ({ ...n, guide: defaultGuide(n.points, labels) })));
  }

  protected pointsValid(text: string): boolean {
    const c = toCents(text);
    return c !== null && c > 0;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Server actions

  protected save(): void {
    const d = this.detail();
    if (!d || !this.editable()) return;
    this.run(
      this.api.update(d.id, {
        name: this.name().trim(),
        description: this.description().trim() || null,
        tree: treeForRequest(this.tree()),
      }),
      'tpl.saved',
    );
  }

  protected activate(): void {
    const d = this.detail();
    if (!d || !this.canActivate()) return;
    this.run(this.api.activate(d.id), 'tpl.activated');
  }

  protected retire(): void {
    const d = this.detail();
    if (!d) return;
    this.run(this.api.retire(d.id), 'tpl.retired');
  }

  protected newVersion(): void {
    const d = this.detail();
    if (!d) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .newVersion(d.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (copy) => {
          this.busy.set(false);
          this.message.success(this.t('tpl.newVersionDone', { n: copy.version }));
          void this.router.navigate(['/evaluation/templates', copy.id]);
        },
        error: (e: unknown) => {
          this.busy.set(false);
          const draftId = e instanceof HttpErrorResponse ? asProblemDetails(e.error)?.['draftId'] : undefined;
          if (typeof draftId === 'number') {
            this.message.info(this.t('tpl.draftExists'));
            void this.router.navigate(['/evaluation/templates', draftId]);
            return;
          }
          this.problem.set(formProblem(e, this.i18n));
        },
      });
  }

  private run(request: ReturnType<TemplatesApi['update']>, done: TemplatesKey): void {
    this.busy.set(true);
    this.problem.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (d) => {
        this.busy.set(false);
        this.show(d);
        this.message.success(this.t(done));
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const body = e instanceof HttpErrorResponse ? asProblemDetails(e.error) : null;
        const errors = (body?.errors ?? []).map((x) => {
          const code: unknown = (x as unknown as Record<string, unknown>)['code'];
          return { field: x.field, message: x.message, code: typeof code === 'string' ? code : '' };
        });
        if (errors.length > 0) this.server.set(placeProblems(errors));
        this.problem.set(formProblem(e, this.i18n));
      },
    });
  }
}
