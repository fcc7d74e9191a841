import { toAuditQuery } from './audit-log.page';

const NONE = { seq: '', action: '', entityType: '', actorId: '', dateFrom: '', dateTo: '' };

describe('toAuditQuery', () => {
  it('leaves out empty filters', () => {
    expect(toAuditQuery({ ...NONE, action: ' ' }, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
      seq: undefined,
      action: undefined,
      entityType: undefined,
      actorId: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('sends a date range as [start of the first Beijing day, start of the day after the last), in UTC', () => {
    const q = toAuditQuery(
      {
        ...NONE,
        action: ' Identity.User ',
        entityType: 'User',
        actorId: '7',
        dateFrom: '2026-11-01',
        dateTo: '2026-11-30',
      },
      3,
      50,
    );
    expect(q).toMatchObject({ page: 3, pageSize: 50, action: 'identity.user', entityType: 'user', actorId: '7' });
    expect(q.from).toBe('2026-10-31T16:00:00.000Z'); // 1 November 00:00 Beijing
    expect(q.to).toBe('2026-11-30T16:00:00.000Z'); // 1 December 00:00 Beijing
  });

  it('narrows to one event by its seq (the link from a broken link), and ignores a seq that is not a number', () => {
    expect(toAuditQuery({ ...NONE, seq: ' 42 ' }, 1, 20).seq).toBe(42);
    expect(toAuditQuery({ ...NONE, seq: '4x' }, 1, 20).seq).toBeUndefined();
    expect(toAuditQuery({ ...NONE, seq: '0' }, 1, 20).seq).toBeUndefined();
  });
});
