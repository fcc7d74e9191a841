import { BidderFacts, ineligibilityReasons } from './eligibility';

const org: BidderFacts = {
  id: 7,
  kind: 'SOCIAL_ORGANISATION',
  status: 'ACTIVE',
  grade: 3,
  gradeExpiresOn: '2027-12-31',
  regionPath: '/1/4/',
  serviceRegionPaths: [],
  blacklistedUntil: null,
};
const rule = { minGrade: 3, regionPath: '/1/4/9/', designatedOrganisationId: null };
const now = new Date('2026-11-23T02:00:00Z');

describe('who may bid', () => {
  it('accepts an active, graded organisation of the tender region', () => {
    expect(ineligibilityReasons(org, rule, now, '2026-11-23')).toEqual([]);
  });
  it('refuses a blacklisted, suspended, under-graded, expired-grade or out-of-region organisation', () => {
    expect(
      ineligibilityReasons(
        { ...org, status: 'BLACKLISTED', blacklistedUntil: new Date('2027-01-01') },
        rule,
        now,
        '2026-11-23',
      ),
    ).toEqual(['已被列入黑名单']);
    expect(ineligibilityReasons({ ...org, status: 'SUSPENDED' }, rule, now, '2026-11-23')[0]).toMatch(/SUSPENDED/);
    expect(ineligibilityReasons({ ...org, grade: 2 }, rule, now, '2026-11-23')[0]).toMatch(/3A/);
    expect(ineligibilityReasons({ ...org, gradeExpiresOn: '2026-11-22' }, rule, now, '2026-11-23')[0]).toMatch(
      /有效期/,
    );
    expect(ineligibilityReasons({ ...org, regionPath: '/1/5/' }, rule, now, '2026-11-23')).toEqual([
      '登记地或服务区域不在本项目区域',
    ]);
    expect(
      ineligibilityReasons({ ...org, regionPath: '/1/5/', serviceRegionPaths: ['/1/4/'] }, rule, now, '2026-11-23'),
    ).toEqual([]);
  });
  it('invites only the designated organisation to a single-source procurement', () => {
    expect(ineligibilityReasons(org, { ...rule, designatedOrganisationId: 8 }, now, '2026-11-23')).toEqual([
      '单一来源采购只邀请指定机构',
    ]);
  });
});

describe('a bar from bidding after a failed evaluation', () => {
  const bar = {
    regionPath: '/1/4/',
    regionName: '鼓楼区',
    code: 'PG-2026-000012',
    score: '55.00',
    grade: 'FAIL',
    untilDate: '2027-11-23',
    endsAt: new Date('2027-11-23T16:00:00Z'),
  };

  it('refuses a tender of the barred district, saying which evaluation, score, grade and until when', () => {
    expect(ineligibilityReasons({ ...org, bars: [bar] }, rule, now, '2026-11-23')).toEqual([
      '因评估 PG-2026-000012 结果为不合格（55.00 分），2027-11-23 前（含当日）不得在鼓楼区参与投标',
    ]);
  });

  it('does not refuse a tender of another district, nor once the bar has ended', () => {
    expect(
      ineligibilityReasons(
        { ...org, serviceRegionPaths: ['/1/5/'], bars: [bar] },
        { ...rule, regionPath: '/1/5/2/' },
        now,
        '2026-11-23',
      ),
    ).toEqual([]);
    expect(ineligibilityReasons({ ...org, bars: [bar] }, rule, new Date('2027-11-23T16:00:00Z'), '2027-11-24')).toEqual(
      [],
    );
  });
});
