import { formatBeijing } from './beijing-time';

describe('audit times in Beijing time', () => {
  it('shows a UTC instant as Beijing wall-clock time, whatever the machine zone', () => {
    expect(formatBeijing('2026-12-11T16:00:00.000Z')).toBe('2026-12-12 00:00:00');
    expect(formatBeijing('2026-11-23T14:40:02.788Z')).toBe('2026-11-23 22:40:02');
  });

  it('leaves empty and unreadable values alone', () => {
    expect(formatBeijing(null)).toBe('');
    expect(formatBeijing('not a time')).toBe('not a time');
  });
});
