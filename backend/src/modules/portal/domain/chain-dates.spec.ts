import { contractDates, paymentDate, tenderDates, type TenderFacts } from './chain-dates';

const CAL = { holidays: new Set(['2026-04-06']), workdays: new Set<string>() };
const at = (s: string) => new Date(s);

function facts(o: Partial<TenderFacts> = {}): TenderFacts {
  return {
    method: 'COMPETITIVE_CONSULTATION',
    publishedAt: at('2026-03-02T02:00:00Z'), // Monday 10:00 Beijing
    bidDeadline: at('2026-03-12T01:30:00Z'),
    openedAt: null,
    reportAt: null,
    confirmationDueAt: null,
    awardNoticeAt: null,
    objectionWindowEndsAt: null,
    awardedAt: null,
    amendment: null,
    ...o,
  };
}

describe('the dates of a project’s chain and their rules', () => {
  it('gives the bid deadline its legal minimum period from publication (10 calendar days for 竞争性磋商)', () => {
    const [published, deadline] = tenderDates(facts(), CAL);
    expect(published).toMatchObject({ key: 'PUBLISHED', rule: 'PUBLICATION', at: '2026-03-02T02:00:00.000Z' });
    expect(deadline).toMatchObject({
      key: 'BID_DEADLINE',
      rule: 'MINIMUM_PERIOD',
      days: 10,
      unit: 'CALENDAR',
      from: '2026-03-02',
      limit: '2026-03-12',
      kept: true,
    });
    expect(deadline.basis).toContain('不少于10日');
    // a deadline one day short of the period is shown as not kept
    expect(tenderDates(facts({ bidDeadline: at('2026-03-11T01:30:00Z') }), CAL)[1].kept).toBe(false);
  });

  it('counts working days for 询价 (3 working days, the holiday skipped)', () => {
    const d = tenderDates(
      facts({
        method: 'REQUEST_FOR_QUOTATION',
        publishedAt: at('2026-04-02T02:00:00Z'),
        bidDeadline: at('2026-04-08T02:00:00Z'),
      }),
      CAL,
    )[1];
    // Thu 2 April → Fri 3, (weekend), Mon 6 is a holiday, Tue 7, Wed 8
    expect(d).toMatchObject({ days: 3, unit: 'WORKING', from: '2026-04-02', limit: '2026-04-08', kept: true });
  });

  it('takes the amendment’s 15 days when an amendment moved the deadline', () => {
    const moved = at('2026-03-20T01:30:00Z');
    const d = tenderDates(
      facts({ bidDeadline: moved, amendment: { publishedAt: at('2026-03-05T02:00:00Z'), deadlineAfter: moved } }),
      CAL,
    )[1];
    expect(d).toMatchObject({
      rule: 'AMENDMENT_PERIOD',
      days: 15,
      from: '2026-03-05',
      limit: '2026-03-20',
      kept: true,
    });
  });

  it('follows the award: confirmation within 5 working days of the report, the 7-working-day objection window', () => {
    const dates = tenderDates(
      facts({
        openedAt: at('2026-03-12T01:30:00Z'),
        reportAt: at('2026-03-13T08:00:00Z'),
        confirmationDueAt: at('2026-03-20T16:00:00Z'), // 24:00 Beijing of Fri 20 March
        awardNoticeAt: at('2026-03-16T02:00:00Z'),
        objectionWindowEndsAt: at('2026-03-25T16:00:00Z'),
        awardedAt: at('2026-03-25T16:00:05Z'),
      }),
      CAL,
    );
    expect(dates.map((d) => d.key)).toEqual([
      'PUBLISHED',
      'BID_DEADLINE',
      'OPENED',
      'AWARD_NOTICE',
      'OBJECTION_WINDOW_END',
      'AWARDED',
    ]);
    expect(dates[2]).toMatchObject({ rule: 'OPENING_AT_DEADLINE', limit: '2026-03-12', kept: true });
    expect(dates[3]).toMatchObject({
      rule: 'AWARD_CONFIRMATION',
      days: 5,
      unit: 'WORKING',
      from: '2026-03-13',
      limit: '2026-03-20',
      kept: true,
    });
    expect(dates[4]).toMatchObject({ rule: 'OBJECTION_WINDOW', days: 7, from: '2026-03-16', limit: '2026-03-25' });
    expect(dates[5]).toMatchObject({ rule: 'AFTER_OBJECTION_WINDOW', kept: true });
  });

  it('shows nothing of a tender never published', () => {
    expect(tenderDates(facts({ publishedAt: null }), CAL)).toEqual([]);
  });

  it('dates the contract: signed within 30 days of the award notice, published within 2 working days', () => {
    const [signed, published] = contractDates({
      awardNoticeAt: at('2026-03-16T02:00:00Z'),
      signatureDueAt: at('2026-04-15T16:00:00Z'),
      signedAt: at('2026-04-01T02:00:00Z'),
      publicationDueAt: at('2026-04-03T16:00:00Z'),
      publishedAt: at('2026-04-07T02:00:00Z'),
    });
    expect(signed).toMatchObject({
      rule: 'SIGNATURE_PERIOD',
      days: 30,
      from: '2026-03-16',
      limit: '2026-04-15',
      kept: true,
    });
    expect(published).toMatchObject({
      rule: 'CONTRACT_PUBLICATION',
      days: 2,
      from: '2026-04-01',
      limit: '2026-04-03',
      kept: false,
    });
  });

  it('dates a payment against the contract’s payment term', () => {
    expect(
      paymentDate({
        acceptedAt: at('2026-05-01T02:00:00Z'),
        paymentDays: 30,
        dueDate: '2026-05-31',
        paidAt: at('2026-05-20T02:00:00Z'),
      }),
    ).toMatchObject({ rule: 'PAYMENT_TERM', days: 30, from: '2026-05-01', limit: '2026-05-31', kept: true });
  });
});
