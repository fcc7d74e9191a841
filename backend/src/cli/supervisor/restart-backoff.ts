/**
 * When to restart a crashed process: exponential back-off over consecutive quick crashes, reset once
 * the process has stayed up for a stable period. A process that crashes at start-up (a bad setting,
 * the database not there yet) is retried ever more slowly instead of spinning; one that ran for an
 * hour and then crashed comes back after the shortest delay.
 */
export interface RestartPolicy {
  /** Delay before the first restart after a stable run. */
  initialDelayMs: number;
  /** Each further quick crash multiplies the delay by this… */
  factor: number;
  /** …up to this ceiling. */
  maxDelayMs: number;
  /** A run at least this long counts as stable: the next crash starts the series again. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

export interface RestartDecision {
  /** Consecutive quick crashes, this one included (1 after a stable run). */
  crashes: number;
  /** How long to wait before starting the process again. */
  delayMs: number;
}

/**
 * @param previousCrashes consecutive quick crashes before this one (0 for a process that never crashed)
 * @param upMs how long the process ran before this crash
 */
export function nextRestart(policy: RestartPolicy, previousCrashes: number, upMs: number): RestartDecision {
  const crashes = upMs >= policy.stableAfterMs ? 1 : Math.max(0, previousCrashes) + 1;
  // Math.pow overflows to Infinity after ~1000 crashes, which min() turns back into the ceiling.
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * Math.pow(policy.factor, crashes - 1));
  return { crashes, delayMs: Math.round(delayMs) };
}
