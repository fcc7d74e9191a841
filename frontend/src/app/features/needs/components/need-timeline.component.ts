import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';

import { NeedEvent } from '../../../api';
import { timelineEntries } from '../data/timeline';

/**
 * A need's timeline, newest first: time (Beijing), what happened and its details (written by the
 * server in the reader's language — a page reloads the events when the language changes), who.
 */
@Component({
  selector: 'dd-need-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTimelineModule],
  template: `
    <nz-timeline>
      @for (entry of entries(); track $index) {
        <nz-timeline-item [nzColor]="entry.color">
          <div class="dd-tl-title">{{ entry.title }}</div>
          <div class="dd-tl-meta">{{ entry.time }} · {{ entry.actor }}</div>
          @if (entry.note) {
            <div class="dd-tl-note">{{ entry.note }}</div>
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
  `,
})
export class NeedTimelineComponent {
  readonly events = input.required<readonly NeedEvent[]>();

  protected readonly entries = computed(() => timelineEntries(this.events()));
}
