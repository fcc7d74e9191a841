import type { ParamValue, TemplateCatalogue } from '../template';

/** An assessment's total as people read it: "905.00" → "905", "905.50" → "905.50". */
const points = (v: ParamValue | undefined): string => String(v ?? '').replace(/\.00$/, '');

const GRADE_ZH: Readonly<Record<string, string>> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };
const GRADE_EN: Readonly<Record<string, string>> = { EXCELLENT: 'excellent', GOOD: 'good', PASS: 'pass', FAIL: 'fail' };

/** Lines of an organisation's performance record (shown to officers, auditors and its members). */
export const ORGANISATIONS_MESSAGES: TemplateCatalogue = {
  'organisations.record.approved': {
    'zh-CN': { title: (p) => (p['reason'] ? `登记审核通过：${String(p['reason'])}` : '登记审核通过') },
    'en-US': {
      title: (p) => (p['reason'] ? `Registration approved: ${String(p['reason'])}` : 'Registration approved'),
    },
    example: { reason: '材料齐全' },
  },
  'organisations.record.suspended': {
    'zh-CN': { title: '暂停：{reason}' },
    'en-US': { title: 'Suspended: {reason}' },
    example: { reason: '年检未通过' },
  },
  'organisations.record.reinstated': {
    'zh-CN': { title: (p) => (p['reason'] ? `恢复正常：${String(p['reason'])}` : '恢复正常') },
    'en-US': { title: (p) => (p['reason'] ? `Reinstated: ${String(p['reason'])}` : 'Reinstated') },
    example: { reason: '整改完成' },
  },
  // lastDay is a calendar date (the last day of the ban, Beijing), shown as the date it is
  'organisations.record.blacklisted': {
    'zh-CN': { title: '列入黑名单至 {lastDay}：{reason}' },
    'en-US': { title: 'Blacklisted until {lastDay} (inclusive): {reason}' },
    example: { lastDay: '2028-05-31', reason: '提供虚假材料' },
  },
  'organisations.record.blacklist_expired': {
    'zh-CN': { title: '黑名单期满，恢复正常' },
    'en-US': { title: 'Blacklisting over: back to normal' },
    example: {},
  },
  // a published evaluation result (issue #11): grade as its code, score as shown (2 places)
  'organisations.record.evaluation_result': {
    'zh-CN': {
      title: (p) =>
        `评估 ${String(p['code'])}「${String(p['title'])}」结果公布：${String(p['score'])} 分，${GRADE_ZH[String(p['grade'])] ?? String(p['grade'])}`,
    },
    'en-US': {
      title: (p) =>
        `Evaluation ${String(p['code'])} of “${String(p['title'])}” published: ${String(p['score'])}, ${GRADE_EN[String(p['grade'])] ?? String(p['grade'])}`,
    },
    example: { code: 'PG-2026-000012', title: '山西路社区老年助餐服务', score: '84.16', grade: 'GOOD' },
  },
  // untilDate is a calendar date (the last day of the bar, Beijing)
  'organisations.record.barred': {
    'zh-CN': { title: '评估 {code} 不合格（{score} 分），{untilDate} 前（含当日）不得在{regionName}参与投标' },
    'en-US': {
      title: 'Evaluation {code} failed ({score}): barred from bidding in {regionName} until {untilDate} (inclusive)',
    },
    example: { code: 'PG-2026-000012', score: '55.00', regionName: '鼓楼区', untilDate: '2027-12-11' },
  },
  // Grade proposals (inbox): the grade as its label (`4A`), expiresOn a calendar date, note/reason as typed
  'organisations.grade.proposed': {
    'zh-CN': {
      title: '{organisation}申报评估等级 {grade}',
      body: '{organisation}申报评估等级 {grade}（有效期至 {expiresOn}），附证书「{document}」，请在机构详情页审核。',
    },
    'en-US': {
      title: '{organisation} proposes evaluation grade {grade}',
      body: '{organisation} proposes evaluation grade {grade} (valid until {expiresOn}) with the certificate “{document}”: please review it on the organisation’s page.',
    },
    example: {
      organisation: '南京市鼓楼区阳光养老服务中心',
      grade: '4A',
      expiresOn: '2030-06-30',
      document: '等级证书.pdf',
    },
  },
  'organisations.grade.approved': {
    'zh-CN': {
      title: '评估等级 {grade} 已审核通过',
      body: (p) =>
        `贵机构申报的评估等级 ${String(p['grade'])}（有效期至 ${String(p['expiresOn'])}）已审核通过，自即日起用于投标资格审查。` +
        (p['note'] ? `审核意见：${String(p['note'])}` : ''),
    },
    'en-US': {
      title: 'Evaluation grade {grade} approved',
      body: (p) =>
        `The evaluation grade ${String(p['grade'])} your organisation proposed (valid until ${String(p['expiresOn'])}) is approved and counts for bid eligibility from today.` +
        (p['note'] ? ` Reviewer’s note: ${String(p['note'])}` : ''),
    },
    example: { grade: '4A', expiresOn: '2030-06-30', note: '证书核验无误' },
  },
  'organisations.grade.rejected': {
    'zh-CN': {
      title: '评估等级 {grade} 申报未通过',
      body: '贵机构申报的评估等级 {grade} 未通过审核。原因：{reason}',
    },
    'en-US': {
      title: 'Evaluation grade {grade} not approved',
      body: 'The evaluation grade {grade} your organisation proposed was not approved. Reason: {reason}',
    },
    example: { grade: '4A', reason: '证书已过期' },
  },
  // Grades decided on a grade assessment (等级评估, issue #11): points as the total's text ("905.00"), grade as its label
  // or null (below the 1A line: no grade), expiresOn a calendar date or null
  'organisations.grade.assessed': {
    'zh-CN': {
      title: (p) => (p['grade'] ? `等级评估结果：评定为 ${String(p['grade'])}` : '等级评估结果：未达到评估等级'),
      body: (p) =>
        `贵机构的等级评估（${String(p['code'])}）得分 ${points(p['points'])} 分，` +
        (p['grade']
          ? `评定为 ${String(p['grade'])}，有效期至 ${String(p['expiresOn'])}，自即日起用于投标资格审查。`
          : '未达到 1A 分数线，不授予评估等级。') +
        (p['note'] ? `审定意见：${String(p['note'])}` : ''),
    },
    'en-US': {
      title: (p) => (p['grade'] ? `Grade assessment: rated ${String(p['grade'])}` : 'Grade assessment: no grade'),
      body: (p) =>
        `Your organisation’s grade assessment (${String(p['code'])}) scored ${points(p['points'])} points: ` +
        (p['grade']
          ? `rated ${String(p['grade'])}, valid until ${String(p['expiresOn'])}, counting for bid eligibility from today.`
          : 'below the 1A line, so no grade is given.') +
        (p['note'] ? ` Decision note: ${String(p['note'])}` : ''),
    },
    example: { grade: '5A', points: '905.00', code: 'DJ-2026-000001', expiresOn: '2031-11-19', note: '材料核验无误' },
  },
  'organisations.grade.expired': {
    'zh-CN': {
      title: '{organisation}的评估等级 {grade} 已到期',
      body: '{organisation}的评估等级 {grade} 有效期至 {expiresOn}，已到期，不再用于投标资格审查。如需保持等级，请申请重新评估。',
    },
    'en-US': {
      title: 'Evaluation grade {grade} of {organisation} has expired',
      body: 'The evaluation grade {grade} of {organisation} was valid until {expiresOn} and no longer counts for bid eligibility. Apply for a new assessment to keep a grade.',
    },
    example: { organisation: '南京市鼓楼区阳光养老服务中心', grade: '4A', expiresOn: '2031-11-19' },
  },
  'organisations.record.grade_assessed': {
    'zh-CN': {
      title: (p) =>
        p['grade']
          ? `等级评估 ${String(p['code'])}：${points(p['points'])} 分，评定为 ${String(p['grade'])}（有效期至 ${String(p['expiresOn'])}）`
          : `等级评估 ${String(p['code'])}：${points(p['points'])} 分，未达到评估等级`,
    },
    'en-US': {
      title: (p) =>
        p['grade']
          ? `Grade assessment ${String(p['code'])}: ${points(p['points'])} points, rated ${String(p['grade'])} (valid until ${String(p['expiresOn'])})`
          : `Grade assessment ${String(p['code'])}: ${points(p['points'])} points, no grade`,
    },
    example: { grade: '5A', points: '905.00', code: 'DJ-2026-000001', expiresOn: '2031-11-19' },
  },
  'organisations.record.grade_expired': {
    'zh-CN': { title: '评估等级 {grade} 已于 {expiresOn} 到期' },
    'en-US': { title: 'Evaluation grade {grade} expired after {expiresOn}' },
    example: { grade: '4A', expiresOn: '2031-11-19' },
  },
  'organisations.record.awarded': {
    'zh-CN': { title: '中标「{tenderTitle}」' },
    'en-US': { title: 'Won “{tenderTitle}”' },
    example: { tenderTitle: '老年助餐服务采购' },
  },
};
