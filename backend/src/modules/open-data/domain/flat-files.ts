import type { Json, JsonObject } from './ocds-merge';

/**
 * The CSV flat files of a month (the OCDS "flattened" serialisation: one file per array, each row keyed by the ocid
 * and the release id, column names as JSON paths). UTF-8 with a byte-order mark so that Excel opens the Chinese text,
 * CRLF line ends and RFC 4180 quoting; a text cell that would start a spreadsheet formula (= + - @, tab, CR) is
 * prefixed with an apostrophe. Pure.
 */
export const FLAT_FILES = ['releases', 'awards', 'contracts', 'transactions', 'milestones'] as const;
export type FlatFile = (typeof FLAT_FILES)[number];

type Cell = string | number | boolean | null | undefined;

function get(o: Json | undefined, path: string): Json | undefined {
  let cur: Json | undefined = o;
  for (const k of path.split('/')) {
    if (cur === null || cur === undefined || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as JsonObject)[k];
  }
  return cur;
}

function cell(v: Cell | Json): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return cell(v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(';'));
  if (typeof v === 'object') return cell(JSON.stringify(v));
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const COLUMNS: Readonly<Record<FlatFile, string[]>> = {
  releases: [
    'ocid',
    'id',
    'date',
    'tag',
    'buyer/name',
    'planning/budget/amount/amount',
    'planning/budget/amount/currency',
    'tender/id',
    'tender/title',
    'tender/status',
    'tender/procurementMethod',
    'tender/procurementMethodDetails',
    'tender/awardCriteria',
    'tender/value/amount',
    'tender/value/currency',
    'tender/tenderPeriod/startDate',
    'tender/tenderPeriod/endDate',
    'tender/numberOfTenderers',
  ],
  awards: [
    'ocid',
    'releaseID',
    'awards/id',
    'awards/status',
    'awards/date',
    'awards/value/amount',
    'awards/value/currency',
    'awards/suppliers/name',
    'awards/suppliers/id',
  ],
  contracts: [
    'ocid',
    'releaseID',
    'contracts/id',
    'contracts/awardID',
    'contracts/status',
    'contracts/dateSigned',
    'contracts/value/amount',
    'contracts/value/currency',
    'contracts/period/startDate',
    'contracts/period/endDate',
    'contracts/amendments/count',
  ],
  transactions: [
    'ocid',
    'releaseID',
    'contracts/id',
    'contracts/implementation/transactions/id',
    'contracts/implementation/transactions/date',
    'contracts/implementation/transactions/value/amount',
    'contracts/implementation/transactions/value/currency',
    'contracts/implementation/transactions/payer/name',
    'contracts/implementation/transactions/payee/name',
  ],
  milestones: [
    'ocid',
    'releaseID',
    'contracts/id',
    'contracts/implementation/milestones/id',
    'contracts/implementation/milestones/title',
    'contracts/implementation/milestones/type',
    'contracts/implementation/milestones/status',
    'contracts/implementation/milestones/dueDate',
    'contracts/implementation/milestones/dateMet',
    'contracts/implementation/milestones/description',
  ],
};

function rows(file: FlatFile, r: JsonObject): Cell[][] {
  const key = [r.ocid as string, r.id as string];
  const arr = (v: Json | undefined): JsonObject[] => (Array.isArray(v) ? (v as JsonObject[]) : []);
  switch (file) {
    case 'releases':
      return [COLUMNS.releases.map((c) => (c === 'tag' ? (r.tag as string[]).join(';') : (get(r, c) as Cell)))];
    case 'awards':
      return arr(r.awards).map((a) => [
        ...key,
        a.id as Cell,
        a.status as Cell,
        a.date as Cell,
        get(a, 'value/amount') as Cell,
        get(a, 'value/currency') as Cell,
        arr(a.suppliers)
          .map((s) => s.name)
          .join(';'),
        arr(a.suppliers)
          .map((s) => s.id)
          .join(';'),
      ]);
    case 'contracts':
      return arr(r.contracts).map((c) => [
        ...key,
        c.id as Cell,
        c.awardID as Cell,
        c.status as Cell,
        c.dateSigned as Cell,
        get(c, 'value/amount') as Cell,
        get(c, 'value/currency') as Cell,
        get(c, 'period/startDate') as Cell,
        get(c, 'period/endDate') as Cell,
        arr(c.amendments).length,
      ]);
    case 'transactions':
      return arr(r.contracts).flatMap((c) =>
        arr(get(c, 'implementation/transactions')).map((t) => [
          ...key,
          c.id as Cell,
          t.id as Cell,
          t.date as Cell,
          get(t, 'value/amount') as Cell,
          get(t, 'value/currency') as Cell,
          get(t, 'payer/name') as Cell,
          get(t, 'payee/name') as Cell,
        ]),
      );
    case 'milestones':
      return arr(r.contracts).flatMap((c) =>
        arr(get(c, 'implementation/milestones')).map((m) => [
          ...key,
          c.id as Cell,
          m.id as Cell,
          m.title as Cell,
          m.type as Cell,
          m.status as Cell,
          m.dueDate as Cell,
          m.dateMet as Cell,
          m.description as Cell,
        ]),
      );
  }
}

/** The CSV text (with its BOM) of one flat file over the given releases, in their order. */
export function flatFileCsv(file: FlatFile, releases: readonly JsonObject[]): string {
  const lines = [COLUMNS[file].map(cell).join(',')];
  for (const r of releases) for (const row of rows(file, r)) lines.push(row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
