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
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline } from '../../../../shared/dates';
import { BidEditorComponent } from '../../components/bid-editor.component';
import { NoticesPanelComponent } from '../../components/notices-panel.component';
import { ObjectionsPanelComponent } from '../../components/objections-panel.component';
import { OpenedBidsComponent } from '../../components/opened-bids.component';
import { TenderSummaryComponent } from '../../components/tender-summary.component';
import { inlineProblem } from '../../data/errors';
import { ObjectionsApi } from '../../data/objections.api';
import { Bid, SEALED_TENDER_STATUSES, Tender } from '../../data/procurement.types';
import { TendersApi } from '../../data/tenders.api';
import { InlineProblem, ProcTranslatePipe, ProcurementI18n } from '../../i18n/procurement-i18n';

/**
 * 投标 (organisation member): one call — my bid with its receipt, the notice, clarifications and
 * my questions, the opening results once opened, and objections to an award notice.
 */
@Component({
  selector: 'dd-bid-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzSpinModule,
    NzTabsModule,
    BidEditorComponent,
    NoticesPanelComponent,
    ObjectionsPanelComponent,
    OpenedBidsComponent,
    TenderSummaryComponent,
    ProcTranslatePipe,
  ],
  templateUrl: './bid-page.page.html',
  styleUrl: '../procurement.css',
})
export default class BidPage {
  private readonly api = inject(TendersApi);
  private readonly objectionsApi = inject(ObjectionsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  readonly id = input.required<string>();

  protected readonly tender = signal<Tender | null>(null);
  protected readonly loading = signal(true);
  protected readonly myBid = signal<Bid | null>(null);
  protected readonly opened = signal<Bid[]>([]);
  protected readonly canObject = computed(() => this.auth.permissions().includes(PERMISSIONS.OBJECTIONS_FILE));
  protected readonly objectionOpen = computed(() => {
    const t = this.tender();
    if (!t || t.status !== 'AWARD_NOTICE') return false;
    return !t.objectionWindowEndsAt || new Date(t.objectionWindowEndsAt).getTime() > Date.now();
  });
  protected readonly afterOpening = computed(() => {
    const t = this.tender();
    return t !== null && !SEALED_TENDER_STATUSES.includes(t.status);
  });
  protected grounds = '';
  protected readonly filing = signal(false);
  protected readonly objectionProblem = signal<InlineProblem | null>(null);
  protected readonly objectionsVersion = signal(0);

  constructor() {
    effect(() => {
      const id = Number(this.id());
      untracked(() => this.load(id));
    });
  }

  protected load(id = Number(this.id())): void {
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tender) => {
          this.tender.set(tender);
          this.loading.set(false);
          if (!SEALED_TENDER_STATUSES.includes(tender.status)) this.loadOpened(tender.id);
        },
        error: () => this.loading.set(false),
      });
  }

  private loadOpened(id: number): void {
    this.api
      .bids(id, silentErrors())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (bids) => this.opened.set(bids), error: () => this.opened.set([]) });
  }

  protected windowEnd(): string {
    const end = this.tender()?.objectionWindowEndsAt;
    return end ? formatDeadline(end) : '';
  }

  protected fileObjection(): void {
    const t = this.tender();
    if (!t || this.grounds.trim().length < 10) return;
    this.filing.set(true);
    this.objectionProblem.set(null);
    this.objectionsApi.file(t.id, this.grounds.trim(), silentErrors()).subscribe({
      next: () => {
        this.filing.set(false);
        this.grounds = '';
        this.message.success(this.i18n.t('objection.filed'));
        this.objectionsVersion.update((v) => v + 1);
      },
      error: (error: unknown) => {
        this.filing.set(false);
        this.objectionProblem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }
}
