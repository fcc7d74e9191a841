import { CustodyAccount, custodyAction } from './custody.api';

const base: CustodyAccount = {
  id: 1,
  kind: 'BID_DEPOSIT',
  status: 'HELD',
  organisationId: 3,
  organisationName: '阳光养老',
  tenderId: 9,
  tenderTitle: '老年助餐',
  contractId: null,
  required: '200.00',
  held: '200.00',
  returned: '0.00',
  forfeited: '0.00',
  interest: '0.00',
  accruedInterest: '0.00',
  daysLate: 0,
  returnReason: null,
  returnDueAt: null,
  dueMarkedAt: null,
  forfeitable: false,
  closedAt: null,
  decisionNote: null,
  createdAt: '2026-12-01T02:00:00.000Z',
};

describe('what finance may do with a deposit or bond', () => {
  it('refunds a deposit once it is returnable, and nothing once closed', () => {
    expect(custodyAction(base)).toBeNull();
    const due = { ...base, returnDueAt: '2026-12-11T16:00:00.000Z', returnReason: 'LOST' as const };
    expect(custodyAction(due)).toBe('refund');
    expect(custodyAction({ ...due, status: 'REFUND_DUE' })).toBe('refund');
    expect(custodyAction({ ...due, status: 'REFUNDED' })).toBeNull();
  });

  it('releases a bond after the final acceptance; forfeits one after a breach', () => {
    const bond = { ...base, kind: 'PERFORMANCE_BOND' as const };
    expect(custodyAction(bond)).toBeNull();
    expect(custodyAction({ ...bond, returnDueAt: '2026-12-11T16:00:00.000Z' })).toBe('release');
    expect(custodyAction({ ...bond, forfeitable: true })).toBe('forfeit');
    expect(custodyAction({ ...bond, forfeitable: true, status: 'FORFEITED' })).toBeNull();
  });
});
