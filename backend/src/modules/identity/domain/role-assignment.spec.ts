import { checkAssignment } from './role-assignment';

describe('role assignment', () => {
  it('accepts a district procurement officer and a community resident', () => {
    expect(
      checkAssignment({ roles: ['PROCUREMENT_OFFICER'], regionLevel: 'DISTRICT', organisationKind: null }),
    ).toBeNull();
    expect(checkAssignment({ roles: ['RESIDENT'], regionLevel: 'COMMUNITY', organisationKind: null })).toBeNull();
  });

  it('requires a region for staff roles', () => {
    expect(checkAssignment({ roles: ['AUDITOR'], regionLevel: null, organisationKind: null })).toMatch(/need a region/);
  });

  it('puts residents in a community only', () => {
    expect(checkAssignment({ roles: ['RESIDENT'], regionLevel: 'STREET', organisationKind: null })).toMatch(
      /community/,
    );
    expect(checkAssignment({ roles: ['RESIDENT', 'ADMIN'], regionLevel: 'COMMUNITY', organisationKind: null })).toMatch(
      /no other role/,
    );
  });

  it('ties organisation roles to the right kind of organisation', () => {
    expect(
      checkAssignment({ roles: ['ORG_MEMBER'], regionLevel: null, organisationKind: 'SOCIAL_ORGANISATION' }),
    ).toBeNull();
    expect(checkAssignment({ roles: ['ORG_MEMBER'], regionLevel: null, organisationKind: null })).toMatch(
      /social organisation/,
    );
    expect(
      checkAssignment({ roles: ['EVALUATOR'], regionLevel: null, organisationKind: 'SOCIAL_ORGANISATION' }),
    ).toMatch(/evaluation agency/);
    expect(checkAssignment({ roles: ['ADMIN'], regionLevel: 'CITY', organisationKind: 'SOCIAL_ORGANISATION' })).toMatch(
      /Only ORG_MEMBER/,
    );
  });

  it('rejects unknown roles and an empty role list', () => {
    expect(checkAssignment({ roles: [], regionLevel: 'CITY', organisationKind: null })).toMatch(/At least one/);
    expect(checkAssignment({ roles: ['ROOT'], regionLevel: 'CITY', organisationKind: null })).toMatch(/Unknown roles/);
  });

  it('never lets one account hold ADMIN and AUDITOR (separation of duties)', () => {
    expect(checkAssignment({ roles: ['ADMIN', 'AUDITOR'], regionLevel: 'CITY', organisationKind: null })).toMatch(
      /ADMIN and AUDITOR/,
    );
    expect(checkAssignment({ roles: ['AUDITOR', 'ADMIN'], regionLevel: 'CITY', organisationKind: null })).toMatch(
      /ADMIN and AUDITOR/,
    );
    expect(
      checkAssignment({ roles: ['ADMIN', 'FINANCE_OFFICER'], regionLevel: 'CITY', organisationKind: null }),
    ).toBeNull();
  });
});
