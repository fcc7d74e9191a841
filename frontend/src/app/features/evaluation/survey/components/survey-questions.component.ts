import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzInputModule } from 'ng-zorro-antd/input';

import { POINTS_BEST_FIRST, scaleOf } from '../data/survey-logic';
import { SurveyCodePipe, SurveyTranslatePipe } from '../i18n/survey-i18n';

let nextId = 0;

/**
 * The questionnaire as a resident answers it on a phone: each question a group of five large choices (非常满意 at the
 * top, the whole row tappable, a native radio inside for keyboards and screen readers), then the free text. Used by
 * the resident's page and by the worker's proxy form.
 */
@Component({
  selector: 'dd-survey-questions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzInputModule, SurveyTranslatePipe, SurveyCodePipe],
  template: `
    @for (q of questions(); track q; let i = $index) {
      <fieldset class="dd-q" [attr.data-testid]="'survey-q-' + q">
        <legend class="dd-q-title">
          <span class="dd-q-no">{{ i + 1 }}.</span> {{ q | svc: 'survey.q.' }}
        </legend>
        <div class="dd-q-choices">
          @for (point of points; track point) {
            <label class="dd-choice" [class.dd-chosen]="answers()[i] === point" [attr.data-testid]="'survey-q-' + q + '-' + point">
              <input
                type="radio"
                [name]="uid + '-' + q"
                [value]="point"
                [checked]="answers()[i] === point"
                [disabled]="disabled()"
                (change)="choose(i, point)"
              />
              <span class="dd-choice-text">{{ point | svc: 'survey.scale.' + scale(q) + '.' }}</span>
            </label>
          }
        </div>
      </fieldset>
    }
    <div class="dd-q">
      <label class="dd-q-title" [for]="uid + '-comment'">{{ 'survey.comment' | sv }}</label>
      <textarea
        nz-input
        [id]="uid + '-comment'"
        rows="3"
        maxlength="500"
        data-testid="survey-comment"
        [disabled]="disabled()"
        [ngModel]="comment()"
        (ngModelChange)="comment.set($event)"
        [attr.aria-describedby]="uid + '-comment-hint'"
      ></textarea>
      <div class="dd-muted dd-q-hint" [id]="uid + '-comment-hint'">{{ 'survey.commentHint' | sv }}</div>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .dd-q {
      margin: 0 0 20px;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .dd-q-title {
      display: block;
      margin-bottom: 10px;
      font-size: max(17px, var(--dd-text-min));
      font-weight: 600;
      line-height: 1.5;
    }
    .dd-q-no {
      color: var(--dd-text-secondary);
    }
    .dd-q-choices {
      display: grid;
      grid-template-columns: 1fr;
      gap: 8px;
    }
    @media (min-width: 768px) {
      .dd-q-choices {
        grid-template-columns: repeat(5, 1fr);
      }
    }
    .dd-choice {
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 52px;
      padding: 10px 16px;
      border: 2px solid #d9d9d9;
      border-radius: 10px;
      background: #fff;
      font-size: max(17px, var(--dd-text-min));
      cursor: pointer;
    }
    .dd-choice:focus-within {
      outline: 3px solid var(--dd-primary);
      outline-offset: 2px;
    }
    .dd-choice.dd-chosen {
      border-color: var(--dd-primary);
      background: var(--dd-primary-bg);
      font-weight: 600;
    }
    .dd-choice input {
      width: 22px;
      height: 22px;
      flex: none;
      accent-color: var(--dd-primary);
    }
    .dd-q-hint {
      margin-top: 4px;
    }
    textarea {
      font-size: max(16px, var(--dd-text-min));
    }
  `,
})
export class SurveyQuestionsComponent {
  readonly questions = input.required<readonly string[]>();
  /** One point per question (null: not chosen yet), in the questionnaire's order. */
  readonly answers = model<Array<number | null>>([]);
  readonly comment = model<string>('');
  readonly disabled = input(false);

  protected readonly uid = `dd-survey-${nextId++}`;
  protected readonly points = POINTS_BEST_FIRST;
  protected readonly scale = scaleOf;

  protected choose(index: number, point: number): void {
    const next = [...this.answers()];
    while (next.length < this.questions().length) next.push(null);
    next[index] = point;
    this.answers.set(next);
  }
}
