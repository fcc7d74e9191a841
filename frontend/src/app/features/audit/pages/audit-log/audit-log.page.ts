import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { PushpinOutline } from '@ant-design/icons-angular/icons';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';

import { AuditChainBreak, AuditChainState, AuditEvent, AuditQuery, AuditVerifyResult } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { localDayBoundary, nextLocalDayStart } from '../../../../shared/dates';
import { PagedList } from '../../../../shared/paged-list';
import { actionLabel } from '../../data/action-labels';
import { auditText, AuditTextKey, reasonText } from '../../data/audit-texts';
import { AuditApi } from '../../data/audit.api';
import { auditDiff, DiffRow } from '../../domain/audit-diff';
import { formatBeijing } from '../../domain/beijing-time';

export interface AuditFilters {
  seq: string;
  action: string;
  entityType: string;
  actorId: string;
  dateFrom: string;
  dateTo: string;
}

const EMPTY_FILTERS: AuditFilters = { seq: '', action: '', entityType: '', actorId: '', dateFrom: '', dateTo: '' };

/**
 * The filter form as `GET /audit` query parameters. Action and entity type codes are lower case.
 * The dates are local days: `from` is the start of the first (inclusive), `to` the start of the day
 * after the last (the API's upper bound is exclusive), both as UTC instants. A seq narrows to one event.
 */
export function toAuditQuery(filters: AuditFilters, page: number, pageSize: number): AuditQuery {
  const seq = /^\d+$/.test(filters.seq.trim()) ? Number(filters.seq.trim()) : undefined;
  return {
    page,
    pageSize,
    seq: seq !== undefined && seq > 0 ? seq : undefined,
    action: filters.action.trim().toLowerCase() || undefined,
    entityType: filters.entityType.trim().toLowerCase() || undefined,
    actorId: filters.actorId.trim() || undefined,
    from: (filters.dateFrom && localDayBoundary(filters.dateFrom)) || undefined,
    to: (filters.dateTo && nextLocalDayStart(filters.dateTo)) || undefined,
  };
}

/**
 * The audit trail in scope — actions in words, operators by name, what changed field by field — with the chain's
 * state (latest checkpoint, latest verification), verification listing every broken link with a way to its event,
 * and checkpoints on demand (`audit.verify`).
 */
@Component({
  selector: 'dd-audit-log-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzTableModule,
    TranslatePipe,
  ],
  // the one icon of this page that the shell does not bundle
  providers: [provideNzIconsPatch([PushpinOutline])],
  templateUrl: './audit-log.page.html',
  styleUrl: './audit-log.page.css',
})
export default class AuditLogPage implements OnInit {
  private readonly api = inject(AuditApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canVerify = computed(() => this.auth.permissions().includes(PERMISSIONS.AUDIT_VERIFY));
  protected readonly filters = inject(NonNullableFormBuilder).group({ ...EMPTY_FILTERS });

  protected readonly list = new PagedList<AuditEvent>(
    (page, pageSize) => this.api.list(toAuditQuery(this.filters.getRawValue(), page, pageSize)),
    this.destroyRef,
    (page) => {
      // a single event asked for (a broken link's) opens at once
      const seq = toAuditQuery(this.filters.getRawValue(), 1, 1).seq;
      this.expanded.set(new Set(seq !== undefined ? page.items.filter((e) => e.seq === seq).map((e) => e.seq) : []));
    },
  );
  protected readonly expanded = signal<ReadonlySet<number>>(new Set());

  protected readonly chainState = signal<AuditChainState | null>(null);
  protected readonly verifying = signal(false);
  protected readonly verifyResult = signal<AuditVerifyResult | null>(null);
  protected readonly anchoring = signal(false);

  ngOnInit(): void {
    const seq = this.route.snapshot.queryParamMap.get('seq');
    if (seq && /^\d+$/.test(seq)) this.filters.patchValue({ seq });
    this.list.load();
    this.loadState();
  }

  protected text(key: AuditTextKey, params?: Record<string, string | number>): string {
    return auditText(this.i18n.lang(), key, params);
  }

  protected reason(reason: string): string {
    return reasonText(this.i18n.lang(), reason);
  }

  protected action(code: string): string {
    return actionLabel(code, this.i18n.lang());
  }

  protected time(value: string | null | undefined): string {
    return formatBeijing(value);
  }

  protected diff(event: AuditEvent): DiffRow[] {
    return auditDiff(event.before, event.after);
  }

  protected search(): void {
    this.syncSeqToUrl();
    this.list.first();
  }

  protected reset(): void {
    this.filters.reset();
    this.search();
  }

  /** From a broken link to its event: the list narrowed to it, its details open, the address shareable. */
  protected showEvent(b: AuditChainBreak): void {
    if (b.seq <= 0) return;
    this.filters.reset();
    this.filters.patchValue({ seq: String(b.seq) });
    this.search();
  }

  protected toggle(seq: number, open: boolean): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (open) next.add(seq);
      else next.delete(seq);
      return next;
    });
  }

  protected verify(): void {
    this.verifying.set(true);
    this.verifyResult.set(null);
    this.api.verify().subscribe({
      next: (result) => {
        this.verifying.set(false);
        this.verifyResult.set(result);
        this.loadState();
      },
      error: () => this.verifying.set(false),
    });
  }

  protected takeCheckpoint(): void {
    this.anchoring.set(true);
    this.api.takeCheckpoint().subscribe({
      next: ({ result, checkpoint }) => {
        this.anchoring.set(false);
        if (result === 'CREATED' && checkpoint)
          this.message.success(this.text('checkpointCreated', { id: checkpoint.id, seq: checkpoint.seq }));
        else if (result === 'UNCHANGED' && checkpoint)
          this.message.info(this.text('checkpointUnchanged', { id: checkpoint.id }));
        else this.message.info(this.text('nothingToAnchor'));
        this.loadState();
      },
      error: () => this.anchoring.set(false),
    });
  }

  private loadState(): void {
    this.api.state().subscribe({ next: (state) => this.chainState.set(state), error: () => this.chainState.set(null) });
  }

  private syncSeqToUrl(): void {
    const seq = toAuditQuery(this.filters.getRawValue(), 1, 1).seq;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { seq: seq ?? null }, replaceUrl: true });
  }
}
