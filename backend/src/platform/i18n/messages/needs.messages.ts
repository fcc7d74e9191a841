import type { Formats, MessageParams, TemplateCatalogue } from '../template';

/** The details of a status change, in order: the coded reason, the rejection reason, what was typed. */
function statusDetails(p: MessageParams, f: Formats, words: { reason: string; note: string }): string[] {
  const why = typeof p['why'] === 'string' ? f.sub(p['why'], p) : null;
  return [
    why ? [why.title, why.body].filter(Boolean).join(f.locale === 'zh-CN' ? '：' : ': ') : '',
    p['reasonCode'] ? `${words.reason}${f.label('rejectReason', p['reasonCode'])}` : '',
    p['reason'] ? `${words.note}${String(p['reason'])}` : '',
  ].filter(Boolean);
}

/**
 * The needs context's texts: a need's status change (inbox of its raiser and supporters), a merge's
 * consent request, and the coded reasons a status change may carry (`why`).
 */
export const NEEDS_MESSAGES: TemplateCatalogue = {
  'need.status_changed': {
    'zh-CN': {
      title: '需求「{needTitle}」{to|needStatusNews}',
      body: (p, f) =>
        [
          `${f.label('needStatus', p['from'])} → ${f.label('needStatus', p['to'])}`,
          ...statusDetails(p, f, { reason: '原因：', note: '说明：' }),
        ].join('。'),
    },
    'en-US': {
      title: 'Need “{needTitle}”: {to|needStatusNews}',
      body: (p, f) =>
        [
          `${f.label('needStatus', p['from'])} → ${f.label('needStatus', p['to'])}`,
          ...statusDetails(p, f, { reason: 'Reason: ', note: 'Note: ' }),
        ].join('. '),
    },
    example: {
      needTitle: '老年助餐',
      from: 'SUBMITTED',
      to: 'REJECTED',
      reasonCode: 'DUPLICATE',
      reason: '与 #12 重复',
    },
  },
  'need.support_transfer': {
    'zh-CN': {
      title: '您支持的需求「{sourceTitle}」已合并',
      body: '该需求已合并到「{targetTitle}」。是否将您的支持转移过去？请在“我的需求”中确认。',
    },
    'en-US': {
      title: 'The need you support, “{sourceTitle}”, was merged',
      body: 'It was merged into “{targetTitle}”. Move your support there? Answer under “My needs”.',
    },
    example: { sourceTitle: '助餐', targetTitle: '老年助餐' },
  },
  /** A step of the work that serves a need (procurement, later contracts and evaluation), told to its followers. */
  'need.step': {
    'zh-CN': {
      title: (p, f) => `需求「${String(p['needTitle'] ?? '')}」：${f.sub(String(p['step'] ?? ''), p).title}`,
      body: (p, f) => f.sub(String(p['step'] ?? ''), p).body,
    },
    'en-US': {
      title: (p, f) => `Need “${String(p['needTitle'] ?? '')}”: ${f.sub(String(p['step'] ?? ''), p).title}`,
      body: (p, f) => f.sub(String(p['step'] ?? ''), p).body,
    },
    example: {
      needTitle: '老年助餐',
      step: 'procurement.step.tender_published',
      tenderTitle: '老年助餐服务采购',
      method: 'OPEN_TENDER',
      bidDeadline: '2026-12-11T16:00:00.000Z',
    },
  },
  // ---- coded reasons of a status change (`why`)
  'need.why.shortlisted_by_supports': {
    'zh-CN': { title: '获得 {supportCount} 人支持（入围门槛 {threshold}）' },
    'en-US': { title: '{supportCount} supporters (shortlisting threshold {threshold})' },
    example: { supportCount: 12, threshold: 10 },
  },
  'need.why.merged': {
    'zh-CN': { title: '合并到需求 #{targetNeedId}「{targetTitle}」' },
    'en-US': { title: 'Merged into need #{targetNeedId} “{targetTitle}”' },
    example: { targetNeedId: 12, targetTitle: '老年助餐' },
  },
  'need.why.council': {
    'zh-CN': { title: '议事会（{heldOn|date}）决定：{decision|decision}' },
    'en-US': { title: 'Residents’ council of {heldOn|date}: {decision|decision}' },
    example: { heldOn: '2026-05-04', decision: 'APPROVED' },
  },
};
