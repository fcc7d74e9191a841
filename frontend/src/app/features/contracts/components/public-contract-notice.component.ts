import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';

import { API_V1 } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';
import { formatMinute } from '../../../shared/dates';
import { MoneyPipe } from '../../../shared/money.pipe';
import { ContractTranslatePipe } from '../i18n/contract-i18n';

interface PublicContractNotice {
  code: string;
  purchaser: string;
  supplier: string;
  supplierCreditCode: string;
  amount: string;
  termStart: string;
  termEnd: string;
  signedAt: string;
  publishedAt: string;
  contentSha256: string;
  milestones: Array<{ seq: number; title: string; dueDate: string; share: string; amount: string }>;
}

/** 合同公告 under an award notice on the transparency portal, once published (nothing shown before). */
@Component({
  selector: 'dd-public-contract-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzDescriptionsModule, MoneyPipe, ContractTranslatePipe],
  template: `
    @if (notice(); as n) {
      <h3>{{ 'contract.notice.title' | ct }}</h3>
      <nz-descriptions nzBordered nzSize="small" [nzColumn]="1" data-testid="public-contract-notice">
        <nz-descriptions-item [nzTitle]="'contract.col.code' | ct">{{ n.code }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'contract.purchaser' | ct">{{ n.purchaser }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'contract.supplier' | ct">{{ n.supplier }} ({{ n.supplierCreditCode }})</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'contract.col.amount' | ct">{{ n.amount | money }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'contract.col.term' | ct">{{ n.termStart }} ~ {{ n.termEnd }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'contract.notice.signedAt' | ct">{{ time(n.signedAt) }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'contract.milestones' | ct">
          @for (m of n.milestones; track m.seq) {
            <div>{{ m.seq }}. {{ m.title }} · {{ m.dueDate }} · {{ m.share }}% · {{ m.amount | money }}</div>
          }
        </nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'contract.hash' | ct"><code>{{ n.contentSha256 }}</code></nz-descriptions-item>
      </nz-descriptions>
    }
  `,
})
export class PublicContractNoticeComponent {
  readonly tenderId = input.required<number>();
  private readonly http = inject(HttpClient);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly notice = signal<PublicContractNotice | null>(null);
  protected readonly time = (v: string) => formatMinute(v);

  constructor() {
    effect(() => {
      const id = this.tenderId();
      untracked(() =>
        this.http
          .get<PublicContractNotice>(`${API_V1}/public/tenders/${id}/contract`, { context: silentErrors() })
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe({ next: (n) => this.notice.set(n), error: () => this.notice.set(null) }),
      );
    });
  }
}
