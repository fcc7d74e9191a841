import { HttpErrorResponse } from '@angular/common/http';
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
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AuthService } from '../../../core/auth/auth.service';
import { silentErrors } from '../../../core/http/http-context';
import { TranslationService } from '../../../core/i18n/translation.service';
import { inlineProblem } from '../data/errors';
import { Committee, Tender } from '../data/procurement.types';
import { TendersApi } from '../data/tenders.api';
import { InlineProblem, ProcTranslatePipe, ProcurementI18n } from '../i18n/procurement-i18n';

/**
 * 评标委员会: the random draw from the expert pool (conflicts of interest excluded, with the reason),
 * the members of the current round and who has submitted their scores.
 */
@Component({
  selector: 'dd-committee-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzEmptyModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    ProcTranslatePipe,
  ],
  template: `
    @if (problem(); as p) {
      <nz-alert class="dd-form-alert" nzType="error" nzShowIcon nzCloseable [nzMessage]="p.detail" [nzDescription]="p.fieldErrors.join('; ')" data-testid="committee-error" />
    }
    @if (canDraw()) {
      <nz-alert
        class="dd-form-alert"
        nzType="info"
        nzShowIcon
        [nzMessage]="'committee.drawHint' | pt: { size: tender().committeeSize }"
        [nzAction]="drawButton"
      />
      <ng-template #drawButton>
        @if (canSitAsRepresentative()) {
          <label nz-checkbox [nzChecked]="asRepresentative()" (nzCheckedChange)="asRepresentative.set($event)" data-testid="committee-as-representative">
            {{ 'committee.asRepresentative' | pt }}
          </label>
        }
        <button nz-button nzType="primary" [nzLoading]="busy()" (click)="draw()" data-testid="committee-draw">
          {{ 'committee.draw' | pt }}
        </button>
      </ng-template>
    }
    @if (committee(); as c) {
      <p data-testid="committee-round" [attr.data-round]="c.round">
        {{ 'committee.round' | pt: { round: c.round } }} ·
        {{ 'committee.progress' | pt: { done: submittedCount(), total: c.members.length } }}
      </p>
      <nz-table #members nzSize="small" [nzData]="c.members" [nzShowPagination]="false" [nzFrontPagination]="false" data-testid="committee-members">
        <thead>
          <tr>
            <th>{{ 'committee.expert' | pt }}</th>
            <th>{{ 'committee.scores' | pt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (m of members.data; track m.expertId) {
            <tr [attr.data-testid]="'committee-member-' + m.expertId" [attr.data-submitted]="m.submitted" [attr.data-seat]="m.seat">
              <td>
                {{ m.displayName }}
                @if (m.seat === 'PURCHASER_REP') {
                  <nz-tag>{{ 'committee.representative' | pt }}</nz-tag>
                }
              </td>
              <td>
                @if (m.submitted) {
                  <nz-tag nzColor="green"><nz-icon nzType="check" /> {{ 'committee.submitted' | pt }}</nz-tag>
                } @else {
                  <nz-tag nzColor="orange">{{ 'committee.pending' | pt }}</nz-tag>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      @if (c.excluded.length > 0) {
        <h3 class="dd-proc-sub">{{ 'committee.excluded' | pt }}</h3>
        <nz-table #excl nzSize="small" [nzData]="c.excluded" [nzShowPagination]="false" [nzFrontPagination]="false" data-testid="committee-excluded">
          <thead>
            <tr>
              <th>{{ 'committee.expert' | pt }}</th>
              <th>{{ 'committee.reason' | pt }}</th>
            </tr>
          </thead>
          <tbody>
            @for (x of excl.data; track x.expertId) {
              <tr [attr.data-testid]="'committee-excluded-' + x.expertId">
                <td>{{ x.displayName }}</td>
                <td>{{ x.reason }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    } @else if (!canDraw()) {
      <nz-empty [nzNotFoundContent]="'committee.none' | pt" />
    }
  `,
  styles: `
    .dd-proc-sub {
      margin: 16px 0 8px;
      font-size: 15px;
      font-weight: 600;
    }
  `,
})
export class CommitteePanelComponent {
  private readonly api = inject(TendersApi);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthService);

  readonly tender = input.required<Tender>();
  readonly manage = input(false);
  readonly changed = output<void>();

  protected readonly committee = signal<Committee | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<InlineProblem | null>(null);
  /** 采购人代表: at most a third of the seats, so only on a committee of 3 or more (always true) — one seat, the signed-in officer. */
  protected readonly asRepresentative = signal(false);
  protected readonly canSitAsRepresentative = computed(
    () => this.tender().committeeSize >= 3 && this.auth.me() !== null,
  );
  protected readonly submittedCount = computed(() => this.committee()?.members.filter((m) => m.submitted).length ?? 0);
  /** Drawn once the qualification check is done (the tender is still OPENED), or again for a re-evaluation. */
  protected readonly canDraw = computed(() => {
    const t = this.tender();
    const c = this.committee();
    return (
      this.manage() &&
      (t.status === 'OPENED' || (t.status === 'EVALUATING' && (c === null || c.round < t.evaluationRound)))
    );
  });

  constructor() {
    effect(() => {
      const t = this.tender();
      untracked(() => {
        if (['EVALUATING', 'RECOMMENDED', 'AWARD_NOTICE', 'AWARDED', 'FAILED', 'CANCELLED'].includes(t.status))
          this.load();
      });
    });
  }

  load(): void {
    this.api
      .committee(this.tender().id, silentErrors())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (c) => this.committee.set(c),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && (error.status === 404 || error.status === 409))
            this.committee.set(null);
          else this.problem.set(inlineProblem(error, this.base, this.i18n));
        },
      });
  }

  protected draw(): void {
    this.busy.set(true);
    this.problem.set(null);
    const me = this.auth.me();
    const representativeIds = this.asRepresentative() && me ? [me.id] : [];
    this.api.drawCommittee(this.tender().id, representativeIds, silentErrors()).subscribe({
      next: (c) => {
        this.busy.set(false);
        this.committee.set(c);
        this.message.success(
          this.i18n.t('committee.drawn', { count: c.members.filter((m) => m.seat === 'EXPERT').length }),
        );
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }
}
