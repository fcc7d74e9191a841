import { DEFAULT_RESTART_POLICY, nextRestart, RestartPolicy } from './restart-backoff';

const policy: RestartPolicy = { initialDelayMs: 1000, factor: 2, maxDelayMs: 30_000, stableAfterMs: 60_000 };

/** Feeds a series of crashes (each after `upMs` of running) through the rule, as the supervisor does. */
function series(uptimes: number[]): number[] {
  let crashes = 0;
  return uptimes.map((upMs) => {
    const d = nextRestart(policy, crashes, upMs);
    crashes = d.crashes;
    return d.delayMs;
  });
}

describe('restart back-off', () => {
  it('restarts the first crash after the initial delay', () => {
    expect(nextRestart(policy, 0, 5)).toEqual({ crashes: 1, delayMs: 1000 });
  });

  it('doubles the delay for each consecutive quick crash, up to the ceiling', () => {
    expect(series([100, 100, 100, 100, 100, 100, 100, 100])).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('starts the series again after a stable run (at least stableAfterMs)', () => {
    expect(series([100, 100, 100, 60_000, 100, 59_999, 100])).toEqual([1000, 2000, 4000, 1000, 2000, 4000, 8000]);
  });

  it('stays at the ceiling however many crashes (no overflow to NaN or Infinity)', () => {
    expect(nextRestart(policy, 5000, 0)).toEqual({ crashes: 5001, delayMs: 30_000 });
  });

  it('treats a negative crash count as none', () => {
    expect(nextRestart(policy, -3, 0)).toEqual({ crashes: 1, delayMs: 1000 });
  });

  it('ships a default of 1 s doubling to 30 s, reset after a minute up', () => {
    expect(DEFAULT_RESTART_POLICY).toEqual(policy);
  });
});
