import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { newIdempotencyKey, Page } from '../../../../api';
import { AccessibleNameDirective } from '../../../../core/a11y/accessible-name.directive';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { formatMinute, todayInBeijing } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { formatMoney } from '../../../../shared/money';
import { MoneyPipe } from '../../../../shared/money.pipe';
import {
  CUSTODY_KINDS,
  CUSTODY_STATUSES,
  CustodyAccount,
  custodyAction,
  CustodyApi,
  CustodyKind,
  CustodyQuery,
  CustodyStatus,
} from '../../data/custody.api';

const PAGE_SIZE = 20;
const STATUS_COLOR: Record<CustodyStatus, string> = {
  HELD: 'blue',
  REFUND_DUE: 'red',
  REFUNDED: 'green',
  RELEASED: 'green',
  FORFEITED: 'default',
};

/**
 * 保证金: finance (and officers, auditors) see the bid deposits and performance bonds of their region subtree,
 * filter and export them, and finance refunds, releases or forfeits; a member of an organisation sees its own
 * deposits and bonds with the refund status, due date and interest. Amounts in yuan, times in Beijing time.
 */
@Component({
  selector: 'dd-custody-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AccessibleNameDirective,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    MoneyPipe,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './custody.page.html',
})
export default class CustodyPage implements OnInit {
  private readonly api = inject(CustodyApi);
  private readonly auth = inject(AuthService);
  private readonly downloads = inject(Downloads);
  private readonly message = inject(NzMessageService);

  /** An organisation member sees its own; staff the accounts of their region subtree. */
  protected readonly mine = computed(() => this.auth.permissions().includes(PERMISSIONS.CONTRACTS_SELF));
  protected readonly canDecide = computed(() => this.auth.permissions().includes(PERMISSIONS.PAYMENTS_PAY));

  protected readonly kinds = CUSTODY_KINDS;
  protected readonly statuses = CUSTODY_STATUSES;
  protected readonly statusColor = STATUS_COLOR;
  protected readonly action = custodyAction;

  protected kind: CustodyKind | null = null;
  protected status: CustodyStatus | null = null;
  protected q = '';

  protected readonly page = signal<Page<CustodyAccount>>({ items: [], total: 0, page: 1, pageSize: PAGE_SIZE });
  protected readonly loading = signal(false);
  protected readonly exporting = signal(false);

  /** The account a finance decision is being taken on, and the decision's note or reason. */
  protected readonly deciding = signal<{ account: CustodyAccount; action: 'refund' | 'release' | 'forfeit' } | null>(
    null,
  );
  protected note = '';
  private decisionKey = '';
  protected readonly saving = signal(false);

  ngOnInit(): void {
    this.load(1);
  }

  private query(page: number): CustodyQuery {
    return { page, pageSize: PAGE_SIZE, kind: this.kind, status: this.status, q: this.q.trim() || null };
  }

  protected load(page: number): void {
    this.loading.set(true);
    const request = this.mine() ? this.api.mine(this.query(page)) : this.api.accounts(this.query(page));
    request.subscribe({
      next: (p) => {
        this.page.set(p);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected reset(): void {
    this.kind = null;
    this.status = null;
    this.q = '';
    this.load(1);
  }

  protected export(): void {
    this.exporting.set(true);
    void this.downloads
      .save(this.api.exportAccounts(this.query(1)), `custody-${todayInBeijing()}.xlsx`)
      .finally(() => this.exporting.set(false));
  }

  protected open(account: CustodyAccount): void {
    const action = custodyAction(account);
    if (action === null) return;
    this.note = '';
    this.decisionKey = newIdempotencyKey();
    this.deciding.set({ account, action });
  }

  protected reasonMissing(): boolean {
    return this.deciding()?.action === 'forfeit' && this.note.trim().length < 2;
  }

  protected decide(): void {
    const d = this.deciding();
    if (d === null || this.reasonMissing()) return;
    this.saving.set(true);
    const request =
      d.action === 'forfeit'
        ? this.api.forfeit(d.account.id, this.note.trim(), this.decisionKey)
        : this.api.giveBack(d.account.id, d.action, this.note.trim(), this.decisionKey);
    request.subscribe({
      next: () => {
        this.saving.set(false);
        this.deciding.set(null);
        this.message.success('✓');
        this.load(this.page().page);
      },
      error: () => this.saving.set(false),
    });
  }

  protected time(value: string | null): string {
    return value ? formatMinute(value) : '—';
  }

  protected yuan(value: string): string {
    return formatMoney(value);
  }
}
