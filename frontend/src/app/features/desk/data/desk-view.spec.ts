import { areaOf, formatBeijing, homeRedirect, kindKey, kindParams, sectionsOf, SOON_MS, urgencyOf } from './desk-view';
import type { DeskItem } from './desk.types';

const item = (kind: string, extra: Partial<DeskItem> = {}): DeskItem => ({
  kind,
  count: 1,
  ref: null,
  title: null,
  dueAt: null,
  dueRule: null,
  since: null,
  route: null,
  ...extra,
});

describe('desk view', () => {
  const now = '2026-12-10T04:00:00.000Z';

  it('judges urgency against the server clock: overdue at the instant, soon within three days', () => {
    expect(SOON_MS).toBe(3 * 24 * 3_600_000);
    expect(urgencyOf({ dueAt: '2026-12-10T04:00:00.000Z' }, now)).toBe('overdue');
    expect(urgencyOf({ dueAt: '2026-12-09T16:00:00.000Z' }, now)).toBe('overdue');
    expect(urgencyOf({ dueAt: '2026-12-10T04:00:00.001Z' }, now)).toBe('soon');
    expect(urgencyOf({ dueAt: '2026-12-13T04:00:00.000Z' }, now)).toBe('soon');
    expect(urgencyOf({ dueAt: '2026-12-13T04:00:00.001Z' }, now)).toBe('later');
    expect(urgencyOf({ dueAt: null }, now)).toBe('none');
  });

  it('groups items by area in the page order, keeping the server order inside an area', () => {
    const sections = sectionsOf(
      {
        items: [
          item('procurement.call_open', { ref: { type: 'tender', id: 2 } }),
          item('queues.attention'),
          item('needs.moderate'),
          item('organisations.status'),
          item('procurement.call_open', { ref: { type: 'tender', id: 1 } }),
          item('later.thing'),
        ],
      },
      ['organisations.status'],
    );
    expect(sections.map((s) => [s.area, s.items.length])).toEqual([
      ['needs', 1],
      ['procurement', 2],
      ['queues', 1],
      ['later', 1],
    ]);
    expect(sections[1].items.map((i) => i.ref?.id)).toEqual([2, 1]);
    expect(areaOf({ kind: 'audit.chain' })).toBe('audit');
  });

  it('writes a past instant as Beijing wall-clock time, whatever the browser zone', () => {
    expect(formatBeijing('2026-12-11T16:00:00.000Z')).toBe('2026-12-12 00:00');
    expect(formatBeijing('2026-03-01T01:30:00.000Z')).toBe('2026-03-01 09:30');
    expect(formatBeijing('not a time')).toBe('not a time');
  });

  it('sends residents (and only them) to their community needs', () => {
    expect(homeRedirect(['RESIDENT'])).toBe('/needs/community');
    expect(homeRedirect(['COMMUNITY_WORKER'])).toBeNull();
    expect(homeRedirect(['PROCUREMENT_OFFICER', 'FINANCE_OFFICER'])).toBeNull();
  });

  it('picks the text variant of an item and writes its amounts in yuan', () => {
    expect(kindKey(item('procurement.project_draft', { params: { returned: true } }))).toBe(
      'kind.procurement.project_draft.returned',
    );
    expect(kindKey(item('procurement.project_draft', { params: { returned: false } }))).toBe(
      'kind.procurement.project_draft',
    );
    expect(kindKey(item('procurement.objection_window', { params: { winner: true } }))).toBe(
      'kind.procurement.objection_window.winner',
    );
    expect(kindKey(item('organisations.grade_expiry', { params: { expired: true } }))).toBe(
      'kind.organisations.grade_expiry.expired',
    );
    expect(kindKey(item('procurement.objection_answered', { params: { status: 'UPHELD' } }))).toBe(
      'kind.procurement.objection_answered.UPHELD',
    );
    expect(
      kindParams(item('funds.adjustment_approve', { count: 2, params: { deltaFen: '-1000000', year: 2026, x: null } })),
    ).toEqual({ count: 2, delta: '-10,000.00', year: 2026 });
  });
});
