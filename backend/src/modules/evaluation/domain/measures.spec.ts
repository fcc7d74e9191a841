import { frac, toFixedHalfUp } from './exact';
import {
  AcceptedReport,
  beneficiariesMeasure,
  fundsMeasure,
  MilestoneFacts,
  milestonesMeasure,
  parseDecimal4,
  serviceHoursMeasure,
  toDecimal4,
} from './measures';
import { computedScore } from './scoring';

const report = (participants: number[], hours: Array<[string, string]> = []): AcceptedReport => ({
  activities: participants.map((p) => ({ participants: p })),
  serviceHours: hours.map(([beneficiary, h]) => ({ beneficiary, hours: h })),
});
const DAY = 86_400_000;
const due = new Date('2026-06-30T16:00:00.000Z');
const milestone = (over: Partial<MilestoneFacts>): MilestoneFacts => ({
  status: 'PENDING',
  dueAt: due,
  acceptedAt: null,
  isFinal: false,
  amountFen: 100_000n,
  ...over,
});

describe('computed indicators: what counts as actual and planned', () => {
  describe('BENEFICIARIES_SERVED', () => {
    it('the oracle: 432 served of 480 planned on a 15-point leaf scores 13.50', () => {
      const m = beneficiariesMeasure(480, [report([120, 432, 300]), report([410])]);
      expect(m).toMatchObject({ actual: frac(432n), planned: frac(480n), basis: 'LARGEST_ACTIVITY' });
      expect(toFixedHalfUp(computedScore(frac(15n), m)!, 2)).toBe('13.50');
    });

    it('counts people, not visits: activities are never added up; the largest one is a lower bound', () => {
      const m = beneficiariesMeasure(40, [report([30, 30, 30, 30])]);
      expect(m.actual).toEqual(frac(30n));
    });

    it('counts each named beneficiary of the service hours once, across reports, when that is more', () => {
      const m = beneficiariesMeasure(10, [
        report(
          [2],
          [
            ['王阿姨', '2'],
            ['李大爷', '1.5'],
            [' 王阿姨 ', '3'],
          ],
        ),
        report(
          [1],
          [
            ['张奶奶', '2'],
            ['李大爷', '2'],
          ],
        ),
      ]);
      expect(m).toMatchObject({ actual: frac(3n), basis: 'NAMED_BENEFICIARIES' });
    });

    it('no plan → NO_PLAN; no accepted report → NO_DATA (the evaluator scores by hand)', () => {
      expect(beneficiariesMeasure(undefined, [report([5])]).insufficient).toBe('NO_PLAN');
      expect(beneficiariesMeasure(0, [report([5])]).insufficient).toBe('NO_PLAN');
      expect(beneficiariesMeasure('480', [report([5])]).insufficient).toBe('NO_PLAN');
      expect(beneficiariesMeasure(480, [])).toMatchObject({ insufficient: 'NO_DATA', planned: frac(480n) });
      expect(computedScore(frac(15n), beneficiariesMeasure(480, []))).toBeNull();
    });

    it('ignores what is not a whole number of participants', () => {
      const m = beneficiariesMeasure(100, [
        { activities: [{ participants: 1e9 + 0.5 }, { participants: '90' }, { participants: 12 }], serviceHours: [] },
      ]);
      expect(m.actual).toEqual(frac(12n));
    });
  });

  describe('SERVICE_HOURS', () => {
    const hours = report(
      [3],
      [
        ['王阿姨', '2.5'],
        ['李大爷', '0.0833'],
      ],
    );
    it('sums the hours of the accepted reports exactly (4 places), against the plan’s hours indicator', () => {
      const m = serviceHoursMeasure({
        countedInHours: true,
        hoursIndicatorTarget: '10',
        projectQuantity: 800,
        reports: [hours, report([1], [['张奶奶', '1.25']])],
      });
      expect(m).toMatchObject({ actual: frac(38333n, 10000n), planned: frac(10n), basis: 'HOURS_INDICATOR' });
      expect(toDecimal4(m.actual)).toBe('3.8333');
    });

    it('takes the project’s quantity (hours bought) when the plan has no hours indicator', () => {
      const m = serviceHoursMeasure({
        countedInHours: true,
        hoursIndicatorTarget: null,
        projectQuantity: 480,
        reports: [hours],
      });
      expect(m).toMatchObject({ planned: frac(480n), basis: 'PROJECT_QUANTITY' });
    });

    it('a service not counted in hours → NO_PLAN; no accepted report → NO_DATA', () => {
      expect(
        serviceHoursMeasure({
          countedInHours: false,
          hoursIndicatorTarget: '10',
          projectQuantity: 10,
          reports: [hours],
        }).insufficient,
      ).toBe('NO_PLAN');
      expect(
        serviceHoursMeasure({
          countedInHours: true,
          hoursIndicatorTarget: null,
          projectQuantity: null,
          reports: [hours],
        }).insufficient,
      ).toBe('NO_PLAN');
      expect(
        serviceHoursMeasure({ countedInHours: true, hoursIndicatorTarget: '10', projectQuantity: null, reports: [] })
          .insufficient,
      ).toBe('NO_DATA');
    });
  });

  describe('MILESTONES_ON_TIME', () => {
    it('the oracle: 3 of 4 accepted by their due time on a 10-point leaf scores 7.50', () => {
      const m = milestonesMeasure([
        milestone({ status: 'ACCEPTED', acceptedAt: new Date(due.getTime() - DAY) }),
        milestone({ status: 'ACCEPTED', acceptedAt: due }), // at 24:00 Beijing exactly: on time
        milestone({ status: 'ACCEPTED', acceptedAt: new Date(due.getTime() - 1) }),
        milestone({ status: 'ACCEPTED', acceptedAt: new Date(due.getTime() + 1) }), // a millisecond late
      ]);
      expect(m).toMatchObject({ actual: frac(3n), planned: frac(4n) });
      expect(toFixedHalfUp(computedScore(frac(10n), m)!, 2)).toBe('7.50');
    });

    it('a milestone not accepted yet counts in the plan only; none at all → NO_PLAN', () => {
      const m = milestonesMeasure([
        milestone({ status: 'ACCEPTED', acceptedAt: due }),
        milestone({ status: 'SUBMITTED' }),
      ]);
      expect(m).toMatchObject({ actual: frac(1n), planned: frac(2n) });
      expect(milestonesMeasure([]).insufficient).toBe('NO_PLAN');
    });
  });

  describe('FUNDS_PAID', () => {
    it('paid ÷ the tranches before the final one (held for this evaluation), in fen', () => {
      const ms = [
        milestone({ amountFen: 300_000n }),
        milestone({ amountFen: 400_000n }),
        milestone({ amountFen: 300_000n, isFinal: true }),
      ];
      const m = fundsMeasure(ms, [{ isFinal: false, amountFen: 300_000n }]);
      expect(m).toMatchObject({ actual: frac(300_000n), planned: frac(700_000n) });
      expect(toFixedHalfUp(computedScore(frac(10n), m)!, 2)).toBe('4.29');
      expect(
        fundsMeasure(ms, [
          { isFinal: false, amountFen: 300_000n },
          { isFinal: false, amountFen: 400_000n },
        ]).actual,
      ).toEqual(frac(700_000n));
    });

    it('a contract paid in one final tranche has nothing to measure before the result → NO_PLAN', () => {
      expect(fundsMeasure([milestone({ isFinal: true })], []).insufficient).toBe('NO_PLAN');
    });
  });

  it('decimals of at most 4 places, exactly, both ways', () => {
    expect(parseDecimal4('2.5')).toEqual(frac(5n, 2n));
    expect(parseDecimal4('0.0833')).toEqual(frac(833n, 10000n));
    expect(parseDecimal4('1.23456')).toBeNull();
    expect(parseDecimal4('-1')).toBeNull();
    expect(parseDecimal4('1e3')).toBeNull();
    expect(parseDecimal4(null)).toBeNull();
    expect(toDecimal4(frac(432n))).toBe('432');
    expect(toDecimal4(frac(38333n, 10000n))).toBe('3.8333');
    expect(toDecimal4(frac(1n, 3n))).toBeNull();
  });
});
