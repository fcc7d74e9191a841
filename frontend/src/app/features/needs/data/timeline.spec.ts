import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';

import type { NeedEvent } from '../../../api';
import { interpolate } from '../../../core/i18n/translation.service';
import { zhCN } from '../../../core/i18n/zh-CN';
import { Lookup, timelineEntries, timelineEntry } from './timeline';

registerLocaleData(localeZh, 'zh-CN');

const lookup: Lookup = (key, fallback, params) => {
  const text = (zhCN as Record<string, string>)[key];
  return text === undefined ? fallback : interpolate(text, params);
};

const at = (h: number, m = 0): string => new Date(2026, 10, 23, h, m).toISOString();

function event(over: Partial<NeedEvent>): NeedEvent {
  return { at: at(9), kind: 'STATUS', fromStatus: null, toStatus: null, actorName: 'worker', note: null, ...over };
}

describe('timeline formatting', () => {
  it('writes a status change from → to in Chinese, with time and actor', () => {
    const entry = timelineEntry(
      event({ fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', at: at(10, 5) }),
      lookup,
      'zh-CN',
    );
    expect(entry).toEqual({
      time: '2026-11-23 10:05',
      title: '待审核 → 已受理',
      actor: 'worker',
      note: '',
      color: 'green',
    });
  });

  it('names the submission by its status and tells the channel', () => {
    const entry = timelineEntry(
      event({ toStatus: 'SUBMITTED', note: { channel: 'PROXY' }, actorName: 'resident' }),
      lookup,
      'zh-CN',
    );
    expect(entry.title).toBe('待审核');
    expect(entry.note).toBe('社工代录');
    expect(entry.color).toBe('blue');
  });

  it('explains a rejection with its reason code and note, in red', () => {
    const entry = timelineEntry(
      event({
        fromStatus: 'SUBMITTED',
        toStatus: 'REJECTED',
        note: { reasonCode: 'INSUFFICIENT_INFO', reason: '请补充地点' },
      }),
      lookup,
      'zh-CN',
    );
    expect(entry.title).toBe('待审核 → 未通过审核');
    expect(entry.note).toBe('信息不完整；请补充地点');
    expect(entry.color).toBe('red');
  });

  it('keeps a council’s reason and date, and drops ids', () => {
    const entry = timelineEntry(
      event({
        fromStatus: 'SHORTLISTED',
        toStatus: 'APPROVED',
        note: JSON.stringify({ reason: '居民呼声高', deliberationId: 3, heldOn: '2026-12-05' }),
      }),
      lookup,
      'zh-CN',
    );
    expect(entry.title).toBe('已入围 → 已通过');
    expect(entry.note).toBe('居民呼声高；议事会日期 2026-12-05');
  });

  it('names other kinds of events, the code itself when unknown, and shows unknown note members', () => {
    expect(
      timelineEntry(event({ kind: 'MERGED_IN', note: { sourceNeedId: 4, sourceTitle: '助餐' } }), lookup, 'zh-CN'),
    ).toMatchObject({
      title: '合并了其他需求',
      note: '「助餐」',
    });
    expect(timelineEntry(event({ kind: 'SOMETHING_NEW', note: { extra: 1 } }), lookup, 'zh-CN')).toMatchObject({
      title: 'SOMETHING_NEW',
      note: 'extra: 1',
    });
    expect(timelineEntry(event({ kind: 'RESUBMITTED', note: 'plain text' }), lookup, 'zh-CN').note).toBe('plain text');
  });

  it('shows the newest event first, keeping the order of events at the same instant', () => {
    const entries = timelineEntries(
      [
        event({ toStatus: 'SUBMITTED', at: at(9) }),
        event({ fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', at: at(10) }),
        event({ fromStatus: 'ACCEPTED', toStatus: 'SHORTLISTED', at: at(11) }),
        event({ fromStatus: 'SHORTLISTED', toStatus: 'APPROVED', at: at(11) }),
      ],
      lookup,
      'zh-CN',
    );
    expect(entries.map((e) => e.title)).toEqual(['已入围 → 已通过', '已受理 → 已入围', '待审核 → 已受理', '待审核']);
  });
});
