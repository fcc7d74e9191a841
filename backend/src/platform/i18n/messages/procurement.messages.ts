import type { TemplateCatalogue } from '../template';

const TENDER = '老年助餐服务采购';
const DEADLINE = '2026-12-11T16:00:00.000Z';

/**
 * The procurement context's texts. `procurement.step.*` are the steps a need's raiser and supporters
 * see on its timeline and in their inbox (through the needs context's NeedProgress port);
 * `procurement.why.*` are the reasons a need changes status with its project; the others go to
 * officers, bidders and experts. Nothing here may tell how many bids a tender has before opening.
 */
export const PROCUREMENT_MESSAGES: TemplateCatalogue = {
  // ---- steps on a need's timeline (raiser, supporters, the worker who entered it)
  'procurement.step.tender_published': {
    'zh-CN': {
      title: '采购公告「{tenderTitle}」已发布',
      body: '采购方式：{method|method}。投标截止时间：{bidDeadline|deadline}。',
    },
    'en-US': {
      title: 'Call for bids “{tenderTitle}” published',
      body: 'Method: {method|method}. Bids close at {bidDeadline|deadline} (Beijing time).',
    },
    example: { tenderTitle: TENDER, method: 'OPEN_TENDER', bidDeadline: DEADLINE },
  },
  'procurement.step.deadline_moved': {
    'zh-CN': {
      title: '采购公告「{tenderTitle}」发布更正公告，投标截止时间顺延',
      body: '投标截止时间由 {before|deadline} 顺延至 {after|deadline}。',
    },
    'en-US': {
      title: 'Call for bids “{tenderTitle}” amended: the bid deadline moves',
      body: 'Bids now close at {after|deadline} instead of {before|deadline} (Beijing time).',
    },
    example: { tenderTitle: TENDER, before: DEADLINE, after: '2026-12-20T16:00:00.000Z' },
  },
  'procurement.step.bids_opened': {
    'zh-CN': { title: '采购公告「{tenderTitle}」已开标', body: '接下来进行资格审查和评标。' },
    'en-US': { title: 'Bids for “{tenderTitle}” opened', body: 'Qualification and evaluation follow.' },
    example: { tenderTitle: TENDER },
  },
  'procurement.step.tender_failed': {
    'zh-CN': {
      title: '采购公告「{tenderTitle}」流标',
      body: '有效投标 {valid} 份，不足 {minimum} 份。采购项目将重新招标或变更采购方式，您的需求仍在采购中。',
    },
    'en-US': {
      title: 'Call for bids “{tenderTitle}” failed',
      body: '{valid} valid bid(s), fewer than the {minimum} required. The project will be put out to tender again or bought by another method; your need stays in procurement.',
    },
    example: { tenderTitle: TENDER, valid: 2, minimum: 3 },
  },
  'procurement.step.award_notice': {
    'zh-CN': {
      title: '「{tenderTitle}」中标公告已发布',
      body: '中标人：{winner}，中标金额 {amountFen|money}。质疑期至 {objectionWindowEndsAt|deadline}，期满无质疑即生效。',
    },
    'en-US': {
      title: 'Award notice for “{tenderTitle}” published',
      body: 'Winner: {winner}, for {amountFen|money}. Objections may be filed until {objectionWindowEndsAt|deadline} (Beijing time); the award then becomes final.',
    },
    example: {
      tenderTitle: TENDER,
      winner: '南京市鼓楼区阳光养老服务中心',
      amountFen: '950000',
      objectionWindowEndsAt: DEADLINE,
    },
  },
  'procurement.step.awarded': {
    'zh-CN': {
      title: '「{tenderTitle}」中标结果已生效',
      body: '由 {winner} 提供服务，中标金额 {amountFen|money}。接下来签订合同。',
    },
    'en-US': {
      title: 'The award for “{tenderTitle}” is final',
      body: '{winner} will provide the service, for {amountFen|money}. The contract is signed next.',
    },
    example: { tenderTitle: TENDER, winner: '南京市鼓楼区阳光养老服务中心', amountFen: '950000' },
  },
  'procurement.step.tender_cancelled': {
    'zh-CN': {
      title: '采购公告「{tenderTitle}」已终止',
      body: '原因：{reason}。采购项目可重新发布采购公告，您的需求仍在采购中。',
    },
    'en-US': {
      title: 'Call for bids “{tenderTitle}” cancelled',
      body: 'Reason: {reason}. The project can be put out to tender again; your need stays in procurement.',
    },
    example: { tenderTitle: TENDER, reason: '采购需求调整' },
  },
  'procurement.step.re_evaluation': {
    'zh-CN': {
      title: '「{tenderTitle}」质疑成立，重新评标',
      body: '中标公告撤回，评标委员会重新评审后将另行公告。',
    },
    'en-US': {
      title: 'Objection upheld for “{tenderTitle}”: bids are evaluated again',
      body: 'The award notice is withdrawn; a new notice follows the committee’s new evaluation.',
    },
    example: { tenderTitle: TENDER },
  },
  'procurement.step.award_cancelled': {
    'zh-CN': {
      title: '「{tenderTitle}」质疑成立，中标结果作废',
      body: '采购项目可重新采购，您的需求仍在采购中。',
    },
    'en-US': {
      title: 'Objection upheld for “{tenderTitle}”: the award is cancelled',
      body: 'The project can be procured again; your need stays in procurement.',
    },
    example: { tenderTitle: TENDER },
  },
  // ---- why a need moves with its project
  'procurement.why.project_included': {
    'zh-CN': { title: '纳入采购项目「{projectTitle}」' },
    'en-US': { title: 'Included in the procurement project “{projectTitle}”' },
    example: { projectTitle: '山西路社区老年助餐' },
  },
  'procurement.why.project_cancelled': {
    'zh-CN': { title: '采购项目「{projectTitle}」已取消：{reason}' },
    'en-US': { title: 'The procurement project “{projectTitle}” was cancelled: {reason}' },
    example: { projectTitle: '山西路社区老年助餐', reason: '需求变更' },
  },
  // ---- officers, bidders, experts
  'procurement.tender.cancelled': {
    'zh-CN': { title: '采购公告「{tenderTitle}」已终止', body: '终止原因：{reason}。已提交的投标文件不予开启。' },
    'en-US': {
      title: 'Call for bids “{tenderTitle}” cancelled',
      body: 'Reason: {reason}. Bids already submitted will not be opened.',
    },
    example: { tenderTitle: TENDER, reason: '采购需求调整' },
  },
  'procurement.tender.amended': {
    'zh-CN': {
      title: '采购公告「{tenderTitle}」发布更正公告',
      body: (p, f) =>
        [
          String(p['text'] ?? ''),
          p['moved'] ? `投标截止时间顺延至 ${f.deadline(p['deadline'])}。` : '',
          p['reconfirm'] ? '已提交投标文件的机构须重新确认投标。' : '',
        ]
          .filter(Boolean)
          .join('\n'),
    },
    'en-US': {
      title: 'Call for bids “{tenderTitle}” amended',
      body: (p, f) =>
        [
          String(p['text'] ?? ''),
          p['moved'] ? `Bids now close at ${f.deadline(p['deadline'])} (Beijing time).` : '',
          p['reconfirm'] ? 'Organisations that have submitted a bid must confirm it again.' : '',
        ]
          .filter(Boolean)
          .join('\n'),
    },
    example: {
      tenderTitle: TENDER,
      text: '服务时间调整为每日两餐。',
      moved: true,
      deadline: DEADLINE,
      reconfirm: true,
    },
  },
  'procurement.tender.clarified': {
    'zh-CN': { title: '采购公告「{tenderTitle}」发布澄清', body: '{text}' },
    'en-US': { title: 'Clarification on “{tenderTitle}”', body: '{text}' },
    example: { tenderTitle: TENDER, text: '配送范围含山西路社区全部小区。' },
  },
  'procurement.tender.question': {
    'zh-CN': { title: '采购公告「{tenderTitle}」收到提问', body: '{question}' },
    'en-US': { title: 'A question on “{tenderTitle}”', body: '{question}' },
    example: { tenderTitle: TENDER, question: '是否接受联合体投标？' },
  },
  'procurement.tender.answered': {
    'zh-CN': { title: '采购公告「{tenderTitle}」答疑', body: '问：{question}\n答：{answer}' },
    'en-US': { title: 'Answer on “{tenderTitle}”', body: 'Q: {question}\nA: {answer}' },
    example: { tenderTitle: TENDER, question: '是否接受联合体投标？', answer: '不接受。' },
  },
  'procurement.tender.opened_bidders': {
    'zh-CN': { title: '采购公告「{tenderTitle}」已开标', body: '共 {bids} 份投标文件，有效 {valid} 份。' },
    'en-US': { title: 'Bids for “{tenderTitle}” opened', body: '{bids} bid(s) received, {valid} valid.' },
    example: { tenderTitle: TENDER, bids: 4, valid: 3 },
  },
  'procurement.tender.opened_officer': {
    'zh-CN': {
      title: '采购公告「{tenderTitle}」已开标',
      body: '共 {bids} 份投标文件，有效 {valid} 份，请进行资格审查。',
    },
    'en-US': {
      title: 'Bids for “{tenderTitle}” opened',
      body: '{bids} bid(s) received, {valid} valid: check their qualification.',
    },
    example: { tenderTitle: TENDER, bids: 4, valid: 3 },
  },
  'procurement.tender.failed_bidders': {
    'zh-CN': { title: '采购公告「{tenderTitle}」流标', body: '有效投标 {valid} 份，不足 {minimum} 份，流标。' },
    'en-US': {
      title: 'Call for bids “{tenderTitle}” failed',
      body: '{valid} valid bid(s), fewer than the {minimum} required.',
    },
    example: { tenderTitle: TENDER, valid: 2, minimum: 3 },
  },
  'procurement.tender.failed_officer': {
    'zh-CN': {
      title: '采购公告「{tenderTitle}」流标',
      body: '有效投标 {valid} 份，不足 {minimum} 份，流标。可重新招标或变更采购方式。',
    },
    'en-US': {
      title: 'Call for bids “{tenderTitle}” failed',
      body: '{valid} valid bid(s), fewer than the {minimum} required. Tender again, or change the procurement method.',
    },
    example: { tenderTitle: TENDER, valid: 2, minimum: 3 },
  },
  'procurement.tender.award_notice': {
    'zh-CN': {
      title: '采购公告「{tenderTitle}」中标公告',
      body: '中标人：{winner}，中标金额 {amountFen|money}。对结果有异议的，可在 {objectionWindowEndsAt|deadline} 前提出质疑。',
    },
    'en-US': {
      title: 'Award notice for “{tenderTitle}”',
      body: 'Winner: {winner}, for {amountFen|money}. Objections may be filed until {objectionWindowEndsAt|deadline} (Beijing time).',
    },
    example: {
      tenderTitle: TENDER,
      winner: '南京市鼓楼区阳光养老服务中心',
      amountFen: '950000',
      objectionWindowEndsAt: DEADLINE,
    },
  },
  'procurement.tender.awarded_winner': {
    'zh-CN': {
      title: '「{tenderTitle}」中标结果已生效',
      body: '质疑期已届满，请在中标公告发布之日起 30 日内签订合同。',
    },
    'en-US': {
      title: 'The award for “{tenderTitle}” is final',
      body: 'The objection period is over: sign the contract within 30 days of the award notice.',
    },
    example: { tenderTitle: TENDER },
  },
  'procurement.tender.awarded_officer': {
    'zh-CN': { title: '「{tenderTitle}」中标结果已生效', body: '质疑期已届满，无未处理的质疑。' },
    'en-US': {
      title: 'The award for “{tenderTitle}” is final',
      body: 'The objection period is over and no objection is open.',
    },
    example: { tenderTitle: TENDER },
  },
  'procurement.tender.confirmation_due': {
    'zh-CN': {
      title: '「{tenderTitle}」请尽快确认中标人',
      body: '评标报告已于 {reportAt|instant} 提交，须在 {confirmationDueAt|deadline} 前确认中标人。',
    },
    'en-US': {
      title: 'Confirm the winner of “{tenderTitle}” soon',
      body: 'The committee report came in at {reportAt|instant}; confirm the winner by {confirmationDueAt|deadline} (Beijing time).',
    },
    example: { tenderTitle: TENDER, reportAt: '2026-12-04T02:00:00.000Z', confirmationDueAt: DEADLINE },
  },
  'procurement.tender.committee': {
    'zh-CN': {
      title: '您被抽取为「{tenderTitle}」评标委员会成员',
      body: '请登录评审任务页面，对通过资格审查的投标逐项打分。',
    },
    'en-US': {
      title: 'You were drawn for the committee of “{tenderTitle}”',
      body: 'Open your review tasks and score each qualified bid.',
    },
    example: { tenderTitle: TENDER },
  },
  'procurement.tender.recommended': {
    'zh-CN': {
      title: '「{tenderTitle}」评标报告已提交',
      body: '推荐中标候选人已产生，请在 {confirmationDueAt|deadline} 前确认中标人。',
    },
    'en-US': {
      title: 'Committee report for “{tenderTitle}” submitted',
      body: 'The recommended winner is known: confirm the winner by {confirmationDueAt|deadline} (Beijing time).',
    },
    example: { tenderTitle: TENDER, confirmationDueAt: DEADLINE },
  },
  'procurement.tender.re_evaluate': {
    'zh-CN': { title: '「{tenderTitle}」需重新评审', body: '质疑成立：{reason}' },
    'en-US': { title: '“{tenderTitle}” must be evaluated again', body: 'An objection was upheld: {reason}' },
    example: { tenderTitle: TENDER, reason: '技术评分有误' },
  },
  'procurement.objection.filed': {
    'zh-CN': { title: '「{tenderTitle}」收到质疑', body: '请在 {answerDueAt|deadline} 前答复。' },
    'en-US': {
      title: 'An objection to “{tenderTitle}”',
      body: 'Answer it by {answerDueAt|deadline} (Beijing time).',
    },
    example: { tenderTitle: TENDER, answerDueAt: DEADLINE },
  },
  'procurement.objection.answer_due': {
    'zh-CN': { title: '「{tenderTitle}」的质疑须在 {answerDueAt|deadline} 前答复', body: '{grounds}' },
    'en-US': {
      title: 'The objection to “{tenderTitle}” must be answered by {answerDueAt|deadline} (Beijing time)',
      body: '{grounds}',
    },
    example: { tenderTitle: TENDER, answerDueAt: DEADLINE, grounds: '技术评分不合理，请复核。' },
  },
  'procurement.objection.answered': {
    'zh-CN': { title: '您对「{tenderTitle}」的质疑已答复', body: '{outcome|objectionOutcome}：{answer}' },
    'en-US': { title: 'Your objection to “{tenderTitle}” was answered', body: '{outcome|objectionOutcome}: {answer}' },
    example: { tenderTitle: TENDER, outcome: 'DISMISSED', answer: '评分符合评标办法。' },
  },
};
