import type { OrganisationStatus } from '../../../api';
import type { OrgKey } from '../i18n/organisations-i18n';

export interface Banner {
  type: 'info' | 'warning' | 'error';
  title: OrgKey;
  hint: OrgKey;
}

const BANNERS: Readonly<Record<Exclude<OrganisationStatus, 'ACTIVE'>, Banner>> = {
  PENDING_REVIEW: {
    type: 'info',
    title: 'organisations.banner.PENDING_REVIEW',
    hint: 'organisations.banner.PENDING_REVIEW.hint',
  },
  RETURNED: { type: 'warning', title: 'organisations.banner.RETURNED', hint: 'organisations.banner.RETURNED.hint' },
  SUSPENDED: { type: 'warning', title: 'organisations.banner.SUSPENDED', hint: 'organisations.banner.SUSPENDED.hint' },
  BLACKLISTED: {
    type: 'error',
    title: 'organisations.banner.BLACKLISTED',
    hint: 'organisations.banner.BLACKLISTED.hint',
  },
};

/** The banner a member sees for their organisation's status; none while it is ACTIVE (or unknown). */
export function bannerOf(status: OrganisationStatus | null | undefined): Banner | null {
  if (!status || status === 'ACTIVE') return null;
  return BANNERS[status] ?? null;
}
