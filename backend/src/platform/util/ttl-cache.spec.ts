import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  afterEach(() => jest.useRealTimers());

  it('returns a value until its time runs out', () => {
    jest.useFakeTimers({ now: 1_000 });
    const c = new TtlCache<number, string>(100);
    c.set(1, 'a');
    jest.setSystemTime(1_100);
    expect(c.get(1)).toBe('a');
    jest.setSystemTime(1_101);
    expect(c.get(1)).toBeUndefined();
  });

  it('is emptied by clear() and when full', () => {
    const c = new TtlCache<number, number>(10_000, 2);
    c.set(1, 1);
    c.set(2, 2);
    c.set(3, 3);
    expect(c.get(1)).toBeUndefined();
    expect(c.get(3)).toBe(3);
    c.clear();
    expect(c.get(3)).toBeUndefined();
  });
});
