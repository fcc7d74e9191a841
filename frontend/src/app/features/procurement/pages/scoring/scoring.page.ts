import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { forkJoin } from 'rxjs';

import { silentErrors } from '../../../../core/http/http-context';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { Downloads } from '../../../../shared/download.service';
import { MoneyPipe } from '../../../../shared/money.pipe';
import { PastGradesComponent } from '../../components/past-grades.component';
import { TenderSummaryComponent } from '../../components/tender-summary.component';
import { inlineProblem } from '../../data/errors';
import { formatBytes } from '../../data/files';
import { Bid, BidDocument, ScoreSheet, Tender } from '../../data/procurement.types';
import { scoreProblem, sheetComplete, sheetTotal, toSheets } from '../../data/scores';
import { TendersApi } from '../../data/tenders.api';
import { InlineProblem, ProcTranslatePipe, ProcurementI18n } from '../../i18n/procurement-i18n';

/**
 * 评审打分 (expert on the committee): every qualified bid with its technical responses and
 * documents, one score per criterion (0 to the criterion's maximum, two decimals), submitted all at
 * once and final.
 */
@Component({
  selector: 'dd-scoring-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSpinModule,
    MoneyPipe,
    PastGradesComponent,
    TenderSummaryComponent,
    ProcTranslatePipe,
  ],
  templateUrl: './scoring.page.html',
  styleUrl: '../procurement.css',
})
export default class ScoringPage {
  private readonly api = inject(TendersApi);
  private readonly downloads = inject(Downloads);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  readonly id = input.required<string>();

  protected readonly tender = signal<Tender | null>(null);
  protected readonly bids = signal<Bid[]>([]);
  /** My submitted sheets (final): non-empty means there is nothing left to do. */
  protected readonly submitted = signal<ScoreSheet[]>([]);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly checked = signal(false);
  protected readonly problem = signal<InlineProblem | null>(null);
  /** bid id → criterion code → points as typed. */
  protected scores: Record<string, Record<string, string>> = {};
  protected comments: Record<string, string> = {};

  protected readonly criteria = computed(() => this.tender()?.criteria ?? []);
  protected readonly final = computed(() => this.submitted().length > 0);
  protected readonly canScore = computed(
    () => this.tender()?.status === 'EVALUATING' && !this.final() && this.bids().length > 0,
  );

  constructor() {
    effect(() => {
      const id = Number(this.id());
      untracked(() => this.load(id));
    });
  }

  private load(id: number): void {
    this.loading.set(true);
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tender) => {
          this.tender.set(tender);
          if (tender.status === 'DRAFT' || tender.status === 'PUBLISHED' || tender.status === 'CLOSED') {
            this.loading.set(false);
            return;
          }
          forkJoin([this.api.bids(id, silentErrors()), this.api.myScores(id)])
            .pipe(takeUntilDestroyed(this.destroyRef))
            .subscribe({
              next: ([bids, mine]) => {
                const qualified = bids.filter(
                  (b) =>
                    b.status === 'QUALIFIED' ||
                    b.status === 'SCORED' ||
                    b.status === 'WINNER' ||
                    b.status === 'NOT_AWARDED',
                );
                this.scores = Object.fromEntries(
                  qualified.map((b) => [b.id, { ...(mine.find((s) => s.bidId === b.id)?.scores ?? {}) }]),
                );
                this.comments = Object.fromEntries(mine.map((s) => [s.bidId, s.comment ?? '']));
                this.bids.set(qualified);
                this.submitted.set(mine);
                this.loading.set(false);
              },
              error: (error: unknown) => {
                this.loading.set(false);
                this.problem.set(inlineProblem(error, this.base, this.i18n));
              },
            });
        },
        error: () => this.loading.set(false),
      });
  }

  protected scoreError(bidId: string, code: string, max: string): 'format' | 'range' | null {
    const value = this.scores[bidId]?.[code] ?? '';
    if (!this.checked() && value === '') return null;
    return scoreProblem(value, max);
  }

  protected total(bidId: string): string {
    return sheetTotal(this.criteria(), this.scores[bidId] ?? {});
  }

  protected complete(bidId: string): boolean {
    return sheetComplete(this.criteria(), this.scores[bidId] ?? {});
  }

  protected allComplete(): boolean {
    return this.bids().every((b) => this.complete(b.id));
  }

  protected size(bytes: number): string {
    return formatBytes(bytes);
  }

  protected download(bid: Bid, doc: BidDocument): void {
    void this.downloads.save(this.api.document(bid.tenderId, bid.id, doc.id), doc.fileName);
  }

  protected submit(): void {
    this.checked.set(true);
    const tender = this.tender();
    if (!tender || !this.allComplete()) return;
    const sheets = toSheets(
      this.bids().map((b) => b.id),
      this.scores,
      this.comments,
    );
    this.busy.set(true);
    this.problem.set(null);
    this.api.submitScores(tender.id, sheets, silentErrors()).subscribe({
      next: () => {
        this.busy.set(false);
        this.submitted.set(sheets);
        this.message.success(this.i18n.t('scoring.submitted'));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }
}
