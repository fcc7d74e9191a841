import { acceptsInput, canTransition, dueStatus } from './campaign.state-machine';

const opens = new Date('2026-11-01T00:00:00Z');
const closes = new Date('2026-11-30T16:00:00Z');

describe('campaign state machine', () => {
  it('moves forward only', () => {
    expect(canTransition('DRAFT', 'OPEN')).toBe(true);
    expect(canTransition('OPEN', 'CLOSED')).toBe(true);
    expect(canTransition('CLOSED', 'DECIDED')).toBe(true);
    expect(canTransition('CLOSED', 'OPEN')).toBe(false);
    expect(canTransition('DRAFT', 'DECIDED')).toBe(false);
  });

  it('opens at opens_at and closes at closes_at, to the millisecond', () => {
    expect(dueStatus('DRAFT', opens, closes, new Date(opens.getTime() - 1))).toBe('DRAFT');
    expect(dueStatus('DRAFT', opens, closes, opens)).toBe('OPEN');
    expect(dueStatus('OPEN', opens, closes, new Date(closes.getTime() - 1))).toBe('OPEN');
    expect(dueStatus('OPEN', opens, closes, closes)).toBe('CLOSED');
    expect(dueStatus('DRAFT', opens, closes, closes)).toBe('CLOSED');
  });

  it('takes supports only while open and before the close instant', () => {
    expect(acceptsInput('OPEN', closes, new Date(closes.getTime() - 1))).toBe(true);
    expect(acceptsInput('OPEN', closes, closes)).toBe(false);
    expect(acceptsInput('CLOSED', closes, opens)).toBe(false);
  });
});
