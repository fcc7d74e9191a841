import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';

import { NeedEvent } from '../../../api';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { timelineEntries } from '../data/timeline';

/**
 * A need's timeline, newest first: time (Beijing), what happened and its details (written by the
 * server in the reader's language — a page reloads the events when the language changes), who.
 */
@Component({
  selector: 'dd-need-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTimelineModule, NzButtonModule, RouterLink, TranslatePipe],
  template: `
    <nz-timeline>
      @for (entry of entries(); track $index) {
        <nz-timeline-item [nzColor]="entry.color">
          <div class="dd-tl-title">{{ entry.title }}</div>
          <div class="dd-tl-meta">{{ entry.time }} · {{ entry.actor }}</div>
          @if (entry.note) {
            <div class="dd-tl-note">{{ entry.note }}</div>
          }
          @if (entry.link) {
            <a nz-button nzType="primary" class="dd-tl-link" [routerLink]="entry.link" data-testid="timeline-link">
              {{ 'timeline.openLink' | t }}
            </a>
          }
        </nz-timeline-item>
      }
    </nz-timeline>
  `,
  styles: `
    .dd-tl-title {
      font-weight: 500;
    }
    .dd-tl-meta {
      color: rgba(0, 0, 0, 0.55);
      font-size: max(13px, var(--dd-text-min));
    }
    .dd-tl-note {
      margin-top: 2px;
      word-break: break-word;
    }
    .dd-tl-link {
      margin-top: 6px;
    }
  `,
})
export class NeedTimelineComponent {
  readonly events = input.required<readonly NeedEvent[]>();

  protected readonly entries = computed(() => timelineEntries(this.events()));
}
