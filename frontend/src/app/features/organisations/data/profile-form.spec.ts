import type { OrganisationDetail } from '../../../api';
import { registrationEditable, toProfileFormValue, toProfilePatch } from './profile-form';

const org = (over: Partial<OrganisationDetail> = {}): OrganisationDetail => ({
  id: 7,
  name: '阳光养老',
  kind: 'SOCIAL_ORGANISATION',
  orgType: 'SOCIAL_SERVICE_AGENCY',
  creditCode: '52320106MJ50000014',
  regionId: 2,
  regionName: '鼓楼区',
  status: 'ACTIVE',
  grade: 4,
  gradeExpiresOn: '2028-12-31',
  gradeValid: true,
  blacklistedUntil: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  legalRepresentative: '刘阳',
  contactPhone: '025-83210001',
  serviceAreas: [{ id: 2, name: '鼓楼区', level: 'DISTRICT' }],
  bankName: '工行',
  bankAccountName: '阳光养老',
  bankAccountNo: '4301010109100100001',
  statusReason: null,
  reviewedAt: null,
  updatedAt: null,
  actions: [],
  ...over,
});

describe('profile form → PATCH body', () => {
  it('sends nothing when nothing changed', () => {
    expect(toProfilePatch(toProfileFormValue(org()), org())).toEqual({});
  });

  it('sends only the changed fields, trimmed, with service areas as numbers', () => {
    const v = { ...toProfileFormValue(org()), contactPhone: ' 025-1234567 ', serviceRegionIds: ['2', '10'] };
    expect(toProfilePatch(v, org())).toEqual({ contactPhone: '025-1234567', serviceRegionIds: [2, 10] });
  });

  it('never sends a grade: members propose it with its certificate instead', () => {
    const patch = toProfilePatch({ ...toProfileFormValue(org()), bankName: '建行' }, org({ grade: null }));
    expect(patch).toEqual({ bankName: '建行' });
    expect(Object.keys(toProfileFormValue(org()))).not.toContain('grade');
  });

  it('leaves the registration data out once the organisation is approved', () => {
    const v = { ...toProfileFormValue(org()), name: '新名称', regionId: '10' };
    expect(toProfilePatch(v, org())).toEqual({});
    expect(toProfilePatch(v, org({ status: 'RETURNED' }))).toEqual({ name: '新名称', regionId: 10 });
    expect(
      ['PENDING_REVIEW', 'RETURNED', 'ACTIVE', 'SUSPENDED', 'BLACKLISTED'].filter((s) =>
        registrationEditable(s as OrganisationDetail['status']),
      ),
    ).toEqual(['PENDING_REVIEW', 'RETURNED']);
  });
});
