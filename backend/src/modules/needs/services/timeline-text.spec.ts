import { StoredNeedEvent, timelineText } from './timeline-text';

const base: StoredNeedEvent = {
  kind: 'STATUS',
  fromStatus: null,
  toStatus: null,
  actorId: 7,
  actorName: 'worker',
  note: null,
  template: null,
  params: null,
};

describe('a need’s timeline in the reader’s language', () => {
  it('writes a status change with its codes in words and what was typed as typed', () => {
    const e = {
      ...base,
      fromStatus: 'SUBMITTED',
      toStatus: 'REJECTED',
      note: JSON.stringify({ reasonCode: 'DUPLICATE', reason: '与 #12 重复' }),
    };
    expect(timelineText(e, 'zh-CN')).toMatchObject({
      text: '待审核 → 未通过审核',
      detail: '重复；与 #12 重复',
      actorName: 'worker',
    });
    expect(timelineText(e, 'en-US')).toMatchObject({
      text: 'Awaiting review → Not accepted',
      detail: 'Duplicate; 与 #12 重复',
    });
  });

  it('names the system in the reader’s language, also on rows written before templates (“系统”)', () => {
    const e = { ...base, actorId: null, actorName: '系统', fromStatus: 'ACCEPTED', toStatus: 'SHORTLISTED' };
    expect(timelineText(e, 'en-US').actorName).toBe('System');
    expect(timelineText({ ...e, actorName: 'system' }, 'zh-CN').actorName).toBe('系统');
  });

  it('renders the coded reason of a status change from its template, in either language', () => {
    const e = {
      ...base,
      actorId: null,
      fromStatus: 'APPROVED',
      toStatus: 'IN_PROCUREMENT',
      note: JSON.stringify({ projectId: 4 }),
      template: 'procurement.why.project_included',
      params: JSON.stringify({ projectTitle: '山西路助餐' }),
    };
    expect(timelineText(e, 'zh-CN')).toMatchObject({ text: '已通过 → 采购中', detail: '纳入采购项目「山西路助餐」' });
    expect(timelineText(e, 'en-US')).toMatchObject({
      text: 'Approved → In procurement',
      detail: 'Included in the procurement project “山西路助餐”',
    });
  });

  it('writes a step another context reported, with its deadline in Beijing time (midnight as 24:00)', () => {
    const e = {
      ...base,
      kind: 'STEP',
      actorName: 'officer',
      template: 'procurement.step.tender_published',
      params: JSON.stringify({
        tenderTitle: '老年助餐服务采购',
        method: 'OPEN_TENDER',
        bidDeadline: '2026-12-11T16:00:00.000Z',
      }),
    };
    expect(timelineText(e, 'zh-CN')).toEqual({
      text: '采购公告「老年助餐服务采购」已发布',
      detail: '采购方式：公开招标。投标截止时间：2026年12月11日 24:00。',
      actorName: 'officer',
      note: null,
    });
    expect(timelineText(e, 'en-US').detail).toBe(
      'Method: Open tender. Bids close at 11 Dec 2026, 24:00 (Beijing time).',
    );
  });

  it('keeps older events readable: kinds in words, note members it knows, others as key: value', () => {
    expect(
      timelineText(
        { ...base, kind: 'MERGED_IN', note: JSON.stringify({ sourceNeedId: 3, sourceTitle: '助餐' }) },
        'zh-CN',
      ),
    ).toMatchObject({ text: '合并了其他需求', detail: '「助餐」' });
    expect(
      timelineText({ ...base, kind: 'RESUBMITTED', note: JSON.stringify({ newNeedId: 9, extra: 'x' }) }, 'en-US'),
    ).toMatchObject({ text: 'Resubmitted', detail: 'new need #9; extra: x' });
    expect(
      timelineText({ ...base, toStatus: 'SUBMITTED', note: JSON.stringify({ channel: 'PROXY' }) }, 'en-US'),
    ).toMatchObject({
      text: 'Awaiting review',
      detail: 'Entered by a worker',
    });
    expect(timelineText({ ...base, kind: 'STATUS', note: 'plain text' }, 'zh-CN').detail).toBe('plain text');
  });
});
