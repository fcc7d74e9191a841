import { toAuditQuery } from './audit-log.page';

describe('toAuditQuery', () => {
  it('leaves out empty filters', () => {
    expect(toAuditQuery({ action: ' ', entityType: '', actorId: '', dateFrom: '', dateTo: '' }, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
      action: undefined,
      entityType: undefined,
      actorId: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('sends a date range as [start of the first Beijing day, start of the day after the last), in UTC', () => {
    const q = toAuditQuery(
      { action: ' Identity.User ', entityType: 'User', actorId: '7', dateFrom: '2026-11-01', dateTo: '2026-11-30' },
      3,
      50,
    );
    expect(q).toMatchObject({ page: 3, pageSize: 50, action: 'identity.user', entityType: 'user', actorId: '7' });
    expect(q.from).toBe('2026-10-31T16:00:00.000Z'); // 1 November 00:00 Beijing
    expect(q.to).toBe('2026-11-30T16:00:00.000Z'); // 1 December 00:00 Beijing
  });
});
