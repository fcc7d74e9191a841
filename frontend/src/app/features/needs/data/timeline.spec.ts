import type { NeedEvent } from '../../../api';
import { timelineEntries, timelineEntry } from './timeline';

function event(over: Partial<NeedEvent>): NeedEvent {
  return {
    at: '2026-11-23T02:05:00.000Z',
    kind: 'STATUS',
    fromStatus: null,
    toStatus: null,
    actorName: 'worker',
    note: null,
    template: null,
    text: '',
    detail: '',
    ...over,
  };
}

describe('timeline lines', () => {
  it('shows the server’s words with the time in Beijing time (10:05 for 02:05 UTC, in any browser zone)', () => {
    expect(
      timelineEntry(event({ fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', text: '待审核 → 已受理', detail: '' })),
    ).toEqual({
      time: '2026-11-23 10:05',
      title: '待审核 → 已受理',
      actor: 'worker',
      note: '',
      color: 'green',
      link: null,
    });
  });

  it('offers the page a step asks the resident to open (the satisfaction survey), and only a page of the app', () => {
    const step = (link: string | null) =>
      timelineEntry(event({ kind: 'STEP', template: 'evaluation.step.survey_opened', text: '请为服务打分', link }));
    expect(step('/s/0123456789abcdef0123456789abcdef').link).toBe('/s/0123456789abcdef0123456789abcdef');
    for (const bad of [null, 'https://evil.example/s/x', '//evil.example', 'javascript:alert(1)', '/s/<x>'])
      expect(step(bad).link).toBeNull();
  });

  it('a rejection is red; a merge grey; a submission blue', () => {
    expect(timelineEntry(event({ toStatus: 'REJECTED', text: 'x' })).color).toBe('red');
    expect(timelineEntry(event({ toStatus: 'MERGED', text: 'x' })).color).toBe('gray');
    expect(timelineEntry(event({ toStatus: 'SUBMITTED', text: 'x' })).color).toBe('blue');
  });

  it('shows a procurement step with its details; a failed call red, the award green', () => {
    const published = timelineEntry(
      event({
        kind: 'STEP',
        template: 'procurement.step.tender_published',
        text: '采购公告「助餐」已发布',
        detail: '采购方式：公开招标。投标截止时间：2026年12月11日 24:00。',
        actorName: 'officer',
      }),
    );
    expect(published).toMatchObject({ title: '采购公告「助餐」已发布', color: 'blue', actor: 'officer' });
    expect(published.note).toContain('24:00');
    expect(timelineEntry(event({ kind: 'STEP', template: 'procurement.step.tender_failed', text: 'x' })).color).toBe(
      'red',
    );
    expect(timelineEntry(event({ kind: 'STEP', template: 'procurement.step.awarded', text: 'x' })).color).toBe('green');
  });

  it('falls back to the code when the server sent no words', () => {
    expect(timelineEntry(event({ toStatus: 'APPROVED' })).title).toBe('APPROVED');
    expect(timelineEntry(event({ kind: 'SOMETHING_NEW' })).title).toBe('SOMETHING_NEW');
  });

  it('puts the newest first, keeping the order of events at the same instant', () => {
    const entries = timelineEntries([
      event({ at: '2026-11-23T01:00:00.000Z', text: 'a' }),
      event({ at: '2026-11-23T03:00:00.000Z', text: 'b' }),
      event({ at: '2026-11-23T03:00:00.000Z', text: 'c' }),
    ]);
    expect(entries.map((e) => e.title)).toEqual(['c', 'b', 'a']);
  });
});
