import type { Actor } from '../../../platform/access';
import { ContractsError } from '../domain/contracts.errors';
import { assertPaymentTransition, disburseKey, paymentDueJob, seesContract } from './payments.service';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 1,
  username: 'u',
  roles: [],
  regionPath: null,
  regionId: null,
  organisationId: null,
  sessionId: null,
  ip: null,
  ...over,
});
const contract = { organisationId: 7, regionPath: '/1/4/17/' };

describe('payment rules', () => {
  it('lets the supplier’s members and staff of the region subtree see a contract’s payments, nobody else', () => {
    expect(seesContract(actor({ roles: ['ORG_MEMBER'], organisationId: 7 }), contract)).toBe(true);
    expect(seesContract(actor({ roles: ['ORG_MEMBER'], organisationId: 8 }), contract)).toBe(false);
    expect(seesContract(actor({ roles: ['FINANCE_OFFICER'], regionPath: '/1/4/' }), contract)).toBe(true);
    expect(seesContract(actor({ roles: ['PROCUREMENT_OFFICER'], regionPath: '/1/5/' }), contract)).toBe(false);
    // an organisation member's region does not open other organisations' contracts
    expect(seesContract(actor({ roles: ['ORG_MEMBER'], organisationId: 8, regionPath: '/1/' }), contract)).toBe(false);
  });

  it('moves a request only along the table, for the roles it names (409 otherwise)', () => {
    expect(() => assertPaymentTransition('REQUESTED', 'APPROVED', ['PROCUREMENT_OFFICER'])).not.toThrow();
    expect(() => assertPaymentTransition('APPROVED', 'PAID', ['FINANCE_OFFICER'])).not.toThrow();
    expect(() => assertPaymentTransition('HELD', 'REQUESTED', ['SYSTEM'])).not.toThrow();
    for (const [from, to, as] of [
      ['REQUESTED', 'PAID', 'FINANCE_OFFICER'],
      ['REQUESTED', 'APPROVED', 'FINANCE_OFFICER'],
      ['PAID', 'APPROVED', 'PROCUREMENT_OFFICER'],
      ['HELD', 'APPROVED', 'PROCUREMENT_OFFICER'],
      ['APPROVED', 'REJECTED', 'PROCUREMENT_OFFICER'],
      ['HELD', 'REQUESTED', 'PROCUREMENT_OFFICER'],
    ] as const) {
      let err: unknown;
      try {
        assertPaymentTransition(from, to, [as]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ContractsError);
      expect((err as ContractsError).status).toBe(409);
    }
  });

  it('names the ledger key and the due job deterministically', () => {
    expect(disburseKey(12)).toBe('payment-12-disburse');
    const due = new Date('2026-03-31T16:00:00.000Z');
    expect(paymentDueJob(12, due)).toEqual({
      queue: 'contracts',
      name: 'payment.due',
      jobId: `payment.due__12__${due.getTime()}`,
      payload: { requestId: 12 },
      runAt: due,
    });
  });
});
