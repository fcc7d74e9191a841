import type { NeedEvent, NeedStatus } from '../../../api';
import { appLink } from '../../../shared/app-link';
import { formatMinute } from '../../../shared/dates';

/** One line of a need's timeline as shown. */
export interface TimelineEntry {
  /** Beijing time, `YYYY-MM-DD HH:mm`, whatever the browser's zone. */
  time: string;
  /** What happened, written by the server in the reader's language (`已通过 → 采购中`, `采购公告「…」已发布`). */
  title: string;
  actor: string;
  /** Details, also written by the server: a reason, a deadline, the winner… ('' when none). */
  note: string;
  /** nz-timeline dot colour. */
  color: 'blue' | 'green' | 'red' | 'gray';
  /** A page the step asks the reader to open (the satisfaction survey to answer), or null. */
  link: string | null;
}

const GREEN: readonly NeedStatus[] = ['ACCEPTED', 'SHORTLISTED', 'APPROVED', 'DELIVERED', 'EVALUATED', 'CLOSED'];
const RED: readonly NeedStatus[] = ['REJECTED', 'DECLINED'];
/** Steps that end a call for bids without a result, and the one that gives it. */
const RED_STEPS: readonly string[] = [
  'procurement.step.tender_failed',
  'procurement.step.tender_cancelled',
  'procurement.step.award_cancelled',
];
const GREEN_STEPS: readonly string[] = ['procurement.step.awarded'];

function dotColor(event: NeedEvent): TimelineEntry['color'] {
  if (event.kind === 'STEP') {
    if (event.template && RED_STEPS.includes(event.template)) return 'red';
    if (event.template && GREEN_STEPS.includes(event.template)) return 'green';
    return 'blue';
  }
  const to = event.toStatus;
  if (!to) return 'blue';
  if (GREEN.includes(to)) return 'green';
  if (RED.includes(to)) return 'red';
  return to === 'MERGED' ? 'gray' : 'blue';
}

/**
 * One timeline event as shown. The words come from the server (templates rendered in the reader's
 * language: see docs/domain/notifications.md); the time is Beijing time.
 */
export function timelineEntry(event: NeedEvent): TimelineEntry {
  return {
    time: formatMinute(event.at),
    title: event.text || event.toStatus || event.kind,
    actor: event.actorName,
    note: event.detail ?? '',
    color: dotColor(event),
    link: appLink(event.link),
  };
}

/** The newest event first: what happened last is what a resident looks for. */
export function timelineEntries(events: readonly NeedEvent[]): TimelineEntry[] {
  return [...events]
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.at.localeCompare(a.event.at) || b.index - a.index)
    .map(({ event }) => timelineEntry(event));
}
