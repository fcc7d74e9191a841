import type { ParamValue, TemplateCatalogue } from '../template';

/** An assessment's total as people read it: "905.00" → "905". */
const points = (v: ParamValue | undefined): string => String(v ?? '').replace(/\.00$/, '');
/** A grade (1..5) as its label, or "no grade" below the 1A line. */
const grade = (v: ParamValue | undefined, none: string): string => (v ? `${String(v)}A` : none);

/**
 * 等级评估 (issue #11 item 6), the inbox: the organisation learns that an assessment has opened (and if it is
 * cancelled); the officers of its region that one waits for their decision; the assessors that it came back. The
 * decision itself is told by the organisations context (`organisations.grade.assessed`).
 */
export const GRADING_MESSAGES: TemplateCatalogue = {
  'evaluation.grading.opened': {
    'zh-CN': {
      title: '等级评估已启动（{code}）',
      body: '民政部门已对{organisation}启动社会组织等级评估（{code}），请按评估指标准备基础条件、内部治理、工作绩效和社会评价的佐证材料，配合实地评估。',
    },
    'en-US': {
      title: 'Grade assessment opened ({code})',
      body: 'The civil-affairs bureau has opened a grade assessment ({code}) of {organisation}. Please prepare the evidence for the indicators (basic conditions, governance, work performance, public assessment) for the site visit.',
    },
    example: { code: 'DJ-2026-000001', organisation: '南京市鼓楼区阳光养老服务中心' },
  },
  'evaluation.grading.submitted': {
    'zh-CN': {
      title: '等级评估待审定：{organisation}',
      body: (p) =>
        `${String(p['organisation'])}的等级评估（${String(p['code'])}）已提交：${points(p['points'])} 分，按${String(p['cutoffRegion'])}的分数线为 ${grade(p['grade'], '未达等级')}。请由未参与评分的采购专员审定。`,
    },
    'en-US': {
      title: 'Grade assessment to decide: {organisation}',
      body: (p) =>
        `The grade assessment (${String(p['code'])}) of ${String(p['organisation'])} was submitted: ${points(p['points'])} points, ${grade(p['grade'], 'no grade')} by the lines of ${String(p['cutoffRegion'])}. An officer who did not score it decides.`,
    },
    example: {
      code: 'DJ-2026-000001',
      organisation: '南京市鼓楼区阳光养老服务中心',
      points: '905.00',
      grade: 5,
      cutoffRegion: '南京市',
    },
  },
  'evaluation.grading.returned': {
    'zh-CN': {
      title: '等级评估被退回：{organisation}',
      body: '{organisation}的等级评估（{code}）被退回重新评分。意见：{reason}',
    },
    'en-US': {
      title: 'Grade assessment returned: {organisation}',
      body: 'The grade assessment ({code}) of {organisation} was returned for rescoring. Comment: {reason}',
    },
    example: { code: 'DJ-2026-000001', organisation: '南京市鼓楼区阳光养老服务中心', reason: '财务部分扣分依据不足' },
  },
  'evaluation.grading.cancelled': {
    'zh-CN': {
      title: '等级评估已取消（{code}）',
      body: '{organisation}的等级评估（{code}）已取消。原因：{reason}',
    },
    'en-US': {
      title: 'Grade assessment cancelled ({code})',
      body: 'The grade assessment ({code}) of {organisation} was cancelled. Reason: {reason}',
    },
    example: { code: 'DJ-2026-000001', organisation: '南京市鼓楼区阳光养老服务中心', reason: '机构申请暂缓评估' },
  },
};
