import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTableModule } from 'ng-zorro-antd/table';

import { silentErrors } from '../../../core/http/http-context';
import { TranslationService } from '../../../core/i18n/translation.service';
import { formatDeadline } from '../../../shared/dates';
import { MoneyPipe } from '../../../shared/money.pipe';
import { inlineProblem } from '../data/errors';
import { Bid, QualificationDecision, SEALED_TENDER_STATUSES, Tender } from '../data/procurement.types';
import { TendersApi } from '../data/tenders.api';
import { InlineProblem, ProcTranslatePipe, ProcurementI18n } from '../i18n/procurement-i18n';
import { OpenedBidsComponent } from './opened-bids.component';

/** One row of the qualification check. */
interface Check {
  qualified: boolean;
  reason: string;
}

/**
 * 开标: sealed until the deadline (no count, no contents); after opening the bids with their
 * receipts, and — while the tender is OPENED — the qualification check (资格审查) with a reason for
 * every disqualified bid.
 */
@Component({
  selector: 'dd-opening-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzResultModule,
    NzTableModule,
    MoneyPipe,
    OpenedBidsComponent,
    ProcTranslatePipe,
  ],
  template: `
    @if (sealed()) {
      <nz-result nzIcon="lock" [nzTitle]="'tender.sealed' | pt" [nzSubTitle]="'opening.sealedHint' | pt: { deadline: deadline() }" data-testid="opening-sealed" />
    } @else {
      @if (problem(); as p) {
        <nz-alert class="dd-form-alert" nzType="error" nzShowIcon nzCloseable [nzMessage]="p.detail" [nzDescription]="p.fieldErrors.join('; ')" data-testid="opening-error" />
      }
      <dd-opened-bids [bids]="bids()" [showScores]="scored()" />
      @if (canQualify()) {
        <nz-card nzSize="small" class="dd-qualify" [nzTitle]="'opening.qualifyTitle' | pt" data-testid="qualification">
          <p class="dd-muted">{{ 'opening.qualifyHint' | pt }}</p>
          @for (b of bids(); track b.id) {
            <div class="dd-qualify-row" [attr.data-testid]="'qualify-row-' + b.id">
              <span class="dd-qualify-name">{{ b.organisationName }} · {{ b.price | money }}</span>
              <nz-radio-group [(ngModel)]="checks[b.id].qualified" (ngModelChange)="touched.set(touched() + 1)">
                <label nz-radio-button [nzValue]="true" [attr.data-testid]="'qualify-' + b.id + '-yes'">{{ 'opening.qualified' | pt }}</label>
                <label nz-radio-button [nzValue]="false" [attr.data-testid]="'qualify-' + b.id + '-no'">{{ 'opening.disqualified' | pt }}</label>
              </nz-radio-group>
              @if (!checks[b.id].qualified) {
                <input
                  nz-input
                  maxlength="500"
                  [(ngModel)]="checks[b.id].reason"
                  [placeholder]="'opening.reasonPlaceholder' | pt"
                  [attr.data-testid]="'qualify-reason-' + b.id" [attr.aria-label]="'opening.reasonPlaceholder' | pt"
                />
              }
            </div>
          }
          <div class="dd-form-actions">
            <button nz-button nzType="primary" [disabled]="!checksValid()" [nzLoading]="busy()" (click)="qualify()" data-testid="qualify-submit">
              <nz-icon nzType="check" />{{ 'opening.qualifySubmit' | pt }}
            </button>
          </div>
        </nz-card>
      }
    }
  `,
  styles: `
    .dd-qualify {
      display: block;
      margin-top: 16px;
    }
    .dd-qualify-row {
      display: grid;
      grid-template-columns: minmax(160px, 1fr) auto minmax(200px, 2fr);
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .dd-qualify-name {
      font-weight: 500;
    }
  `,
})
export class OpeningPanelComponent {
  private readonly api = inject(TendersApi);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  readonly tender = input.required<Tender>();
  /** May record the qualification check (officers). */
  readonly manage = input(false);
  readonly changed = output<void>();

  protected readonly bids = signal<Bid[]>([]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<InlineProblem | null>(null);
  protected checks: Record<string, Check> = {};
  /** Bumped on every edit of the checks (they are plain fields), so the computed validity re-runs. */
  protected readonly touched = signal(0);

  protected readonly sealed = computed(() => SEALED_TENDER_STATUSES.includes(this.tender().status));
  protected readonly deadline = computed(() => formatDeadline(this.tender().bidDeadline));
  protected readonly canQualify = computed(
    () => this.manage() && this.tender().status === 'OPENED' && this.bids().some((b) => b.status === 'OPENED'),
  );
  protected readonly scored = computed(() => this.bids().some((b) => b.totalScore !== null));

  constructor() {
    effect(() => {
      const t = this.tender();
      untracked(() => {
        if (!SEALED_TENDER_STATUSES.includes(t.status)) this.load();
      });
    });
  }

  load(): void {
    this.api
      .bids(this.tender().id, silentErrors())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (bids) => {
          this.checks = Object.fromEntries(
            bids.map((b) => [
              b.id,
              this.checks[b.id] ?? { qualified: b.status !== 'DISQUALIFIED', reason: b.qualificationReason ?? '' },
            ]),
          );
          this.bids.set(bids);
        },
        error: (error: unknown) => this.problem.set(inlineProblem(error, this.base, this.i18n)),
      });
  }

  protected checksValid(): boolean {
    this.touched();
    return this.bids().every((b) => {
      const c = this.checks[b.id];
      return c && (c.qualified || c.reason.trim().length >= 2);
    });
  }

  protected qualify(): void {
    const decisions: QualificationDecision[] = this.bids().map((b) => {
      const c = this.checks[b.id];
      return c.qualified
        ? { bidId: b.id, qualified: true }
        : { bidId: b.id, qualified: false, reason: c.reason.trim() };
    });
    this.busy.set(true);
    this.problem.set(null);
    this.api.qualify(this.tender().id, decisions, silentErrors()).subscribe({
      next: () => {
        this.busy.set(false);
        this.message.success(this.i18n.t('opening.qualifiedOk'));
        this.load();
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }
}
