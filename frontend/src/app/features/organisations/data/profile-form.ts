import type { OrganisationDetail, OrgType, UpdateMyOrganisationRequest } from '../../../api';

export interface ProfileFormValue {
  name: string;
  orgType: OrgType | null;
  regionId: string | null;
  legalRepresentative: string;
  contactPhone: string;
  serviceRegionIds: string[];
  bankName: string;
  bankAccountName: string;
  bankAccountNo: string;
}

/** Registration data (name, type, region) can change only while the registration is under review. */
export function registrationEditable(status: OrganisationDetail['status']): boolean {
  return status === 'PENDING_REVIEW' || status === 'RETURNED';
}

export function toProfileFormValue(o: OrganisationDetail): ProfileFormValue {
  return {
    name: o.name,
    orgType: o.orgType,
    regionId: String(o.regionId),
    legalRepresentative: o.legalRepresentative ?? '',
    contactPhone: o.contactPhone ?? '',
    serviceRegionIds: o.serviceAreas.map((a) => String(a.id)),
    bankName: o.bankName ?? '',
    bankAccountName: o.bankAccountName ?? '',
    bankAccountNo: o.bankAccountNo ?? '',
  };
}

/**
 * Only what changed (the API audits every change); an empty text is left out (the API keeps the old value).
 * The grade is not part of the profile: members propose it with its certificate (`grade-proposal.ts`).
 */
export function toProfilePatch(v: ProfileFormValue, o: OrganisationDetail): UpdateMyOrganisationRequest {
  const patch: UpdateMyOrganisationRequest = {};
  const text = (value: string, old: string | null): string | undefined => {
    const trimmed = value.trim();
    return trimmed !== '' && trimmed !== (old ?? '') ? trimmed : undefined;
  };
  if (registrationEditable(o.status)) {
    const name = text(v.name, o.name);
    if (name !== undefined) patch.name = name;
    if (v.orgType !== null && v.orgType !== o.orgType) patch.orgType = v.orgType;
    if (v.regionId !== null && Number(v.regionId) !== o.regionId) patch.regionId = Number(v.regionId);
  }
  const fields = ['legalRepresentative', 'contactPhone', 'bankName', 'bankAccountName', 'bankAccountNo'] as const;
  for (const field of fields) {
    const value = text(v[field], o[field]);
    if (value !== undefined) patch[field] = value;
  }
  const areas = [...new Set(v.serviceRegionIds.map(Number))].sort((a, b) => a - b);
  const oldAreas = o.serviceAreas.map((a) => a.id).sort((a, b) => a - b);
  if (areas.join(',') !== oldAreas.join(',')) patch.serviceRegionIds = areas;
  return patch;
}
