import { portalEnUS } from '../i18n/portal.en-US';
import { portalZhCN } from '../i18n/portal.zh-CN';
import { barWidth, day, minute, yuan } from './portal-format';

describe('portal formatting', () => {
  it('shows instants as Beijing days and minutes, and calendar days as they are', () => {
    expect(day('2026-03-01T16:30:00.000Z')).toBe('2026-03-02'); // 00:30 in Beijing
    expect(day('2026-03-01')).toBe('2026-03-01');
    expect(day(null)).toBe('');
    expect(minute('2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30');
  });

  it('writes money from its exact string', () => {
    expect(yuan('1234567.89')).toBe('¥1,234,567.89');
    expect(yuan(null)).toBe('');
  });

  it('sizes bars against the largest, never to nothing for a non-zero value', () => {
    expect(barWidth('500.00', '1000.00')).toBe(50);
    expect(barWidth('0.50', '100000.00')).toBe(1);
    expect(barWidth('1.00', '0.00')).toBe(0);
  });

  it('has every text in both languages, with the same placeholders', () => {
    expect(Object.keys(portalEnUS).sort()).toEqual(Object.keys(portalZhCN).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, zh] of Object.entries(portalZhCN))
      expect({ key, holes: holes(portalEnUS[key as keyof typeof portalZhCN]) }).toEqual({ key, holes: holes(zh) });
  });
});
