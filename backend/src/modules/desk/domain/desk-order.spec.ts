import { orderDesk } from './desk-order';

const item = (kind: string, dueAt: string | null, since: string | null = null) => ({ kind, dueAt, since });

describe('orderDesk', () => {
  it('puts the earliest due date first, undated items after every dated one (longest waiting first)', () => {
    const ordered = orderDesk([
      item('c', null, '2026-03-02T00:00:00.000Z'),
      item('b', '2026-05-01T16:00:00.000Z'),
      item('d', null, null),
      item('a', '2026-04-30T16:00:00.000Z'),
      item('e', null, '2026-03-01T00:00:00.000Z'),
    ]);
    expect(ordered.map((i) => i.kind)).toEqual(['a', 'b', 'e', 'c', 'd']);
  });

  it('breaks ties by kind and leaves its input alone', () => {
    const input = [item('z', '2026-01-01T00:00:00.000Z'), item('m', '2026-01-01T00:00:00.000Z')];
    expect(orderDesk(input).map((i) => i.kind)).toEqual(['m', 'z']);
    expect(input.map((i) => i.kind)).toEqual(['z', 'm']);
  });
});
