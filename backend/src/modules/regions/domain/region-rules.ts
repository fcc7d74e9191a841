/**
 * The region tree (PRODUCT.md §2): city → district → street/town → community, each identified by
 * its 12-digit national statistical division code (统计用区划代码). A child's code keeps its
 * parent's significant prefix: city 4 digits, district 6, street 9.
 */
export const REGION_LEVELS = ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const PREFIX_LENGTH: Record<RegionLevel, number> = { CITY: 4, DISTRICT: 6, STREET: 9, COMMUNITY: 12 };

export function childLevel(parent: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(parent);
  return i < REGION_LEVELS.length - 1 ? REGION_LEVELS[i + 1] : null;
}

export type CodeProblem = 'FORMAT' | 'PREFIX' | 'LEVEL';

/** Checks a child's code against its parent's; null when fine. */
export function checkChildCode(parentCode: string, parentLevel: RegionLevel, code: string): CodeProblem | null {
  if (!/^\d{12}$/.test(code)) return 'FORMAT';
  const level = childLevel(parentLevel);
  if (level === null) return 'LEVEL';
  const keep = PREFIX_LENGTH[parentLevel];
  if (code.slice(0, keep) !== parentCode.slice(0, keep)) return 'PREFIX';
  // The child's own segment must be set, and everything after it zero.
  const own = code.slice(keep, PREFIX_LENGTH[level]);
  const rest = code.slice(PREFIX_LENGTH[level]);
  if (/^0+$/.test(own) || !/^0*$/.test(rest)) return 'FORMAT';
  return null;
}

/** A city code: 12 digits, the last 8 zero, city segment set. */
export function isCityCode(code: string): boolean {
  return /^\d{4}0{8}$/.test(code) && !/^\d\d00/.test(code);
}
