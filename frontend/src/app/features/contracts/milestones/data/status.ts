import type { MilestoneStatus } from './milestones.api';

/** The tag colour of a milestone status (overdue is a separate red tag). */
export function milestoneColor(status: MilestoneStatus | string): string {
  switch (status) {
    case 'SUBMITTED':
      return 'processing';
    case 'ACCEPTED':
      return 'success';
    case 'RETURNED':
      return 'warning';
    default:
      return 'default';
  }
}

/** A share in basis points as a percentage, without floats: 3000 → "30", 3333 → "33.33". */
export function sharePercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** A stored DECIMAL as people write it: "2400.5000" → "2400.5", "2400.0000" → "2400" (text only, no floats). */
export function plainDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
