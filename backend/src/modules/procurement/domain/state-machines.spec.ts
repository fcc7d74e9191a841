import {
  BID_TRANSITIONS,
  bidsAreSealed,
  checkTransition,
  OBJECTION_TRANSITIONS,
  PROJECT_TRANSITIONS,
  TENDER_TRANSITIONS,
} from './state-machines';

describe('procurement state machines', () => {
  it('lets the deadline job, and only it, close a published tender', () => {
    expect(checkTransition(TENDER_TRANSITIONS, 'tender', 'PUBLISHED', 'CLOSED', ['SYSTEM'])).toBeNull();
    expect(
      checkTransition(TENDER_TRANSITIONS, 'tender', 'PUBLISHED', 'CLOSED', ['PROCUREMENT_OFFICER', 'ADMIN']),
    ).toMatch(/Only SYSTEM/);
  });
  it('rejects skipping states', () => {
    expect(checkTransition(TENDER_TRANSITIONS, 'tender', 'PUBLISHED', 'OPENED', ['SYSTEM'])).toMatch(/cannot go/);
    expect(checkTransition(TENDER_TRANSITIONS, 'tender', 'RECOMMENDED', 'AWARDED', ['PROCUREMENT_OFFICER'])).toMatch(
      /cannot go/,
    );
    expect(checkTransition(PROJECT_TRANSITIONS, 'project', 'DRAFT', 'APPROVED', ['FINANCE_OFFICER'])).toMatch(
      /cannot go/,
    );
    expect(checkTransition(OBJECTION_TRANSITIONS, 'objection', 'FILED', 'UPHELD', ['PROCUREMENT_OFFICER'])).toMatch(
      /cannot go/,
    );
  });
  it('gives project approval to finance, not to the drafting officer', () => {
    expect(checkTransition(PROJECT_TRANSITIONS, 'project', 'SUBMITTED', 'APPROVED', ['PROCUREMENT_OFFICER'])).toMatch(
      /FINANCE_OFFICER/,
    );
  });
  it('lets only the bidder withdraw a submitted bid, and nobody after opening', () => {
    expect(checkTransition(BID_TRANSITIONS, 'bid', 'SUBMITTED', 'WITHDRAWN', ['ORG_MEMBER'])).toBeNull();
    expect(checkTransition(BID_TRANSITIONS, 'bid', 'OPENED', 'WITHDRAWN', ['ORG_MEMBER'])).toMatch(/cannot go/);
  });
  it('keeps bids sealed until the tender is opened', () => {
    expect(bidsAreSealed('PUBLISHED')).toBe(true);
    expect(bidsAreSealed('CLOSED')).toBe(true);
    expect(bidsAreSealed('OPENED')).toBe(false);
  });
  it('has no transition out of a final state', () => {
    for (const s of ['AWARDED', 'FAILED', 'CANCELLED'] as const)
      expect(TENDER_TRANSITIONS.some((t) => t.from === s)).toBe(false);
  });
  it('ends a project with its terminated contract, and re-tenders one whose winner never signed', () => {
    for (const from of ['CONTRACTED', 'IN_PROGRESS'] as const) {
      expect(checkTransition(PROJECT_TRANSITIONS, 'project', from, 'CANCELLED', ['PROCUREMENT_OFFICER'])).toBeNull();
      expect(checkTransition(PROJECT_TRANSITIONS, 'project', from, 'CANCELLED', ['FINANCE_OFFICER'])).toMatch(/Only/);
    }
    expect(checkTransition(PROJECT_TRANSITIONS, 'project', 'AWARDED', 'APPROVED', ['SYSTEM'])).toBeNull();
    expect(checkTransition(PROJECT_TRANSITIONS, 'project', 'AWARDED', 'APPROVED', ['PROCUREMENT_OFFICER'])).toMatch(
      /Only SYSTEM/,
    );
    expect(checkTransition(PROJECT_TRANSITIONS, 'project', 'COMPLETED', 'CANCELLED', ['PROCUREMENT_OFFICER'])).toMatch(
      /cannot go/,
    );
  });
});
