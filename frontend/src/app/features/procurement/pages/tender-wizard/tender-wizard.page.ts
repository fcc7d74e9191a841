import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  FormsModule,
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
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  forkJoin,
  map,
  Observable,
  of,
  Subject,
  switchMap,
} from 'rxjs';

import { CalendarDay } from '../../../../api';
import { silentErrors } from '../../../../core/http/http-context';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { ConfirmSummaryComponent, SummaryRow } from '../../../../shared/confirm-summary.component';
import { formatDeadline, fromLocalDateTime, toLocalDateTime } from '../../../../shared/dates';
import { fenToMoney, formatMoney, positiveMoney } from '../../../../shared/money';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { required } from '../../../../shared/validators';
import { CalendarApi } from '../../../regions';
import { publicationSummary } from '../../data/confirm-summary';
import { inlineProblem } from '../../data/errors';
import {
  Criterion,
  OrganisationOption,
  Project,
  SCORING_METHODS,
  ScoringMethod,
  Tender,
  TENDER_METHODS,
  TenderMethod,
} from '../../data/procurement.types';
import { ProjectsApi } from '../../data/projects.api';
import { TenderFormValue, toTenderFormValue, toTenderRequest } from '../../data/tender-form';
import {
  bidDepositProblem,
  centsToPoints,
  committeeSizeProblem,
  deadlineProblem,
  defaultCriteria,
  defaultDeadline,
  EMPTY_CALENDAR,
  maxBidDepositFen,
  maxPriceProblem,
  MINIMUM_PERIODS,
  minimumCommitteeSize,
  SchemeProblem,
  schemeProblems,
  shanghaiDate,
  technicalCents,
  WorkingCalendar,
  workingCalendar,
} from '../../data/tender-rules';
import { TendersApi } from '../../data/tenders.api';
import { InlineProblem, ProcCodePipe, ProcTranslatePipe, ProcurementI18n } from '../../i18n/procurement-i18n';

type CriterionGroup = FormGroup<{
  code: FormControl<string>;
  name: FormControl<string>;
  maxScore: FormControl<string>;
}>;

export const WIZARD_STEPS = ['method', 'eligibility', 'scoring', 'terms'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/**
 * 采购公告向导 (officer): method → eligibility (minimum grade; the designated organisation for a
 * single source) → scoring scheme (criteria rows; technical maxima + price weight = 100) → maximum
 * price (≤ project estimate), committee size and bid deadline with the legal earliest date shown.
 * Saves a draft, or saves and publishes.
 */
@Component({
  selector: 'dd-tender-wizard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConfirmSummaryComponent,
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzSelectModule,
    NzSpinModule,
    NzStepsModule,
    MoneyPipe,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  templateUrl: './tender-wizard.page.html',
  styleUrl: '../procurement.css',
})
export default class TenderWizardPage implements OnInit {
  private readonly api = inject(TendersApi);
  private readonly projectsApi = inject(ProjectsApi);
  private readonly calendarApi = inject(CalendarApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly destroyRef = inject(DestroyRef);

  /** `/procurement/tenders/:id/edit` (a draft). */
  readonly id = input<string>();
  /** `?projectId=` preselects the project of a new tender. */
  readonly projectId = input<string>();

  protected readonly methods = TENDER_METHODS;
  protected readonly scoringMethods = SCORING_METHODS;
  protected readonly periods = MINIMUM_PERIODS;
  protected readonly grades = [1, 2, 3, 4, 5];
  protected readonly steps = WIZARD_STEPS;

  protected readonly step = signal(0);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly checked = signal<ReadonlySet<number>>(new Set());
  protected readonly problem = signal<InlineProblem | null>(null);
  /** From a 422 TENDER_PERIOD_TOO_SHORT: the server's earliest date. */
  protected readonly serverEarliest = signal<string | null>(null);
  /** The saved draft being edited (also after a create whose publish failed). */
  protected readonly tender = signal<Tender | null>(null);

  protected readonly projects = signal<Project[]>([]);
  protected readonly organisations = signal<OrganisationOption[]>([]);
  /** What is typed in the designated-organisation picker: searched on the server (the registry is large). */
  private readonly organisationSearch = new Subject<string>();
  protected readonly calendar = signal<WorkingCalendar>(EMPTY_CALENDAR);
  /** Today in Asia/Shanghai: the publication date if published now. */
  protected readonly today = signal(shanghaiDate(new Date()));

  protected readonly form = this.fb.group({
    projectId: this.fb.control<number | null>(null, required),
    title: ['', [required, Validators.minLength(2), Validators.maxLength(128)]],
    description: ['', [required, Validators.maxLength(10_000)]],
    method: this.fb.control<TenderMethod>('OPEN_TENDER'),
    minGrade: this.fb.control<number | null>(null),
    designatedOrganisationId: this.fb.control<number | null>(null),
    scoringMethod: this.fb.control<ScoringMethod>('COMPREHENSIVE'),
    priceWeight: this.fb.control<number | null>(30),
    criteria: this.fb.array<CriterionGroup>([]),
    maxPrice: ['', [required, positiveMoney]],
    bidDeposit: [''],
    committeeSize: this.fb.control<number | null>(5),
    bidDeadline: ['', required],
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private formValue(): TenderFormValue {
    return this.form.getRawValue();
  }

  protected readonly method = computed(() => this.value().method ?? 'OPEN_TENDER');
  protected readonly project = computed(() => this.projects().find((p) => p.id === this.value().projectId) ?? null);
  protected readonly criteriaValue = computed<Criterion[]>(() =>
    (this.value().criteria ?? []).map((c) => ({ code: c.code ?? '', name: c.name ?? '', maxScore: c.maxScore ?? '' })),
  );
  protected readonly technical = computed(() => centsToPoints(technicalCents(this.criteriaValue())));
  protected readonly scheme = computed(() =>
    schemeProblems(
      this.value().scoringMethod ?? 'COMPREHENSIVE',
      this.value().priceWeight ?? null,
      this.criteriaValue(),
    ),
  );
  protected readonly earliest = computed(
    () => deadlineProblem(this.method(), null, this.today(), this.calendar())?.earliest ?? '',
  );
  protected readonly deadlineIssue = computed(() =>
    deadlineProblem(this.method(), fromLocalDateTime(this.value().bidDeadline ?? ''), this.today(), this.calendar()),
  );
  protected readonly deadlineShown = computed(() => {
    const instant = fromLocalDateTime(this.value().bidDeadline ?? '');
    return instant ? formatDeadline(instant) : '';
  });
  protected readonly committeeIssue = computed(() =>
    committeeSizeProblem(this.method(), this.value().committeeSize ?? null),
  );
  protected readonly minCommittee = computed(() => minimumCommitteeSize(this.method()));
  protected readonly priceIssue = computed(() =>
    maxPriceProblem(this.value().maxPrice ?? '', this.project()?.estimatedAmount ?? null),
  );
  protected readonly depositIssue = computed(() =>
    bidDepositProblem(this.value().bidDeposit ?? '', this.project()?.estimatedAmount ?? null),
  );
  protected readonly depositCap = computed(() => maxBidDepositFen(this.project()?.estimatedAmount ?? null));
  protected readonly needsDesignated = computed(() => this.method() === 'SINGLE_SOURCE');

  ngOnInit(): void {
    const year = Number(this.today().slice(0, 4));
    const calendarOf = (y: number): Observable<CalendarDay[]> =>
      this.calendarApi.year(y).pipe(
        map((c) => c.days),
        catchError(() => of([] as CalendarDay[])),
      );
    forkJoin([calendarOf(year), calendarOf(year + 1)])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(([a, b]) => {
        this.calendar.set(workingCalendar([...a, ...b]));
        this.defaultDeadlineIfUntouched();
      });
    this.api
      .organisations()
      .pipe(
        catchError(() => of([] as OrganisationOption[])),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((orgs) => this.organisations.set(orgs));
    this.organisationSearch
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => this.api.organisations(q).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((orgs) => {
        if (!orgs) return;
        // the chosen organisation stays among the options, so its name stays shown
        const chosen = this.form.controls.designatedOrganisationId.value;
        const kept = this.organisations().filter((o) => o.id === chosen);
        this.organisations.set([...kept, ...orgs.filter((o) => o.id !== chosen)]);
      });

    const id = Number(this.id());
    if (id > 0) {
      this.loading.set(true);
      this.api
        .get(id)
        .pipe(
          switchMap((tender) => this.projectsApi.get(tender.projectId).pipe(map((project) => ({ tender, project })))),
          takeUntilDestroyed(this.destroyRef),
        )
        .subscribe({
          next: ({ tender, project }) => {
            this.tender.set(tender);
            this.projects.set([project]);
            this.fill(toTenderFormValue(tender, toLocalDateTime(tender.bidDeadline)));
            this.loading.set(false);
          },
          error: () => this.loading.set(false),
        });
      return;
    }
    for (const c of defaultCriteria()) this.addCriterion(c);
    this.projectsApi
      .list({ status: 'APPROVED', pageSize: 100 })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((page) => {
        this.projects.set(page.items.filter((p) => !p.tenderId));
        const preset = Number(this.projectId());
        if (preset > 0 && page.items.some((p) => p.id === preset)) this.chooseProject(preset);
      });
    this.defaultDeadlineIfUntouched();
  }

  private fill(v: TenderFormValue): void {
    this.criteria.clear();
    for (const c of v.criteria) this.addCriterion(c);
    const { criteria: _criteria, ...rest } = v;
    this.form.patchValue(rest);
  }

  protected get criteria(): FormArray<CriterionGroup> {
    return this.form.controls.criteria;
  }

  protected addCriterion(c: Criterion = { code: '', name: '', maxScore: '' }): void {
    this.criteria.push(
      this.fb.group({
        code: [c.code, [required, Validators.pattern(/^[A-Z][A-Z0-9_]{0,15}$/)]],
        name: [c.name, [required, Validators.maxLength(64)]],
        maxScore: [c.maxScore, [required, Validators.pattern(/^(0|[1-9]\d{0,2})(\.\d{1,2})?$/)]],
      }),
    );
  }

  protected removeCriterion(index: number): void {
    this.criteria.removeAt(index);
  }

  /** A project chosen: title and maximum price default from it. */
  protected chooseProject(id: number | null): void {
    const project = this.projects().find((p) => p.id === id);
    this.form.controls.projectId.setValue(id);
    if (!project) return;
    if (!this.form.controls.title.dirty)
      this.form.controls.title.setValue(this.i18n.t('wizard.defaultTitle', { title: project.title }));
    if (!this.form.controls.maxPrice.dirty) this.form.controls.maxPrice.setValue(project.estimatedAmount);
    if (!this.form.controls.description.dirty)
      this.form.controls.description.setValue(project.plan.objectives.join('\n'));
  }

  /** A method chosen: the committee grows to its minimum, an untouched deadline moves to the new earliest date. */
  protected chooseMethod(method: TenderMethod): void {
    this.form.controls.method.setValue(method);
    const size = this.form.controls.committeeSize.value ?? 0;
    if (size < minimumCommitteeSize(method)) this.form.controls.committeeSize.setValue(minimumCommitteeSize(method));
    this.defaultDeadlineIfUntouched();
  }

  protected chooseScoring(method: ScoringMethod): void {
    this.form.controls.scoringMethod.setValue(method);
    if (method === 'LOWEST_PRICE') {
      this.form.controls.priceWeight.setValue(0);
      this.criteria.clear();
    } else if ((this.form.controls.priceWeight.value ?? 0) < 10) {
      this.form.controls.priceWeight.setValue(30);
      if (this.criteria.length === 0) for (const c of defaultCriteria()) this.addCriterion(c);
    }
  }

  private defaultDeadlineIfUntouched(): void {
    const control = this.form.controls.bidDeadline;
    if (control.dirty || this.tender()) return;
    const earliest = deadlineProblem(this.method(), null, this.today(), this.calendar())?.earliest;
    if (earliest) control.setValue(toLocalDateTime(defaultDeadline(earliest)));
  }

  protected useEarliest(): void {
    const date = this.serverEarliest() ?? this.earliest();
    if (!date) return;
    this.form.controls.bidDeadline.setValue(toLocalDateTime(defaultDeadline(date)));
    this.form.controls.bidDeadline.markAsDirty();
    this.serverEarliest.set(null);
  }

  /** Is the step complete? (Marks its fields so the errors show.) */
  protected stepValid(index: number): boolean {
    const f = this.form.controls;
    switch (WIZARD_STEPS[index]) {
      case 'method':
        return f.projectId.valid && f.title.valid && f.description.valid;
      case 'eligibility':
        return !this.needsDesignated() || f.designatedOrganisationId.value !== null;
      case 'scoring':
        return this.scheme().length === 0 && (this.value().scoringMethod === 'LOWEST_PRICE' || this.criteria.valid);
      case 'terms':
        return (
          f.maxPrice.valid &&
          this.priceIssue() === null &&
          this.depositIssue() === null &&
          this.committeeIssue() === null &&
          this.deadlineIssue() === null
        );
      default:
        return true;
    }
  }

  private touch(index: number): void {
    this.checked.update((s) => new Set([...s, index]));
    const f = this.form.controls;
    const controls =
      index === 0
        ? [f.projectId, f.title, f.description]
        : index === 2
          ? [f.priceWeight, ...this.criteria.controls]
          : index === 3
            ? [f.maxPrice, f.committeeSize, f.bidDeadline]
            : [f.designatedOrganisationId];
    for (const c of controls) {
      c.markAllAsDirty();
      c.updateValueAndValidity();
    }
  }

  protected stepStatus(index: number): 'wait' | 'process' | 'finish' | 'error' {
    if (index === this.step()) return 'process';
    if (this.checked().has(index) && !this.stepValid(index)) return 'error';
    return index < this.step() ? 'finish' : 'wait';
  }

  protected schemeText(p: SchemeProblem): string {
    switch (p.code) {
      case 'priceWeightRange':
        return this.i18n.t('scheme.priceWeightRange', { min: p.min });
      case 'tooManyCriteria':
        return this.i18n.t('scheme.tooManyCriteria', { max: p.max });
      case 'totalNot100':
        return this.i18n.t('scheme.totalNot100', { technical: p.technical, price: p.price });
      case 'criterionCode':
      case 'criterionCodeDuplicate':
      case 'criterionName':
      case 'criterionScore':
        return this.i18n.t(`scheme.${p.code}`, { row: p.row });
      case 'lowestPriceNoCriteria':
      case 'noCriteria':
        return this.i18n.t(`scheme.${p.code}`);
    }
  }

  protected searchOrganisations(text: string): void {
    this.organisationSearch.next(text.trim().slice(0, 50));
  }

  protected next(): void {
    this.touch(this.step());
    if (this.stepValid(this.step())) this.step.update((s) => Math.min(s + 1, WIZARD_STEPS.length - 1));
  }

  protected prev(): void {
    this.step.update((s) => Math.max(s - 1, 0));
  }

  protected goTo(index: number): void {
    if (index <= this.step()) this.step.set(index);
    else this.next();
  }

  protected moneyFen(fen: string | null): string {
    return fen === null ? '' : formatMoney(fenToMoney(fen));
  }

  protected money(value: string | null | undefined): string {
    return formatMoney(value ?? null);
  }

  protected periodText(method: TenderMethod): string {
    const p = MINIMUM_PERIODS[method];
    return this.i18n.t(p.unit === 'CALENDAR' ? 'wizard.periodCalendar' : 'wizard.periodWorking', { days: p.days });
  }

  /** The summary shown before publishing (null: the dialog is closed). */
  protected readonly publishing = signal<SummaryRow[] | null>(null);

  /** Publishing asks first: every step valid, then what the notice will say, to confirm. */
  protected askPublish(): void {
    for (let i = 0; i < WIZARD_STEPS.length; i++) this.touch(i);
    const firstBad = WIZARD_STEPS.findIndex((_s, i) => !this.stepValid(i));
    const request = toTenderRequest(this.formValue());
    if (firstBad >= 0 || !request) {
      this.step.set(firstBad >= 0 ? firstBad : 0);
      return;
    }
    this.publishing.set(
      publicationSummary(
        { ...request, minGrade: request.minGrade ?? null },
        { t: (key, params) => this.i18n.t(key, params), code: (prefix, c) => this.i18n.code(prefix, c) },
      ),
    );
  }

  protected confirmPublish(): void {
    this.publishing.set(null);
    this.save(true);
  }

  /** Saves the draft (create or update), then publishes when asked. */
  protected save(publish: boolean): void {
    for (let i = 0; i < WIZARD_STEPS.length; i++) this.touch(i);
    const firstBad = WIZARD_STEPS.findIndex((_s, i) => !this.stepValid(i));
    const request = toTenderRequest(this.formValue());
    if (firstBad >= 0 || !request) {
      this.step.set(firstBad >= 0 ? firstBad : 0);
      return;
    }
    this.problem.set(null);
    this.serverEarliest.set(null);
    this.saving.set(true);
    const draft = this.tender();
    const saved$ = draft
      ? this.api.update(draft.id, request, silentErrors())
      : this.api.create(request, silentErrors());
    saved$.subscribe({
      next: (tender) => {
        this.tender.set(tender);
        if (!publish) {
          this.saving.set(false);
          this.message.success(this.i18n.t('wizard.saved'));
          void this.router.navigate(['/procurement/tenders', tender.id]);
          return;
        }
        this.api.publish(tender.id, silentErrors()).subscribe({
          next: (published) => {
            this.saving.set(false);
            this.message.success(this.i18n.t('wizard.published'));
            void this.router.navigate(['/procurement/tenders', published.id]);
          },
          error: (error: unknown) => this.failed(error),
        });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.saving.set(false);
    const problem = inlineProblem(error, this.base, this.i18n);
    this.problem.set(problem);
    const earliest = problem.body?.['earliest'];
    if (problem.code === 'TENDER_PERIOD_TOO_SHORT' || typeof earliest === 'string') {
      this.serverEarliest.set(typeof earliest === 'string' ? earliest.slice(0, 10) : this.earliest());
      this.step.set(WIZARD_STEPS.indexOf('terms'));
    }
  }
}
