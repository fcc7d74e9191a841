import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { PastEvaluationGrade } from '../data/procurement.types';
import { ProcCodePipe, ProcTranslatePipe } from '../i18n/procurement-i18n';

const COLOR: Readonly<Record<string, string>> = { EXCELLENT: 'green', GOOD: 'blue', PASS: 'gold', FAIL: 'red' };

/**
 * 历次评估: a bidder's published evaluation results beside its bid (issue #11) — code, year, score and grade, newest
 * first — for the officer and the committee (the API sends them only to them).
 */
@Component({
  selector: 'dd-past-grades',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTagModule, ProcTranslatePipe, ProcCodePipe],
  template: `
    @let list = grades();
    @if (list !== undefined) {
      <span class="label">{{ 'bid.pastGrades' | pt }}：</span>
      @for (g of list; track g.code) {
        <span class="grade" [attr.data-testid]="'past-grade-' + g.code" [title]="g.title">
          {{ g.code }} · {{ g.year }} · {{ g.score }}
          <nz-tag [nzColor]="color[g.grade]">{{ g.grade | pc: 'evaluationGrade.' }}</nz-tag>
        </span>
      } @empty {
        <span class="dd-muted">{{ 'bid.noPastGrades' | pt }}</span>
      }
    }
  `,
  styles: ['.label { color: rgba(0, 0, 0, 0.65); } .grade { white-space: nowrap; margin-right: 8px; }'],
})
export class PastGradesComponent {
  readonly grades = input<PastEvaluationGrade[] | undefined>(undefined);
  protected readonly color = COLOR;
}
