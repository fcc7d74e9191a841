import { checkChildCode, childLevel, isCityCode } from './region-rules';

describe('region codes', () => {
  it('accepts a district under its city, a street under its district, a community under its street', () => {
    expect(checkChildCode('320100000000', 'CITY', '320106000000')).toBeNull();
    expect(checkChildCode('320106000000', 'DISTRICT', '320106002000')).toBeNull();
    expect(checkChildCode('320106002000', 'STREET', '320106002003')).toBeNull();
  });

  it('rejects a code outside the parent prefix', () => {
    expect(checkChildCode('320100000000', 'CITY', '320206000000')).toBe('PREFIX');
    expect(checkChildCode('320106000000', 'DISTRICT', '320102002000')).toBe('PREFIX');
  });

  it('rejects malformed codes and codes at the wrong depth', () => {
    expect(checkChildCode('320100000000', 'CITY', '32010600000')).toBe('FORMAT');
    expect(checkChildCode('320100000000', 'CITY', '320106002000')).toBe('FORMAT');
    expect(checkChildCode('320100000000', 'CITY', '320100000000')).toBe('FORMAT');
  });

  it('has no level below community', () => {
    expect(childLevel('COMMUNITY')).toBeNull();
    expect(checkChildCode('320106002003', 'COMMUNITY', '320106002003')).toBe('LEVEL');
  });

  it('recognises city codes', () => {
    expect(isCityCode('320100000000')).toBe(true);
    expect(isCityCode('320000000000')).toBe(false);
    expect(isCityCode('320106000000')).toBe(false);
  });
});
