/**
 * When the identity purge runs: at every multiple of the interval since the Unix epoch (so every process
 * computes the same instants, and a job id names its slot). The next slot is strictly after `now`: the
 * slot that has just run is never offered again.
 */
export function nextPurgeSlot(now: Date, intervalMinutes: number): Date {
  const step = intervalMinutes * 60_000;
  return new Date((Math.floor(now.getTime() / step) + 1) * step);
}

/** What the purge may delete: rows that ended before this instant (`retentionDays` before now). */
export function purgeCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 86_400_000);
}
