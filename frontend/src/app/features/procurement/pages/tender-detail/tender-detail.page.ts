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
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { AuthService } from '../../../../core/auth/auth.service';
import { silentErrors } from '../../../../core/http/http-context';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { ConfirmSummaryComponent, SummaryRow } from '../../../../shared/confirm-summary.component';
import { TenderContractComponent } from '../../../contracts/components/tender-contract.component';
import { CommitteePanelComponent } from '../../components/committee-panel.component';
import { NoticesPanelComponent } from '../../components/notices-panel.component';
import { ObjectionsPanelComponent } from '../../components/objections-panel.component';
import { OpeningPanelComponent } from '../../components/opening-panel.component';
import { ReportPanelComponent } from '../../components/report-panel.component';
import { TenderSummaryComponent } from '../../components/tender-summary.component';
import { publicationSummary } from '../../data/confirm-summary';
import { inlineProblem } from '../../data/errors';
import { Tender } from '../../data/procurement.types';
import { TendersApi } from '../../data/tenders.api';
import { InlineProblem, ProcCodePipe, ProcTranslatePipe, ProcurementI18n } from '../../i18n/procurement-i18n';

export const TENDER_TABS = ['info', 'notices', 'opening', 'committee', 'report', 'objections'] as const;
export type TenderTab = (typeof TENDER_TABS)[number];

/**
 * 采购公告详情 (officer; read-only for auditors): 公告信息, 澄清与变更, 开标 (receipts,
 * qualification), 评标委员会, 评标报告 (award) and 质疑, one tab each.
 */
@Component({
  selector: 'dd-tender-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConfirmSummaryComponent,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSpinModule,
    NzTabsModule,
    CommitteePanelComponent,
    NoticesPanelComponent,
    ObjectionsPanelComponent,
    OpeningPanelComponent,
    ReportPanelComponent,
    TenderSummaryComponent,
    TenderContractComponent,
    ProcTranslatePipe,
    ProcCodePipe,
  ],
  templateUrl: './tender-detail.page.html',
})
export default class TenderDetailPage {
  private readonly api = inject(TendersApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  readonly id = input.required<string>();
  /** `?tab=` opens a tab directly. */
  readonly tab = input<string>();

  protected readonly tabs = TENDER_TABS;
  protected readonly tender = signal<Tender | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly selected = signal(0);
  protected readonly problem = signal<InlineProblem | null>(null);
  protected readonly cancelling = signal(false);
  protected cancelReason = '';

  protected readonly manage = computed(() => this.auth.permissions().includes(PERMISSIONS.TENDERS_MANAGE));
  protected readonly cancellable = computed(() => {
    const status = this.tender()?.status;
    return this.manage() && (status === 'DRAFT' || status === 'PUBLISHED');
  });

  constructor() {
    effect(() => {
      const id = Number(this.id());
      untracked(() => this.load(id));
    });
    effect(() => {
      const tab = TENDER_TABS.indexOf(this.tab() as TenderTab);
      if (tab >= 0) untracked(() => this.selected.set(tab));
    });
  }

  protected load(id = this.tender()?.id ?? Number(this.id())): void {
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tender) => {
          this.tender.set(tender);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected replace(tender: Tender): void {
    this.tender.set(tender);
  }

  /** The summary shown before publishing (null: the dialog is closed). */
  protected readonly publishing = signal<SummaryRow[] | null>(null);

  protected askPublish(): void {
    const t = this.tender();
    if (!t) return;
    this.publishing.set(
      publicationSummary(t, {
        t: (key, params) => this.i18n.t(key, params),
        code: (prefix, c) => this.i18n.code(prefix, c),
      }),
    );
  }

  protected publish(): void {
    const t = this.tender();
    if (!t) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.publish(t.id, silentErrors()).subscribe({
      next: (tender) => {
        this.busy.set(false);
        this.publishing.set(null);
        this.tender.set(tender);
        this.message.success(this.i18n.t('wizard.published'));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.publishing.set(null);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }

  protected earliestOf(problem: InlineProblem): string {
    const earliest = problem.body?.['earliest'];
    return typeof earliest === 'string' ? earliest.slice(0, 10) : '';
  }

  protected openCancel(): void {
    this.cancelReason = '';
    this.cancelling.set(true);
  }

  protected cancel(): void {
    const t = this.tender();
    if (!t || this.cancelReason.trim().length < 2) return;
    this.busy.set(true);
    this.api.cancel(t.id, this.cancelReason.trim()).subscribe({
      next: (tender) => {
        this.busy.set(false);
        this.cancelling.set(false);
        this.tender.set(tender);
        this.message.success(this.i18n.t('tender.cancelled'));
      },
      error: () => this.busy.set(false),
    });
  }
}
