import type { Campaign, MyNeed, NeedSummary } from '../../../api';
import { checkAttachment, fileSize } from './attachments';
import { CampaignFormValue, isRulesFrozen, toCampaignPatch, toCampaignRequest } from './campaign-form';
import { decisionOptions, toDeliberationRequest } from './deliberation';
import { toNeedQuery, toNeedSort } from './need-query';
import { toNeedRequest } from './need-request';
import { canSupport, canWithdraw, ownOpenNeedIds, supportedNeedIds } from './supports';

const summary: NeedSummary = {
  id: 5,
  title: '社区老年助餐点',
  status: 'ACCEPTED',
  supportCount: 2,
  categoryId: 3,
  categoryName: '助餐',
  regionId: 9,
  regionName: '山西路社区',
  campaignId: 1,
  channel: 'ONLINE',
  createdAt: '2026-11-23T02:00:00.000Z',
};

describe('approved-needs filters → query', () => {
  it('comma-joins statuses, turns tree keys into ids and leaves out empty filters', () => {
    expect(
      toNeedQuery(
        { regionId: '12', statuses: ['APPROVED', 'SHORTLISTED'], categoryId: null, campaignId: 4, q: '  助餐 ' },
        2,
        50,
        '-supportCount',
      ),
    ).toEqual({
      regionId: 12,
      status: 'APPROVED,SHORTLISTED',
      categoryId: undefined,
      campaignId: 4,
      q: '助餐',
      sort: '-supportCount',
      page: 2,
      pageSize: 50,
    });
    expect(
      toNeedQuery({ regionId: null, statuses: [], categoryId: '7', campaignId: null, q: '' }, 1, 20, null),
    ).toMatchObject({
      regionId: undefined,
      status: undefined,
      categoryId: 7,
      q: undefined,
      sort: undefined,
    });
  });

  it('maps table sorts onto the API’s allow-list', () => {
    expect(toNeedSort('createdAt', 'ascend')).toBe('createdAt');
    expect(toNeedSort('createdAt', 'descend')).toBe('-createdAt');
    expect(toNeedSort('supportCount', 'descend')).toBe('-supportCount');
    expect(toNeedSort('supportCount', null)).toBeNull();
    expect(toNeedSort('title', 'ascend')).toBeNull();
  });
});

describe('need form → POST /needs', () => {
  const value = {
    campaignId: 1,
    categoryId: '3',
    communityId: '',
    title: ' 社区老年助餐点 ',
    description: ' 中午有热饭 ',
    location: ' 活动中心 ',
    offlineName: ' 李奶奶 ',
    offlinePhone: ' 13800000009 ',
  };
  const defs = [{ key: 'headcount', label: '人数', type: 'int' as const, min: 1, max: 200, required: true }];

  it('sends a resident’s need without the proxy fields', () => {
    expect(toNeedRequest(value, defs, { headcount: 40 }, false)).toEqual({
      campaignId: 1,
      categoryId: 3,
      title: '社区老年助餐点',
      description: '中午有热饭',
      attributes: { headcount: 40 },
      location: '活动中心',
    });
  });

  it('adds the offline resident for a worker’s proxy entry, and the community in a street-wide campaign', () => {
    expect(toNeedRequest({ ...value, communityId: '9' }, defs, { headcount: '40' }, true)).toMatchObject({
      offlineName: '李奶奶',
      offlinePhone: '13800000009',
      communityId: 9,
      attributes: { headcount: 40 },
    });
  });
});

describe('supports', () => {
  const open = { status: 'OPEN' } as Pick<Campaign, 'status'>;
  const closed = { status: 'CLOSED' } as Pick<Campaign, 'status'>;

  it('knows which needs I support from /my/needs', () => {
    const mine: MyNeed[] = [
      { need: { ...summary, id: 1 }, relation: 'SUBMITTED', timeline: [] },
      { need: { ...summary, id: 2 }, relation: 'SUPPORTED', timeline: [] },
    ];
    expect([...supportedNeedIds(mine)]).toEqual([2]);
    // My own accepted needs are asked about separately (/my/needs does not say whether I support them).
    expect(
      ownOpenNeedIds([
        ...mine,
        { need: { ...summary, id: 3, status: 'SUBMITTED' }, relation: 'SUBMITTED', timeline: [] },
      ]),
    ).toEqual([1]);
  });

  it('offers support only on accepted needs of an open campaign, and withdrawal only of my own support', () => {
    expect(canSupport(summary, open, false)).toBe(true);
    expect(canSupport(summary, open, true)).toBe(false);
    expect(canSupport(summary, closed, false)).toBe(false);
    expect(canSupport({ status: 'SUBMITTED' }, open, false)).toBe(false);
    expect(canSupport(summary, undefined, false)).toBe(false);
    expect(canWithdraw(summary, open, true)).toBe(true);
    expect(canWithdraw(summary, open, false)).toBe(false);
    expect(canWithdraw(summary, closed, true)).toBe(false);
  });
});

describe('deliberation', () => {
  it('offers the decisions the state machine allows', () => {
    expect(decisionOptions('ACCEPTED')).toEqual(['SHORTLISTED', 'APPROVED', 'DECLINED']);
    expect(decisionOptions('SHORTLISTED')).toEqual(['APPROVED', 'DECLINED']);
    expect(decisionOptions('APPROVED')).toEqual([]);
  });

  it('sends only decided needs, each with its reason', () => {
    const form = { heldOn: '2026-12-05', attendees: ' 居民代表 7 人 ', minutes: ' 一致同意 ' };
    const { body, problems } = toDeliberationRequest(form, [
      { needId: 1, decision: 'APPROVED', reason: ' 呼声高 ' },
      { needId: 2, decision: null, reason: '' },
    ]);
    expect(problems).toEqual([]);
    expect(body).toEqual({
      heldOn: '2026-12-05',
      attendees: '居民代表 7 人',
      minutes: '一致同意',
      decisions: [{ needId: 1, decision: 'APPROVED', reason: '呼声高' }],
    });
    expect(toDeliberationRequest(form, [{ needId: 2, decision: null, reason: '' }]).problems).toEqual([
      { needId: null, problem: 'noDecision' },
    ]);
    expect(toDeliberationRequest(form, [{ needId: 3, decision: 'DECLINED', reason: ' ' }]).problems).toEqual([
      { needId: 3, problem: 'reasonRequired' },
    ]);
  });
});

describe('campaign form', () => {
  const value: CampaignFormValue = {
    regionId: '9',
    title: ' 山西路社区2026年度需求征集 ',
    description: '',
    opensAt: '2026-11-23T09:00',
    closesAt: '2026-11-23T09:00:40',
    supportsPerResident: 3,
    minSupportsToShortlist: 2,
    catalogueVersionId: 1,
  };

  it('reads the times as Beijing wall-clock time, sends them as UTC instants, and numbers as numbers', () => {
    const { body, problems } = toCampaignRequest(value);
    expect(problems).toEqual([]);
    expect(body).toEqual({
      regionId: 9,
      title: '山西路社区2026年度需求征集',
      description: '',
      opensAt: '2026-11-23T01:00:00.000Z', // 09:00 Beijing, in any browser zone
      closesAt: '2026-11-23T01:00:40.000Z',
      supportsPerResident: 3,
      minSupportsToShortlist: 2,
      catalogueVersionId: 1,
    });
  });

  it('refuses a window that closes before it opens, or missing times', () => {
    expect(toCampaignRequest({ ...value, closesAt: '2026-11-23T08:59' }).problems).toEqual(['closesBeforeOpens']);
    expect(toCampaignRequest({ ...value, opensAt: '', closesAt: 'x' }).problems).toEqual([
      'opensAtInvalid',
      'closesAtInvalid',
    ]);
  });

  it('freezes the rules once open, and patches only what changed', () => {
    const now = new Date(2026, 10, 23, 8, 0);
    expect(isRulesFrozen({ status: 'DRAFT', opensAt: new Date(2026, 10, 23, 9, 0).toISOString() }, now)).toBe(false);
    expect(isRulesFrozen({ status: 'DRAFT', opensAt: new Date(2026, 10, 23, 7, 0).toISOString() }, now)).toBe(true);
    expect(isRulesFrozen({ status: 'OPEN', opensAt: new Date(2026, 10, 24).toISOString() }, now)).toBe(true);
    expect(isRulesFrozen(null)).toBe(false);
    const { body } = toCampaignRequest(value);
    if (!body) throw new Error('no body');
    const before: Campaign = {
      ...body,
      id: 7,
      regionName: '山西路社区',
      status: 'DRAFT',
      needCount: 0,
    };
    expect(toCampaignPatch(body, before)).toEqual({});
    expect(toCampaignPatch({ ...body, supportsPerResident: 5, title: '新' }, before)).toEqual({
      supportsPerResident: 5,
      title: '新',
    });
  });
});

describe('attachments', () => {
  it('checks type, size and count before uploading', () => {
    expect(checkAttachment({ name: 'a.jpg', type: 'image/jpeg', size: 1000 }, 0)).toBeNull();
    expect(checkAttachment({ name: 'scan.PDF', type: '', size: 1000 }, 4)).toBeNull();
    expect(checkAttachment({ name: 'a.gif', type: 'image/gif', size: 1000 }, 0)).toBe('needForm.fileType');
    expect(checkAttachment({ name: 'a.png', type: 'image/png', size: 5 * 1024 * 1024 + 1 }, 0)).toBe(
      'needForm.fileTooLarge',
    );
    expect(checkAttachment({ name: 'a.png', type: 'image/png', size: 10 }, 5)).toBe('needForm.tooManyFiles');
    expect(fileSize(350 * 1024)).toBe('350 KB');
    expect(fileSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
