import { checkTransition, decisionPath, NEED_STATUSES, NEED_TRANSITIONS } from './need.state-machine';

describe('need state machine', () => {
  it('lets a community worker accept, reject or merge a submitted need', () => {
    expect(checkTransition('SUBMITTED', 'ACCEPTED', ['COMMUNITY_WORKER'])).toBeNull();
    expect(checkTransition('SUBMITTED', 'REJECTED', ['COMMUNITY_WORKER'])).toBeNull();
    expect(checkTransition('SUBMITTED', 'MERGED', ['COMMUNITY_WORKER'])).toBeNull();
  });

  it('refuses a resident moderating, and illegal jumps for anyone', () => {
    expect(checkTransition('SUBMITTED', 'ACCEPTED', ['RESIDENT'])).toMatch(/Only COMMUNITY_WORKER/);
    expect(checkTransition('SUBMITTED', 'APPROVED', ['COMMUNITY_WORKER'])).toMatch(/cannot go/);
    expect(checkTransition('REJECTED', 'ACCEPTED', ['COMMUNITY_WORKER', 'SYSTEM'])).toMatch(/cannot go/);
    expect(checkTransition('MERGED', 'ACCEPTED', ['COMMUNITY_WORKER'])).toMatch(/cannot go/);
  });

  it('lets only the system shortlist at campaign close, besides the worker', () => {
    expect(checkTransition('ACCEPTED', 'SHORTLISTED', ['SYSTEM'])).toBeNull();
    expect(checkTransition('APPROVED', 'IN_PROCUREMENT', ['SYSTEM'])).toBeNull();
    expect(checkTransition('IN_SERVICE', 'DELIVERED', ['COMMUNITY_WORKER'])).toMatch(/Only SYSTEM/);
  });

  it('maps deliberation decisions to transition paths', () => {
    expect(decisionPath('ACCEPTED', 'APPROVED')).toEqual(['SHORTLISTED', 'APPROVED']);
    expect(decisionPath('SHORTLISTED', 'APPROVED')).toEqual(['APPROVED']);
    expect(decisionPath('ACCEPTED', 'DECLINED')).toEqual(['DECLINED']);
    expect(decisionPath('SHORTLISTED', 'SHORTLISTED')).toBeNull();
    expect(decisionPath('SUBMITTED', 'APPROVED')).toBeNull();
  });

  it('only uses known states and has no duplicate edges', () => {
    const edges = NEED_TRANSITIONS.map((t) => `${t.from}>${t.to}`);
    expect(new Set(edges).size).toBe(edges.length);
    for (const t of NEED_TRANSITIONS) {
      expect(NEED_STATUSES).toContain(t.from);
      expect(NEED_STATUSES).toContain(t.to);
    }
  });
});
