import {
  afterFailure,
  backoffMs,
  DEFAULT_PREFERENCES,
  deliveriesFor,
  formatMuted,
  parseMuted,
  sendingIsStale,
  topicOfKind,
  wantsChannel,
} from './delivery-rules';

describe('delivery rules', () => {
  it.each([
    ['need.status_changed', 'needs'],
    ['need.step', 'needs'],
    ['tender.notice', 'procurement'],
    ['objection.filed', 'procurement'],
    ['contract.milestone', 'contracts'],
    ['contracts.payment', 'contracts'],
    ['custody.return', 'contracts'],
    ['evaluation.task', 'evaluation'],
    ['EVALUATION_GRADE_ASSESSMENT_SUBMITTED', 'evaluation'],
    ['ORGANISATION_GRADE_APPROVED', 'organisations'],
    ['something.new', 'other'],
  ])('the topic of %s is %s', (kind, topic) => {
    expect(topicOfKind(kind)).toBe(topic);
  });

  it('keeps only known CHANNEL:topic pairs, sorted and unique', () => {
    expect(parseMuted('SMS:procurement, EMAIL:needs,SMS:procurement,FAX:needs,SMS:nope')).toEqual([
      'EMAIL:needs',
      'SMS:procurement',
    ]);
    expect(parseMuted('')).toEqual([]);
    expect(formatMuted(['SMS:procurement', 'EMAIL:needs', 'SMS:procurement'])).toBe('EMAIL:needs,SMS:procurement');
  });

  it('sends over a channel that is on and whose topic is not muted', () => {
    const prefs = { emailEnabled: true, smsEnabled: true, muted: parseMuted('SMS:procurement') };
    expect(wantsChannel(prefs, 'EMAIL', 'tender.notice')).toBe(true);
    expect(wantsChannel(prefs, 'SMS', 'tender.notice')).toBe(false);
    expect(wantsChannel(prefs, 'SMS', 'need.step')).toBe(true);
    expect(wantsChannel({ ...prefs, emailEnabled: false }, 'EMAIL', 'need.step')).toBe(false);
  });

  it('by default: e-mail on, SMS off', () => {
    const contact = { userId: 1, email: 'a@example.com', phone: '13800000000', active: true };
    expect(deliveriesFor(contact, DEFAULT_PREFERENCES, 'need.step')).toEqual([
      { channel: 'EMAIL', address: 'a@example.com' },
    ]);
  });

  it('needs an address per channel, and an active account', () => {
    const prefs = { emailEnabled: true, smsEnabled: true, muted: [] };
    expect(deliveriesFor({ userId: 1, email: null, phone: '138', active: true }, prefs, 'x')).toEqual([
      { channel: 'SMS', address: '138' },
    ]);
    expect(deliveriesFor({ userId: 1, email: 'a@b.cn', phone: '138', active: false }, prefs, 'x')).toEqual([]);
  });

  it('waits base × 2^(n−1) after the n-th failed attempt, and gives up after the last', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(60_000, n))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(afterFailure(1, 3)).toBe('RETRY');
    expect(afterFailure(2, 3)).toBe('RETRY');
    expect(afterFailure(3, 3)).toBe('FAILED');
  });

  it('counts an attempt as interrupted once its lease has passed', () => {
    const now = new Date('2026-12-01T00:01:00Z');
    expect(sendingIsStale(new Date('2026-12-01T00:00:30Z'), now, 60_000)).toBe(false);
    expect(sendingIsStale(new Date('2026-12-01T00:00:00Z'), now, 60_000)).toBe(true);
    expect(sendingIsStale(null, now, 60_000)).toBe(true);
  });
});
