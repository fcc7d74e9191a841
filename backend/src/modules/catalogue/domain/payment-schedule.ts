/** A default payment schedule: instalments whose whole-number percentages sum to exactly 100. */
export interface Instalment {
  label: string;
  percent: number;
}

export function checkSchedule(schedule: Instalment[]): string | null {
  if (schedule.length === 0 || schedule.length > 12) return 'A schedule has 1 to 12 instalments.';
  if (schedule.some((i) => !Number.isInteger(i.percent) || i.percent <= 0 || i.percent > 100))
    return 'Each instalment is a whole percentage from 1 to 100.';
  const total = schedule.reduce((s, i) => s + i.percent, 0);
  if (total !== 100) return `The instalments add up to ${total}%, not 100%.`;
  return null;
}
