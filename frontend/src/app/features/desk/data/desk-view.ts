import { fenToMoney, formatMoney } from '../../../shared/money';
import type { Desk, DeskItem } from './desk.types';

/** A due date this close is highlighted as coming soon. */
export const SOON_MS = 3 * 24 * 3_600_000;

export type Urgency = 'overdue' | 'soon' | 'later' | 'none';

/** Overdue (the due instant has passed by the server's clock), soon (within three days), later, or no due date. */
export function urgencyOf(item: Pick<DeskItem, 'dueAt'>, now: string): Urgency {
  if (item.dueAt === null) return 'none';
  const left = Date.parse(item.dueAt) - Date.parse(now);
  if (Number.isNaN(left)) return 'none';
  if (left <= 0) return 'overdue';
  return left <= SOON_MS ? 'soon' : 'later';
}

/** The areas of a desk, in the order the page shows them (each role's own work first). */
export const AREAS = [
  'needs',
  'procurement',
  'evaluation',
  'funds',
  'organisations',
  'identity',
  'audit',
  'queues',
] as const;

export interface DeskSection {
  area: string;
  items: DeskItem[];
}

/** The area of an item: its kind up to the first dot. */
export function areaOf(item: Pick<DeskItem, 'kind'>): string {
  const dot = item.kind.indexOf('.');
  return dot < 0 ? item.kind : item.kind.slice(0, dot);
}

/**
 * The desk's items by area, in {@link AREAS} order (areas the page does not know come last), keeping the
 * server's order inside each (earliest due first). Empty areas are left out. Kinds shown elsewhere on the
 * page (`hidden`) are dropped.
 */
export function sectionsOf(desk: Pick<Desk, 'items'>, hidden: readonly string[] = []): DeskSection[] {
  const byArea = new Map<string, DeskItem[]>();
  for (const item of desk.items) {
    if (hidden.includes(item.kind)) continue;
    const area = areaOf(item);
    byArea.set(area, [...(byArea.get(area) ?? []), item]);
  }
  const rank = (area: string) => {
    const i = (AREAS as readonly string[]).indexOf(area);
    return i < 0 ? AREAS.length : i;
  };
  return [...byArea.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([area, items]) => ({ area, items }));
}

const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant that has happened (since when something waits) as Beijing wall-clock time, `YYYY-MM-DD HH:mm`.
 * Due dates use `formatDeadline` instead, which writes midnight as 24:00 of the day before.
 */
export function formatBeijing(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const p = Object.fromEntries(BEIJING.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

/** Whose home is a page other than the desk: residents land on their community's needs. */
export function homeRedirect(roles: readonly string[]): string | null {
  return roles.includes('RESIDENT') ? '/needs/community' : null;
}

/** The text key of an item: its kind, or one of its variants (a returned draft, the winner's notice…). */
export function kindKey(item: Pick<DeskItem, 'kind' | 'params'>): string {
  const p = item.params ?? {};
  const variant =
    item.kind === 'procurement.project_draft' && p['returned'] === true
      ? 'returned'
      : item.kind === 'procurement.objection_window' && p['winner'] === true
        ? 'winner'
        : item.kind === 'organisations.grade_expiry' && p['expired'] === true
          ? 'expired'
          : item.kind === 'procurement.objection_answered' && typeof p['status'] === 'string'
            ? p['status']
            : item.kind === 'evaluation.task_to_evaluate' && p['status'] === 'RETURNED'
              ? 'returned'
              : null;
  return `kind.${item.kind}${variant ? `.${variant}` : ''}`;
}

/** The values an item's text interpolates: its count and parameters, amounts in fen written as yuan. */
export function kindParams(item: Pick<DeskItem, 'count' | 'params'>): Record<string, string | number> {
  const out: Record<string, string | number> = { count: item.count };
  for (const [key, value] of Object.entries(item.params ?? {})) {
    if (value === null || typeof value === 'boolean') continue;
    if (key.endsWith('Fen')) out[key.slice(0, -3)] = formatMoney(fenToMoney(value), { symbol: false });
    else out[key] = value;
  }
  return out;
}
