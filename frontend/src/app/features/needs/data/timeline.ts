import type { NeedEvent, NeedStatus } from '../../../api';
import { formatMinute } from '../../../shared/dates';

/** A translation for a key built at run time, or `fallback` (TranslationService.dynamic). */
export type Lookup = (key: string, fallback: string, params?: Readonly<Record<string, string | number>>) => string;

/** One line of a need's timeline as shown. */
export interface TimelineEntry {
  time: string;
  /** `已提交 → 已受理`, or what happened (`提交需求`). */
  title: string;
  actor: string;
  /** Details: a rejection's reason and note, a merge target, a decision… ('' when none). */
  note: string;
  /** nz-timeline dot colour. */
  color: 'blue' | 'green' | 'red' | 'gray';
}

const GREEN: readonly NeedStatus[] = ['ACCEPTED', 'SHORTLISTED', 'APPROVED', 'DELIVERED', 'EVALUATED', 'CLOSED'];
const RED: readonly NeedStatus[] = ['REJECTED', 'DECLINED'];

function dotColor(to: NeedStatus | null): TimelineEntry['color'] {
  if (!to) return 'blue';
  if (GREEN.includes(to)) return 'green';
  if (RED.includes(to)) return 'red';
  return to === 'MERGED' ? 'gray' : 'blue';
}

function parseNote(note: unknown): unknown {
  if (typeof note !== 'string') return note;
  const text = note.trim();
  if (!text.startsWith('{')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Note members that only repeat what the text already says (ids the reader cannot use). */
const SILENT_NOTE_KEYS: ReadonlySet<string> = new Set(['targetNeedId', 'sourceNeedId', 'deliberationId', 'campaignId']);

/**
 * An event's note (backend `need_events.note`, a JSON object) in words: a rejection's reason code
 * and note, a council's reason and date, a submission's channel, a merge's source title…; members
 * the app has no words for as `key: value`.
 */
function describeNote(note: unknown, lookup: Lookup): string {
  const parsed = parseNote(note);
  if (parsed === null || parsed === undefined || parsed === '') return '';
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return String(parsed);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (value === null || value === undefined || value === '' || typeof value === 'object') continue;
    if (SILENT_NOTE_KEYS.has(key)) continue;
    const text = String(value);
    switch (key) {
      case 'reasonCode':
        parts.push(lookup(`rejectReason.${text}`, text));
        break;
      case 'decision':
        parts.push(lookup(`decision.${text}`, text));
        break;
      case 'channel':
        parts.push(lookup(`channel.${text}`, text));
        break;
      case 'reason':
      case 'note':
        parts.push(text);
        break;
      default:
        parts.push(lookup(`timeline.note.${key}`, `${key}: ${text}`, { value: text }));
    }
  }
  return parts.join('；');
}

/**
 * One timeline event in words: a status change as `from → to` in the user's language, other events
 * by their kind (`needEvent.<kind>`, the code itself when unknown), with the note's details.
 */
export function timelineEntry(event: NeedEvent, lookup: Lookup, locale: string): TimelineEntry {
  const status = (s: string): string => lookup(`needStatus.${s}`, s);
  const change =
    event.fromStatus && event.toStatus
      ? `${status(event.fromStatus)} → ${status(event.toStatus)}`
      : event.toStatus
        ? status(event.toStatus)
        : '';
  const kind = event.kind === 'STATUS' && change ? '' : lookup(`needEvent.${event.kind}`, event.kind);
  return {
    time: formatMinute(event.at, locale),
    title: [kind, change].filter(Boolean).join(' · '),
    actor: event.actorName,
    note: describeNote(event.note, lookup),
    color: dotColor(event.toStatus),
  };
}

/** The newest event first: what happened last is what a resident looks for. */
export function timelineEntries(events: readonly NeedEvent[], lookup: Lookup, locale: string): TimelineEntry[] {
  return [...events]
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.at.localeCompare(a.event.at) || b.index - a.index)
    .map(({ event }) => timelineEntry(event, lookup, locale));
}
