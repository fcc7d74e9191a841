import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { formatDeadline, formatMinute } from '../../../../../shared/dates';
import { EvidenceGalleryComponent } from '../../components/evidence-gallery.component';
import { ContractMilestones, Milestone, MilestonesApi } from '../../data/milestones.api';
import { milestoneColor, plainDecimal, sharePercent } from '../../data/status';
import { MilestonesCodePipe, MilestonesI18n, MilestonesTranslatePipe } from '../../i18n/milestones-i18n';

/**
 * 履约里程碑 of one contract: each milestone with its status, due date and overdue flag, its progress reports (every
 * version) and evidence gallery; the supplier's members report progress, the region's officer accepts or returns.
 */
@Component({
  selector: 'dd-contract-milestones-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzTagModule,
    EvidenceGalleryComponent,
    MilestonesTranslatePipe,
    MilestonesCodePipe,
  ],
  styles: `
    .ms-card { margin-bottom: 16px; }
    .ms-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .ms-head h2 { margin: 0; font-size: 16px; }
    .ms-facts { color: rgba(0, 0, 0, 0.65); margin: 4px 0 8px; display: flex; flex-wrap: wrap; gap: 4px 16px; }
    .ms-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
    .ms-report { border-top: 1px solid #f0f0f0; padding-top: 8px; margin-top: 8px; }
    .ms-report h4 { margin: 8px 0 4px; font-size: 14px; }
    .ms-report ul { margin: 0 0 4px; padding-left: 20px; }
    .ms-return textarea { width: 100%; }
    .ms-error { color: #cf1322; }
  `,
  template: `
    <section class="dd-page" data-testid="contract-milestones">
      <header class="dd-page-head">
        <div>
          <h1>{{ 'ms.title' | mt }}</h1>
          @if (data(); as d) {
            <p class="dd-muted" data-testid="ms-contract">
              {{ 'ms.contract' | mt: { code: d.code } }} · {{ d.title }} ·
              {{ 'ms.term' | mt: { start: d.termStart, end: d.termEnd } }}
            </p>
          }
        </div>
        <a nz-button [routerLink]="['/contracts', contractId]"><nz-icon nzType="arrow-left" />{{ 'ms.back' | mt }}</a>
      </header>

      @if (data(); as d) {
        @for (m of d.milestones; track m.id) {
          <nz-card class="ms-card" [attr.data-testid]="'milestone-' + m.id">
            <div class="ms-head">
              <h2>{{ 'ms.seq' | mt: { seq: m.seq } }} · {{ m.title }}</h2>
              <nz-tag [nzColor]="color(m.status)" [attr.data-testid]="'milestone-status-' + m.id">
                {{ m.status | mc: 'msStatus.' }}
              </nz-tag>
              @if (m.overdue) {
                <nz-tag nzColor="error" [attr.data-testid]="'milestone-overdue-' + m.id">{{ 'ms.overdue' | mt }}</nz-tag>
              }
              @if (m.isFinal) {
                <nz-tag>{{ 'ms.final' | mt }}</nz-tag>
              }
            </div>
            <div class="ms-facts">
              <span>{{ 'ms.due' | mt: { due: deadline(m.dueAt) } }}</span>
              <span>{{ 'ms.amount' | mt: { amount: m.amount, share: share(m.shareBp) } }}</span>
            </div>
            <div><strong>{{ 'ms.deliverables' | mt }}</strong>：{{ m.deliverables }}</div>

            <h3 class="ms-subtitle">{{ 'ms.evidence' | mt }}</h3>
            <dd-evidence-gallery [contractId]="contractId" [evidence]="m.evidence" />

            <h3 class="ms-subtitle">{{ 'ms.reports' | mt }}</h3>
            @for (r of m.reports; track r.id) {
              <div class="ms-report" [attr.data-testid]="'report-' + r.id">
                <div class="ms-head">
                  <strong>{{ 'ms.version' | mt: { version: r.version } }}</strong>
                  <nz-tag [nzColor]="color(r.status)">{{ r.status | mc: 'reportStatus.' }}</nz-tag>
                  <span class="dd-muted">{{ 'ms.submittedAt' | mt: { at: time(r.submittedAt) } }}</span>
                  @if (r.decidedAt) {
                    <span class="dd-muted">{{ 'ms.decidedAt' | mt: { at: time(r.decidedAt) } }}</span>
                  }
                </div>
                @if (r.returnReason) {
                  <p class="ms-error">{{ 'ms.returnReason' | mt: { reason: r.returnReason } }}</p>
                }
                @if (r.summary) {
                  <p>{{ r.summary }}</p>
                }
                <h4>{{ 'ms.activities' | mt }}</h4>
                <ul>
                  @for (a of r.activities; track $index) {
                    <li>{{ a.date }} · {{ a.place }} · {{ a.content }} · {{ 'ms.participants' | mt: { n: a.participants } }}</li>
                  }
                </ul>
                @if (r.serviceHours.length > 0) {
                  <h4>{{ 'ms.hours' | mt }}</h4>
                  <ul>
                    @for (h of r.serviceHours; track $index) {
                      <li>{{ 'ms.hoursOf' | mt: { beneficiary: h.beneficiary, hours: h.hours } }}</li>
                    }
                  </ul>
                }
                <h4>{{ 'ms.outputs' | mt }}</h4>
                <ul>
                  @for (o of r.outputs; track o.code) {
                    <li>{{ indicatorName(o.code) }}：{{ 'ms.outputActual' | mt: { actual: o.actual } }}（{{ 'ms.outputTarget' | mt: { target: indicatorTarget(o.code) } }}）</li>
                  }
                </ul>
              </div>
            } @empty {
              <p class="dd-muted">{{ 'ms.noReports' | mt }}</p>
            }

            @if (m.outputValues.length > 0) {
              <h3 class="ms-subtitle">{{ 'ms.acceptedValues' | mt }}</h3>
              <ul [attr.data-testid]="'output-values-' + m.id">
                @for (v of m.outputValues; track v.code) {
                  <li>{{ v.name }}：{{ 'ms.outputActual' | mt: { actual: plain(v.actualValue) } }}（{{ 'ms.outputTarget' | mt: { target: v.targetText } }}）</li>
                }
              </ul>
            }

            <div class="ms-actions">
              @if (d.canReport && (m.status === 'PENDING' || m.status === 'RETURNED')) {
                <a nz-button nzType="primary" [routerLink]="['/contracts', contractId, 'milestones', m.id, 'report']"
                  [attr.data-testid]="'milestone-report-' + m.id">
                  <nz-icon nzType="form" />{{ 'ms.report' | mt }}
                </a>
              }
              @if (d.canDecide && m.status === 'SUBMITTED') {
                @if (confirming() === m.id) {
                  <span>{{ 'ms.acceptConfirm' | mt: { seq: m.seq } }}</span>
                  <button nz-button nzType="primary" [nzLoading]="busy()" (click)="accept(m)"
                    [attr.data-testid]="'milestone-accept-confirm-' + m.id">
                    <nz-icon nzType="check" />{{ 'ms.accept' | mt }}
                  </button>
                  <button nz-button (click)="confirming.set(null)">{{ 'ms.cancel' | mt }}</button>
                } @else if (returning() !== m.id) {
                  <button nz-button nzType="primary" (click)="confirming.set(m.id)" [attr.data-testid]="'milestone-accept-' + m.id">
                    <nz-icon nzType="check" />{{ 'ms.accept' | mt }}
                  </button>
                  <button nz-button (click)="startReturn(m)" [attr.data-testid]="'milestone-return-' + m.id">
                    <nz-icon nzType="rollback" />{{ 'ms.return' | mt }}
                  </button>
                }
              }
            </div>
            @if (returning() === m.id) {
              <div class="ms-return">
                <label [for]="'return-reason-' + m.id">{{ 'ms.returnReason.label' | mt }}</label>
                <textarea nz-input [id]="'return-reason-' + m.id" rows="3" maxlength="500" [(ngModel)]="reason"
                  [attr.data-testid]="'milestone-return-reason-' + m.id"></textarea>
                @if (reasonError()) {
                  <p class="ms-error" role="alert">{{ 'ms.returnReason.required' | mt }}</p>
                }
                <div class="ms-actions">
                  <button nz-button nzType="primary" nzDanger [nzLoading]="busy()" (click)="sendReturn(m)"
                    [attr.data-testid]="'milestone-return-submit-' + m.id">{{ 'ms.returnSubmit' | mt }}</button>
                  <button nz-button (click)="returning.set(null)">{{ 'ms.cancel' | mt }}</button>
                </div>
              </div>
            }
          </nz-card>
        }
      } @else {
        <p class="dd-muted">{{ 'ms.loading' | mt }}</p>
      }
    </section>
  `,
})
export default class ContractMilestonesPage implements OnInit {
  private readonly api = inject(MilestonesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(MilestonesI18n);

  protected readonly contractId = Number(this.route.snapshot.paramMap.get('id'));
  protected readonly data = signal<ContractMilestones | null>(null);
  protected readonly confirming = signal<number | null>(null);
  protected readonly returning = signal<number | null>(null);
  protected readonly reasonError = signal(false);
  protected readonly busy = signal(false);
  protected reason = '';

  ngOnInit(): void {
    this.api
      .list(this.contractId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((d) => this.data.set(d));
  }

  protected color(status: string): string {
    return milestoneColor(status);
  }

  protected share(bp: number): string {
    return sharePercent(bp);
  }

  protected time(value: string): string {
    return formatMinute(value);
  }

  protected plain(value: string): string {
    return plainDecimal(value);
  }

  protected deadline(value: string): string {
    return formatDeadline(value);
  }

  protected indicatorName(code: string): string {
    return this.data()?.indicators.find((i) => i.code === code)?.name ?? code;
  }

  protected indicatorTarget(code: string): string {
    return this.data()?.indicators.find((i) => i.code === code)?.targetText ?? '';
  }

  protected startReturn(m: Milestone): void {
    this.reason = '';
    this.reasonError.set(false);
    this.confirming.set(null);
    this.returning.set(m.id);
  }

  protected accept(m: Milestone): void {
    this.busy.set(true);
    this.api.accept(this.contractId, m.id).subscribe({
      next: (d) => {
        this.busy.set(false);
        this.confirming.set(null);
        this.data.set(d);
        this.message.success(this.i18n.t('ms.accepted', { seq: m.seq }));
      },
      error: () => this.busy.set(false),
    });
  }

  protected sendReturn(m: Milestone): void {
    const reason = this.reason.trim();
    if (reason.length < 2) {
      this.reasonError.set(true);
      return;
    }
    this.busy.set(true);
    this.api.returnReport(this.contractId, m.id, reason).subscribe({
      next: (d) => {
        this.busy.set(false);
        this.returning.set(null);
        this.data.set(d);
        this.message.success(this.i18n.t('ms.returned', { seq: m.seq }));
      },
      error: () => this.busy.set(false),
    });
  }
}
