import { itemsOf, newIdempotencyKey, toHttpParams } from './http';

describe('api helpers', () => {
  it('builds query parameters without empty values', () => {
    const params = toHttpParams({ page: 1, q: '', role: null, status: undefined, ok: false, regionId: 'r1' });
    expect(params.toString()).toBe('page=1&ok=false&regionId=r1');
  });

  it('accepts bare arrays and pages', () => {
    expect(itemsOf([1, 2])).toEqual([1, 2]);
    expect(itemsOf({ items: [3] })).toEqual([3]);
  });

  it('makes distinct v4 UUIDs for Idempotency-Key', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
