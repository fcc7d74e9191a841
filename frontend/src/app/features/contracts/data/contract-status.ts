import type { ContractStatus } from './contracts.api';

const COLORS: Record<ContractStatus, string> = {
  DRAFT: 'default',
  SIGNED: 'blue',
  ACTIVE: 'green',
  COMPLETED: 'cyan',
  TERMINATED: 'red',
};

/** The tag colour of a contract status. */
export function contractStatusColor(status: string): string {
  return COLORS[status as ContractStatus] ?? 'default';
}

/** Shares as percent strings ("33.33") summed exactly in basis points; null when one is not a percentage. */
export function sharesTotalBp(shares: readonly string[]): number | null {
  let total = 0;
  for (const s of shares) {
    const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s.trim());
    if (!m) return null;
    total += Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  }
  return total;
}
