import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { Page } from '../../../../api';
import { formatDeadline, formatMinute } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { readAsBase64, uploadProblem } from '../../../../shared/files';
import { formatMoney } from '../../../../shared/money';
import {
  canObject,
  GRADE_COLOR,
  OBJECTION_MAX_FILE_BYTES,
  OBJECTION_MAX_FILES,
  OBJECTION_STATUS_COLOR,
  reasonsValid,
  RESULT_STATUS_COLOR,
  trancheKey,
} from '../../data/results';
import { ResCodePipe, ResTranslatePipe, ResultsI18n } from '../../data/results-i18n';
import { EvaluationResult, ObjectionAttachment, ResultsApi } from '../../data/results.api';

interface Draft {
  reasons: string;
  files: Array<{ name: string; size: number; file: File }>;
  problem: string | null;
}

/**
 * 我的评估结果 (/evaluation/results): the evaluated organisation's confirmed and published results — score, grade,
 * the report, the objection deadline in Beijing time, the final tranche and any bar the result caused — with its
 * objections and their answers, and an objection form while the window is open. Cards, for a phone as well.
 */
@Component({
  selector: 'dd-evaluation-results-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzInputModule,
    NzPaginationModule,
    NzTagModule,
    ResTranslatePipe,
    ResCodePipe,
  ],
  template: `
    <h1>{{ 'res.mine.title' | rest }}</h1>
    <p>{{ 'res.mine.intro' | rest }}</p>
    <div [attr.data-testid]="loaded() ? 'results-loaded' : null" class="list">
      @for (r of page().items; track r.id) {
        <nz-card [attr.data-testid]="'result-card-' + r.id" [attr.data-status]="r.status" class="card">
          <h2 class="title">{{ r.projectTitle }}</h2>
          <div class="tags">
            <nz-tag>{{ r.kind | resc: 'res.kind.' }}</nz-tag>
            <nz-tag [nzColor]="statusColor[r.status]">{{ r.status | resc: 'res.status.' }}</nz-tag>
          </div>
          <dl class="facts">
            <dt>{{ 'res.field.code' | rest }}</dt>
            <dd>{{ r.code }}</dd>
            <dt>{{ 'res.field.contract' | rest }}</dt>
            <dd>{{ r.contractCode }}</dd>
            @if (r.agencyName) {
              <dt>{{ 'res.field.agency' | rest }}</dt>
              <dd>{{ r.agencyName }}</dd>
            }
            @if (r.totalScore !== null && r.grade !== null) {
              <dt>{{ 'res.field.score' | rest }}</dt>
              <dd data-testid="result-score">
                <strong>{{ 'res.score' | rest: { score: r.totalScore } }}</strong>
                <nz-tag [nzColor]="gradeColor[r.grade]">{{ r.grade | resc: 'res.grade.' }}</nz-tag>
              </dd>
            }
            @if (r.confirmedAt && (r.status === 'CONFIRMED' || r.status === 'PUBLISHED')) {
              <dt>{{ 'res.field.confirmedAt' | rest }}</dt>
              <dd>{{ minute(r.confirmedAt) }}</dd>
            }
            @if (r.publishedAt) {
              <dt>{{ 'res.field.publishedAt' | rest }}</dt>
              <dd>{{ minute(r.publishedAt) }}</dd>
            }
          </dl>
          @if (r.summary && r.totalScore !== null) {
            <p><strong>{{ 'res.field.summary' | rest }}：</strong>{{ r.summary }}</p>
          }
          @if (r.status === 'CONFIRMED') {
            <p [attr.data-testid]="'result-window-' + r.id" class="window">
              @if (r.windowOpen) {
                {{ 'res.window.open' | rest: { deadline: deadline(r.objectionDueAt) } }}
              } @else {
                {{ 'res.window.closed' | rest }}
              }
            </p>
          } @else if (r.status !== 'PUBLISHED') {
            <p class="window">{{ 'res.redo' | rest }}</p>
          }
          @if (r.status === 'PUBLISHED' && r.kind === 'FINAL') {
            <p [attr.data-testid]="'result-tranche-' + r.id">{{ trancheText(r) }}</p>
          }
          @if (r.bar) {
            <p class="bar" role="note">
              {{ 'res.bar' | rest: { until: r.bar.untilDate, region: r.bar.regionName } }}
            </p>
          }
          @if (r.status === 'CONFIRMED' || r.status === 'PUBLISHED') {
            <button nz-button nzType="link" (click)="report(r)" [attr.data-testid]="'result-report-' + r.id">
              {{ 'res.report' | rest }}
            </button>
          }

          @if (r.objections.length > 0) {
            <h3>{{ 'res.objections.title' | rest }}</h3>
            <ul class="objections">
              @for (o of r.objections; track o.id) {
                <li [attr.data-testid]="'result-objection-' + o.id">
                  <nz-tag [nzColor]="objectionColor[o.status]">{{ o.status | resc: 'res.objStatus.' }}</nz-tag>
                  <span class="meta">{{ 'res.objection.filed' | rest: { name: o.filedByName, at: minute(o.filedAt) } }}</span>
                  <p class="text">{{ o.reasons }}</p>
                  @if (o.answer) {
                    <p class="text answer">
                      {{ 'res.objection.answer' | rest: { name: o.decidedByName ?? '', at: minute(o.decidedAt), answer: o.answer } }}
                    </p>
                  } @else {
                    <p class="meta">{{ 'res.objection.pending' | rest }}</p>
                  }
                </li>
              }
            </ul>
          }

          @if (canObject(r)) {
            @if (drafting() === r.id) {
              <form class="object-form" (ngSubmit)="submit(r)" [attr.data-testid]="'object-form-' + r.id">
                <h3>{{ 'res.object.title' | rest }}</h3>
                <label for="object-reasons-{{ r.id }}">{{ 'res.object.reasons' | rest }}</label>
                <textarea
                  nz-input
                  id="object-reasons-{{ r.id }}"
                  name="reasons"
                  rows="5"
                  maxlength="5000"
                  [placeholder]="'res.object.placeholder' | rest"
                  [ngModel]="draft().reasons"
                  (ngModelChange)="setReasons($event)"
                  data-testid="object-reasons"
                ></textarea>
                @if (draft().reasons.length > 0 && !reasonsOk()) {
                  <div class="ant-form-item-explain-error">{{ 'res.object.reasonsInvalid' | rest }}</div>
                }
                <label for="object-files-{{ r.id }}">{{ 'res.object.files' | rest }}</label>
                <input
                  id="object-files-{{ r.id }}"
                  type="file"
                  multiple
                  accept="application/pdf,image/png,image/jpeg"
                  (change)="choose($event)"
                  data-testid="object-files"
                />
                @if (draft().problem) {
                  <div class="ant-form-item-explain-error" role="alert">{{ draft().problem }}</div>
                }
                <ul class="files">
                  @for (f of draft().files; track f.name) {
                    <li>
                      {{ f.name }}
                      <button nz-button nzType="link" type="button" (click)="remove(f.name)">
                        {{ 'res.object.remove' | rest: { name: f.name } }}
                      </button>
                    </li>
                  }
                </ul>
                <div class="buttons">
                  <button
                    nz-button
                    nzType="primary"
                    type="submit"
                    [disabled]="!reasonsOk()"
                    [nzLoading]="busy()"
                    data-testid="object-submit"
                  >
                    {{ 'res.object.submit' | rest }}
                  </button>
                  <button nz-button type="button" (click)="drafting.set(null)">{{ 'res.cancel' | rest }}</button>
                </div>
              </form>
            } @else {
              <button nz-button nzDanger (click)="startDraft(r.id)" [attr.data-testid]="'object-open-' + r.id">
                {{ 'res.object.open' | rest }}
              </button>
            }
          }
        </nz-card>
      } @empty {
        @if (loaded()) {
          <nz-empty [nzNotFoundContent]="'res.mine.empty' | rest" data-testid="results-empty"></nz-empty>
        }
      }
    </div>
    @if (page().total > page().pageSize) {
      <nz-pagination
        [nzPageIndex]="page().page"
        [nzPageSize]="page().pageSize"
        [nzTotal]="page().total"
        (nzPageIndexChange)="load($event)"
      ></nz-pagination>
    }
  `,
  styles: [
    `
      .list { display: flex; flex-direction: column; gap: 12px; margin-bottom: 12px; }
      .title { font-size: 16px; margin: 0 0 8px; }
      .tags { margin-bottom: 8px; }
      .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0 0 8px; }
      .facts dt { color: rgba(0, 0, 0, 0.65); }
      .facts dd { margin: 0; }
      .window { font-weight: 600; }
      .bar { color: #a8071a; }
      .objections { list-style: none; padding: 0; }
      .objections li { border-top: 1px solid #f0f0f0; padding: 8px 0; }
      .meta { color: rgba(0, 0, 0, 0.65); }
      .text { white-space: pre-wrap; margin: 4px 0; }
      .answer { background: #fafafa; padding: 4px 8px; }
      .object-form { display: flex; flex-direction: column; gap: 8px; margin-top: 8px; }
      .files { padding-left: 16px; margin: 0; }
      .buttons { display: flex; gap: 8px; flex-wrap: wrap; }
      h3 { font-size: 14px; margin: 12px 0 4px; }
    `,
  ],
})
export default class EvaluationResultsPage implements OnInit {
  private readonly api = inject(ResultsApi);
  private readonly downloads = inject(Downloads);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(ResultsI18n);

  protected readonly gradeColor = GRADE_COLOR;
  protected readonly statusColor = RESULT_STATUS_COLOR;
  protected readonly objectionColor = OBJECTION_STATUS_COLOR;
  protected readonly canObject = canObject;
  protected readonly page = signal<Page<EvaluationResult>>({ items: [], total: 0, page: 1, pageSize: 20 });
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly drafting = signal<number | null>(null);
  protected readonly draft = signal<Draft>({ reasons: '', files: [], problem: null });
  protected readonly reasonsOk = computed(() => reasonsValid(this.draft().reasons));

  ngOnInit(): void {
    this.load(1);
  }

  load(page: number): void {
    this.api.list({ page, pageSize: 20 }).subscribe({
      next: (p) => {
        this.page.set(p);
        this.loaded.set(true);
      },
      error: () => this.loaded.set(true),
    });
  }

  protected minute(value: string | null): string {
    return formatMinute(value);
  }

  protected deadline(value: string | null): string {
    return value ? formatDeadline(value) : '';
  }

  protected trancheText(r: EvaluationResult): string {
    if (r.finalTranche === null) return this.i18n.t('res.tranche.waiting');
    return this.i18n.t(trancheKey(r.finalTranche.outcome), {
      amount: formatMoney(r.finalTranche.amount, { symbol: true }),
      released: formatMoney(r.finalTranche.released, { symbol: true }),
    });
  }

  protected report(r: EvaluationResult): void {
    void this.downloads.save(this.api.report(r.reportUrl), `${r.code}.pdf`);
  }

  protected startDraft(id: number): void {
    this.draft.set({ reasons: '', files: [], problem: null });
    this.drafting.set(id);
  }

  protected setReasons(reasons: string): void {
    this.draft.update((d) => ({ ...d, reasons }));
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    const files = [...this.draft().files];
    let problem: string | null = null;
    for (const file of chosen) {
      const p = uploadProblem(file, OBJECTION_MAX_FILE_BYTES);
      if (p) {
        problem = this.i18n.t(`res.object.fileProblem.${p}`, { name: file.name });
        continue;
      }
      if (files.length >= OBJECTION_MAX_FILES) {
        problem = this.i18n.t('res.object.fileProblem.count');
        break;
      }
      if (!files.some((f) => f.name === file.name)) files.push({ name: file.name, size: file.size, file });
    }
    this.draft.update((d) => ({ ...d, files, problem }));
  }

  protected remove(name: string): void {
    this.draft.update((d) => ({ ...d, files: d.files.filter((f) => f.name !== name), problem: null }));
  }

  protected async submit(r: EvaluationResult): Promise<void> {
    if (!this.reasonsOk() || this.busy()) return;
    this.busy.set(true);
    let attachments: ObjectionAttachment[];
    try {
      attachments = await Promise.all(
        this.draft().files.map(async (f) => ({ fileName: f.name, contentBase64: await readAsBase64(f.file) })),
      );
    } catch {
      this.busy.set(false);
      return;
    }
    this.api.object(r.id, this.draft().reasons.trim(), attachments).subscribe({
      next: () => {
        this.busy.set(false);
        this.drafting.set(null);
        this.message.success(this.i18n.t('res.object.done'));
        this.load(this.page().page);
      },
      // the app's error handler shows the problem (409: the window closed meanwhile)
      error: () => this.busy.set(false),
    });
  }
}
