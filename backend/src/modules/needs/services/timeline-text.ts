import { label, Locale, MessageParams, parseParams, renderMessage } from '../../../platform/i18n';

/** A stored timeline event (`need_events` row) as far as its text is concerned. */
export interface StoredNeedEvent {
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorId: number | null;
  actorName: string;
  note: string | null;
  template: string | null;
  params: string | null;
}

export interface TimelineText {
  /** What happened: `已通过 → 采购中`, or a step's title (`采购公告「…」已发布`). */
  text: string;
  /** Details: the coded reason, a rejection's reason and note, a step's body… ('' when none). */
  detail: string;
  /** Who: the user's name, or "System" / "系统" for deadlines and rules. */
  actorName: string;
  /** The note's members, for a client that wants them (null for steps: their text says it all). */
  note: unknown;
}

/** Note members that only repeat what the text already says, or ids a reader cannot use. */
const SILENT = new Set(['targetNeedId', 'sourceNeedId', 'deliberationId', 'campaignId', 'projectId', 'tenderId']);

function parseNote(note: string | null): unknown {
  if (note === null || note === '') return null;
  try {
    return JSON.parse(note) as unknown;
  } catch {
    return note;
  }
}

const WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    heldOn: '议事会日期 {value}',
    sourceTitle: '「{value}」',
    newNeedId: '新需求 #{value}',
    fromNeedId: '转自需求 #{value}',
  },
  'en-US': {
    heldOn: 'council of {value}',
    sourceTitle: '“{value}”',
    newNeedId: 'new need #{value}',
    fromNeedId: 'from need #{value}',
  },
};

/**
 * A note written before templates (or beside a status change) in words: the rejection's reason code,
 * the council's decision and date, the submission channel; what people typed (`reason`, `note`) as
 * typed; members without words as `key: value`.
 */
function describeNote(note: unknown, locale: Locale): string {
  if (note === null || note === undefined || note === '') return '';
  if (typeof note !== 'object' || Array.isArray(note)) return String(note);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(note as Record<string, unknown>)) {
    if (value === null || value === undefined || value === '' || typeof value === 'object' || SILENT.has(key)) continue;
    const text = String(value);
    switch (key) {
      case 'reasonCode':
        parts.push(label('rejectReason', text, locale));
        break;
      case 'decision':
        parts.push(label('decision', text, locale));
        break;
      case 'channel':
        parts.push(label('channel', text, locale));
        break;
      case 'reason':
      case 'note':
        parts.push(text);
        break;
      default: {
        const words = WORDS[locale][key];
        parts.push(words ? words.replace('{value}', text) : `${key}: ${text}`);
      }
    }
  }
  return parts.join(locale === 'zh-CN' ? '；' : '; ');
}

/**
 * One timeline event in the reader's language. A status change reads `from → to` with its coded
 * reason (template) and note; a step another context reported (kind STEP) is its template; other
 * events (a merge, a moved support, a resubmission) by their kind, with the note's details.
 */
export function timelineText(e: StoredNeedEvent, locale: Locale): TimelineText {
  const actorName = e.actorId === null ? label('actor', 'SYSTEM', locale) : e.actorName;
  const params: MessageParams = parseParams(e.params);
  const why = e.template ? renderMessage(e.template, params, locale) : null;
  if (e.kind === 'STEP') {
    return { text: why?.title ?? '', detail: why?.body ?? '', actorName, note: null };
  }
  const note = parseNote(e.note);
  const status = (s: string) => label('needStatus', s, locale);
  const change =
    e.fromStatus && e.toStatus
      ? `${status(e.fromStatus)} → ${status(e.toStatus)}`
      : e.toStatus
        ? status(e.toStatus)
        : '';
  const kind = e.kind === 'STATUS' && change ? '' : label('needEvent', e.kind, locale);
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const detail = [
    why ? [why.title, why.body].filter(Boolean).join(locale === 'zh-CN' ? '：' : ': ') : '',
    describeNote(note, locale),
  ]
    .filter(Boolean)
    .join(sep);
  return { text: [kind, change].filter(Boolean).join(' · '), detail, actorName, note };
}
