/**
 * Who may bid (PRODUCT.md §5.3, §5.7): an ACTIVE social organisation (not suspended, not
 * blacklisted), with a valid evaluation grade at least the tender's minimum, registered in or
 * serving the tender's region; for a single-source tender, only the designated organisation.
 */
export interface EligibilityRule {
  /** 1..5 (1A..5A) or null for no minimum. */
  minGrade: number | null;
  /** Materialised path of the tender's region. */
  regionPath: string;
  /** Single source: the one organisation invited. */
  designatedOrganisationId: number | null;
}

export interface BidderFacts {
  id: number;
  kind: string;
  status: string;
  /**
   * The DECIDED grade only (`OrganisationsService.eligibility`: an officer approved it on its certificate, or
   * the system recorded it), never what the organisation's members claim — their proposals are kept apart
   * until decided (issue #9 A6).
   */
  grade: number | null;
  gradeExpiresOn: string | null;
  regionPath: string;
  serviceRegionPaths: readonly string[];
  blacklistedUntil: Date | null;
  /**
   * Bars from bidding in force (`OrganisationsService.eligibility`): after a failed evaluation the organisation may
   * not bid in the evaluated district's subtree until the end of `untilDate` (Beijing).
   */
  bars?: readonly BidderBar[];
}

export interface BidderBar {
  regionPath: string;
  regionName: string;
  /** The evaluation that caused it (评估编号), its score and grade. */
  code: string;
  score: string;
  grade: string;
  untilDate: string;
  endsAt: Date;
}

const GRADE_WORDS: Readonly<Record<string, string>> = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };

/** Why a bar refuses a bid: the evaluation, its score and grade, and the last day of the bar. */
export function barReason(bar: BidderBar): string {
  const grade = GRADE_WORDS[bar.grade] ?? bar.grade;
  return `因评估 ${bar.code} 结果为${grade}（${bar.score} 分），${bar.untilDate} 前（含当日）不得在${bar.regionName || '该区域'}参与投标`;
}

const overlaps = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** The reasons an organisation may not bid (empty when eligible), at instant `now` (`today` = its Shanghai date). */
export function ineligibilityReasons(org: BidderFacts, rule: EligibilityRule, now: Date, today: string): string[] {
  const out: string[] = [];
  if (org.kind !== 'SOCIAL_ORGANISATION') out.push('只有社会组织可以投标');
  if (org.blacklistedUntil !== null && org.blacklistedUntil > now) out.push('已被列入黑名单');
  else if (org.status !== 'ACTIVE') out.push(`机构状态为 ${org.status}，不能投标`);
  if (rule.designatedOrganisationId !== null && rule.designatedOrganisationId !== org.id)
    out.push('单一来源采购只邀请指定机构');
  if (rule.minGrade !== null) {
    const valid = org.grade !== null && (org.gradeExpiresOn === null || org.gradeExpiresOn >= today);
    if (!valid || (org.grade ?? 0) < rule.minGrade) out.push(`评估等级须不低于 ${rule.minGrade}A（且在有效期内）`);
  }
  if (![org.regionPath, ...org.serviceRegionPaths].some((p) => overlaps(p, rule.regionPath)))
    out.push('登记地或服务区域不在本项目区域');
  // a bar covers the tenders of its region's subtree, until the end of its last day
  for (const bar of org.bars ?? [])
    if (rule.regionPath.startsWith(bar.regionPath) && bar.endsAt > now) out.push(barReason(bar));
  return out;
}
