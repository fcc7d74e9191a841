import { checkSchedule } from './payment-schedule';

describe('payment schedule', () => {
  it('accepts 30/40/30', () => {
    expect(
      checkSchedule([
        { label: '预付款', percent: 30 },
        { label: '中期款', percent: 40 },
        { label: '尾款', percent: 30 },
      ]),
    ).toBeNull();
  });
  it('rejects sums other than 100, fractions and empty schedules', () => {
    expect(
      checkSchedule([
        { label: 'a', percent: 30 },
        { label: 'b', percent: 60 },
      ]),
    ).toMatch(/90%/);
    expect(
      checkSchedule([
        { label: 'a', percent: 33.5 },
        { label: 'b', percent: 66.5 },
      ]),
    ).toMatch(/whole/);
    expect(checkSchedule([])).toMatch(/1 to 12/);
  });
});
