import type { FundSource, LedgerEntry } from '../../../api';

/**
 * Dictionary prefixes of the funds codes: `fundsOperation.ALLOCATE` → 批复下达,
 * `fundsBucket.AVAILABLE` → 可用, `fundSource.DONATION` → 社会捐赠.
 */
export const OPERATION_PREFIX = 'fundsOperation.';
export const BUCKET_PREFIX = 'fundsBucket.';
export const SOURCE_PREFIX = 'fundSource.';

const SOURCE_COLORS: Readonly<Record<FundSource, string>> = {
  CITY_FINANCE: 'blue',
  DISTRICT_FINANCE: 'geekblue',
  STREET_FINANCE: 'cyan',
  WELFARE_LOTTERY: 'magenta',
  DONATION: 'gold',
};

/** The nz-tag colour of a fund source; `default` for one the app does not know yet. */
export function sourceColor(source: string | null | undefined): string {
  if (!source) return 'default';
  return Object.prototype.hasOwnProperty.call(SOURCE_COLORS, source) ? SOURCE_COLORS[source as FundSource] : 'default';
}

/** The ids of the entries that an entry of `entries` reverses. */
export function reversedIds(entries: readonly LedgerEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.reversesEntryId ? [e.reversesEntryId] : [])));
}

/**
 * Whether a finance officer may still reverse `entry`: not a reversal itself, and not reversed by an
 * entry the page knows of (`reversed`, from {@link reversedIds}). The API has the last word
 * (409 FUNDS_ALREADY_REVERSED).
 */
export function isReversible(entry: LedgerEntry, reversed: ReadonlySet<string>): boolean {
  return entry.operation !== 'REVERSE' && !reversed.has(entry.id);
}
