import { ocdsValidator } from '../../../../test/support/ocds-schema';
import { buildRelease, OrganisationFacts, ProcessFacts, TenderFacts } from './release-builder';

const place = { names: ['南京市', '鼓楼区', '湖南路街道', '山西路社区'], code: '320106002001' };
const org = (id: number, name: string, code: string): OrganisationFacts => ({
  id,
  name,
  creditCode: code,
  place: { names: ['南京市', '鼓楼区'], code: '320106000000' },
});
const A = org(1, '阳光养老', '52320106MJ0000001X');
const B = org(2, '邻里互助', '52320106MJ0000002X');

function facts(tender: Partial<TenderFacts> | null): ProcessFacts {
  return {
    ocid: 'ocds-dd0001-5',
    project: {
      id: 5,
      title: '老年助餐',
      status: 'TENDERING',
      itemCode: 'A0101',
      itemName: '老年助餐服务',
      itemUnit: '人次',
      quantity: 800,
      unitPriceFen: '1250',
      estimatedFen: '1000000',
      approvedAt: new Date('2026-11-01T02:00:00Z'),
      needCount: 2,
      objectives: ['为独居老人提供每日午餐'],
      place,
    },
    budget: { lineId: 3, title: '社区服务资金', year: 2026, source: 'DISTRICT_FINANCE' },
    buyer: { name: '鼓楼区民政局', place: { names: ['南京市', '鼓楼区'], code: '320106000000' } },
    tender:
      tender === null
        ? null
        : {
            id: 9,
            title: '助餐采购',
            description: '一年',
            method: 'OPEN_TENDER',
            status: 'PUBLISHED',
            minGrade: 3,
            scoringMethod: 'COMPREHENSIVE',
            priceWeightPct: 30,
            criteria: [{ name: '服务方案', maxCents: 4000 }],
            maxPriceFen: '980000',
            publishedAt: new Date('2026-11-02T02:00:00Z'),
            bidDeadline: new Date('2026-11-30T02:00:00Z'),
            openedAt: null,
            awardNoticeAt: null,
            awardedAt: null,
            evaluationRound: 1,
            hasClarifications: false,
            amendments: [],
            tenderers: [A, B],
            winner: null,
            ...tender,
          },
    contract: null,
    earlierAwardIds: [],
  };
}

const build = (f: ProcessFacts) =>
  buildRelease({ facts: f, id: 'ocds-dd0001-5-2', tags: ['tender'], date: new Date('2026-11-02T02:00:00Z') });

describe('the release builder', () => {
  it('builds a release the official schema accepts', () => {
    expect(ocdsValidator().release(build(facts({})))).toEqual([]);
    expect(ocdsValidator().release(build(facts(null)))).toEqual([]);
  });

  it('publishes no tenderer and no count before the opening, whatever it is given', () => {
    const r = build(facts({ status: 'CLOSED', openedAt: new Date('2026-11-30T02:00:00Z') }));
    expect(r.tender).not.toHaveProperty('tenderers');
    expect(r.tender).not.toHaveProperty('numberOfTenderers');
    expect(JSON.stringify(r)).not.toContain('阳光养老');
  });

  it('names the tenderers and their number once the bids are opened', () => {
    const r = build(facts({ status: 'OPENED', openedAt: new Date('2026-11-30T02:00:00Z') }));
    expect(r.tender).toMatchObject({ numberOfTenderers: 2 });
    expect(JSON.stringify(r.parties)).toContain('"roles":["tenderer"]');
  });

  it('an award that an earlier release published and that is gone now is cancelled', () => {
    const f = facts({ status: 'EVALUATING', openedAt: new Date('2026-11-30T02:00:00Z'), evaluationRound: 2 });
    f.earlierAwardIds = ['9-1'];
    expect(build(f).awards).toEqual([{ id: '9-1', status: 'cancelled' }]);
  });

  it('the award carries the winning price only', () => {
    const r = build(
      facts({
        status: 'AWARD_NOTICE',
        openedAt: new Date('2026-11-30T02:00:00Z'),
        awardNoticeAt: new Date('2026-12-03T02:00:00Z'),
        winner: { priceFen: '850000', organisation: B },
      }),
    );
    expect(r.awards).toEqual([
      expect.objectContaining({ id: '9-1', status: 'pending', value: { amount: 8500, currency: 'CNY' } }),
    ]);
  });
});
