import type { OrganisationRecord } from '../../../api';

const COLORS: Readonly<Record<OrganisationRecord['kind'], string>> = {
  APPROVAL: 'blue',
  AWARD: 'green',
  CONTRACT: 'cyan',
  EVALUATION: 'gold',
  SUSPENSION: 'orange',
  BLACKLIST: 'red',
  REINSTATEMENT: 'geekblue',
  // barred from bidding in a district after a failed evaluation (issue #11)
  BAR: 'volcano',
};

/** The tag colour of a record line: sanctions warm, awards and contracts green/cyan. */
export function recordColor(kind: string): string {
  return Object.prototype.hasOwnProperty.call(COLORS, kind) ? COLORS[kind as OrganisationRecord['kind']] : 'default';
}
