import { canonicalJson, sha256Hex } from '../../../platform/util/canonical-json';
import { nextReminder } from '../services/contract-deadlines';
import {
  contractCode,
  defaultTerm,
  milestonesFromSchedule,
  signatureDueAt,
  spreadDueDates,
  termEndFor,
  TermsEdit,
  termsProblems,
} from './contract-draft';

describe('contract draft rules', () => {
  it('a term of 12 months ends the day before the same date a year later (month ends clamp)', () => {
    expect(termEndFor('2027-01-01', 12)).toBe('2027-12-31');
    expect(termEndFor('2027-03-15', 12)).toBe('2028-03-14');
    expect(termEndFor('2027-01-31', 1)).toBe('2027-02-27');
    expect(termEndFor('2027-01-01', 36)).toBe('2029-12-31');
  });

  it('the term starts the Beijing day after the award', () => {
    // 2026-12-31 17:00 UTC is 2027-01-01 01:00 in Beijing
    expect(defaultTerm(new Date('2026-12-31T17:00:00Z'))).toEqual({ start: '2027-01-02', end: '2028-01-01' });
    expect(defaultTerm(new Date('2026-12-31T15:00:00Z'))).toEqual({ start: '2027-01-01', end: '2027-12-31' });
  });

  it('the signature is due at the end of the Beijing day 30 days after the award notice', () => {
    expect(signatureDueAt(new Date('2026-12-01T02:00:00Z')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('spreads due dates over the term, the last on its end', () => {
    expect(spreadDueDates('2027-01-01', '2027-12-31', 3)).toEqual(['2027-05-02', '2027-08-31', '2027-12-31']);
    expect(spreadDueDates('2027-01-01', '2027-12-31', 1)).toEqual(['2027-12-31']);
  });

  it('milestones from a 30/40/30 schedule of 310,000.00 pay 93,000.00, 124,000.00, 93,000.00', () => {
    const ms = milestonesFromSchedule(
      31_000_000n,
      [
        { label: '启动', percent: 30 },
        { label: '中期', percent: 40 },
        { label: '结项', percent: 30 },
      ],
      { start: '2027-01-01', end: '2027-12-31' },
    );
    expect(ms.map((m) => m.amountFen)).toEqual([9_300_000n, 12_400_000n, 9_300_000n]);
    expect(ms.map((m) => m.isFinal)).toEqual([false, false, true]);
  });

  it('the last tranche absorbs rounding: 100,000.01 in 33/33/34 sums exactly', () => {
    const ms = milestonesFromSchedule(
      10_000_001n,
      [
        { label: 'a', percent: 33 },
        { label: 'b', percent: 33 },
        { label: 'c', percent: 34 },
      ],
      { start: '2027-01-01', end: '2027-12-31' },
    );
    expect(ms.reduce((s, m) => s + m.amountFen, 0n)).toBe(10_000_001n);
    expect(ms.map((m) => m.amountFen)).toEqual([3_300_000n, 3_300_000n, 3_400_001n]);
  });

  it('an empty schedule gives one final milestone of 100 %', () => {
    const ms = milestonesFromSchedule(850_000n, [], { start: '2027-01-01', end: '2027-12-31' });
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ shareBp: 10_000, amountFen: 850_000n, isFinal: true, dueDate: '2027-12-31' });
  });

  describe('the officer’s terms', () => {
    const ok: TermsEdit = {
      termStart: '2027-01-01',
      termEnd: '2027-12-31',
      paymentDays: 30,
      bondBp: 500,
      milestones: [
        { title: 'a', deliverables: 'x', dueDate: '2027-04-30', share: '33.33' },
        { title: 'b', deliverables: 'x', dueDate: '2027-08-31', share: '33.33' },
        { title: 'c', deliverables: 'x', dueDate: '2027-12-31', share: '33.34' },
      ],
    };
    const limits = { earliestStart: '2027-01-01', maxTermMonths: 12 };
    const fields = (e: Partial<TermsEdit>) => termsProblems({ ...ok, ...e }, limits).map((p) => p.field);

    it('accepts shares summing to exactly 100.00 %', () => expect(termsProblems(ok, limits)).toEqual([]));
    it('refuses 99.99 % and 100.01 %', () => {
      expect(fields({ milestones: [{ ...ok.milestones[0], share: '99.99' }] })).toEqual(['milestones']);
      expect(
        fields({
          milestones: [
            { ...ok.milestones[0], share: '50.01' },
            { ...ok.milestones[2], share: '50.00' },
          ],
        }),
      ).toEqual(['milestones']);
    });
    it('refuses a term longer than 12 months by one day, and one starting before the award', () => {
      expect(fields({ termEnd: '2028-01-01' })).toContain('termEnd');
      expect(fields({ termStart: '2026-12-31' })).toContain('termStart');
    });
    it('refuses a milestone due outside the term or out of order', () => {
      expect(fields({ milestones: [{ ...ok.milestones[0], dueDate: '2028-01-01', share: '100' }] })).toEqual([
        'milestones.0.dueDate',
      ]);
      expect(
        fields({
          milestones: [
            { ...ok.milestones[1], share: '50' },
            { ...ok.milestones[0], share: '50' },
          ],
        }),
      ).toEqual(['milestones.1.dueDate']);
    });
    it('refuses payment days above 60 and a bond above 10 %', () => {
      expect(fields({ paymentDays: 61 })).toEqual(['paymentDays']);
      expect(fields({ paymentDays: 60, bondBp: 1000 })).toEqual([]);
      expect(fields({ bondBp: 1001 })).toEqual(['bondPercent']);
    });
    it('refuses a zero share', () => {
      expect(fields({ milestones: [{ ...ok.milestones[0], share: '0' }] })).toEqual(['milestones.0.share']);
    });
  });

  it('codes are HT-<year>-<6 digits>', () => expect(contractCode('2026', 12)).toBe('HT-2026-000012'));

  it('canonical content does not depend on key order', () => {
    const a = { amountFen: '100', content: { scope: 's', purchaser: { name: 'p' } }, milestones: [{ seq: 1 }] };
    const b = { milestones: [{ seq: 1 }], content: { purchaser: { name: 'p' }, scope: 's' }, amountFen: '100' };
    expect(sha256Hex(canonicalJson(a))).toBe(sha256Hex(canonicalJson(b)));
  });

  it('reminders: 7 days before, then 1 day before, then none', () => {
    const due = new Date('2027-01-31T16:00:00Z');
    expect(nextReminder(due, null)?.toISOString()).toBe('2027-01-24T16:00:00.000Z');
    expect(nextReminder(due, new Date('2027-01-25T00:00:00Z'))?.toISOString()).toBe('2027-01-30T16:00:00.000Z');
    expect(nextReminder(due, new Date('2027-01-30T17:00:00Z'))).toBeNull();
  });
});
