import { fitsCap, percentOf, withCumulative } from './change-orders';
import type { ChangeOrder } from './change-orders.api';

const order = (id: number, amount: string, status: ChangeOrder['status']): ChangeOrder => ({
  id,
  contractId: 1,
  contractCode: 'HT-1',
  contractTitle: '合同',
  organisationId: 1,
  status,
  scope: '追加',
  reason: '理由',
  amount,
  milestoneTitle: '里程碑',
  milestoneDueDate: '2027-06-30',
  milestoneId: null,
  proposedBy: 1,
  proposedByName: '官员',
  proposedAt: '2026-12-01T02:00:00.000Z',
  decidedBy: null,
  decidedByName: null,
  decidedAt: null,
  rejectionReason: null,
});

describe('change orders (client rules)', () => {
  it('writes a percentage of the original amount with two decimals, rounded down', () => {
    expect(percentOf('31000.00', '310000.00')).toBe('10.00');
    expect(percentOf('20000.00', '310000.00')).toBe('6.45');
    expect(percentOf('1.00', 'x')).toBe('');
  });

  it('checks the 10 % cap exactly: 10.00 % passes, one fen more does not', () => {
    expect(fitsCap('11000.00', '20000.00', '310000.00')).toBe(true);
    expect(fitsCap('11000.01', '20000.00', '310000.00')).toBe(false);
    expect(fitsCap('0', '0.00', '310000.00')).toBe(false);
  });

  it('keeps a running total of approved change orders only', () => {
    const rows = withCumulative(
      [order(1, '20000.00', 'APPROVED'), order(2, '5000.00', 'REJECTED'), order(3, '11000.00', 'APPROVED')],
      '310000.00',
    );
    expect(rows.map((r) => r.cumulativePercent)).toEqual(['6.45', '', '10.00']);
  });
});
