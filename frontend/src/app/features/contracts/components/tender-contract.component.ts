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
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AuthService } from '../../../core/auth/auth.service';
import { silentErrors } from '../../../core/http/http-context';
import { contractStatusColor } from '../data/contract-status';
import { ContractsApi, ContractSummary } from '../data/contracts.api';
import { ContractCodePipe, ContractTranslatePipe } from '../i18n/contract-i18n';

/** The contract of an awarded tender on the tender's page: its status, a link, and the overdue-signature flag. */
@Component({
  selector: 'dd-tender-contract',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzTagModule, ContractTranslatePipe, ContractCodePipe],
  template: `
    @if (contract(); as c) {
      <a [routerLink]="['/contracts', c.id]" data-testid="tender-contract-link">{{ 'contract.onTender' | ct }} {{ c.code }}</a>
      <nz-tag [nzColor]="color(c.status)" [attr.data-status]="c.status">{{ c.status | cc: 'contractStatus.' }}</nz-tag>
      @if (c.signatureOverdueAt && c.status === 'DRAFT') {
        <nz-tag nzColor="red" data-testid="tender-contract-overdue">{{ 'contract.signatureOverdue' | ct }}</nz-tag>
      }
    }
  `,
})
export class TenderContractComponent {
  readonly tenderId = input.required<number>();
  private readonly api = inject(ContractsApi);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly contract = signal<ContractSummary | null>(null);
  protected readonly color = contractStatusColor;
  private readonly canRead = computed(() => this.auth.permissions().includes(PERMISSIONS.CONTRACTS_READ));

  constructor() {
    effect(() => {
      const id = this.tenderId();
      if (!this.canRead()) return;
      untracked(() =>
        this.api
          .list({ tenderId: id, pageSize: 1 }, silentErrors())
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe({ next: (p) => this.contract.set(p.items[0] ?? null), error: () => this.contract.set(null) }),
      );
    });
  }
}
