import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';

import { formatMinute } from '../../../shared/dates';
import { measureAmount } from '../data/scoring-evidence';
import { toFixedHalfUp } from '../data/scoring-exact';
import { ScoringCodePipe, ScoringI18n, ScoringTranslatePipe } from '../data/scoring-i18n';
import { LeafDraft, levelFill, levelOf, liveLeaf, needsReason } from '../data/scoring-live';
import { GuideLevel, SheetNode } from '../data/scoring.api';
import { ScoreEvidenceComponent } from './score-evidence.component';

/** Where a leaf's saving stands, shown on its card. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; detail: string };

/**
 * One leaf indicator as a card, for a tablet: its points and guide (levels as large tappable choices that fill the
 * top score of the level), the computed value and the data it came from, the score field, the reason a changed
 * computed value needs, a note, its evidence, and its own save button with a clear saved / unsaved / failed state.
 */
@Component({
  selector: 'dd-score-leaf-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzInputModule, ScoringTranslatePipe, ScoringCodePipe, ScoreEvidenceComponent],
  styles: `
    :host { display: block; }
    .card { border: 1px solid #d9d9d9; border-radius: 8px; padding: 12px 16px; margin: 0 0 12px; background: #fff; }
    .card.open { border-left: 4px solid #d46b08; }
    .card.done { border-left: 4px solid #389e0d; }
    .head { display: flex; justify-content: space-between; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    .head .title { font-size: 17px; font-weight: 600; margin: 0; }
    .tag { display: inline-block; font-size: 13px; padding: 0 8px; border-radius: 10px; background: #f0f0f0; color: #333; }
    .live { font-weight: 600; }
    .live.problem { color: #ad4e00; }
    .measure { background: #f6f8fa; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
    .measure p { margin: 0 0 2px; }
    .levels { display: flex; flex-wrap: wrap; gap: 8px; margin: 4px 0 8px; padding: 0; list-style: none; }
    .level { min-height: 44px; min-width: 96px; padding: 6px 12px; border: 1px solid #91caff; border-radius: 6px;
      background: #fff; color: #0958d9; font-size: 15px; cursor: pointer; text-align: left; }
    .level[aria-pressed='true'] { background: #0958d9; color: #fff; border-color: #0958d9; }
    .level:disabled { cursor: default; }
    .level small { display: block; font-size: 13px; }
    .level[aria-pressed='false'] small { color: rgba(0, 0, 0, 0.65); }
    label { display: block; margin: 8px 0 4px; }
    .score-input { max-width: 200px; font-size: 18px; height: 44px; }
    textarea { font-size: 16px; }
    .hint { color: rgba(0, 0, 0, 0.65); font-size: 13px; margin: 4px 0; }
    .foot { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-top: 12px; }
    .foot button { min-height: 44px; min-width: 120px; }
    .state-saved { color: #237804; }
    .state-dirty { color: #ad4e00; }
    .state-failed { color: #cf1322; }
    .readonly p { margin: 4px 0; }
  `,
  template: `
    @let n = node();
    @let live = result();
    <article class="card" [class.open]="live.problem !== null" [class.done]="live.problem === null"
      [attr.id]="'leaf-' + n.key" [attr.aria-labelledby]="'leaf-h-' + n.key" [attr.data-testid]="'score-leaf-' + n.key">
      <div class="head">
        <div class="title" role="heading" [attr.aria-level]="n.depth + 1" [id]="'leaf-h-' + n.key">{{ n.key }} {{ n.name }}</div>
        <span>
          <span class="tag">{{ n.kind | sc: 'sc.kind.' }}</span>
          {{ 'sc.points' | st: { points: n.points } }}
        </span>
      </div>
      <p class="live" [class.problem]="live.problem !== null" [attr.data-testid]="'score-live-' + n.key">
        @if (live.score !== null) {
          {{ 'sc.nowScores' | st: { score: rounded() } }} · {{ live.source | sc: 'sc.source.' }}
        } @else {
          {{ live.problem | sc: 'sc.problem.' }}
        }
      </p>

      @if (n.measure; as m) {
        <div class="measure" [attr.data-testid]="'score-measure-' + n.key">
          @if (m.insufficient !== 'NO_PLAN' && m.planned !== '0') {
            <p>
              @if (m.indicator === 'SATISFACTION') {
                {{ 'sc.measureSatisfaction' | st: { actual: m.actual, planned: m.planned } }}
              } @else {
                {{ 'sc.measure' | st: { indicator: (m.indicator | sc: 'sc.indicator.'), actual: amount(m.actual),
                  planned: amount(m.planned), unit: (m.unit | sc: 'sc.unit.') } }}
              }{{ m.ratePercent !== null ? ('sc.measureRate' | st: { rate: m.ratePercent }) : '' }}
            </p>
          }
          @if (m.basis) {
            <p class="hint">{{ m.basis | sc: 'sc.basis.' }}</p>
          }
          @if (m.insufficient) {
            <p><strong>{{ m.insufficient | sc: 'sc.insufficient.' }}</strong></p>
          }
          @if (n.computedScore; as c) {
            <p><strong>{{ 'sc.computedValue' | st: { score: c.rounded } }}</strong></p>
            @if (canScore()) {
              <p class="hint">{{ 'sc.computedHint' | st }}</p>
            }
          }
        </div>
      }

      @if (canScore()) {
        @if ((n.guide ?? []).length > 0) {
          <p class="hint" [id]="'guide-' + n.key">{{ 'sc.guide' | st }}</p>
          <ul class="levels" [attr.aria-labelledby]="'guide-' + n.key">
            @for (g of n.guide ?? []; track $index) {
              <li>
                <button type="button" class="level" [attr.aria-pressed]="selected() === g"
                  [attr.data-testid]="'score-level-' + n.key + '-' + $index" (click)="choose(g)">
                  {{ levelText(g) }}
                  <small>{{ g.description }}</small>
                </button>
              </li>
            }
          </ul>
        }
        <label [for]="'score-' + n.key">{{ 'sc.score' | st: { points: n.points } }}</label>
        <input nz-input class="score-input" inputmode="decimal" autocomplete="off" maxlength="12" [id]="'score-' + n.key"
          [placeholder]="n.computedScore ? n.computedScore.rounded : ('sc.scorePlaceholder' | st: { points: n.points })"
          [ngModel]="draft().score" (ngModelChange)="edit({ score: $event })"
          [attr.aria-invalid]="live.problem === 'SCORE_INVALID' || live.problem === 'SCORE_ABOVE_POINTS'"
          [attr.data-testid]="'score-input-' + n.key" />
        @if (reasonNeeded()) {
          <label [for]="'reason-' + n.key">
            {{ (n.computedScore ? 'sc.reason' : 'sc.reasonInsufficient') | st }}
          </label>
          <textarea nz-input rows="2" maxlength="1000" [id]="'reason-' + n.key" [ngModel]="draft().overrideReason"
            (ngModelChange)="edit({ overrideReason: $event })" [attr.aria-invalid]="live.problem === 'REASON_REQUIRED'"
            [attr.data-testid]="'score-reason-' + n.key"></textarea>
        }
        <label [for]="'note-' + n.key">{{ 'sc.note' | st }}</label>
        <textarea nz-input rows="2" maxlength="4000" [id]="'note-' + n.key" [ngModel]="draft().note"
          (ngModelChange)="edit({ note: $event })" [attr.data-testid]="'score-note-' + n.key"></textarea>
        @if (n.evidenceHint) {
          <p class="hint">{{ 'sc.evidenceHint' | st: { hint: n.evidenceHint } }}</p>
        }
      } @else {
        <div class="readonly">
          @if ((n.guide ?? []).length > 0 && selected(); as g) {
            <p>{{ levelText(g) }}</p>
          }
          @if (n.entry?.overrideReason; as reason) {
            <p><strong>{{ (n.computedScore ? 'sc.reason' : 'sc.reasonInsufficient') | st }}</strong>：{{ reason }}</p>
          }
          @if (n.entry?.note; as note) {
            <p><strong>{{ 'sc.note' | st }}</strong>：{{ note }}</p>
          }
        </div>
      }

      <dd-score-evidence [taskId]="taskId()" [leafKey]="n.key" [items]="n.evidence" [canScore]="canScore()"
        [defaultPlace]="defaultPlace()" (changed)="evidenceChanged.emit()" (placeUsed)="placeUsed.emit($event)" />

      @if (canScore()) {
        <div class="foot">
          <button nz-button nzType="primary" type="button" [disabled]="state().kind === 'idle' || state().kind === 'saved'"
            [nzLoading]="state().kind === 'saving'" (click)="save.emit()" [attr.data-testid]="'score-save-' + n.key">
            {{ (state().kind === 'failed' ? 'sc.retry' : 'sc.save') | st }}
          </button>
          <span role="status" aria-live="polite" [attr.data-testid]="'score-state-' + n.key">
            @switch (state().kind) {
              @case ('dirty') {
                <span class="state-dirty">{{ 'sc.dirty' | st }}</span>
              }
              @case ('saving') {
                {{ 'sc.saving' | st }}
              }
              @case ('saved') {
                <span class="state-saved">{{ 'sc.saved' | st: { at: savedAt() } }}</span>
              }
              @case ('failed') {
                <span class="state-failed">{{ 'sc.failed' | st: { detail: failedDetail() } }}</span>
              }
            }
          </span>
        </div>
      }
    </article>
  `,
})
export class ScoreLeafCardComponent {
  private readonly i18n = inject(ScoringI18n);

  readonly taskId = input.required<number>();
  readonly node = input.required<SheetNode>();
  readonly draft = input.required<LeafDraft>();
  readonly canScore = input(false);
  readonly state = input<SaveState>({ kind: 'idle' });
  readonly defaultPlace = input('');
  readonly draftChange = output<Partial<LeafDraft>>();
  readonly save = output<void>();
  readonly evidenceChanged = output<void>();
  readonly placeUsed = output<string>();

  protected readonly result = computed(() => liveLeaf(this.node(), this.draft()));
  protected readonly rounded = computed(() => {
    const s = this.result().score;
    return s === null ? '' : toFixedHalfUp(s, 2);
  });
  protected readonly selected = computed(() =>
    levelOf(this.node().guide ?? [], this.draft().score || (this.node().entry?.score ?? '')),
  );
  protected readonly reasonNeeded = computed(
    () => needsReason(this.node(), this.draft()) || this.draft().overrideReason.trim() !== '',
  );
  protected readonly savedAt = computed(() => {
    const s = this.state();
    return s.kind === 'saved' ? formatMinute(s.at) : '';
  });
  protected readonly failedDetail = computed(() => {
    const s = this.state();
    return s.kind === 'failed' ? s.detail : '';
  });

  protected amount(value: string): string {
    const m = this.node().measure;
    return m ? measureAmount(m, value) : value;
  }

  /** "好 4–5 分", or "好 5 分" for a level of one score. */
  protected levelText(g: GuideLevel): string {
    return g.from === g.to
      ? this.i18n.t('sc.levelOne', { label: g.label, to: g.to })
      : this.i18n.t('sc.level', { label: g.label, from: g.from, to: g.to });
  }

  protected edit(change: Partial<LeafDraft>): void {
    this.draftChange.emit(change);
  }

  protected choose(level: GuideLevel): void {
    this.edit({ score: levelFill(level) });
  }
}
