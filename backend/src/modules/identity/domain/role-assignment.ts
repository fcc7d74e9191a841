import { ORGANISATION_ROLES, Role, ROLES } from '../../../platform/access/permissions';
import type { RegionLevel } from '../../regions';

/**
 * Which roles need what (PRODUCT.md §2): staff roles belong to a region node and see its subtree;
 * residents belong to a community; organisation members and evaluators belong to an organisation
 * (a social organisation, or an evaluation agency for evaluators); experts belong to the expert pool
 * and may have a home region.
 */
export interface Assignment {
  roles: string[];
  regionLevel: RegionLevel | null;
  organisationKind: string | null;
}

/**
 * Separation of duties: whoever administers accounts and settings must not also be the one who reads and
 * verifies the audit log of those changes. The database refuses the pair too (trigger on `user_roles`).
 */
export const SEPARATION_OF_DUTIES = 'ADMIN and AUDITOR are never held by one account (separation of duties).';

export function checkAssignment(a: Assignment): string | null {
  if (a.roles.length === 0) return 'At least one role is required.';
  const unknown = a.roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) return `Unknown roles: ${unknown.join(', ')}.`;
  const roles = a.roles as Role[];
  if (roles.includes('ADMIN') && roles.includes('AUDITOR')) return SEPARATION_OF_DUTIES;
  const staff = roles.filter((r) => !ORGANISATION_ROLES.includes(r) && r !== 'EXPERT' && r !== 'RESIDENT');
  if (staff.length > 0 && a.regionLevel === null) return `${staff.join(', ')} need a region.`;
  if (roles.includes('RESIDENT')) {
    if (a.regionLevel !== 'COMMUNITY') return 'A resident belongs to a community.';
    if (roles.length > 1) return 'A resident account holds no other role.';
  }
  if (roles.includes('ORG_MEMBER') && a.organisationKind !== 'SOCIAL_ORGANISATION')
    return 'ORG_MEMBER needs a social organisation.';
  if (roles.includes('EVALUATOR') && a.organisationKind !== 'EVALUATION_AGENCY')
    return 'EVALUATOR needs an evaluation agency.';
  if (!roles.some((r) => ORGANISATION_ROLES.includes(r)) && a.organisationKind !== null) {
    return 'Only ORG_MEMBER and EVALUATOR accounts belong to an organisation.';
  }
  return null;
}
