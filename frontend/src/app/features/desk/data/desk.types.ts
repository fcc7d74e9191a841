/** `GET /api/v1/desk`: what waits for the signed-in user (codes and parameters; the page writes the text). */
export interface DeskItem {
  /** `<area>.<task>`, e.g. `procurement.award_confirm`. */
  kind: string;
  count: number;
  ref: { type: string; id: number | string } | null;
  /** The record's own name, as entered. */
  title: string | null;
  /** UTC instant by which it must be done, and the code of the rule that sets it. */
  dueAt: string | null;
  dueRule: string | null;
  /** UTC instant since which it waits. */
  since: string | null;
  /** The UI page that does it. */
  route: string | null;
  query?: Record<string, string>;
  params?: Record<string, string | number | boolean | null>;
}

export interface Desk {
  /** The database clock when the desk was read (UTC): overdue and due-soon are judged against it. */
  now: string;
  items: DeskItem[];
  /** Areas that could not be read this time. */
  unavailable: string[];
}
