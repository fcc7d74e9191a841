import { nextPurgeSlot, purgeCutoff } from './purge-schedule';

describe('purge schedule', () => {
  it('runs at the next multiple of the interval, strictly after now', () => {
    expect(nextPurgeSlot(new Date('2026-11-23T06:20:00.000Z'), 60).toISOString()).toBe('2026-11-23T07:00:00.000Z');
    // exactly on a slot: that slot has just run, the next one is offered
    expect(nextPurgeSlot(new Date('2026-11-23T07:00:00.000Z'), 60).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(nextPurgeSlot(new Date('2026-11-23T06:59:59.999Z'), 60).toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(nextPurgeSlot(new Date('2026-11-23T06:20:00.000Z'), 15).toISOString()).toBe('2026-11-23T06:30:00.000Z');
  });

  it('keeps what ended within the retention period', () => {
    expect(purgeCutoff(new Date('2026-11-23T06:00:00.000Z'), 7).toISOString()).toBe('2026-11-16T06:00:00.000Z');
    expect(purgeCutoff(new Date('2026-11-23T06:00:00.000Z'), 0).toISOString()).toBe('2026-11-23T06:00:00.000Z');
  });
});
