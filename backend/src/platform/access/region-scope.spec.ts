import { inRegionScope, regionScopeSql } from './region-scope';

describe('region scope', () => {
  const district = { regionPath: '/1/4/' };

  it('includes the region itself and its descendants', () => {
    expect(inRegionScope(district, '/1/4/')).toBe(true);
    expect(inRegionScope(district, '/1/4/17/230/')).toBe(true);
  });

  it('excludes siblings, ancestors and regions whose id merely starts with the same digits', () => {
    expect(inRegionScope(district, '/1/5/')).toBe(false);
    expect(inRegionScope(district, '/1/')).toBe(false);
    expect(inRegionScope(district, '/1/44/')).toBe(false);
  });

  it('gives a user without a region nothing', () => {
    expect(inRegionScope({ regionPath: null }, '/1/')).toBe(false);
    expect(regionScopeSql({ regionPath: null }, 'r.path').sql).toBe('1 = 0');
  });

  it('builds a prefix LIKE for SQL', () => {
    expect(regionScopeSql(district, 'r.path')).toEqual({
      sql: 'r.path LIKE :scopePrefix',
      params: { scopePrefix: '/1/4/%' },
    });
  });
});
