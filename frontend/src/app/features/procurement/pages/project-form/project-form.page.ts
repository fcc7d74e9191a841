import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTreeSelectModule } from 'ng-zorro-antd/tree-select';
import { catchError, debounceTime, distinctUntilChanged, of, Subject, switchMap } from 'rxjs';

import { BudgetLine, NeedSummary, RegionNode } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMoney, positiveMoney } from '../../../../shared/money';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { required } from '../../../../shared/validators';
import { CatalogueApi } from '../../../catalogue';
import { FundsApi } from '../../../funds';
import { NeedsApi } from '../../../needs';
import { RegionsApi, toTreeNodes } from '../../../regions';
import { checkBudget, estimateOf, fitsAvailable, remainder, unitPriceWithinCap } from '../../data/budget-breakdown';
import { inlineProblem } from '../../data/errors';
import { Project } from '../../data/procurement.types';
import {
  catalogueItems,
  ItemOption,
  ProjectFormValue,
  toProjectFormValue,
  toProjectRequest,
} from '../../data/project-form';
import { ProjectsApi } from '../../data/projects.api';
import { InlineProblem, ProcTranslatePipe, ProcurementI18n } from '../../i18n/procurement-i18n';

type PairGroup<A extends string, B extends string> = FormGroup<Record<A | B, FormControl<string>>>;

/**
 * 新建/编辑项目 (officer): approved needs, one catalogue item, quantity × unit price (at most the
 * item's cap, shown live), the budget line to reserve from, and the implementation plan whose
 * budget breakdown must add up to the estimate exactly. Saved as a draft; submitted on the detail page.
 */
@Component({
  selector: 'dd-project-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzSpinModule,
    NzTreeSelectModule,
    MoneyPipe,
    ProcTranslatePipe,
  ],
  templateUrl: './project-form.page.html',
  styleUrl: '../procurement.css',
})
export default class ProjectFormPage implements OnInit {
  private readonly api = inject(ProjectsApi);
  private readonly needsApi = inject(NeedsApi);
  private readonly catalogueApi = inject(CatalogueApi);
  private readonly fundsApi = inject(FundsApi);
  private readonly regionsApi = inject(RegionsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route: `/procurement/projects/:id/edit`; absent for a new project. */
  readonly id = input<string>();

  protected readonly indicatorKinds = ['output', 'outcome'] as const;
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly checked = signal(false);
  protected readonly problem = signal<InlineProblem | null>(null);
  protected readonly editing = signal<Project | null>(null);

  protected readonly needs = signal<NeedSummary[]>([]);
  /** What is typed in the needs picker: the approved needs are searched on the server (there may be many). */
  private readonly needSearch = new Subject<string>();
  protected readonly items = signal<ItemOption[]>([]);
  protected readonly lines = signal<BudgetLine[]>([]);
  private readonly regions = signal<RegionNode[]>([]);
  protected readonly regionNodes = computed(() => toTreeNodes(this.regions()));

  protected readonly form = this.fb.group({
    title: ['', [required, Validators.minLength(2), Validators.maxLength(128)]],
    regionId: this.fb.control<string | null>(null, required),
    needIds: this.fb.control<number[]>([], required),
    catalogueItemId: this.fb.control<number | null>(null, required),
    quantity: this.fb.control<number | null>(null, [required, Validators.min(1), Validators.max(100_000_000)]),
    unitPrice: ['', [required, positiveMoney]],
    budgetLineId: this.fb.control<number | null>(null, required),
    objectives: this.fb.array<FormControl<string>>([]),
    schedule: this.fb.array<PairGroup<'period', 'activity'>>([]),
    budget: this.fb.array<PairGroup<'item', 'amount'>>([]),
    beneficiaries: this.fb.control<number | null>(null, [required, Validators.min(1), Validators.max(10_000_000)]),
    outputIndicators: this.fb.array<PairGroup<'name', 'target'>>([]),
    outcomeIndicators: this.fb.array<PairGroup<'name', 'target'>>([]),
  });

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly item = computed(() => this.items().find((i) => i.id === this.value().catalogueItemId) ?? null);
  protected readonly line = computed(() => this.lines().find((l) => l.id === this.value().budgetLineId) ?? null);
  protected readonly estimate = computed(() => estimateOf(this.value().quantity ?? null, this.value().unitPrice ?? ''));
  protected readonly priceOk = computed(() => {
    const price = this.value().unitPrice ?? '';
    return price === '' || unitPriceWithinCap(price, this.item()?.priceCap);
  });
  protected readonly budgetCheck = computed(() =>
    checkBudget(
      (this.value().budget ?? []).map((r) => ({ amount: r.amount ?? '' })),
      this.estimate(),
    ),
  );
  protected readonly lineOk = computed(() => fitsAvailable(this.estimate(), this.line()?.balances.available));

  ngOnInit(): void {
    const id = Number(this.id());
    const year = new Date().getFullYear();
    this.needsApi
      .list({ status: 'APPROVED', pageSize: 100 })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((page) => this.needs.set(page.items));
    this.needSearch
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) =>
          this.needsApi.list({ status: 'APPROVED', q: q || null, pageSize: 100 }).pipe(catchError(() => of(null))),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => {
        if (!page) return;
        // keep the needs already chosen among the options, so their labels stay
        const chosen = new Set(this.form.controls.needIds.value);
        const kept = this.needs().filter((n) => chosen.has(n.id));
        this.needs.set([...kept, ...page.items.filter((n) => !chosen.has(n.id))]);
      });
    this.catalogueApi
      .current(year, silentErrors())
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((version) => this.items.set(catalogueItems(version?.categories ?? [])));
    this.fundsApi
      .lines({ status: 'ACTIVE', pageSize: 100 })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((page) => this.lines.set(page.items));
    this.regionsApi
      .tree()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((tree) => this.regions.set(tree));

    if (id > 0) {
      this.loading.set(true);
      this.api
        .get(id)
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (project) => {
            this.editing.set(project);
            this.fill(toProjectFormValue(project));
            this.loading.set(false);
          },
          error: () => this.loading.set(false),
        });
      return;
    }
    const region = this.auth.me()?.region?.id;
    this.fill({
      title: '',
      regionId: region ? String(region) : null,
      needIds: [],
      catalogueItemId: null,
      quantity: null,
      unitPrice: '',
      budgetLineId: null,
      objectives: [''],
      schedule: [{ period: '', activity: '' }],
      budget: [{ item: '', amount: '' }],
      beneficiaries: null,
      outputIndicators: [{ name: '', target: '' }],
      outcomeIndicators: [{ name: '', target: '' }],
    });
  }
  protected searchNeeds(text: string): void {
    this.needSearch.next(text.trim().slice(0, 50));
  }

  private fill(v: ProjectFormValue): void {
    const f = this.form.controls;
    for (const array of [f.objectives, f.schedule, f.budget, f.outputIndicators, f.outcomeIndicators] as FormArray[])
      array.clear();
    for (const o of v.objectives) this.addObjective(o);
    for (const s of v.schedule) this.addSchedule(s.period, s.activity);
    for (const b of v.budget) this.addBudget(b.item, b.amount);
    for (const i of v.outputIndicators) this.addIndicator('output', i.name, i.target);
    for (const i of v.outcomeIndicators) this.addIndicator('outcome', i.name, i.target);
    this.form.patchValue({
      title: v.title,
      regionId: v.regionId,
      needIds: v.needIds,
      catalogueItemId: v.catalogueItemId,
      quantity: v.quantity,
      unitPrice: v.unitPrice,
      budgetLineId: v.budgetLineId,
      beneficiaries: v.beneficiaries,
    });
  }

  protected get objectives(): FormArray<FormControl<string>> {
    return this.form.controls.objectives;
  }
  protected get schedule(): FormArray<PairGroup<'period', 'activity'>> {
    return this.form.controls.schedule;
  }
  protected get budget(): FormArray<PairGroup<'item', 'amount'>> {
    return this.form.controls.budget;
  }
  protected indicators(kind: 'output' | 'outcome'): FormArray<PairGroup<'name', 'target'>> {
    return kind === 'output' ? this.form.controls.outputIndicators : this.form.controls.outcomeIndicators;
  }

  protected addObjective(text = ''): void {
    this.objectives.push(this.fb.control(text, [required, Validators.maxLength(255)]));
  }
  protected addSchedule(period = '', activity = ''): void {
    this.schedule.push(
      this.fb.group({
        period: [period, [required, Validators.maxLength(32)]],
        activity: [activity, [required, Validators.maxLength(255)]],
      }),
    );
  }
  protected addBudget(item = '', amount = ''): void {
    this.budget.push(
      this.fb.group({
        item: [item, [required, Validators.maxLength(64)]],
        amount: [amount, [required, positiveMoney]],
      }),
    );
  }
  protected addIndicator(kind: 'output' | 'outcome', name = '', target = ''): void {
    this.indicators(kind).push(
      this.fb.group({
        name: [name, [required, Validators.maxLength(64)]],
        target: [target, [required, Validators.maxLength(128)]],
      }),
    );
  }
  protected remove(array: FormArray, index: number): void {
    if (array.length > 1) array.removeAt(index);
  }

  /** Puts what is left of the estimate into the last breakdown row. */
  protected fillRemainder(): void {
    const rows = this.budget.controls;
    if (rows.length === 0) return;
    const rest = remainder(
      rows.slice(0, -1).map((r) => ({ amount: r.controls.amount.value })),
      this.estimate(),
    );
    if (rest) rows[rows.length - 1].controls.amount.setValue(rest);
  }

  protected money(value: string | null): string {
    return formatMoney(value);
  }

  protected save(): void {
    this.checked.set(true);
    this.problem.set(null);
    const request = toProjectRequest(this.form.getRawValue());
    if (this.form.invalid || !request || !this.priceOk() || !this.budgetCheck().ok) {
      this.form.markAllAsDirty();
      for (const control of Object.values(this.form.controls)) control.updateValueAndValidity({ onlySelf: true });
      return;
    }
    const editing = this.editing();
    this.saving.set(true);
    const call = editing
      ? this.api.update(editing.id, request, silentErrors())
      : this.api.create(request, silentErrors());
    call.subscribe({
      next: (project) => {
        this.saving.set(false);
        this.message.success(this.i18n.t('project.saved', { title: project.title }));
        void this.router.navigate(['/procurement/projects', project.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }
}
