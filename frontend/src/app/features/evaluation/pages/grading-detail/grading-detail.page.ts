import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable, of, switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { describeHttpError } from '../../../../core/http/problem-details';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { Downloads } from '../../../../shared/download.service';
import { readAsBase64, uploadProblem } from '../../../../shared/files';
import { OrganisationsApi } from '../../../organisations/data/organisations.api';
import {
  changedEntries,
  Entries,
  fromCents,
  gradeByLines,
  gradeLabel,
  levelOf,
  scoreProblem,
  statusColor,
  toCents,
  totalOf,
  treeTotal,
} from '../../data/grading';
import { GradingCodePipe, GradingI18n, GradingKey, GradingTranslatePipe } from '../../data/grading-i18n';
import {
  AssessmentAction,
  AssessmentDetail,
  Cutoff,
  GradingApi,
  GuideLevel,
  IndicatorNode,
} from '../../data/grading.api';

const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
type Asked = Exclude<AssessmentAction, 'SCORE'>;
const TITLES: Record<Asked, GradingKey> = {
  SUBMIT: 'grading.submit.title',
  RETURN: 'grading.return.title',
  DECIDE: 'grading.decide.title',
  CANCEL: 'grading.cancel.title',
};

/**
 * 等级评估 (one assessment): the frozen 1,000-point tree with live totals per area and indicator, each item scored by
 * its guide levels or by hand with an evidence note (works on a tablet during the visit), the grade the running total
 * gets by the region's lines; submitting; the second officer's return or decision with the decision document, and the
 * decided grade with its validity. What the caller may do comes from the server (`actions`), checked there again.
 */
@Component({
  selector: 'dd-grading-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzResultModule,
    NzTagModule,
    GradingTranslatePipe,
    GradingCodePipe,
  ],
  templateUrl: './grading-detail.page.html',
  styles: `
    .dd-area {
      margin-bottom: 16px;
    }
    .dd-second {
      margin-top: 8px;
    }
    .dd-note {
      margin-top: 8px;
    }
    .dd-area-title {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 12px;
    }
    .dd-area-title h3 {
      margin: 0;
      font-size: 16px;
    }
    .dd-indicator h4 {
      margin: 8px 0;
      font-size: 15px;
    }
    .dd-leaf {
      padding: 10px 0 12px;
      border-bottom: 1px solid #f0f0f0;
    }
    .dd-leaf-problem {
      background: #fff1f0;
    }
    .dd-leaf-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px;
    }
    .dd-levels {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 6px 0;
    }
    .dd-level-text {
      margin-bottom: 6px;
    }
    .dd-leaf-entry {
      display: grid;
      grid-template-columns: 140px minmax(0, 1fr);
      gap: 8px 12px;
      align-items: start;
    }
    .dd-leaf-entry label {
      display: block;
      font-size: 13px;
    }
    .dd-small {
      font-size: 12px;
    }
    .dd-action-bar {
      position: sticky;
      bottom: 0;
      z-index: 2;
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
      padding: 10px 16px;
      background: #fff;
      border-top: 1px solid #d9d9d9;
      box-shadow: 0 -2px 8px rgba(0, 0, 0, 0.06);
    }
    .dd-action-total {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .dd-wrap {
      flex-wrap: wrap;
      white-space: normal;
    }
    .dd-field-label {
      display: block;
      margin: 8px 0 6px;
    }
    .dd-hidden-file {
      display: none;
    }
    @media (max-width: 575.98px) {
      .dd-leaf-entry {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export default class GradingDetailPage implements OnInit {
  /** The route's `:id`. */
  readonly id = input.required<string>();

  private readonly api = inject(GradingApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly downloads = inject(Downloads);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(TranslationService);
  private readonly texts = inject(GradingI18n);
  private readonly destroyRef = inject(DestroyRef);
  /** Staff read organisations (a link to the registry); a member downloads from its own documents. */
  protected readonly staff = inject(AuthService).permissions().includes(PERMISSIONS.ORGANISATIONS_READ);

  protected readonly assessment = signal<AssessmentDetail | null>(null);
  protected readonly notFound = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<string[]>([]);
  protected readonly busy = signal(false);
  /** What the server has, and what is typed (by leaf key). */
  private readonly saved = signal<Entries>({});
  protected readonly typed = signal<Entries>({});

  protected readonly canScore = computed(() => this.assessment()?.actions.includes('SCORE') ?? false);
  protected readonly totals = computed(() => treeTotal(this.assessment()?.tree ?? [], this.typed()));
  protected readonly gradeNow = computed(() => {
    const a = this.assessment();
    if (!a?.cutoff) return null;
    const scored = a.status === 'SUBMITTED' || a.status === 'DECIDED' ? toCents(a.totalPoints ?? '0') : null;
    return gradeByLines(scored ?? this.totals().scored, a.cutoff);
  });
  protected readonly dirty = computed(() => changedEntries(this.saved(), this.typed()));

  protected readonly asking = signal<Asked | null>(null);
  protected readonly modalTitle = computed<GradingKey>(() => TITLES[this.asking() ?? 'SUBMIT']);
  protected readonly modalError = signal<string | null>(null);
  protected readonly modalFieldErrors = signal<string[]>([]);
  protected readonly reasonMissing = signal(false);
  protected readonly file = signal<{ name: string; base64: string } | null>(null);
  protected readonly fileProblem = signal<GradingKey | null>(null);
  protected summary = '';
  protected reason = '';
  protected note = '';

  protected readonly color = statusColor;
  protected readonly label = gradeLabel;
  protected readonly minute = formatMinute;

  ngOnInit(): void {
    this.api
      .get(Number(this.id()))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (a) => this.show(a), error: () => this.notFound.set(true) });
  }

  private show(a: AssessmentDetail): void {
    const entries: Record<string, { score: string; note: string }> = {};
    for (const s of a.scores) {
      // "10.00" as stored → "10", as an assessor writes it
      const cents = s.score === null ? null : toCents(s.score);
      entries[s.leafKey] = { score: cents === null ? '' : fromCents(cents, true), note: s.note ?? '' };
    }
    this.assessment.set(a);
    this.saved.set(entries);
    this.typed.set({ ...entries });
  }

  // ---- the tree

  protected entry(key: string): { score: string; note: string } {
    return this.typed()[key] ?? { score: '', note: '' };
  }

  protected subtotal(node: IndicatorNode) {
    return totalOf(node, this.typed());
  }

  protected shown(cents: number): string {
    return fromCents(cents, true);
  }

  protected shownText(points: string | null): string {
    const cents = points === null ? null : toCents(points);
    return cents === null ? '' : fromCents(cents, true);
  }

  protected problem(key: string, points: string) {
    return scoreProblem(this.entry(key).score, points);
  }

  protected levelOf(leaf: IndicatorNode, score: string): GuideLevel | null {
    return levelOf(leaf.guide, score);
  }

  protected scoredBy(key: string): { name: string; time: string } | null {
    const s = this.assessment()?.scores.find((x) => x.leafKey === key);
    return s?.updatedByName ? { name: s.updatedByName, time: formatMinute(s.updatedAt) } : null;
  }

  protected linesParams(c: Cutoff): Record<string, string> {
    return {
      region: c.regionName,
      from: c.effectiveFrom,
      min1: c.min1,
      min2: c.min2,
      min3: c.min3,
      min4: c.min4,
      min5: c.min5,
    };
  }

  protected setScore(key: string, score: string): void {
    this.typed.update((t) => ({ ...t, [key]: { ...(t[key] ?? { score: '', note: '' }), score } }));
  }

  protected setNote(key: string, note: string): void {
    this.typed.update((t) => ({ ...t, [key]: { ...(t[key] ?? { score: '', note: '' }), note } }));
  }

  protected pickLevel(key: string, to: string): void {
    this.setScore(key, to);
  }

  protected can(action: AssessmentAction): boolean {
    return this.assessment()?.actions.includes(action) ?? false;
  }

  // ---- saving and the decisions

  private hasProblems(): boolean {
    const a = this.assessment();
    if (!a) return false;
    const leaves: IndicatorNode[] = [];
    const walk = (nodes: IndicatorNode[]) =>
      nodes.forEach((n) => (n.children?.length ? walk(n.children) : leaves.push(n)));
    walk(a.tree);
    return leaves.some((l) => this.problem(l.key, l.points) !== null);
  }

  /** The pending changes, saved (or nothing to do). */
  private saving(): Observable<AssessmentDetail | null> {
    const a = this.assessment();
    const changes = this.dirty();
    if (!a || changes.length === 0) return of(null);
    return this.api.saveScores(a.id, changes);
  }

  protected save(): void {
    if (this.hasProblems()) {
      this.error.set(this.texts.t('grading.fixProblems'));
      return;
    }
    const n = this.dirty().length;
    if (n === 0) {
      this.message.info(this.texts.t('grading.nothingToSave'));
      return;
    }
    this.run(this.saving() as Observable<AssessmentDetail>, () =>
      this.message.success(this.texts.t('grading.savedCount', { n })),
    );
  }

  protected ask(action: Asked): void {
    if (action === 'SUBMIT' && this.hasProblems()) {
      this.error.set(this.texts.t('grading.fixProblems'));
      return;
    }
    this.summary = this.assessment()?.summary ?? '';
    this.reason = '';
    this.note = '';
    this.file.set(null);
    this.fileProblem.set(null);
    this.modalError.set(null);
    this.modalFieldErrors.set([]);
    this.reasonMissing.set(false);
    this.asking.set(action);
  }

  protected closeModal(): void {
    if (!this.busy()) this.asking.set(null);
  }

  protected async chooseFile(event: Event): Promise<void> {
    const f = (event.target as HTMLInputElement).files?.[0];
    this.file.set(null);
    this.fileProblem.set(null);
    if (!f) return;
    const problem = uploadProblem(f, MAX_DOCUMENT_BYTES);
    if (problem !== null) {
      this.fileProblem.set(`grading.file.${problem}` as GradingKey);
      return;
    }
    this.file.set({ name: f.name, base64: await readAsBase64(f) });
  }

  protected confirm(): void {
    const a = this.assessment();
    const action = this.asking();
    if (!a || !action) return;
    if ((action === 'RETURN' || action === 'CANCEL') && this.reason.trim().length < 2) {
      this.reasonMissing.set(true);
      return;
    }
    this.reasonMissing.set(false);
    let request: Observable<AssessmentDetail>;
    let done: GradingKey;
    switch (action) {
      case 'SUBMIT':
        request = this.saving().pipe(switchMap(() => this.api.submit(a.id, this.summary.trim())));
        done = 'grading.submitted';
        break;
      case 'RETURN':
        request = this.api.returnForRescoring(a.id, this.reason.trim());
        done = 'grading.returned';
        break;
      case 'CANCEL':
        request = this.api.cancel(a.id, this.reason.trim());
        done = 'grading.cancelled';
        break;
      case 'DECIDE': {
        const f = this.file();
        if (!f) {
          this.fileProblem.set('grading.decide.noFile');
          return;
        }
        request = this.api.decide(a.id, {
          fileName: f.name,
          contentBase64: f.base64,
          ...(this.note.trim() ? { note: this.note.trim() } : {}),
        });
        done = 'grading.decided';
        break;
      }
    }
    this.busy.set(true);
    this.modalError.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (updated) => {
        this.show(updated);
        this.busy.set(false);
        this.asking.set(null);
        this.error.set(null);
        this.message.success(this.texts.t(done));
      },
      error: (e: HttpErrorResponse) => {
        const view = this.describe(e);
        this.modalError.set(view.detail);
        this.modalFieldErrors.set(view.fieldErrors);
        this.busy.set(false);
      },
    });
  }

  protected download(a: AssessmentDetail): void {
    if (a.decisionDocumentId === null) return;
    void this.downloads.save(
      this.organisations.documentFile(this.staff ? a.organisationId : null, a.decisionDocumentId),
      a.decisionDocumentName ?? `${a.code}.pdf`,
    );
  }

  private run(request: Observable<AssessmentDetail>, done: () => void): void {
    this.busy.set(true);
    this.error.set(null);
    this.fieldErrors.set([]);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (a) => {
        this.show(a);
        this.busy.set(false);
        done();
      },
      error: (e: HttpErrorResponse) => {
        const view = this.describe(e);
        this.error.set(view.detail);
        this.fieldErrors.set(view.fieldErrors);
        this.busy.set(false);
      },
    });
  }

  private describe(e: HttpErrorResponse) {
    return describeHttpError(
      e.status,
      e.error,
      (key, params) => this.i18n.t(key, params),
      (key) => this.i18n.dynamic(key, '') || null,
    );
  }
}
