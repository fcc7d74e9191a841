import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';

import { newIdempotencyKey } from '../../../../api';
import { silentErrors } from '../../../../core/http/http-context';
import { formatMinute } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { SaveState, ScoreLeafCardComponent } from '../../components/score-leaf-card.component';
import { ScoringCodePipe, ScoringI18n, ScoringTranslatePipe } from '../../data/scoring-i18n';
import { draftOf, isDirty, LeafDraft, leavesOf, liveTotal, subtotal, toRequest } from '../../data/scoring-live';
import { LeafProblem, Scoresheet, ScoringApi, SheetNode } from '../../data/scoring.api';

function detailOf(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as { detail?: unknown } | null;
    if (body && typeof body.detail === 'string') return body.detail;
    return `HTTP ${error.status}`;
  }
  return String(error);
}

/**
 * 评分: the evaluator's scoring page of one task, made for a tablet on a site visit — the indicator tree as
 * collapsible sections with their points and what is scored so far, each leaf a card (guide levels to tap, the score,
 * the reason a changed computed value needs, a note, evidence with the camera), saved leaf by leaf; a sticky bar with
 * the live exact total, the grade it would give and what is left; the submit step with the overall assessment and
 * every problem; read-only once submitted (and for staff and the evaluated organisation).
 */
@Component({
  selector: 'dd-scoring-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NgTemplateOutlet,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    ScoringTranslatePipe,
    ScoringCodePipe,
    ScoreLeafCardComponent,
  ],
  styles: `
    :host { display: block; }
    .sp { max-width: 960px; margin: 0 auto; padding-bottom: 16px; }
    .facts p { margin: 2px 0; }
    .notice { border-radius: 6px; padding: 8px 12px; margin: 8px 0; background: #fff7e6; border: 1px solid #ffd591; }
    .notice.info { background: #e6f4ff; border-color: #91caff; }
    .downloads { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
    .downloads button { min-height: 44px; }
    section.group { margin: 16px 0; }
    h2.group-head { margin: 0; font-size: 18px; }
    .toggle { width: 100%; min-height: 52px; display: flex; justify-content: space-between; align-items: center;
      gap: 12px; padding: 8px 16px; border: 1px solid #d9d9d9; border-radius: 8px; background: #fafafa;
      font-size: 18px; font-weight: 600; cursor: pointer; text-align: left; color: inherit; }
    .toggle .sub { font-size: 14px; font-weight: 400; color: rgba(0, 0, 0, 0.65); }
    .inner { padding: 12px 0 0 0; }
    h3.sub-head { font-size: 16px; margin: 12px 0 8px; display: flex; justify-content: space-between; gap: 12px; }
    h3.sub-head span { font-weight: 400; font-size: 14px; color: rgba(0, 0, 0, 0.65); }
    .survey { border: 1px solid #f0f0f0; border-radius: 8px; padding: 8px 16px; margin: 12px 0; }
    .survey h2 { font-size: 16px; margin: 4px 0; }
    .bar { position: sticky; bottom: 0; z-index: 10; background: #fff; border-top: 2px solid #1677ff;
      box-shadow: 0 -2px 8px rgba(0, 0, 0, 0.08); padding: 8px 16px; display: flex; flex-wrap: wrap; gap: 8px 20px;
      align-items: center; }
    .bar .total { font-size: 20px; font-weight: 700; }
    .bar .grade { font-size: 16px; font-weight: 600; }
    .bar .left { color: #ad4e00; }
    .bar .ok { color: #237804; }
    .bar button { margin-left: auto; min-height: 48px; min-width: 140px; font-size: 16px; }
    .submit-step { border: 2px solid #1677ff; border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
    .submit-step h2 { font-size: 18px; margin: 0 0 8px; }
    .submit-step textarea { font-size: 16px; }
    .problems { color: #ad4e00; padding-left: 20px; }
    .problems button { border: 0; background: none; color: #0958d9; text-decoration: underline; cursor: pointer;
      padding: 4px 0; font-size: 15px; min-height: 32px; text-align: left; }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 12px; }
    .actions button { min-height: 48px; min-width: 120px; }
    .summary-text { white-space: pre-wrap; }
  `,
  template: `
    <section class="dd-page sp" data-testid="score-page">
      <header class="dd-page-head">
        <h1>{{ 'sc.title' | st }}</h1>
      </header>
      @if (failed()) {
        <p class="notice" role="alert" data-testid="score-not-found">{{ 'sc.notFound' | st }}</p>
      } @else if (sheet(); as s) {
        <div class="facts" data-testid="score-sheet">
          <p><strong>{{ 'sc.task' | st: { code: s.task.code } }}</strong> · {{ s.task.status | sc: 'sc.status.' }}</p>
          <p>{{ 'sc.contract' | st: { code: s.task.contractCode, title: s.task.contractTitle } }}</p>
          <p>{{ 'sc.organisation' | st: { name: s.task.organisationName } }}</p>
          @if (s.task.agencyName) {
            <p>{{ 'sc.agency' | st: { name: s.task.agencyName, evaluator: s.task.evaluatorName ?? '' } }}</p>
          }
          <p>{{ 'sc.due' | st: { at: minute(s.task.dueAt) } }}</p>
          <p>{{ 'sc.template' | st: { name: s.template.name, version: s.template.version, total: s.template.total } }}</p>
        </div>
        @if (s.task.status === 'RETURNED' && s.task.returnComment) {
          <p class="notice" role="note">{{ 'sc.returned' | st: { comment: s.task.returnComment } }}</p>
        }
        @if (!s.canScore) {
          <p class="notice info" role="note" data-testid="score-readonly">
            {{ (s.viewer === 'EVALUATOR' ? 'sc.readonly' : 'sc.viewOnly') | st }}
          </p>
        }
        @if (s.task.totalScore && s.task.grade) {
          <p data-testid="score-result">
            <strong>{{ 'sc.result' | st: { score: s.task.totalScore, grade: (s.task.grade | sc: 'sc.grade.') } }}</strong>
          </p>
        }
        @if (s.task.summary) {
          <h2 class="group-head">{{ 'sc.summaryHeading' | st }}</h2>
          <p class="summary-text">{{ s.task.summary }}</p>
        }
        <div class="downloads">
          <button nz-button type="button" (click)="download('pdf')" data-testid="score-report-pdf">
            <nz-icon nzType="download" />{{ 'sc.reportPdf' | st }}
          </button>
          <button nz-button type="button" (click)="download('xlsx')" data-testid="score-report-xlsx">
            <nz-icon nzType="download" />{{ 'sc.reportXlsx' | st }}
          </button>
        </div>

        <section class="survey" aria-labelledby="score-survey-h">
          <h2 id="score-survey-h">{{ 'sc.survey.title' | st }}</h2>
          @if (s.survey.surveyId === null) {
            <p>{{ 'sc.survey.none' | st }}</p>
          } @else {
            <p data-testid="score-survey">
              {{ 'sc.survey.figures' | st: { answers: s.survey.answers, satisfied: s.survey.satisfied,
                rate: s.survey.ratePercent ?? '—', proxied: s.survey.proxied } }}
            </p>
            @if (s.survey.insufficient) {
              <p>{{ 'sc.survey.insufficient' | st: { minimum: s.survey.minimum } }}</p>
            }
          }
        </section>

        @for (top of s.nodes; track top.key) {
          <section class="group" [attr.aria-labelledby]="'grp-' + top.key">
            <h2 class="group-head" [id]="'grp-' + top.key">
              <button type="button" class="toggle" [attr.aria-expanded]="!collapsed()[top.key]"
                [attr.aria-controls]="'grp-body-' + top.key" (click)="toggle(top.key)"
                [attr.data-testid]="'score-group-' + top.key">
                <span>{{ top.key }} {{ top.name }}（{{ 'sc.points' | st: { points: top.points } }}）</span>
                <span class="sub">{{ progress(top) }}</span>
              </button>
            </h2>
            @if (!collapsed()[top.key]) {
              <div class="inner" [id]="'grp-body-' + top.key">
                @for (child of top.children; track child.key) {
                  @if (child.leaf) {
                    <ng-container *ngTemplateOutlet="card; context: { $implicit: child }" />
                  } @else {
                    <h3 class="sub-head">
                      {{ child.key }} {{ child.name }}
                      <span>{{ progress(child) }}</span>
                    </h3>
                    @for (leaf of child.children; track leaf.key) {
                      <ng-container *ngTemplateOutlet="card; context: { $implicit: leaf }" />
                    }
                  }
                }
              </div>
            }
          </section>
        }
        <ng-template #card let-leaf>
          <dd-score-leaf-card [taskId]="taskId" [node]="leaf" [draft]="draftFor(leaf)" [canScore]="s.canScore"
            [state]="stateFor(leaf)" [defaultPlace]="place()" (draftChange)="edit(leaf, $event)" (save)="save(leaf)"
            (evidenceChanged)="reload()" (placeUsed)="place.set($event)" />
        </ng-template>

        @if (submitting()) {
          <section class="submit-step" aria-labelledby="score-submit-h" data-testid="score-submit-step">
            <h2 id="score-submit-h" tabindex="-1">{{ 'sc.submit.title' | st }}</h2>
            <p>{{ 'sc.submit.intro' | st: { score: live().rounded, grade: (live().grade | sc: 'sc.grade.') } }}</p>
            @if (problems().length > 0) {
              <p>{{ 'sc.submit.problems' | st }}</p>
              <ul class="problems" data-testid="score-submit-problems">
                @for (p of problems(); track p.key) {
                  <li>
                    <button type="button" (click)="jump(p.key)">{{ 'sc.submit.go' | st: { key: p.key, name: p.name } }}</button>
                    — {{ p.problem | sc: 'sc.problem.' }}
                  </li>
                }
              </ul>
            }
            @if (unsaved().length > 0) {
              <p>{{ 'sc.submit.unsaved' | st }}</p>
              <ul class="problems">
                @for (l of unsaved(); track l.key) {
                  <li><button type="button" (click)="jump(l.key)">{{ 'sc.submit.go' | st: { key: l.key, name: l.name } }}</button></li>
                }
              </ul>
            }
            <label for="score-summary">{{ 'sc.submit.summary' | st }}</label>
            <textarea nz-input id="score-summary" rows="4" maxlength="4000" [ngModel]="summary()"
              (ngModelChange)="summary.set($event)" data-testid="score-summary"></textarea>
            @if (summaryMissing()) {
              <p class="problems" role="alert">{{ 'sc.submit.summaryMissing' | st }}</p>
            }
            <div class="actions">
              <button nz-button nzType="primary" type="button" [nzLoading]="busy()"
                [disabled]="problems().length > 0 || unsaved().length > 0" (click)="submit()"
                data-testid="score-submit-confirm">
                {{ 'sc.submit.confirm' | st }}
              </button>
              <button nz-button type="button" (click)="submitting.set(false)">{{ 'sc.submit.cancel' | st }}</button>
            </div>
          </section>
        }

        <div class="bar" role="region" [attr.aria-label]="'sc.bar.label' | st" data-testid="score-bar">
          <span class="total" data-testid="score-total">{{ 'sc.bar.total' | st: { score: live().rounded } }}</span>
          <span class="grade" data-testid="score-grade">{{ 'sc.bar.grade' | st: { grade: (live().grade | sc: 'sc.grade.') } }}</span>
          @if (live().remaining.length > 0) {
            <span class="left" data-testid="score-remaining">{{ 'sc.bar.remaining' | st: { n: live().remaining.length } }}</span>
          } @else {
            <span class="ok" data-testid="score-remaining">{{ 'sc.bar.complete' | st }}</span>
          }
          @if (unsaved().length > 0) {
            <span class="left">{{ 'sc.bar.unsaved' | st: { n: unsaved().length } }}</span>
          }
          @if (s.canScore) {
            <button nz-button nzType="primary" type="button" (click)="openSubmit()" data-testid="score-submit">
              {{ 'sc.bar.submit' | st }}
            </button>
          }
        </div>
      } @else {
        <p class="dd-muted">{{ 'sc.loading' | st }}</p>
      }
    </section>
  `,
})
export default class ScoringPage implements OnInit {
  private readonly api = inject(ScoringApi);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(ScoringI18n);
  private readonly downloads = inject(Downloads);

  protected readonly taskId = Number(this.route.snapshot.paramMap.get('id'));
  protected readonly sheet = signal<Scoresheet | null>(null);
  protected readonly failed = signal(false);
  /** What is typed on each card, by leaf key (a card without an entry shows what is saved). */
  protected readonly drafts = signal<Record<string, LeafDraft>>({});
  private readonly states = signal<Record<string, SaveState>>({});
  protected readonly collapsed = signal<Record<string, boolean>>({});
  protected readonly place = signal('');
  protected readonly submitting = signal(false);
  protected readonly summary = signal('');
  protected readonly summaryMissing = signal(false);
  protected readonly busy = signal(false);
  private readonly serverProblems = signal<Array<{ key: string; name: string; problem: LeafProblem }>>([]);
  private submitKey = newIdempotencyKey();

  private readonly leaves = computed(() => leavesOf(this.sheet()?.nodes ?? []));
  protected readonly live = computed(() => {
    const s = this.sheet();
    return liveTotal(s?.nodes ?? [], this.drafts(), s?.bands ?? { EXCELLENT: '90', GOOD: '80', PASS: '60' });
  });
  protected readonly unsaved = computed(() => this.leaves().filter((l) => isDirty(l, this.draftFor(l))));
  protected readonly problems = computed(() => {
    const local = this.live().remaining;
    const seen = new Set(local.map((p) => p.key));
    return [...local, ...this.serverProblems().filter((p) => !seen.has(p.key))];
  });

  ngOnInit(): void {
    this.api
      .scoresheet(this.taskId, silentErrors())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (s) => this.loaded(s),
        error: () => this.failed.set(true),
      });
  }

  /** A fresh scoresheet: cards without unsaved changes show what is saved; typed changes are kept. */
  private loaded(s: Scoresheet): void {
    const keep = this.sheet() === null ? [] : this.unsaved().map((l) => l.key);
    const drafts: Record<string, LeafDraft> = {};
    for (const leaf of leavesOf(s.nodes))
      drafts[leaf.key] = keep.includes(leaf.key) ? this.drafts()[leaf.key] : draftOf(leaf);
    this.sheet.set(s);
    this.drafts.set(drafts);
    const firstPlace = s.evidence.find((e) => e.place)?.place;
    if (firstPlace && this.place() === '') this.place.set(firstPlace);
  }

  protected reload(): void {
    this.api.scoresheet(this.taskId).subscribe((s) => this.loaded(s));
  }

  protected draftFor(leaf: SheetNode): LeafDraft {
    return this.drafts()[leaf.key] ?? draftOf(leaf);
  }

  protected stateFor(leaf: SheetNode): SaveState {
    const s = this.states()[leaf.key];
    if (s && (s.kind === 'saving' || s.kind === 'failed')) return s;
    if (isDirty(leaf, this.draftFor(leaf))) return { kind: 'dirty' };
    if (s?.kind === 'saved') return s;
    return { kind: 'idle' };
  }

  protected progress(node: SheetNode): string {
    const sub = subtotal(node, this.drafts());
    return sub === null
      ? this.i18n.t('sc.notScored', { points: node.points })
      : this.i18n.t('sc.subtotal', { score: sub, points: node.points });
  }

  protected minute(iso: string | null): string {
    return formatMinute(iso);
  }

  protected toggle(key: string): void {
    this.collapsed.update((c) => ({ ...c, [key]: !c[key] }));
  }

  protected edit(leaf: SheetNode, change: Partial<LeafDraft>): void {
    this.drafts.update((d) => ({ ...d, [leaf.key]: { ...this.draftFor(leaf), ...change } }));
    const s = this.states()[leaf.key];
    if (s?.kind === 'failed') this.states.update((x) => ({ ...x, [leaf.key]: { kind: 'idle' } }));
  }

  protected save(leaf: SheetNode): void {
    const draft = this.draftFor(leaf);
    this.states.update((x) => ({ ...x, [leaf.key]: { kind: 'saving' } }));
    this.api.save(this.taskId, leaf.key, toRequest(draft), silentErrors()).subscribe({
      next: (s) => {
        const saved = leavesOf(s.nodes).find((l) => l.key === leaf.key);
        this.states.update((x) => ({
          ...x,
          [leaf.key]: { kind: 'saved', at: saved?.entry?.updatedAt ?? new Date().toISOString() },
        }));
        // this card now shows what was saved; the others keep what is typed on them
        const others = this.unsaved()
          .filter((l) => l.key !== leaf.key)
          .map((l) => l.key);
        const drafts: Record<string, LeafDraft> = {};
        for (const l of leavesOf(s.nodes)) drafts[l.key] = others.includes(l.key) ? this.drafts()[l.key] : draftOf(l);
        this.sheet.set(s);
        this.drafts.set(drafts);
        this.serverProblems.update((p) => p.filter((x) => x.key !== leaf.key));
      },
      error: (e: unknown) => this.states.update((x) => ({ ...x, [leaf.key]: { kind: 'failed', detail: detailOf(e) } })),
    });
  }

  protected openSubmit(): void {
    this.submitting.set(true);
    setTimeout(() => {
      const h = document.getElementById('score-submit-h');
      h?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      h?.focus();
    });
  }

  protected jump(key: string): void {
    const top = this.sheet()?.nodes.find((n) => leavesOf([n]).some((l) => l.key === key));
    if (top && this.collapsed()[top.key]) this.toggle(top.key);
    setTimeout(() => {
      document.getElementById(`leaf-${key}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      document.getElementById(`score-${key}`)?.focus();
    });
  }

  protected submit(): void {
    if (this.summary().trim().length < 2) {
      this.summaryMissing.set(true);
      return;
    }
    this.summaryMissing.set(false);
    this.busy.set(true);
    this.api.submit(this.taskId, this.summary().trim(), this.submitKey, silentErrors()).subscribe({
      next: (s) => {
        this.busy.set(false);
        this.submitting.set(false);
        this.loaded(s);
        this.message.success(this.i18n.t('sc.submit.done'));
        this.submitKey = newIdempotencyKey();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.submitKey = newIdempotencyKey();
        const body = e instanceof HttpErrorResponse ? (e.error as { leaves?: unknown } | null) : null;
        if (body && Array.isArray(body.leaves))
          this.serverProblems.set(body.leaves as Array<{ key: string; name: string; problem: LeafProblem }>);
        this.message.error(detailOf(e));
      },
    });
  }

  protected download(format: 'pdf' | 'xlsx'): void {
    void this.downloads.save(
      this.api.report(this.taskId, format, silentErrors()),
      `${this.sheet()?.task.code ?? 'evaluation'}.${format}`,
    );
  }
}
