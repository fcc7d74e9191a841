import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { CutoffProblem, cutoffProblems } from '../../data/grading';
import { GradingI18n, GradingKey, GradingTranslatePipe } from '../../data/grading-i18n';
import { Cutoff, CutoffLines, CutoffsOverview, GradingApi, RegionCutoffs } from '../../data/grading.api';

const FIELDS = ['min5', 'min4', 'min3', 'min2', 'min1'] as const;

/**
 * 等级分数线: for each city and district above and in my region, the lines that apply today — its own, or those of
 * the nearest region above — with its own rows (upcoming, in force, superseded); an officer of the region sets new
 * lines from a day on (a new row: the old ones stay, and submitted assessments keep the lines they were graded by).
 */
@Component({
  selector: 'dd-grade-cutoffs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    GradingTranslatePipe,
  ],
  template: `
    <section class="dd-page">
      <header class="dd-page-head">
        <h1>{{ 'grading.cutoffs.title' | gt }}</h1>
        <a nz-button routerLink="/evaluation/grading" data-testid="cutoffs-link-grading">{{ 'grading.detail.back' | gt }}</a>
      </header>
      <p class="dd-muted">{{ 'grading.cutoffs.hint' | gt }}</p>
      @if (overview(); as o) {
        <p class="dd-muted">{{ 'grading.cutoffs.today' | gt: { date: o.today } }}</p>
      }
      <nz-table
        #table
        nzSize="small"
        [nzData]="overview()?.regions ?? []"
        [nzShowPagination]="false"
        [nzLoading]="overview() === null"
        [nzNoResult]="'grading.cutoffs.empty' | gt"
        data-testid="cutoffs-table"
      >
        <thead>
          <tr>
            <th>{{ 'grading.cutoffs.region' | gt }}</th>
            <th>{{ 'grading.cutoffs.lines' | gt }}</th>
            <th>{{ 'grading.cutoffs.source' | gt }}</th>
            <th>{{ 'grading.cutoffs.history' | gt }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (r of table.data; track r.regionId) {
            <tr [attr.data-testid]="'cutoffs-row-' + r.regionId">
              <td class="dd-region" [class.dd-indent]="r.level === 'DISTRICT'">{{ r.regionName }}</td>
              <td>
                @if (r.applies; as c) {
                  <span [attr.data-testid]="'cutoffs-applies-' + r.regionId">{{ 'grading.cutoffs.linesShort' | gt: lines(c) }}</span>
                } @else {
                  <span class="dd-muted">{{ 'grading.cutoffs.none' | gt }}</span>
                }
              </td>
              <td>
                @if (r.applies; as c) {
                  @if (r.own) {
                    <nz-tag nzColor="blue" [attr.data-testid]="'cutoffs-source-' + r.regionId">{{ 'grading.cutoffs.own' | gt }}</nz-tag>
                  } @else {
                    <nz-tag [attr.data-testid]="'cutoffs-source-' + r.regionId">{{ 'grading.cutoffs.inherited' | gt: { region: c.regionName } }}</nz-tag>
                  }
                  <div class="dd-muted">{{ 'grading.cutoffs.from' | gt: { date: c.effectiveFrom } }}</div>
                }
              </td>
              <td>
                @for (h of r.history; track h.id) {
                  <div class="dd-history" [attr.data-testid]="'cutoffs-history-' + h.id">
                    <nz-tag [nzColor]="stateColor(r, h)">{{ state(r, h) | gt }}</nz-tag>
                    {{ 'grading.cutoffs.from' | gt: { date: h.effectiveFrom } }} · {{ 'grading.cutoffs.linesShort' | gt: lines(h) }}
                    <div class="dd-muted">
                      {{ h.decidedByName ?? ('grading.cutoffs.system' | gt) }} · {{ minute(h.decidedAt) }}@if (h.note) { · {{ h.note }} }
                    </div>
                  </div>
                } @empty {
                  <span class="dd-muted">{{ 'grading.cutoffs.noHistory' | gt }}</span>
                }
              </td>
              <td>
                @if (r.editable) {
                  <button nz-button nzSize="small" (click)="edit(r)" [attr.data-testid]="'cutoffs-edit-' + r.regionId">
                    <nz-icon nzType="edit" />{{ 'grading.cutoffs.edit' | gt }}
                  </button>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </section>

    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="'grading.cutoffs.form.title' | gt: { region: editing()?.regionName ?? '' }"
      [nzFooter]="null"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        <div data-testid="cutoffs-form">
          @if (error(); as e) {
            <nz-alert class="dd-form-alert" nzType="error" nzShowIcon [nzMessage]="e" data-testid="cutoffs-error" />
          }
          <p class="dd-muted">{{ 'grading.cutoffs.form.hint' | gt }}</p>
          <div class="dd-lines">
            @for (f of fields; track f) {
              <div>
                <label [for]="'cutoff-' + f">{{ 'grading.cutoffs.form.min' | gt: { grade: gradeOf(f) } }}</label>
                <input nz-input [id]="'cutoff-' + f" inputmode="decimal" maxlength="7" [ngModel]="form()[f]" (ngModelChange)="set(f, $event)" [attr.data-testid]="'cutoffs-' + f" />
                @if (problemOf(f); as p) {
                  <p class="dd-form-error" role="alert">{{ p | gt }}</p>
                }
              </div>
            }
          </div>
          <label for="cutoff-from">{{ 'grading.cutoffs.form.from' | gt }}</label>
          <input nz-input id="cutoff-from" type="date" [min]="overview()?.today ?? ''" [(ngModel)]="effectiveFrom" data-testid="cutoffs-from" />
          @if (fromProblem()) {
            <p class="dd-form-error" role="alert">{{ 'grading.cutoffs.problem.from' | gt }}</p>
          }
          <label for="cutoff-note">{{ 'grading.cutoffs.form.note' | gt }}</label>
          <input nz-input id="cutoff-note" maxlength="500" [(ngModel)]="note" data-testid="cutoffs-note" />
          <div class="dd-form-actions">
            <button nz-button type="button" (click)="close()">{{ 'grading.close' | gt }}</button>
            <button nz-button nzType="primary" [nzLoading]="busy()" [disabled]="problems().length > 0" (click)="save()" data-testid="cutoffs-save">
              {{ 'grading.cutoffs.form.save' | gt }}
            </button>
          </div>
        </div>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .dd-region {
      white-space: nowrap;
    }
    .dd-indent {
      padding-left: 28px !important;
    }
    .dd-history {
      margin-bottom: 6px;
    }
    .dd-lines {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      gap: 8px 12px;
      margin-bottom: 12px;
    }
    label {
      display: block;
      margin: 8px 0 4px;
    }
  `,
})
export default class GradeCutoffsPage implements OnInit {
  private readonly api = inject(GradingApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(GradingI18n);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly fields = FIELDS;
  protected readonly overview = signal<CutoffsOverview | null>(null);
  protected readonly editing = signal<RegionCutoffs | null>(null);
  protected readonly form = signal<CutoffLines>({ min1: '', min2: '', min3: '', min4: '', min5: '' });
  protected readonly problems = computed<CutoffProblem[]>(() => cutoffProblems(this.form()));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected effectiveFrom = '';
  protected note = '';
  protected readonly minute = formatMinute;

  ngOnInit(): void {
    this.load();
  }

  private load(): void {
    this.api
      .cutoffs()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((o) => this.overview.set(o));
  }

  protected lines(c: CutoffLines): Record<string, string> {
    return { min1: c.min1, min2: c.min2, min3: c.min3, min4: c.min4, min5: c.min5 };
  }

  protected gradeOf(field: keyof CutoffLines): string {
    return `${field.slice(3)}A`;
  }

  /** A row of the region's own: upcoming (not yet in force), in force (the one that applies), superseded. */
  protected state(r: RegionCutoffs, h: Cutoff): GradingKey {
    const today = this.overview()?.today ?? '';
    if (h.effectiveFrom > today) return 'grading.cutoffs.upcoming';
    return r.own && r.applies?.id === h.id ? 'grading.cutoffs.current' : 'grading.cutoffs.superseded';
  }

  protected stateColor(r: RegionCutoffs, h: Cutoff): string {
    const s = this.state(r, h);
    return s === 'grading.cutoffs.current' ? 'green' : s === 'grading.cutoffs.upcoming' ? 'orange' : 'default';
  }

  protected problemOf(field: keyof CutoffLines): GradingKey | null {
    const p = this.problems().find((x) => x.field === field);
    return p ? (`grading.cutoffs.problem.${p.problem}` as GradingKey) : null;
  }

  protected fromProblem(): boolean {
    const today = this.overview()?.today ?? '';
    return this.effectiveFrom !== '' && this.effectiveFrom < today;
  }

  protected set(field: keyof CutoffLines, value: string): void {
    this.form.update((f) => ({ ...f, [field]: value }));
  }

  protected edit(r: RegionCutoffs): void {
    const c = r.applies;
    this.form.set(
      c
        ? (this.lines(c) as unknown as CutoffLines)
        : { min1: '500', min2: '600', min3: '700', min4: '800', min5: '900' },
    );
    this.effectiveFrom = this.overview()?.today ?? '';
    this.note = '';
    this.error.set(null);
    this.editing.set(r);
  }

  protected close(): void {
    if (!this.busy()) this.editing.set(null);
  }

  protected save(): void {
    const r = this.editing();
    if (!r || this.problems().length > 0 || this.effectiveFrom === '' || this.fromProblem()) return;
    this.busy.set(true);
    this.api
      .setCutoffs({
        regionId: r.regionId,
        ...this.form(),
        effectiveFrom: this.effectiveFrom,
        ...(this.note.trim() ? { note: this.note.trim() } : {}),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (c) => {
          this.busy.set(false);
          this.editing.set(null);
          this.message.success(this.texts.t('grading.cutoffs.saved', { date: c.effectiveFrom }));
          this.load();
        },
        error: (e: HttpErrorResponse) => {
          this.busy.set(false);
          const view = describeHttpError(
            e.status,
            e.error,
            (key, params) => this.i18n.t(key, params),
            (key) => this.i18n.dynamic(key, '') || null,
          );
          this.error.set([view.detail, ...view.fieldErrors].join('；'));
        },
      });
  }
}
