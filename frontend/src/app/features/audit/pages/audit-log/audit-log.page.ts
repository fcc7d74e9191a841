import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';

import { AuditEvent, AuditQuery, AuditVerifyResult } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatInstant, localDayBoundary, nextLocalDayStart } from '../../../../shared/dates';
import { PagedList } from '../../../../shared/paged-list';
import { AuditApi } from '../../data/audit.api';

export interface AuditFilters {
  action: string;
  entityType: string;
  actorId: string;
  dateFrom: string;
  dateTo: string;
}

/**
 * The filter form as `GET /audit` query parameters. Action and entity type codes are lower case.
 * The dates are local days: `from` is the start of the first (inclusive), `to` the start of the day
 * after the last (the API's upper bound is exclusive), both as UTC instants.
 */
export function toAuditQuery(filters: AuditFilters, page: number, pageSize: number): AuditQuery {
  return {
    page,
    pageSize,
    action: filters.action.trim().toLowerCase() || undefined,
    entityType: filters.entityType.trim().toLowerCase() || undefined,
    actorId: filters.actorId.trim() || undefined,
    from: (filters.dateFrom && localDayBoundary(filters.dateFrom)) || undefined,
    to: (filters.dateTo && nextLocalDayStart(filters.dateTo)) || undefined,
  };
}

/** The audit trail in scope, with before/after per event, and the hash-chain check (`audit.verify`). */
@Component({
  selector: 'dd-audit-log-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    JsonPipe,
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzTableModule,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './audit-log.page.html',
  styleUrl: './audit-log.page.css',
})
export default class AuditLogPage implements OnInit {
  private readonly api = inject(AuditApi);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canVerify = computed(() => this.auth.permissions().includes(PERMISSIONS.AUDIT_VERIFY));
  protected readonly filters = inject(NonNullableFormBuilder).group({
    action: [''],
    entityType: [''],
    actorId: [''],
    dateFrom: [''],
    dateTo: [''],
  });

  protected readonly list = new PagedList<AuditEvent>(
    (page, pageSize) => this.api.list(toAuditQuery(this.filters.getRawValue(), page, pageSize)),
    this.destroyRef,
    () => this.expanded.set(new Set()),
  );
  protected readonly expanded = signal<ReadonlySet<number>>(new Set());

  protected readonly verifying = signal(false);
  protected readonly verifyResult = signal<AuditVerifyResult | null>(null);

  ngOnInit(): void {
    this.list.load();
  }

  protected reset(): void {
    this.filters.reset();
    this.list.first();
  }

  protected toggle(seq: number, open: boolean): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (open) next.add(seq);
      else next.delete(seq);
      return next;
    });
  }

  protected time(event: AuditEvent): string {
    return formatInstant(event.occurredAt, this.i18n.lang());
  }

  protected verify(): void {
    this.verifying.set(true);
    this.verifyResult.set(null);
    this.api.verify().subscribe({
      next: (result) => {
        this.verifying.set(false);
        this.verifyResult.set(result);
      },
      error: () => this.verifying.set(false),
    });
  }
}
